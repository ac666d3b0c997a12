#include "spyglass/stats/significance.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <vector>

#include "support/paths.hpp"

namespace spyglass::stats {
namespace {

using model::Evidence;
using test::spec_vectors;
using test::vector_double;
using test::vector_doubles;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// A stats dict from the vectors; keys missing or null stay absent.
model::Stats stats_from(const nlohmann::json& dict) {
  const auto field = [&dict](const char* key) -> std::optional<double> {
    if (!dict.contains(key) || dict.at(key).is_null()) {
      return std::nullopt;
    }
    return vector_double(dict.at(key));
  };
  model::Stats stats;
  stats.ci_99_a = field("ci_99_a");
  stats.ci_99_b = field("ci_99_b");
  stats.q_25 = field("q_25");
  stats.q_75 = field("q_75");
  stats.number = field("number");
  stats.repeat = field("repeat");
  return stats;
}

// A sample list from the vectors, or nullopt for null.
std::optional<std::vector<double>> samples_from(const nlohmann::json& list) {
  if (list.is_null()) {
    return std::nullopt;
  }
  std::vector<double> samples;
  for (const auto& value : list) {
    samples.push_back(vector_double(value));
  }
  return samples;
}

const std::vector<double>* pointer_to(const std::optional<std::vector<double>>& samples) {
  return samples ? &*samples : nullptr;
}

// Stats with the given 99% CI and 10 repeats.
model::Stats with_ci(double low, double high) {
  model::Stats stats;
  stats.ci_99_a = low;
  stats.ci_99_b = high;
  stats.repeat = 10;
  stats.number = 1;
  return stats;
}

std::vector<double> counting(double first, int count) {
  std::vector<double> values;
  for (int i = 0; i < count; ++i) {
    values.push_back(first + i);
  }
  return values;
}

TEST(IsDifferent, MatchesEveryReferenceVector) {
  const auto& vectors = spec_vectors().at("is_different_p_threshold_0.002");
  ASSERT_FALSE(vectors.empty());
  for (const auto& entry : vectors) {
    const auto samples_a = samples_from(entry.at("samples_a"));
    const auto samples_b = samples_from(entry.at("samples_b"));
    const TestOutcome got =
        is_different(pointer_to(samples_a), pointer_to(samples_b), stats_from(entry.at("stats_a")),
                     stats_from(entry.at("stats_b")), 0.002);
    EXPECT_EQ(got.result, entry.at("is_different").get<bool>()) << entry.dump();
  }
}

TEST(IsDifferent, SixVsSixDisjointSamplesAreNotDifferent) {
  const auto a = counting(1, 6);
  const auto b = counting(7, 6);
  const TestOutcome got = is_different(&a, &b, with_ci(1, 2), with_ci(7, 8));
  EXPECT_FALSE(got.result);
  EXPECT_EQ(got.evidence, Evidence::k_mann_whitney);
  EXPECT_EQ(got.p_value, 0.002164502164501989);
}

TEST(IsDifferent, SevenVsSevenDisjointSamplesAreDifferent) {
  const auto a = counting(1, 7);
  const auto b = counting(8, 7);
  const TestOutcome got = is_different(&a, &b, with_ci(1, 5), with_ci(2, 9));
  EXPECT_TRUE(got.result);
  EXPECT_EQ(got.evidence, Evidence::k_mann_whitney);
  EXPECT_EQ(got.p_value, 0.0005827505827508643);
}

// asv's threshold is p < 0.002: 9 against 5 samples with one pair out of order give U = 1 and
// p = 4 / C(14, 5) = 4 / 2002 = 0.001998, just different (and the CIs alone would not say so).
TEST(IsDifferent, APJustUnderTheThresholdIsDifferent) {
  const std::vector<double> a = {1, 2, 3, 4, 5, 6, 7, 8, 10.5};
  const std::vector<double> b = {10, 11, 12, 13, 14};
  const TestOutcome got = is_different(&a, &b, with_ci(1, 11), with_ci(10, 14));
  EXPECT_TRUE(got.result);
  EXPECT_EQ(got.evidence, Evidence::k_mann_whitney);
  ASSERT_TRUE(got.p_value.has_value());
  EXPECT_NEAR(*got.p_value, 4.0 / 2002.0, 1e-15);
}

TEST(IsDifferent, FiveVsFiveFallsBackToConfidenceIntervals) {
  const auto a = counting(1, 5);
  const auto b = counting(6, 5);
  const TestOutcome separate = is_different(&a, &b, with_ci(1, 2), with_ci(6, 7));
  EXPECT_TRUE(separate.result);
  EXPECT_EQ(separate.evidence, Evidence::k_ci_overlap);
  EXPECT_EQ(separate.p_value, std::nullopt);

  const TestOutcome touching = is_different(&a, &b, with_ci(1, 6), with_ci(6, 7));
  EXPECT_FALSE(touching.result);
  EXPECT_EQ(touching.evidence, Evidence::k_ci_overlap);
}

TEST(IsDifferent, DropsNanSamplesBeforeTesting) {
  // Seven against six samples would allow Mann-Whitney U; without the NaNs it is five against five.
  const std::vector<double> a = {1, 2, k_nan, 3, 4, 5, k_nan};
  const std::vector<double> b = {6, 7, 8, 9, 10, k_nan};
  const TestOutcome got = is_different(&a, &b, with_ci(1, 2), with_ci(6, 7));
  EXPECT_TRUE(got.result);
  EXPECT_EQ(got.evidence, Evidence::k_ci_overlap);
}

TEST(IsDifferent, NeedsSamplesOnBothSidesForMannWhitney) {
  const auto a = counting(1, 7);
  const TestOutcome got = is_different(&a, nullptr, with_ci(1, 5), with_ci(2, 9));
  EXPECT_FALSE(got.result);
  EXPECT_EQ(got.evidence, Evidence::k_ci_overlap);
}

TEST(IsDifferent, MissingConfidenceBoundLeavesTheFactorToDecide) {
  model::Stats without_ci;
  without_ci.repeat = 10;
  const TestOutcome got = is_different(nullptr, nullptr, without_ci, with_ci(1, 2));
  EXPECT_TRUE(got.result);
  EXPECT_EQ(got.evidence, Evidence::k_factor_only);
}

// The two sides of an `_is_result_better` vector; each is null or [stats_dict, samples_or_null].
// The storage outlives the calls that point into it.
struct VectorSides {
  explicit VectorSides(const nlohmann::json& entry) {
    const char* keys[2] = {"a_ss", "b_ss"};
    for (int i = 0; i < 2; ++i) {
      const auto& side = entry.at(keys[i]);
      if (side.is_null()) {
        continue;
      }
      stats[i] = stats_from(side.at(0));
      samples[i] = samples_from(side.at(1));
      sides[i] = SampleStats{&*stats[i], pointer_to(samples[i])};
    }
  }
  VectorSides(const VectorSides&) = delete;
  VectorSides& operator=(const VectorSides&) = delete;

  std::optional<model::Stats> stats[2];
  std::optional<std::vector<double>> samples[2];
  SampleStats sides[2];
};

TEST(IsResultBetter, MatchesEveryReferenceVector) {
  const auto& vectors = spec_vectors().at("_is_result_better");
  ASSERT_FALSE(vectors.empty());
  for (const auto& entry : vectors) {
    const VectorSides vector(entry);
    const TestOutcome got = is_result_better(
        entry.at("a").get<double>(), entry.at("b").get<double>(), vector.sides[0], vector.sides[1],
        entry.at("factor").get<double>(), entry.at("use_stats").get<bool>());
    EXPECT_EQ(got.result, entry.at("is_result_better").get<bool>()) << entry.dump();
  }
}

void expect_same_outcome(const TestOutcome& got, const TestOutcome& expected,
                         const nlohmann::json& entry) {
  EXPECT_EQ(got.result, expected.result) << entry.dump();
  EXPECT_EQ(got.evidence, expected.evidence) << entry.dump();
  EXPECT_EQ(got.p_value, expected.p_value) << entry.dump();
}

TEST(IsResultBetterEitherWay, EqualsBothSeparateCallsOnEveryReferenceVector) {
  const auto& vectors = spec_vectors().at("_is_result_better");
  int with_stats = 0;
  for (const auto& entry : vectors) {
    if (!entry.at("use_stats").get<bool>()) {
      continue;  // compare always uses the stats
    }
    ++with_stats;
    const VectorSides vector(entry);
    const double a = entry.at("a").get<double>();
    const double b = entry.at("b").get<double>();
    const double factor = entry.at("factor").get<double>();
    const BetterEitherWay got =
        is_result_better_either_way(a, b, vector.sides[0], vector.sides[1], factor);
    expect_same_outcome(got.a_better,
                        is_result_better(a, b, vector.sides[0], vector.sides[1], factor), entry);
    expect_same_outcome(got.b_better,
                        is_result_better(b, a, vector.sides[1], vector.sides[0], factor), entry);
  }
  EXPECT_GT(with_stats, 0);
}

TEST(IsResultBetterEitherWay, IsDifferentIsSymmetricUnderTies) {
  // An odd m*n puts the conservative tie adjustment at different counts for the two orders; the
  // p-value must still agree, since one test decides both directions.
  const model::Stats stats = with_ci(0, 10);
  const std::vector<double> a = {1, 2, 3, 3, 3, 4, 5};
  const std::vector<double> b = {3, 3, 3, 6, 7, 8, 9, 10, 11, 12, 13};
  const TestOutcome forward = is_different(&a, &b, stats, stats);
  const TestOutcome backward = is_different(&b, &a, stats, stats);
  EXPECT_EQ(forward.evidence, Evidence::k_mann_whitney);
  EXPECT_EQ(forward.p_value, backward.p_value);
  const BetterEitherWay got =
      is_result_better_either_way(1.0, 10.0, {&stats, &a}, {&stats, &b}, 1.1);
  EXPECT_EQ(got.a_better.p_value, forward.p_value);
  EXPECT_EQ(got.b_better.p_value, forward.p_value);
}

TEST(IsResultBetter, OverlappingIntervalsVetoTheFactor) {
  const model::Stats a = with_ci(0.5, 1.5);
  const model::Stats b = with_ci(1.4, 2.6);
  const TestOutcome got = is_result_better(1.0, 2.0, {&a, nullptr}, {&b, nullptr}, 1.1);
  EXPECT_FALSE(got.result);
  EXPECT_EQ(got.evidence, Evidence::k_ci_overlap);
}

TEST(IsResultBetter, SignificantDifferenceStillNeedsTheFactor) {
  const model::Stats a = with_ci(0.9, 1.0);
  const model::Stats b = with_ci(1.04, 1.06);
  const TestOutcome got = is_result_better(1.0, 1.05, {&a, nullptr}, {&b, nullptr}, 1.1);
  EXPECT_FALSE(got.result);
  EXPECT_EQ(got.evidence, Evidence::k_ci_overlap);

  const TestOutcome beyond = is_result_better(1.0, 1.2, {&a, nullptr}, {&b, nullptr}, 1.1);
  EXPECT_TRUE(beyond.result);
  EXPECT_EQ(beyond.evidence, Evidence::k_ci_overlap);
}

// asv's comparison is strict: a change of exactly the factor is not better, however significant
// (1.1 / 1.1 is exactly 1.0).
TEST(IsResultBetter, AChangeOfExactlyTheFactorIsNotBetter) {
  const model::Stats a = with_ci(0.9, 1.0);
  const model::Stats b = with_ci(1.05, 1.15);
  const TestOutcome exactly = is_result_better(1.0, 1.1, {&a, nullptr}, {&b, nullptr}, 1.1);
  EXPECT_FALSE(exactly.result);
  EXPECT_EQ(exactly.evidence, Evidence::k_ci_overlap);
  EXPECT_TRUE(is_result_better(0.999, 1.1, {&a, nullptr}, {&b, nullptr}, 1.1).result);
}

TEST(IsResultBetter, ReportsTheMannWhitneyPValue) {
  const model::Stats stats_a = with_ci(1, 5);
  const model::Stats stats_b = with_ci(2, 9);
  const auto a = counting(1, 7);
  const auto b = counting(8, 7);
  const TestOutcome got = is_result_better(4.0, 11.0, {&stats_a, &a}, {&stats_b, &b}, 1.1);
  EXPECT_TRUE(got.result);
  EXPECT_EQ(got.evidence, Evidence::k_mann_whitney);
  EXPECT_EQ(got.p_value, 0.0005827505827508643);
}

TEST(IsResultBetter, RepeatOfOneLeavesTheFactorToDecide) {
  model::Stats a = with_ci(0.5, 1.5);
  a.repeat = 1;
  const model::Stats b = with_ci(1.4, 2.6);
  const TestOutcome got = is_result_better(1.0, 2.0, {&a, nullptr}, {&b, nullptr}, 1.1);
  EXPECT_TRUE(got.result);
  EXPECT_EQ(got.evidence, Evidence::k_factor_only);
}

TEST(IsResultBetter, MissingRepeatCountsAsZeroAndStillTests) {
  model::Stats a = with_ci(0.5, 1.5);
  a.repeat.reset();
  const model::Stats b = with_ci(1.4, 2.6);
  const TestOutcome got = is_result_better(1.0, 2.0, {&a, nullptr}, {&b, nullptr}, 1.1);
  EXPECT_FALSE(got.result);
  EXPECT_EQ(got.evidence, Evidence::k_ci_overlap);
}

TEST(IsResultBetter, EmptyOrMissingStatsLeaveTheFactorToDecide) {
  const model::Stats empty;
  const model::Stats b = with_ci(1.4, 2.6);
  const TestOutcome with_empty = is_result_better(1.0, 2.0, {&empty, nullptr}, {&b, nullptr}, 1.1);
  EXPECT_TRUE(with_empty.result);
  EXPECT_EQ(with_empty.evidence, Evidence::k_factor_only);

  const TestOutcome with_missing = is_result_better(1.0, 2.0, {}, {&b, nullptr}, 1.1);
  EXPECT_TRUE(with_missing.result);
  EXPECT_EQ(with_missing.evidence, Evidence::k_factor_only);
}

TEST(IsResultBetter, WithoutStatsTheFactorDecides) {
  const model::Stats a = with_ci(0.5, 1.5);
  const model::Stats b = with_ci(1.4, 2.6);
  const TestOutcome got =
      is_result_better(1.0, 2.0, {&a, nullptr}, {&b, nullptr}, 1.1, /*use_stats=*/false);
  EXPECT_TRUE(got.result);
  EXPECT_EQ(got.evidence, Evidence::k_factor_only);
}

}  // namespace
}  // namespace spyglass::stats
