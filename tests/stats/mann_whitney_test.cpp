#include "spyglass/stats/mann_whitney.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "support/paths.hpp"

namespace spyglass::stats {
namespace {

using test::spec_vectors;
using test::vector_double;
using test::vector_doubles;

TEST(MannWhitneyU, MatchesEveryReferenceVector) {
  const auto& vectors = spec_vectors().at("mann_whitney_u");
  ASSERT_FALSE(vectors.empty());
  const std::pair<const char*, MwuMethod> methods[] = {
      {"auto", MwuMethod::k_auto}, {"exact", MwuMethod::k_exact}, {"normal", MwuMethod::k_normal}};
  for (const auto& entry : vectors) {
    const std::vector<double> x = vector_doubles(entry.at("x"));
    const std::vector<double> y = vector_doubles(entry.at("y"));
    for (const auto& [name, method] : methods) {
      const std::string what = std::string(name) + " " + entry.dump();
      const auto& expected = entry.at(name);
      const MannWhitneyU got = mann_whitney_u(x, y, method);
      if (expected.contains("error")) {
        // asv raises ZeroDivisionError for the normal approximation with an empty side.
        EXPECT_TRUE(std::isnan(got.p)) << what;
        continue;
      }
      EXPECT_EQ(got.u, expected.at("u").get<double>()) << what;
      const double p = expected.at("p").get<double>();
      EXPECT_LE(std::abs(got.p - p), 1e-12 * std::abs(p)) << what << " got p=" << got.p;
    }
  }
}

TEST(MannWhitneyU, ExactUpToTwentyASideMatchesAsvBitForBit) {
  for (const auto& entry : spec_vectors().at("mann_whitney_u")) {
    const std::vector<double> x = vector_doubles(entry.at("x"));
    const std::vector<double> y = vector_doubles(entry.at("y"));
    if (std::max(x.size(), y.size()) <= 20) {
      EXPECT_EQ(mann_whitney_u(x, y).p, entry.at("auto").at("p").get<double>()) << entry.dump();
    }
  }
}

// asv takes the exact method while neither side has more than 20 samples: 20 against 20
// separated samples give U = 0 and p = 2 / C(40, 20) = 2 / 137846528820, where the normal
// approximation would say about 6e-8. (asv sums the CDF term by term, so p is 2 / C(40, 20) to
// within that sum's rounding, far below 1e-13.)
TEST(MannWhitneyU, TwentyASideIsStillExact) {
  std::vector<double> x;
  std::vector<double> y;
  for (int i = 0; i < 20; ++i) {
    x.push_back(i);
    y.push_back(100 + i);
  }
  const MannWhitneyU got = mann_whitney_u(x, y);
  EXPECT_EQ(got.u, 0.0);
  EXPECT_NEAR(got.p, 2.0 / 137846528820.0, 1e-13);
}

TEST(MannWhitneyU, GivesTheSameResultWhenCached) {
  const std::vector<double> x = {1, 2, 3, 4, 5, 6, 7};
  const std::vector<double> y = {8, 9, 10, 11, 12, 13, 14};
  const MannWhitneyU first = mann_whitney_u(x, y);
  const MannWhitneyU second = mann_whitney_u(y, x);
  EXPECT_EQ(first.u, 0.0);
  EXPECT_EQ(second.u, 49.0);
  EXPECT_EQ(first.p, second.p);
  EXPECT_EQ(first.p, mann_whitney_u(x, y).p);
}

TEST(MannWhitneyU, ExactMethodRejectsCountsBeyond64Bits) {
  const std::vector<double> x(40, 1.0);
  const std::vector<double> y(40, 2.0);
  EXPECT_THROW(mann_whitney_u(x, y, MwuMethod::k_exact), std::invalid_argument);
  EXPECT_NO_THROW(mann_whitney_u(x, y));
}

TEST(Binom, MatchesEveryReferenceVector) {
  const auto& vectors = spec_vectors().at("binom");
  ASSERT_FALSE(vectors.empty());
  for (const auto& entry : vectors) {
    EXPECT_EQ(binom(entry.at("n").get<int>(), entry.at("k").get<int>()),
              entry.at("out").get<double>())
        << entry.dump();
  }
}

TEST(Binom, ApproximatesCoefficientsBeyond64Bits) {
  const double expected = 1.008913445455642e29;  // C(100, 50)
  EXPECT_LE(std::abs(binom(100, 50) - expected), 1e-12 * expected);
  EXPECT_EQ(binom(100, -1), 0.0);
  EXPECT_EQ(binom(100, 101), 0.0);
}

}  // namespace
}  // namespace spyglass::stats
