// The github-action-benchmark custom JSON reader on the action's own test data
// (fixtures/other/github-action-benchmark/, see fixtures/SOURCES.md). Expected values are the
// files' numbers times the unit's seconds.
#include "spyglass/ingest/github_action_benchmark.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "spyglass/util/error.hpp"
#include "support/paths.hpp"

namespace spyglass::ingest {
namespace {

using model::Direction;

const std::string k_extract = "other/github-action-benchmark/test/data/extract/";

LoadedResults read(const std::string& fixture,
                   Direction direction = Direction::k_smaller_is_better) {
  return parse_github_action_benchmark(test::read_fixture(k_extract + fixture), k_extract + fixture,
                                       direction);
}

// The message of the input error `text` raises.
std::string error_of(const std::string& text) {
  try {
    parse_github_action_benchmark(text, "c.json", Direction::k_smaller_is_better);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    return error.what();
  }
  return "no error";
}

TEST(GithubActionBenchmark, TimeUnitsBecomeSecondsAndTheRangeTheSpread) {
  const auto loaded = read("customSmallerIsBetter_output2.json");
  EXPECT_EQ(loaded.file.machine, "");
  EXPECT_EQ(loaded.file.env_name, "customSmallerIsBetter_output2");
  ASSERT_EQ(loaded.file.results.size(), 4u);
  const auto& first = loaded.file.results[0];
  EXPECT_EQ(first.name, "No instrumentation");
  EXPECT_EQ(first.key, "No instrumentation");
  ASSERT_TRUE(first.value);
  EXPECT_DOUBLE_EQ(first.value->value, 90.9439e-9);
  EXPECT_FALSE(first.value->is_integer);
  EXPECT_FALSE(first.samples);
  // "range": 0.519165 (ns): the value ± the range, an interquartile range the table halves.
  ASSERT_TRUE(first.stats);
  EXPECT_DOUBLE_EQ(*first.stats->q_25, (90.9439 - 0.519165) * 1e-9);
  EXPECT_DOUBLE_EQ(*first.stats->q_75, (90.9439 + 0.519165) * 1e-9);
  EXPECT_FALSE(first.stats->ci_99_a);
  EXPECT_EQ(loaded.file.results[3].name, "Binary file");
  EXPECT_DOUBLE_EQ(loaded.file.results[3].value->value, 3886.75e-9);

  const auto* info = loaded.catalog.find("Deactivated probe");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->type, "time");
  EXPECT_EQ(info->unit, "seconds");
  EXPECT_EQ(info->direction, Direction::k_smaller_is_better);
}

TEST(GithubActionBenchmark, OtherUnitsKeepTheNumberAndTheUnit) {
  const auto loaded = read("customBiggerIsBetter_output.json", Direction::k_bigger_is_better);
  EXPECT_EQ(loaded.file.env_name, "customBiggerIsBetter_output");
  ASSERT_EQ(loaded.file.results.size(), 2u);
  const auto& throughput = loaded.file.results[0];
  EXPECT_EQ(throughput.name, "My Custom Bigger Is Better Benchmark - Throughput");
  EXPECT_EQ(throughput.value->value, 70);
  EXPECT_TRUE(throughput.value->is_integer);
  EXPECT_FALSE(throughput.stats);
  // "range": "3", a number written as text.
  const auto& memory = loaded.file.results[1];
  EXPECT_EQ(memory.value->value, 150);
  ASSERT_TRUE(memory.stats);
  EXPECT_EQ(memory.stats->q_25, 147);
  EXPECT_EQ(memory.stats->q_75, 153);

  const auto* info = loaded.catalog.find("My Custom Bigger Is Better Benchmark - Throughput");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->type, "track");
  EXPECT_EQ(info->unit, "req/s");
  EXPECT_EQ(info->direction, Direction::k_bigger_is_better);
  EXPECT_EQ(loaded.catalog.find("My Custom Bigger Is Better Benchmark - Free Memory")->unit,
            "Megabytes");
}

TEST(GithubActionBenchmark, APercentRangeIsAShareOfTheValue) {
  const auto loaded = read("customSmallerIsBetter_output.txt");
  ASSERT_EQ(loaded.file.results.size(), 2u);
  const auto& load = loaded.file.results[0];
  EXPECT_EQ(load.name, "My Custom Smaller Is Better Benchmark - CPU Load");
  EXPECT_EQ(load.value->value, 50);
  // "5%" of 50.
  EXPECT_EQ(load.stats->q_25, 47.5);
  EXPECT_EQ(load.stats->q_75, 52.5);
  EXPECT_EQ(loaded.catalog.find(load.key)->unit, "Percent");
}

TEST(GithubActionBenchmark, RangesAsWritten) {
  const auto spread = [](const std::string& range) -> std::optional<double> {
    const auto loaded = parse_github_action_benchmark(
        R"([{"name": "a", "unit": "ops", "value": 200, "range": )" + range + "}]", "c.json",
        Direction::k_smaller_is_better);
    const auto& stats = loaded.file.results[0].stats;
    if (!stats) {
      return std::nullopt;
    }
    return (*stats->q_75 - *stats->q_25) / 2;
  };
  EXPECT_EQ(spread(R"("± 0.5")"), 0.5);
  EXPECT_EQ(spread(R"("\u00b12")"), 2);
  EXPECT_EQ(spread(R"("+/- 3%")"), 6);
  EXPECT_EQ(spread(R"(" 4 ")"), 4);
  EXPECT_EQ(spread("1.5"), 1.5);
  EXPECT_EQ(spread("0"), 0);
  // Not a spread spyglass can use: ignored, as upstream shows it only as text.
  EXPECT_EQ(spread(R"("about 3")"), std::nullopt);
  EXPECT_EQ(spread(R"("3 ms")"), std::nullopt);
  EXPECT_EQ(spread(R"("")"), std::nullopt);
  EXPECT_EQ(spread(R"("-1")"), std::nullopt);
  EXPECT_EQ(spread("-1"), std::nullopt);
  EXPECT_EQ(spread(R"("nan")"), std::nullopt);
  EXPECT_EQ(spread("Infinity"), std::nullopt);
  EXPECT_EQ(spread("null"), std::nullopt);
  EXPECT_EQ(spread("[1]"), std::nullopt);
}

TEST(GithubActionBenchmark, AnEmptyListHasNoBenchmarks) {
  const auto loaded =
      parse_github_action_benchmark("[]", "dir/empty.json", Direction::k_smaller_is_better);
  EXPECT_TRUE(loaded.file.results.empty());
  EXPECT_EQ(loaded.file.env_name, "empty");
}

TEST(GithubActionBenchmark, Errors) {
  EXPECT_EQ(error_of(R"({"name": "a"})"), "c.json: expected a list of benchmarks, found an object");
  EXPECT_EQ(error_of("[1]"), "c.json: [0]: expected an object, found an integer");
  EXPECT_EQ(error_of(R"([{"unit": "ns", "value": 1}])"),
            "c.json: [0]: missing required key \"name\"");
  EXPECT_EQ(error_of(R"([{"name": "a", "value": 1}])"),
            "c.json: [0]: missing required key \"unit\"");
  EXPECT_EQ(error_of(R"([{"name": "a", "unit": "ns"}])"),
            "c.json: [0]: missing required key \"value\"");
  EXPECT_EQ(error_of(R"([{"name": 7, "unit": "ns", "value": 1}])"),
            "c.json: [0][\"name\"]: expected a string, found an integer");
  EXPECT_EQ(error_of(R"([{"name": "a", "unit": null, "value": 1}])"),
            "c.json: [0][\"unit\"]: expected a string, found null");
  EXPECT_EQ(error_of(R"([{"name": "a", "unit": "ns", "value": "fast"}])"),
            "c.json: [0][\"value\"]: expected a number, found a string");
  // Cut short: the JSON parser's one line, naming the file and the place.
  EXPECT_TRUE(error_of(R"([{"name": "a", "unit": "ns", "value": 1},)").starts_with("c.json:1:"));
}

}  // namespace
}  // namespace spyglass::ingest
