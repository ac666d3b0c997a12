// The hyperfine reader on real `--export-json` outputs (fixtures/other/, see
// fixtures/SOURCES.md). Expected medians were computed with Python's statistics.median and agree
// with the `median` hyperfine wrote.
#include "spyglass/ingest/hyperfine.hpp"

#include <gtest/gtest.h>

#include <string>

#include "spyglass/util/error.hpp"
#include "support/paths.hpp"
#include "support/sampled_result.hpp"

namespace spyglass::ingest {
namespace {

const std::string k_two =
    "other/hyperfine/bencher/lib/bencher_adapter/tool_output/shell/hyperfine/two.json";

LoadedResults read(const std::string& fixture) {
  return parse_hyperfine(test::read_fixture(fixture), fixture, {});
}

TEST(Hyperfine, EachCommandIsABenchmarkWithItsTimesAsSamples) {
  const auto loaded = read(k_two);
  EXPECT_EQ(loaded.file.machine, "hyperfine");
  EXPECT_EQ(loaded.file.env_name, "two");
  ASSERT_EQ(loaded.file.results.size(), 2u);
  const auto& first = loaded.file.results[0];
  test::expect_sampled(first, "sleep 0.1", 27, 0.10652535172000001);
  EXPECT_EQ(first.key, "sleep 0.1");
  EXPECT_EQ(first.stats->number, 1);
  test::expect_sampled(loaded.file.results[1], "sleep 0.2", 13, 0.20866151872000002);

  const auto* info = loaded.catalog.find("sleep 0.2");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->type, "time");
  EXPECT_EQ(info->unit, "seconds");
}

TEST(Hyperfine, ParametersAreTheNamesParams) {
  const auto loaded = read("other/generated/hyperfine-params.json");
  ASSERT_EQ(loaded.file.results.size(), 2u);
  EXPECT_EQ(loaded.file.results[0].name, "sleep 0.01(1)");
  EXPECT_EQ(loaded.file.results[0].key, "sleep 0.01");
  EXPECT_EQ(loaded.file.results[0].params, (std::vector<std::string>{"1"}));
  EXPECT_EQ(loaded.file.results[0].value->value, 0.03990933856);
  EXPECT_EQ(loaded.file.results[1].name, "sleep 0.02(2)");
  EXPECT_EQ(loaded.catalog.find("sleep 0.02")->param_names, (std::vector<std::string>{"n"}));
}

TEST(Hyperfine, NonZeroExitCodeIsAFailedBenchmark) {
  const auto loaded = read("other/generated/hyperfine-failing.json");
  ASSERT_EQ(loaded.file.results.size(), 2u);
  EXPECT_EQ(loaded.file.results[0].name, "false");
  EXPECT_FALSE(loaded.file.results[0].value);
  EXPECT_FALSE(loaded.file.results[0].samples);
  EXPECT_EQ(loaded.file.results[1].name, "true");
  EXPECT_EQ(loaded.file.results[1].value->value, 0.004569599340000001);
}

TEST(Hyperfine, ThreeRunsOfLongCommands) {
  const auto loaded = read("other/hyperfine/zeroows-1brc/hyperfine.json");
  ASSERT_EQ(loaded.file.results.size(), 2u);
  EXPECT_EQ(loaded.file.results[0].name,
            "cargo run --release --bin 1brc measurements_1000000000.txt");
  EXPECT_EQ(loaded.file.results[0].value->value, 11.81813333352);
  EXPECT_EQ(loaded.file.env_name, "hyperfine");
}

TEST(Hyperfine, Errors) {
  const auto error_of = [](const std::string& text) -> std::string {
    try {
      parse_hyperfine(text, "h.json", {});
    } catch (const Error& error) {
      return error.what();
    }
    return "no error";
  };
  EXPECT_EQ(error_of(R"({"results": [{"command": "a"}]})"),
            "h.json: results[0]: missing required key \"times\"");
  EXPECT_EQ(error_of(R"({"results": [{"command": "a", "times": [1, "2"]}]})"),
            "h.json: results[0][\"times\"][1]: expected a number, found a string");
  EXPECT_EQ(error_of(R"({"results": {}})"),
            "h.json: results: expected a list of commands, found an object");
}

}  // namespace
}  // namespace spyglass::ingest
