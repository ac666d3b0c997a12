#include "spyglass/stats/sample_stats.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <vector>

#include "support/paths.hpp"

namespace spyglass::stats {
namespace {

using test::spec_vectors;
using test::vector_double;
using test::vector_doubles;

TEST(ComputeStats, MatchesEveryReferenceVector) {
  const auto& vectors = spec_vectors().at("compute_stats");
  ASSERT_FALSE(vectors.empty());
  for (const auto& entry : vectors) {
    const std::vector<double> samples = vector_doubles(entry.at("samples"));
    const std::optional<ComputedStats> got =
        compute_stats(samples, entry.at("number").get<double>());
    ASSERT_TRUE(got.has_value()) << entry.dump();
    const auto& expected = entry.at("stats");
    EXPECT_EQ(got->result, entry.at("result").get<double>()) << entry.dump();
    EXPECT_EQ(got->stats.ci_99_a, vector_double(expected.at("ci_99_a"))) << entry.dump();
    EXPECT_EQ(got->stats.ci_99_b, vector_double(expected.at("ci_99_b"))) << entry.dump();
    EXPECT_EQ(got->stats.q_25, vector_double(expected.at("q_25"))) << entry.dump();
    EXPECT_EQ(got->stats.q_75, vector_double(expected.at("q_75"))) << entry.dump();
    EXPECT_EQ(got->stats.repeat, vector_double(expected.at("repeat"))) << entry.dump();
    EXPECT_EQ(got->stats.number, vector_double(expected.at("number"))) << entry.dump();
  }
}

TEST(ComputeStats, IgnoresSampleOrder) {
  const std::vector<double> shuffled = {3.0, 1.0, 2.0};
  const std::optional<ComputedStats> got = compute_stats(shuffled, 10);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->result, 2.0);
  EXPECT_EQ(got->stats.ci_99_a, -2.588314677411235);
  EXPECT_EQ(got->stats.ci_99_b, 6.5883146774111765);
}

TEST(ComputeStats, WidensEqualSamplesToNothing) {
  // Too few samples for an order-statistic bound, and a posterior with no spread.
  const std::vector<double> samples = {4.0, 4.0};
  const std::optional<ComputedStats> got = compute_stats(samples, 1);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->stats.ci_99_a, 4.0);
  EXPECT_EQ(got->stats.ci_99_b, 4.0);
}

TEST(ComputeStats, ReturnsNothingWithoutSamples) { EXPECT_EQ(compute_stats({}, 1), std::nullopt); }

TEST(Quantile, MatchesEveryReferenceVector) {
  const auto& vectors = spec_vectors().at("quantile");
  ASSERT_FALSE(vectors.empty());
  for (const auto& entry : vectors) {
    EXPECT_EQ(quantile(vector_doubles(entry.at("x")), entry.at("q").get<double>()),
              vector_double(entry.at("out")))
        << entry.dump();
  }
}

TEST(HalfIqr, MatchesEveryGetErrVector) {
  const auto& vectors = spec_vectors().at("get_err");
  ASSERT_FALSE(vectors.empty());
  for (const auto& entry : vectors) {
    model::Stats stats;
    stats.q_25 = vector_double(entry.at("stats").at("q_25"));
    stats.q_75 = vector_double(entry.at("stats").at("q_75"));
    EXPECT_EQ(half_iqr(stats), vector_double(entry.at("err"))) << entry.dump();
  }
}

TEST(HalfIqr, MissingQuartileGivesNothing) {
  model::Stats stats;
  stats.q_25 = 1.0;
  EXPECT_EQ(half_iqr(stats), std::nullopt);
  stats.q_25.reset();
  stats.q_75 = 1.0;
  EXPECT_EQ(half_iqr(stats), std::nullopt);
}

}  // namespace
}  // namespace spyglass::stats
