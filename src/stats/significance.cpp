#include "spyglass/stats/significance.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <vector>

#include "spyglass/stats/mann_whitney.hpp"

namespace spyglass::stats {

namespace {

// `samples` without its NaN entries, which asv drops before testing.
std::vector<double> without_nan(const std::vector<double>& samples) {
  std::vector<double> kept;
  kept.reserve(samples.size());
  std::copy_if(samples.begin(), samples.end(), std::back_inserter(kept),
               [](double sample) { return !std::isnan(sample); });
  return kept;
}

// The pessimistic test: overlapping (or touching) 99% confidence intervals are not different.
TestOutcome ci_overlap_test(const model::Stats& stats_a, const model::Stats& stats_b) {
  if (!stats_a.ci_99_a || !stats_a.ci_99_b || !stats_b.ci_99_a || !stats_b.ci_99_b) {
    return TestOutcome{true, model::Evidence::k_factor_only, std::nullopt};
  }
  const bool overlap = *stats_a.ci_99_b >= *stats_b.ci_99_a && *stats_a.ci_99_a <= *stats_b.ci_99_b;
  return TestOutcome{!overlap, model::Evidence::k_ci_overlap, std::nullopt};
}

// asv's condition for testing at all: a non-empty stats dict whose `repeat` (0 when absent) is
// not 1.
bool has_usable_stats(const SampleStats& side) {
  return side.stats != nullptr && !side.stats->empty() && side.stats->repeat.value_or(0.0) != 1.0;
}

// asv's `_is_result_better` given the outcome of its `is_different`.
TestOutcome better_if_different(TestOutcome different, double a, double b, double factor) {
  different.result = different.result && a < b / factor;
  return different;
}

TestOutcome factor_only(double a, double b, double factor) {
  return TestOutcome{a < b / factor, model::Evidence::k_factor_only, std::nullopt};
}

}  // namespace

TestOutcome is_different(const std::vector<double>* samples_a, const std::vector<double>* samples_b,
                         const model::Stats& stats_a, const model::Stats& stats_b,
                         double p_threshold) {
  if (samples_a != nullptr && samples_b != nullptr) {
    const std::vector<double> a = without_nan(*samples_a);
    const std::vector<double> b = without_nan(*samples_b);
    const auto total = static_cast<int>(a.size() + b.size());
    const auto smaller = static_cast<int>(std::min(a.size(), b.size()));
    // The smallest p-value these sizes allow; when it cannot beat the threshold, skip the test.
    const double p_min = 1.0 / binom(total, smaller);
    if (p_min < p_threshold) {
      const double p = mann_whitney_u(a, b).p;
      return TestOutcome{p < p_threshold, model::Evidence::k_mann_whitney, p};
    }
  }
  return ci_overlap_test(stats_a, stats_b);
}

TestOutcome is_result_better(double a, double b, const SampleStats& a_ss, const SampleStats& b_ss,
                             double factor, bool use_stats) {
  if (use_stats && has_usable_stats(a_ss) && has_usable_stats(b_ss)) {
    return better_if_different(is_different(a_ss.samples, b_ss.samples, *a_ss.stats, *b_ss.stats),
                               a, b, factor);
  }
  return factor_only(a, b, factor);
}

BetterEitherWay is_result_better_either_way(double a, double b, const SampleStats& a_ss,
                                            const SampleStats& b_ss, double factor) {
  if (has_usable_stats(a_ss) && has_usable_stats(b_ss)) {
    const TestOutcome different =
        is_different(a_ss.samples, b_ss.samples, *a_ss.stats, *b_ss.stats);
    return {better_if_different(different, a, b, factor),
            better_if_different(different, b, a, factor)};
  }
  return {factor_only(a, b, factor), factor_only(b, a, factor)};
}

}  // namespace spyglass::stats
