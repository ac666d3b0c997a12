#pragma once

#include <optional>
#include <span>

#include "spyglass/model/asv_results.hpp"

namespace spyglass::stats {

// A benchmark's result and stats as asv_runner derives them from its raw samples.
struct ComputedStats {
  double result = 0.0;  // the median of the samples
  model::Stats stats;   // every key set: 99% CI of the median, quartiles, repeat, number
};

// asv_runner's `compute_stats(samples, number)`: the median, its order-statistic 99% CI (widened by
// a Laplace posterior when too few samples bound it; ±inf for one sample), the quartiles,
// `repeat` = the sample count and `number` as given (spec 4.4). nullopt without samples.
// Samples must not be NaN.
std::optional<ComputedStats> compute_stats(std::span<const double> samples, double number);

// asv_runner's `quantile`: linear interpolation between the sorted samples at (n - 1) * `q`.
// `samples` (in any order) must be non-empty and `q` in [0, 1].
double quantile(std::span<const double> samples, double q);

// asv's error bar `get_err`: half the interquartile range; nullopt when a quartile is missing.
std::optional<double> half_iqr(const model::Stats& stats);

}  // namespace spyglass::stats
