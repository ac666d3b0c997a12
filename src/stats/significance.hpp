#pragma once

#include <optional>
#include <vector>

#include "spyglass/model/asv_results.hpp"
#include "spyglass/model/comparison.hpp"

namespace spyglass::stats {

// asv's default p-value threshold for `is_different`.
inline constexpr double k_p_threshold = 0.002;

// The stats and samples one side of a comparison has; null pointers where the file has none.
struct SampleStats {
  const model::Stats* stats = nullptr;
  const std::vector<double>* samples = nullptr;
};

// The outcome of a statistical test, with the evidence that decided it.
struct TestOutcome {
  bool result = false;
  model::Evidence evidence = model::Evidence::k_factor_only;
  std::optional<double> p_value;  // set when Mann-Whitney U decided
};

// asv's `is_different`: Mann-Whitney U when both sides have samples enough for p < threshold to
// be possible, else the pessimistic 99% CI overlap test (spec 4.2). A CI bound missing from the
// stats (asv would raise KeyError) counts as "different" with evidence k_factor_only, so the
// factor alone decides.
TestOutcome is_different(const std::vector<double>* samples_a, const std::vector<double>* samples_b,
                         const model::Stats& stats_a, const model::Stats& stats_b,
                         double p_threshold = k_p_threshold);

// asv's `_is_result_better`: is `a` better (smaller) than `b` by more than `factor`, with the
// statistical test vetoing an insignificant difference when both sides have usable stats
// (spec 4.1).
TestOutcome is_result_better(double a, double b, const SampleStats& a_ss, const SampleStats& b_ss,
                             double factor, bool use_stats = true);

// Both `_is_result_better` calls compare makes for one benchmark, `a` against `b` and `b` against
// `a`, from one run of the statistical test. `is_different` is symmetric: the CI overlap test
// plainly, and Mann-Whitney because its p depends only on the sizes and on min(U, mn - U) after
// the conservative tie adjustment, which swapping the sides leaves unchanged.
struct BetterEitherWay {
  TestOutcome a_better;
  TestOutcome b_better;
};
BetterEitherWay is_result_better_either_way(double a, double b, const SampleStats& a_ss,
                                            const SampleStats& b_ss, double factor);

}  // namespace spyglass::stats
