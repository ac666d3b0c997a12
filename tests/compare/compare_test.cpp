#include "spyglass/compare/compare.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "spyglass/util/error.hpp"

namespace spyglass::compare {
namespace {

using model::BenchmarkResult;
using model::Change;
using model::ComparisonRow;
using model::Evidence;
using model::ResultFile;

constexpr double k_inf = std::numeric_limits<double>::infinity();
constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// An unparameterized benchmark `name`, failed (a JSON null result).
BenchmarkResult failed(const std::string& name) {
  BenchmarkResult result;
  result.name = name;
  result.key = name;
  return result;
}

// `name` measured as `value` (a float literal), without stats.
BenchmarkResult timed(const std::string& name, double value) {
  BenchmarkResult result = failed(name);
  result.value = model::Number{value, false};
  return result;
}

// `result` with the stats asv stores: the 99% CI, the quartiles and `repeat`.
BenchmarkResult with_stats(BenchmarkResult result, double ci_a, double ci_b, double q_25,
                           double q_75, double repeat) {
  model::Stats& stats = result.stats.emplace();
  stats.ci_99_a = ci_a;
  stats.ci_99_b = ci_b;
  stats.q_25 = q_25;
  stats.q_75 = q_75;
  stats.number = 1;
  stats.repeat = repeat;
  return result;
}

// `result` with raw samples (and stats that would not separate them by CI alone).
BenchmarkResult with_samples(BenchmarkResult result, std::vector<double> samples) {
  result = with_stats(std::move(result), 0.0, 100.0, samples.front(), samples.back(),
                      static_cast<double>(samples.size()));
  result.samples = std::move(samples);
  return result;
}

BenchmarkResult with_version(BenchmarkResult result, std::string version) {
  result.version = std::move(version);
  return result;
}

// A result file of machine `m`, env `e`.
ResultFile file_of(std::vector<BenchmarkResult> results, std::string machine = "m",
                   std::string env = "e") {
  ResultFile file;
  file.path = machine + "/" + env + ".json";
  file.machine = std::move(machine);
  file.env_name = std::move(env);
  file.commit_hash = "0123456789abcdef";
  file.results = std::move(results);
  return file;
}

// The only row of comparing `before` with `after` (one benchmark each, or absent) at `factor`.
ComparisonRow only_row(std::vector<BenchmarkResult> before, std::vector<BenchmarkResult> after,
                       double factor = k_default_factor) {
  const auto comparison =
      compare_results(file_of(std::move(before)), file_of(std::move(after)), {}, factor);
  EXPECT_EQ(comparison.rows.size(), 1u);
  return comparison.rows.at(0);
}

std::vector<std::string> names_of(const model::Comparison& comparison) {
  std::vector<std::string> names;
  for (const auto& row : comparison.rows) {
    names.push_back(row.name);
  }
  return names;
}

TEST(CompareResults, OrdersTheUnionOfNamesByCodePoint) {
  const auto comparison = compare_results(
      file_of({timed("b.time_p(2)", 1), timed("\xc3\xbc.time_x", 1), timed("a.lower", 1)}),
      file_of({timed("b.time_p(10)", 1), timed("A.Upper", 1), timed("a.lower", 1),
               timed("z.last_ascii", 1)}),
      {}, k_default_factor);
  EXPECT_EQ(names_of(comparison),
            (std::vector<std::string>{"A.Upper", "a.lower", "b.time_p(10)", "b.time_p(2)",
                                      "z.last_ascii", "\xc3\xbc.time_x"}));
}

TEST(CompareResults, KeepsTheLastEntryOfANameRepeatedInAFile) {
  const auto row = only_row({timed("t", 1.0), timed("t", 2.0)}, {timed("t", 2.0)});
  EXPECT_EQ(row.before.value->value, 2.0);
  EXPECT_EQ(row.change, Change::k_none);
  EXPECT_EQ(row.ratio, 1.0);
}

TEST(CompareResults, KeepsTheLastOfSeveralEntriesAmongOtherNames) {
  const auto comparison = compare_results(
      file_of(
          {timed("t", 1.0), timed("b", 5.0), timed("t", 3.0), timed("a", 1.0), timed("t", 2.0)}),
      file_of({timed("t", 4.0), timed("t", 2.0), timed("c", 1.0)}), {}, k_default_factor);
  EXPECT_EQ(names_of(comparison), (std::vector<std::string>{"a", "b", "c", "t"}));
  const ComparisonRow& row = comparison.rows[3];
  EXPECT_EQ(row.before.value->value, 2.0);
  EXPECT_EQ(row.after.value->value, 2.0);
  EXPECT_EQ(row.ratio, 1.0);
}

TEST(CompareResults, FillsSourcesAndFactor) {
  const auto comparison = compare_results(file_of({timed("t", 1)}, "m1", "e1"),
                                          file_of({timed("t", 1)}, "m2", "e2"), {}, 2.5);
  EXPECT_EQ(comparison.factor, 2.5);
  EXPECT_EQ(comparison.before.machine_env(), "m1/e1");
  EXPECT_EQ(comparison.before.path, "m1/e1.json");
  EXPECT_EQ(comparison.after.machine_env(), "m2/e2");
  EXPECT_EQ(comparison.after.commit_hash, "0123456789abcdef");
}

TEST(CompareResults, TakesUnitKeyAndParamsFromTheBenchmark) {
  model::BenchmarkCatalog catalog;
  catalog.by_name["b.time_p"].unit = "seconds";
  auto before = timed("b.time_p(2, 'x')", 1.0);
  before.key = "b.time_p";
  before.params = {"2", "'x'"};
  const auto comparison =
      compare_results(file_of({before, timed("b.other", 1)}), file_of({}), catalog, 1.1);
  ASSERT_EQ(comparison.rows.size(), 2u);
  EXPECT_EQ(comparison.rows[0].name, "b.other");
  EXPECT_EQ(comparison.rows[0].unit, std::nullopt);  // not in benchmarks.json
  const auto& row = comparison.rows[1];
  EXPECT_EQ(row.key, "b.time_p");
  EXPECT_EQ(row.params, (std::vector<std::string>{"2", "'x'"}));
  EXPECT_EQ(row.unit, std::optional<std::string>("seconds"));
}

TEST(CompareResults, AbsentSideIsNaNAndNotPresent) {
  const auto row = only_row({timed("t", 1.0)}, {});
  EXPECT_TRUE(row.before.present);
  EXPECT_FALSE(row.after.present);
  ASSERT_TRUE(row.after.value.has_value());
  EXPECT_TRUE(std::isnan(row.after.value->value));
  EXPECT_TRUE(std::isnan(row.ratio));
  EXPECT_EQ(row.change, Change::k_none);
  EXPECT_FALSE(row.insignificant);
  EXPECT_EQ(row.evidence, Evidence::k_none);
  EXPECT_EQ(row.p_value, std::nullopt);
}

TEST(CompareResults, SkippedIsPresentButNotCompared) {
  const auto row = only_row({timed("t", k_nan)}, {timed("t", 1.0)});
  EXPECT_TRUE(row.before.present);
  EXPECT_TRUE(row.after.present);
  EXPECT_TRUE(std::isnan(row.ratio));
  EXPECT_EQ(row.change, Change::k_none);
  EXPECT_EQ(row.evidence, Evidence::k_none);
}

// Spec 3.4 rows 2-4: a failure is `null`; an absent side is NaN, which "is not None".
TEST(CompareResults, ClassifiesFailuresInAsvPrecedence) {
  struct Case {
    const char* what;
    std::vector<BenchmarkResult> before;
    std::vector<BenchmarkResult> after;
    Change change;
  };
  const Case cases[] = {
      {"introduced", {timed("t", 1.0)}, {failed("t")}, Change::k_failure_introduced},
      {"introduced after skip", {timed("t", k_nan)}, {failed("t")}, Change::k_failure_introduced},
      {"introduced by a new benchmark", {}, {failed("t")}, Change::k_failure_introduced},
      {"fixed", {failed("t")}, {timed("t", 1.0)}, Change::k_failure_fixed},
      {"fixed by removal", {failed("t")}, {}, Change::k_failure_fixed},
      {"both failed", {failed("t")}, {failed("t")}, Change::k_none},
  };
  for (const auto& c : cases) {
    const auto row = only_row(c.before, c.after);
    EXPECT_EQ(row.change, c.change) << c.what;
    EXPECT_TRUE(std::isnan(row.ratio)) << c.what;
    EXPECT_FALSE(row.insignificant) << c.what;
    EXPECT_EQ(row.evidence, Evidence::k_none) << c.what;
    EXPECT_EQ(row.p_value, std::nullopt) << c.what;
  }
}

TEST(CompareResults, FailedSideHasNoValueButIsPresent) {
  const auto row = only_row({failed("t")}, {timed("t", 1.0)});
  EXPECT_TRUE(row.before.present);
  EXPECT_EQ(row.before.value, std::nullopt);
}

TEST(CompareResults, VersionChangeComesFirstAndKeepsTheRatio) {
  const auto row =
      only_row({with_version(timed("t", 1.0), "1")}, {with_version(timed("t", 3.0), "2")});
  EXPECT_EQ(row.change, Change::k_incomparable);
  EXPECT_EQ(row.ratio, 3.0);
  EXPECT_FALSE(row.insignificant);
  EXPECT_EQ(row.evidence, Evidence::k_none);

  const auto failing =
      only_row({with_version(timed("t", 1.0), "1")}, {with_version(failed("t"), "2")});
  EXPECT_EQ(failing.change, Change::k_incomparable);
}

TEST(CompareResults, MissingVersionOnOneSideStaysComparable) {
  const auto row = only_row({with_version(timed("t", 1.0), "1")}, {timed("t", 3.0)});
  EXPECT_EQ(row.change, Change::k_regressed);
}

TEST(CompareResults, ZeroBaselineRegressesWithInfiniteRatio) {
  const auto row = only_row({timed("t", 0.0)}, {timed("t", 1e-6)});
  EXPECT_EQ(row.change, Change::k_regressed);
  EXPECT_EQ(row.ratio, k_inf);
  EXPECT_EQ(row.evidence, Evidence::k_factor_only);
}

TEST(CompareResults, ZeroAfterImprovesWithZeroRatio) {
  const auto row = only_row({timed("t", 1e-6)}, {timed("t", 0.0)});
  EXPECT_EQ(row.change, Change::k_improved);
  EXPECT_EQ(row.ratio, 0.0);
}

TEST(CompareResults, LowerNegativeValueIsAnImprovement) {
  const auto row = only_row({timed("t", -5.0)}, {timed("t", -6.0)});
  EXPECT_EQ(row.change, Change::k_improved);
  EXPECT_DOUBLE_EQ(row.ratio, 1.2);
}

// asv calls any finite value better than an infinite one (`-` for an infinite base, `+` for an
// infinite PR), and the asv-compatible table keeps that mark; an infinite time is a broken
// measurement, so spyglass's own verdict is "not comparable".
TEST(CompareResults, InfiniteAfterIsNotComparableAndKeepsItsInfiniteRatio) {
  const auto row = only_row({timed("t", 1.0)}, {timed("t", k_inf)});
  EXPECT_EQ(row.change, Change::k_incomparable);
  EXPECT_EQ(row.table_change(), Change::k_regressed);
  EXPECT_EQ(row.ratio, k_inf);
  EXPECT_EQ(row.evidence, Evidence::k_none);
  EXPECT_FALSE(row.insignificant);
}

TEST(CompareResults, InfiniteBaseIsNotAnImprovement) {
  const auto row = only_row({timed("t", k_inf)}, {timed("t", 1.0)});
  EXPECT_EQ(row.change, Change::k_incomparable);
  EXPECT_EQ(row.table_change(), Change::k_improved);
  EXPECT_EQ(row.ratio, 0.0);
  EXPECT_EQ(row.evidence, Evidence::k_none);
}

TEST(CompareResults, NegativeInfinityIsNotAnImprovement) {
  EXPECT_EQ(only_row({timed("t", 1.0)}, {timed("t", -k_inf)}).change, Change::k_incomparable);
  EXPECT_EQ(only_row({timed("t", -k_inf)}, {timed("t", 1.0)}).change, Change::k_incomparable);
  EXPECT_EQ(only_row({timed("t", k_inf)}, {timed("t", k_inf)}).change, Change::k_incomparable);
  EXPECT_EQ(only_row({timed("t", 1.0)}, {timed("t", -k_inf)}).table_change(), Change::k_improved);
}

// 1.0 < 1.1 / 1.1 is false: the factor test is strict (spec 4.1).
TEST(CompareResults, FactorBoundaryIsNotAChange) {
  const auto row = only_row({timed("t", 1.0)}, {timed("t", 1.1)});
  EXPECT_EQ(row.change, Change::k_none);
  EXPECT_FALSE(row.insignificant);
  EXPECT_DOUBLE_EQ(row.ratio, 1.1);
  EXPECT_EQ(row.evidence, Evidence::k_factor_only);
}

TEST(CompareResults, FactorDecidesWithoutStats) {
  const auto worse = only_row({timed("t", 1.0)}, {timed("t", 2.0)});
  EXPECT_EQ(worse.change, Change::k_regressed);
  EXPECT_EQ(worse.evidence, Evidence::k_factor_only);
  EXPECT_EQ(worse.p_value, std::nullopt);
  EXPECT_EQ(only_row({timed("t", 1.0)}, {timed("t", 2.0)}, 2.5).change, Change::k_none);
}

TEST(CompareResults, RepeatOneStatsLeaveTheFactorAlone) {
  const auto row = only_row({with_stats(timed("t", 1e-6), -k_inf, k_inf, 1e-6, 1e-6, 1)},
                            {with_stats(timed("t", 2e-6), -k_inf, k_inf, 2e-6, 2e-6, 1)});
  EXPECT_EQ(row.change, Change::k_regressed);
  EXPECT_EQ(row.evidence, Evidence::k_factor_only);
  EXPECT_EQ(row.before.err, std::optional<double>(0.0));
}

TEST(CompareResults, EmptyStatsLeaveTheFactorAloneAndShowNoErr) {
  auto before = timed("t", 1.0);
  before.stats = model::Stats{};
  auto after = timed("t", 2.0);
  after.stats = model::Stats{};
  const auto row = only_row({before}, {after});
  EXPECT_EQ(row.change, Change::k_regressed);
  EXPECT_EQ(row.evidence, Evidence::k_factor_only);
  EXPECT_EQ(row.before.err, std::nullopt);
}

TEST(CompareResults, OverlappingIntervalsGiveTilde) {
  const auto row = only_row({with_stats(timed("t", 1e-6), 5e-7, 3e-6, 8e-7, 1.2e-6, 10)},
                            {with_stats(timed("t", 2e-6), 1e-6, 4e-6, 1.8e-6, 2.2e-6, 10)});
  EXPECT_EQ(row.change, Change::k_none);
  EXPECT_TRUE(row.insignificant);
  EXPECT_EQ(row.evidence, Evidence::k_ci_overlap);
  EXPECT_EQ(row.ratio, 2.0);
  EXPECT_DOUBLE_EQ(*row.before.err, 2e-7);
  EXPECT_DOUBLE_EQ(*row.after.err, 2e-7);
}

// The `~` goes both ways: a speedup beyond the factor that the CIs call the same shows it too.
TEST(CompareResults, OverlappingIntervalsGiveTildeForASpeedupToo) {
  const auto row = only_row({with_stats(timed("t", 2e-6), 1e-6, 4e-6, 1.8e-6, 2.2e-6, 10)},
                            {with_stats(timed("t", 1e-6), 5e-7, 3e-6, 8e-7, 1.2e-6, 10)});
  EXPECT_EQ(row.change, Change::k_none);
  EXPECT_TRUE(row.insignificant);
  EXPECT_EQ(row.evidence, Evidence::k_ci_overlap);
  EXPECT_EQ(row.ratio, 0.5);
}

TEST(CompareResults, SeparateIntervalsLetTheFactorDecide) {
  const auto row = only_row({with_stats(timed("t", 1e-6), 9e-7, 1.1e-6, 9.5e-7, 1.05e-6, 10)},
                            {with_stats(timed("t", 3e-6), 2.9e-6, 3.1e-6, 2.95e-6, 3.05e-6, 10)});
  EXPECT_EQ(row.change, Change::k_regressed);
  EXPECT_FALSE(row.insignificant);
  EXPECT_EQ(row.evidence, Evidence::k_ci_overlap);
}

// The `~` needs a finite ratio: a zero baseline that the CIs call the same shows none.
TEST(CompareResults, NoTildeForAZeroBaseline) {
  const auto row = only_row({with_stats(timed("t", 0.0), 0.0, 3.0, 0.0, 1.0, 10)},
                            {with_stats(timed("t", 1.0), 0.5, 2.0, 0.5, 1.5, 10)});
  EXPECT_EQ(row.change, Change::k_none);
  EXPECT_EQ(row.ratio, k_inf);
  EXPECT_FALSE(row.insignificant);
}

// Spec 4.2: 7 vs 7 separated samples give p = 2/C(14,7) < 0.002, whatever the CIs say.
TEST(CompareResults, SevenSeparatedSamplesEachAreSignificant) {
  const auto row = only_row({with_samples(timed("t", 1.3), {1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6})},
                            {with_samples(timed("t", 2.3), {2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6})});
  EXPECT_EQ(row.change, Change::k_regressed);
  EXPECT_EQ(row.evidence, Evidence::k_mann_whitney);
  ASSERT_TRUE(row.p_value.has_value());
  EXPECT_NEAR(*row.p_value, 2.0 / 3432.0, 1e-12);
}

// Spec 4.2: 6 vs 6 separated samples give p = 2/C(12,6) = 0.00216, not below 0.002: `~`.
TEST(CompareResults, SixSeparatedSamplesEachAreNotSignificant) {
  const auto row = only_row({with_samples(timed("t", 1.25), {1.0, 1.1, 1.2, 1.3, 1.4, 1.5})},
                            {with_samples(timed("t", 2.25), {2.0, 2.1, 2.2, 2.3, 2.4, 2.5})});
  EXPECT_EQ(row.change, Change::k_none);
  EXPECT_TRUE(row.insignificant);
  EXPECT_EQ(row.evidence, Evidence::k_mann_whitney);
  ASSERT_TRUE(row.p_value.has_value());
  EXPECT_NEAR(*row.p_value, 2.0 / 924.0, 1e-12);
  EXPECT_DOUBLE_EQ(row.ratio, 1.8);
}

// --- Direction: a bigger-is-better row turns the verdict round, never the ratio -------------

// Rules naming the bigger-is-better rows by `patterns`.
NoiseRules bigger_rules(const std::vector<std::string>& patterns) {
  NoiseRules rules;
  for (const auto& pattern : patterns) {
    rules.bigger_is_better.emplace_back(pattern, "--bigger-is-better");
  }
  return rules;
}

// The only row of comparing `before` with `after` when `patterns` name the bigger-is-better rows.
ComparisonRow bigger_row(std::vector<BenchmarkResult> before, std::vector<BenchmarkResult> after,
                         const std::vector<std::string>& patterns = {"."},
                         const model::BenchmarkCatalog& catalog = {}) {
  const auto comparison = compare_results(file_of(std::move(before)), file_of(std::move(after)),
                                          catalog, k_default_factor, bigger_rules(patterns));
  EXPECT_EQ(comparison.rows.size(), 1u);
  return comparison.rows.at(0);
}

TEST(CompareResults, ABiggerIsBetterDropRegresses) {
  const auto drop = bigger_row({timed("ops", 2.0)}, {timed("ops", 1.0)});
  EXPECT_EQ(drop.direction, model::Direction::k_bigger_is_better);
  EXPECT_EQ(drop.change, Change::k_regressed);
  EXPECT_EQ(drop.ratio, 0.5);  // after/before, as asv prints it
  EXPECT_EQ(drop.evidence, Evidence::k_factor_only);
  const auto rise = bigger_row({timed("ops", 1.0)}, {timed("ops", 2.0)});
  EXPECT_EQ(rise.change, Change::k_improved);
  EXPECT_EQ(rise.ratio, 2.0);
  // The same rows smaller-is-better, as asv marks them.
  EXPECT_EQ(only_row({timed("ops", 2.0)}, {timed("ops", 1.0)}).change, Change::k_improved);
  EXPECT_EQ(only_row({timed("ops", 2.0)}, {timed("ops", 1.0)}).direction,
            model::Direction::k_smaller_is_better);
}

// The factor bounds the change the same way round: after > before * factor improves.
TEST(CompareResults, ABiggerIsBetterFactorBoundaryIsNotAChange) {
  EXPECT_EQ(bigger_row({timed("ops", 1.0)}, {timed("ops", 1.1)}).change, Change::k_none);
  EXPECT_EQ(bigger_row({timed("ops", 1.1)}, {timed("ops", 1.0)}).change, Change::k_none);
  EXPECT_EQ(bigger_row({timed("ops", 1.0)}, {timed("ops", 1.2)}).change, Change::k_improved);
}

// The statistics decide the same pair of samples whichever way is better; only the mark turns.
TEST(CompareResults, ABiggerIsBetterRowKeepsTheStatisticalEvidence) {
  const auto row = bigger_row({with_samples(timed("t", 2.3), {2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6})},
                              {with_samples(timed("t", 1.3), {1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6})});
  EXPECT_EQ(row.change, Change::k_regressed);
  EXPECT_EQ(row.evidence, Evidence::k_mann_whitney);
  ASSERT_TRUE(row.p_value.has_value());
  EXPECT_NEAR(*row.p_value, 2.0 / 3432.0, 1e-12);
  const auto same = bigger_row({with_stats(timed("t", 2e-6), 1e-6, 4e-6, 1.8e-6, 2.2e-6, 10)},
                               {with_stats(timed("t", 1e-6), 5e-7, 3e-6, 8e-7, 1.2e-6, 10)});
  EXPECT_EQ(same.change, Change::k_none);
  EXPECT_TRUE(same.insignificant);
}

// Failures and infinite sides mean the same whichever way is better.
TEST(CompareResults, ABiggerIsBetterFailureIsStillAFailure) {
  EXPECT_EQ(bigger_row({timed("ops", 1.0)}, {failed("ops")}).change, Change::k_failure_introduced);
  EXPECT_EQ(bigger_row({failed("ops")}, {timed("ops", 1.0)}).change, Change::k_failure_fixed);
  EXPECT_EQ(bigger_row({timed("ops", 1.0)}, {timed("ops", k_inf)}).change, Change::k_incomparable);
}

// A pattern matches anywhere in the unrolled name (re.search); a row it misses stays as asv has it.
TEST(CompareResults, PatternsSearchTheUnrolledName) {
  auto param = timed("suite.track_rate(10, 'x')", 2.0);
  param.key = "suite.track_rate";
  auto param_after = param;
  param_after.value = model::Number{1.0, false};
  EXPECT_EQ(bigger_row({param}, {param_after}, {"rate\\(10"}).change, Change::k_regressed);
  EXPECT_EQ(bigger_row({param}, {param_after}, {"^rate"}).change, Change::k_improved);
  EXPECT_EQ(bigger_row({param}, {param_after}, {"nomatch", "'x'\\)$"}).change, Change::k_regressed);
}

// The reader's direction (a rate counter, customBiggerIsBetter) comes through the catalog.
TEST(CompareResults, TheCatalogsDirectionNeedsNoPattern) {
  model::BenchmarkCatalog catalog;
  model::BenchmarkInfo info;
  info.name = "ops";
  info.direction = model::Direction::k_bigger_is_better;
  catalog.by_name.emplace("ops", info);
  const auto row = bigger_row({timed("ops", 2.0)}, {timed("ops", 1.0)}, {}, catalog);
  EXPECT_EQ(row.direction, model::Direction::k_bigger_is_better);
  EXPECT_EQ(row.change, Change::k_regressed);
}

TEST(CompareMany, PatternsApplyToEveryContender) {
  const std::vector<ResultFile> contenders = {file_of({timed("ops", 1.0)}),
                                              file_of({timed("ops", 4.0)})};
  const auto multi = compare_many(file_of({timed("ops", 2.0)}), contenders, {}, k_default_factor,
                                  bigger_rules({"ops"}));
  EXPECT_EQ(multi.contenders[0].rows[0].change, Change::k_regressed);
  EXPECT_EQ(multi.contenders[1].rows[0].change, Change::k_improved);
}

TEST(CompareMany, AlignsEveryContenderOnTheUnionOfAllNames) {
  const ResultFile contenders[] = {
      file_of({timed("b", 2.0), timed("c", 1.0)}, "m1", "e2"),
      file_of({timed("a", 1.0), failed("d")}, "m2", "e3"),
  };
  const auto many =
      compare_many(file_of({timed("a", 1.0), timed("b", 1.0)}, "m1", "e1"), contenders, {}, 1.5);
  EXPECT_EQ(many.baseline.machine_env(), "m1/e1");
  EXPECT_EQ(many.factor, 1.5);
  ASSERT_EQ(many.contenders.size(), 2u);
  for (const auto& contender : many.contenders) {
    EXPECT_EQ(names_of(contender), (std::vector<std::string>{"a", "b", "c", "d"}));
    EXPECT_EQ(contender.before.machine_env(), "m1/e1");
    EXPECT_EQ(contender.factor, 1.5);
  }
  const auto& first = many.contenders[0];
  EXPECT_EQ(first.after.machine_env(), "m1/e2");
  EXPECT_FALSE(first.rows[0].after.present);             // a: only in the baseline
  EXPECT_EQ(first.rows[1].change, Change::k_regressed);  // b: 1 -> 2
  EXPECT_FALSE(first.rows[2].before.present);            // c: not in the baseline
  EXPECT_FALSE(first.rows[3].before.present || first.rows[3].after.present);  // d: elsewhere
  const auto& second = many.contenders[1];
  EXPECT_EQ(second.after.machine_env(), "m2/e3");
  EXPECT_EQ(second.rows[0].change, Change::k_none);  // a: 1 -> 1
  EXPECT_EQ(second.rows[0].ratio, 1.0);
  EXPECT_EQ(second.rows[3].change, Change::k_failure_introduced);  // d: absent -> failed
}

}  // namespace
}  // namespace spyglass::compare
