// The noise controls at the compare stage: which names each pattern kind matches (anywhere, as
// asv's -b), what apply_noise_rules does to rows and counts, and that a factor by pattern gives a
// row exactly the verdict the plain factor would.
#include "spyglass/compare/noise_rules.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "spyglass/compare/compare.hpp"

namespace spyglass::compare {
namespace {

using model::Change;

std::vector<util::Regex> patterns(const std::vector<std::string>& texts) {
  std::vector<util::Regex> compiled;
  for (const auto& text : texts) {
    compiled.emplace_back(text, "test");
  }
  return compiled;
}

model::BenchmarkResult timed(const std::string& name, double value) {
  model::BenchmarkResult result;
  result.name = name;
  result.key = name;
  result.value = model::Number{value, false};
  return result;
}

// Four benchmarks that all take 1.3 times as long after (no stats: the factor alone decides).
struct SlowerPair {
  model::ResultFile before;
  model::ResultFile after;
  SlowerPair() {
    for (const char* name : {"io.time_read(1024)", "io.time_write", "mem.peak", "net.time_get"}) {
      before.results.push_back(timed(name, 1.0));
      after.results.push_back(timed(name, 1.3));
    }
  }
};

std::vector<std::string> names_of(const model::Comparison& comparison) {
  std::vector<std::string> names;
  for (const auto& row : comparison.rows) {
    names.push_back(row.name);
  }
  return names;
}

TEST(NoiseRules, BenchMatchesAnywhereInTheNameParametersIncluded) {
  NoiseRules rules;
  rules.bench = patterns({"read", R"(\(1024\))"});
  EXPECT_TRUE(rules.selects("io.time_read"));
  EXPECT_TRUE(rules.selects("io.time_write(1024)"));
  EXPECT_FALSE(rules.selects("io.time_write(512)"));
  rules.bench = patterns({"^io"});
  EXPECT_FALSE(rules.selects("bio.time_x"));
}

TEST(NoiseRules, NoBenchSelectsEverythingAndSkipWinsOverBench) {
  NoiseRules rules;
  EXPECT_TRUE(rules.selects("anything"));
  rules.skip = patterns({"write"});
  EXPECT_FALSE(rules.selects("io.time_write"));
  rules.bench = patterns({"io"});
  EXPECT_TRUE(rules.selects("io.time_read"));
  EXPECT_FALSE(rules.selects("io.time_write"));
}

TEST(NoiseRules, TheFirstFactorRuleThatMatchesWins) {
  NoiseRules rules;
  rules.factor_for.push_back({util::Regex("io", "test"), 1.5});
  rules.factor_for.push_back({util::Regex("time_", "test"), 3.0});
  EXPECT_EQ(rules.factor_of("io.time_read", 1.1), 1.5);
  EXPECT_EQ(rules.factor_of("net.time_get", 1.1), 3.0);
  EXPECT_EQ(rules.factor_of("mem.peak", 1.1), 1.1);
  EXPECT_EQ(rules.factor_rule_of("mem.peak"), std::nullopt);
}

// The rows `--factor 1.5` gives the io benchmarks are the rows `--factor-for io=1.5` gives them;
// the others keep `--factor 1.1`'s.
TEST(CompareWithNoiseRules, AFactorByPatternGivesTheVerdictOfThatFactor) {
  const SlowerPair pair;
  NoiseRules rules;
  rules.factor_for.push_back({util::Regex("^io", "test"), 1.5});
  const auto by_pattern = compare_results(pair.before, pair.after, {}, 1.1, rules);
  const auto at_1_1 = compare_results(pair.before, pair.after, {}, 1.1);
  const auto at_1_5 = compare_results(pair.before, pair.after, {}, 1.5);
  ASSERT_EQ(by_pattern.rows.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& expected = by_pattern.rows[i].name.starts_with("io") ? at_1_5 : at_1_1;
    EXPECT_EQ(by_pattern.rows[i].change, expected.rows[i].change) << by_pattern.rows[i].name;
    EXPECT_EQ(by_pattern.rows[i].insignificant, expected.rows[i].insignificant);
    EXPECT_EQ(by_pattern.rows[i].evidence, expected.rows[i].evidence);
  }
  EXPECT_EQ(by_pattern.rows[0].change, Change::k_none);       // io.time_read(1024): 1.3 < 1.5
  EXPECT_EQ(by_pattern.rows[2].change, Change::k_regressed);  // mem.peak: 1.3 > 1.1
  EXPECT_EQ(by_pattern.factor, 1.1);  // the footer's factor stays the plain one
  ASSERT_EQ(by_pattern.noise.factors.size(), 1u);
  EXPECT_EQ(by_pattern.noise.factors[0].pattern, "^io");
  EXPECT_EQ(by_pattern.noise.factors[0].factor, 1.5);
  EXPECT_EQ(by_pattern.noise.factors[0].benchmarks, 2u);
}

TEST(CompareWithNoiseRules, SkippedRowsAreGoneAndCounted) {
  const SlowerPair pair;
  NoiseRules rules;
  rules.bench = patterns({"time_"});
  rules.skip = patterns({"write"});
  const auto comparison = compare_results(pair.before, pair.after, {}, 1.1, rules);
  EXPECT_EQ(names_of(comparison), (std::vector<std::string>{"io.time_read(1024)", "net.time_get"}));
  EXPECT_EQ(comparison.noise.skipped, 2u);
  EXPECT_EQ(comparison.noise.ignored, 0u);
  EXPECT_TRUE(comparison.noise.factors.empty());
}

// Ignored rows stay, with their marks, and are not counted as regressions.
TEST(CompareWithNoiseRules, IgnoredRowsKeepTheirMarkButDoNotCount) {
  const SlowerPair pair;
  NoiseRules rules;
  rules.ignore = patterns({"net", "mem"});
  const auto comparison = compare_results(pair.before, pair.after, {}, 1.1, rules);
  ASSERT_EQ(comparison.rows.size(), 4u);
  EXPECT_EQ(comparison.noise.ignored, 2u);
  for (const auto& row : comparison.rows) {
    const bool ignored = row.name == "mem.peak" || row.name == "net.time_get";
    EXPECT_EQ(row.ignored, ignored) << row.name;
    EXPECT_EQ(row.change, Change::k_regressed) << row.name;
    EXPECT_EQ(model::counts_as_regression(row), !ignored) << row.name;
  }
}

TEST(CompareWithNoiseRules, WithoutRulesNothingChanges) {
  const SlowerPair pair;
  const auto comparison = compare_results(pair.before, pair.after, {}, 1.1, NoiseRules{});
  EXPECT_EQ(comparison.rows.size(), 4u);
  EXPECT_FALSE(comparison.noise.any());
}

// compare-many: the rules go by name, so every contender keeps the same rows.
TEST(CompareWithNoiseRules, CompareManyAppliesTheRulesToEveryContender) {
  const SlowerPair pair;
  NoiseRules rules;
  rules.skip = patterns({"^io"});
  rules.ignore = patterns({"net"});
  const std::vector<model::ResultFile> contenders = {pair.after, pair.before};
  const auto many = compare_many(pair.before, contenders, {}, 1.1, rules);
  ASSERT_EQ(many.contenders.size(), 2u);
  for (const auto& contender : many.contenders) {
    EXPECT_EQ(names_of(contender), (std::vector<std::string>{"mem.peak", "net.time_get"}));
    EXPECT_TRUE(contender.rows[1].ignored);
  }
  EXPECT_EQ(many.noise.skipped, 2u);
  EXPECT_EQ(many.noise.ignored, 1u);
}

// A printed table's marks are not ours to change: the factor rules are not counted for it.
TEST(ApplyNoiseRules, ATablesFactorRulesAreNotCounted) {
  model::Comparison table;
  table.rows.resize(2);
  table.rows[0].name = "io.time_read";
  table.rows[1].name = "mem.peak";
  NoiseRules rules;
  rules.factor_for.push_back({util::Regex("io", "test"), 1.5});
  rules.ignore = patterns({"io"});
  apply_noise_rules(table, rules, Marks::k_from_table);
  EXPECT_TRUE(table.noise.factors.empty());
  EXPECT_EQ(table.noise.ignored, 1u);
  EXPECT_TRUE(table.rows[0].ignored);
}

}  // namespace
}  // namespace spyglass::compare
