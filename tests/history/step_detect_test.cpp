// Every vector of fixtures/spec-vectors/step_detect_vectors.json (asv's own step_detect outputs,
// spec history.md section 10), compared bit for bit: doubles with ==, printed with {:.17g}.
#include "spyglass/history/step_detect.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "support/paths.hpp"

namespace spyglass::test {
namespace {

using history::Step;

const nlohmann::json& step_vectors() {
  static const nlohmann::json vectors =
      nlohmann::json::parse(read_fixture("spec-vectors/step_detect_vectors.json"));
  return vectors;
}

// A vector series: numbers, "NaN", and null (missing) as NaN.
std::vector<double> series(const nlohmann::json& values) {
  std::vector<double> out;
  for (const auto& value : values) {
    out.push_back(value.is_null() ? std::numeric_limits<double>::quiet_NaN()
                                  : vector_double(value));
  }
  return out;
}

// Exact equality of two doubles (NaN equals NaN), with both printed to 17 digits.
::testing::AssertionResult same_double(const char* what, double expected, double actual) {
  if (expected == actual || (std::isnan(expected) && std::isnan(actual))) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << what << ": expected " << fmt::format("{:.17g}", expected)
                                       << ", got " << fmt::format("{:.17g}", actual);
}

std::string steps_text(const std::vector<Step>& steps) {
  std::string text;
  for (const auto& s : steps) {
    text += fmt::format("[{}, {}, {:.17g}, {:.17g}, {:.17g}] ", s.left, s.right_excl, s.value,
                        s.min_value, s.err);
  }
  return text;
}

std::vector<Step> expected_steps(const nlohmann::json& steps) {
  std::vector<Step> out;
  for (const auto& s : steps) {
    out.push_back({s[0].get<std::int64_t>(), s[1].get<std::int64_t>(), vector_double(s[2]),
                   vector_double(s[3]), vector_double(s[4])});
  }
  return out;
}

void expect_steps(const std::vector<Step>& expected, const std::vector<Step>& actual) {
  ASSERT_EQ(expected.size(), actual.size())
      << "expected " << steps_text(expected) << "\ngot      " << steps_text(actual);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("step " + std::to_string(i));
    EXPECT_EQ(expected[i].left, actual[i].left);
    EXPECT_EQ(expected[i].right_excl, actual[i].right_excl);
    EXPECT_TRUE(same_double("value", expected[i].value, actual[i].value));
    EXPECT_TRUE(same_double("min_value", expected[i].min_value, actual[i].min_value));
    EXPECT_TRUE(same_double("err", expected[i].err, actual[i].err));
  }
}

// `expected` = {latest_value, best_value, jumps}, all null when asv reports nothing.
void expect_regressions(const nlohmann::json& expected,
                        const std::optional<history::Regressions>& actual) {
  if (expected["jumps"].is_null()) {
    EXPECT_FALSE(actual.has_value());
    EXPECT_TRUE(expected["latest_value"].is_null());
    return;
  }
  ASSERT_TRUE(actual.has_value());
  EXPECT_TRUE(
      same_double("latest_value", vector_double(expected["latest_value"]), actual->last_value));
  EXPECT_TRUE(same_double("best_value", vector_double(expected["best_value"]), actual->best_value));
  const auto& jumps = expected["jumps"];
  ASSERT_EQ(jumps.size(), actual->jumps.size());
  for (std::size_t i = 0; i < jumps.size(); ++i) {
    SCOPED_TRACE("jump " + std::to_string(i));
    EXPECT_EQ(jumps[i][0].get<std::int64_t>(), actual->jumps[i].before);
    EXPECT_EQ(jumps[i][1].get<std::int64_t>(), actual->jumps[i].after);
    EXPECT_TRUE(
        same_double("value_before", vector_double(jumps[i][2]), actual->jumps[i].value_before));
    EXPECT_TRUE(
        same_double("value_after", vector_double(jumps[i][3]), actual->jumps[i].value_after));
  }
}

TEST(StepDetectVectors, FileHoldsEveryKindOfVector) {
  EXPECT_EQ(step_vectors()["cases"].size(), 65U);
  EXPECT_EQ(step_vectors()["detect_regressions_only"].size(), 20U);
  EXPECT_EQ(step_vectors()["weighted_median"].size(), 12U);
}

// detect_steps on every case: the steps, every γ trial in order, the γ kept, and
// detect_regressions on those steps.
TEST(StepDetectVectors, DetectStepsMatchesAsvBitForBit) {
  for (const auto& c : step_vectors()["cases"]) {
    SCOPED_TRACE(c["id"].get<std::string>());
    const std::vector<double> y = series(c["y"]);
    const std::vector<double> w = c["w"].is_null() ? std::vector<double>{} : series(c["w"]);
    const history::StepFit fit = history::detect_steps(y, w);
    expect_steps(expected_steps(c["expected"]["steps"]), fit.steps);

    const auto& trials = c["debug"]["gamma_trials"];
    ASSERT_EQ(trials.size(), fit.trials.size());
    for (std::size_t i = 0; i < trials.size(); ++i) {
      SCOPED_TRACE("trial " + std::to_string(i));
      EXPECT_TRUE(same_double("gamma", vector_double(trials[i][0]), fit.trials[i].gamma));
      EXPECT_EQ(trials[i][1].get<std::size_t>(), fit.trials[i].segments);
    }
    if (c["debug"]["gamma"].is_null()) {
      EXPECT_FALSE(fit.gamma.has_value());
    } else {
      ASSERT_TRUE(fit.gamma.has_value());
      EXPECT_TRUE(same_double("kept gamma", vector_double(c["debug"]["gamma"]), *fit.gamma));
    }

    ASSERT_EQ(c["min_size"].get<std::int64_t>(), history::k_publish_min_size);
    expect_regressions(c["expected"]["regressions"],
                       history::detect_regressions(fit.steps, vector_double(c["threshold"])));
  }
}

TEST(StepDetectVectors, DetectRegressionsMatchesAsv) {
  for (const auto& c : step_vectors()["detect_regressions_only"]) {
    SCOPED_TRACE(c["id"].get<std::string>());
    const std::vector<Step> steps = expected_steps(c["steps"]);
    expect_regressions(c["expected"],
                       history::detect_regressions(steps, vector_double(c["threshold"]),
                                                   c["min_size"].get<std::int64_t>()));
  }
}

// The compiled module's mu and dist (the reference; the Python fallback differs on a tie).
TEST(StepDetectVectors, WeightedMedianMatchesAsvsCompiledModule) {
  for (const auto& c : step_vectors()["weighted_median"]) {
    SCOPED_TRACE(c.dump());
    const auto result =
        history::weighted_median_distance(vector_doubles(c["y"]), vector_doubles(c["w"]));
    EXPECT_TRUE(same_double("mu", vector_double(c["mu_c"]), result.median));
    EXPECT_TRUE(same_double("dist", vector_double(c["dist_c"]), result.distance));
  }
}

// A hostile history can make most weights infinite (CI bounds a subnormal apart), so their median
// is infinite and the normalised weights NaN: asv's pair order would be inconsistent there, and
// std::sort must not be handed one. The fit still covers every point once, in order.
TEST(StepDetect, MostlyInfiniteWeightsStillGiveOrderedSteps) {
  std::vector<double> y;
  std::vector<double> w;
  for (int i = 0; i < 200; ++i) {
    y.push_back(i % 7 == 0 ? 2.0 : 1.0 + (i % 3) * 0.25);
    w.push_back(i % 5 == 0 ? 1.0 : std::numeric_limits<double>::infinity());
  }
  const auto fit = history::detect_steps(y, w);
  ASSERT_FALSE(fit.steps.empty());
  EXPECT_EQ(fit.steps.front().left, 0);
  EXPECT_EQ(fit.steps.back().right_excl, 200);
  for (std::size_t i = 1; i < fit.steps.size(); ++i) {
    EXPECT_EQ(fit.steps[i].left, fit.steps[i - 1].right_excl);
  }
}

}  // namespace
}  // namespace spyglass::test
