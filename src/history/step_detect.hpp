#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace spyglass::history {

// asv's step detection (`asv.step_detect`, asv 0.6.6), reproduced bit for bit: the double
// arithmetic runs in asv's order, and these files are compiled with -ffp-contract=off (spec
// history.md sections 3 and 4). Missing values and weights are NaN.

// A segment's weighted median and its weighted L1 distance to that median (spec 3.2).
struct MedianDistance {
  double median = 0.0;
  double distance = 0.0;
};

// The weighted median of `values` (as asv's compiled `_rangemedian` computes it) and
// Σ weight·|value − median| in index order. `values` and `weights` have the same, non-zero length.
MedianDistance weighted_median_distance(std::span<const double> values,
                                        std::span<const double> weights);

// One level of a series: points [left, right_excl) of the input (indexes for detect_steps,
// revisions for detect_regressions), the level (a weighted median), the lowest raw value in
// it, and the weighted mean absolute deviation.
struct Step {
  std::int64_t left = 0;
  std::int64_t right_excl = 0;
  double value = 0.0;
  double min_value = 0.0;
  double err = 0.0;
};

// One penalty the γ search tried and the number of segments its fit had.
struct GammaTrial {
  double gamma = 0.0;
  std::size_t segments = 0;
};

// detect_steps' answer: the steps, and how the γ search got there (empty for no points).
struct StepFit {
  std::vector<Step> steps;
  std::vector<GammaTrial> trials;  // in evaluation order
  std::optional<double> gamma;     // the kept trial's penalty
};

// asv's `detect_steps(y, w)`: `values[i]` NaN is a missing point; `weights` (empty: none) has
// one entry per value, NaN where missing, and a weight <= 0 drops its point (spec 3.1).
StepFit detect_steps(std::span<const double> values, std::span<const double> weights);

// What asv reports for one series: every jump (last revision of the lower level, first revision
// of the level after it, the lower level, the lowest level after it), the last level and the
// lowest level. Empty jumps: asv reports nothing for the series.
struct Jump {
  std::int64_t before = 0;
  std::int64_t after = 0;
  double value_before = 0.0;
  double value_after = 0.0;
};

struct Regressions {
  std::vector<Jump> jumps;
  double last_value = 0.0;
  double best_value = 0.0;
};

// asv publish's `min_size`: a step spanning fewer revisions is short (spec 4).
constexpr std::int64_t k_publish_min_size = 2;

// asv's `detect_regressions(steps, threshold, min_size)` (spec 4), `steps` in time order with
// revisions; nullopt where asv returns None.
std::optional<Regressions> detect_regressions(std::span<const Step> steps, double threshold,
                                              std::int64_t min_size = k_publish_min_size);

}  // namespace spyglass::history
