// pytest-benchmark runs read into asv's model. The expected values are the files' own numbers
// (and, for runs saved with their raw data, the median and quartiles of that data computed with
// asv_runner's linear-interpolation quantile in Python), written down exactly.
#include "spyglass/ingest/pytest_benchmark.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "spyglass/util/error.hpp"
#include "support/compare_loaded.hpp"
#include "support/paths.hpp"

namespace spyglass::ingest {
namespace {

const std::string k_generated =
    "other/generated/pytest-benchmark/benchmarks/Linux-CPython-3.11-64bit/";
const std::string k_first =
    k_generated + "0001_9b64fee30511a484cb81e1372ab58a6c47f3e2fe_20261126_165053.json";
const std::string k_second =
    k_generated + "0002_44b0441403660a4690a696c928385e2929ede92f_20261126_165058.json";
const std::string k_second_no_data =
    k_generated + "0003_44b0441403660a4690a696c928385e2929ede92f_20261126_165103.json";
const std::string k_upstream_storage =
    "other/pytest-benchmark/pytest-benchmark/tests/test_storage/"
    "0001_b87b9aae14ff14a7887a6bbaa9731b9a8760555d_20150814_190343_uncommitted-changes.json";
const std::string k_action_output =
    "other/pytest-benchmark/github-action-benchmark/test/data/extract/pytest_output.json";

LoadedResults load(const std::string& relative) {
  return parse_pytest_benchmark(test::read_fixture(relative), relative, ReadOptions{});
}

// The message parse_pytest_benchmark throws for `text`, or "" when it reads it.
std::string error_of(const std::string& text) {
  try {
    parse_pytest_benchmark(text, "run.json", ReadOptions{});
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    return error.what();
  }
  return {};
}

std::vector<std::string> names_of(const model::ResultFile& file) {
  std::vector<std::string> names;
  for (const auto& result : file.results) {
    names.push_back(result.name);
  }
  return names;
}

// A benchmark saved with its raw data: the samples, and the stats asv_runner computes from them.
// The expected CI, like the median and quartiles, is asv_runner 0.2.5's compute_stats over the
// file's data (tests/golden/README.md, "Statistics").
void expect_from_samples(const model::BenchmarkResult& result, std::size_t count, double first,
                         double last, double median, double q_25, double q_75, double number,
                         double ci_99_a, double ci_99_b) {
  SCOPED_TRACE(result.name);
  ASSERT_TRUE(result.samples.has_value());
  ASSERT_EQ(result.samples->size(), count);
  EXPECT_EQ(result.samples->front(), first);
  EXPECT_EQ(result.samples->back(), last);
  ASSERT_TRUE(result.value.has_value());
  EXPECT_EQ(result.value->value, median);
  EXPECT_FALSE(result.value->is_integer);
  ASSERT_TRUE(result.stats.has_value());
  EXPECT_EQ(result.stats->q_25, q_25);
  EXPECT_EQ(result.stats->q_75, q_75);
  EXPECT_EQ(result.stats->repeat, static_cast<double>(count));
  EXPECT_EQ(result.stats->number, number);
  EXPECT_EQ(result.stats->ci_99_a, ci_99_a);
  EXPECT_EQ(result.stats->ci_99_b, ci_99_b);
  EXPECT_LT(*result.stats->ci_99_a, median);
  EXPECT_GT(*result.stats->ci_99_b, median);
}

// A benchmark saved without raw data: its median, quartiles, rounds and iterations; no CI.
void expect_from_summary(const model::BenchmarkResult& result, double median, double q1, double q3,
                         double rounds, double iterations) {
  SCOPED_TRACE(result.name);
  EXPECT_EQ(result.samples, std::nullopt);
  ASSERT_TRUE(result.value.has_value());
  EXPECT_EQ(result.value->value, median);
  ASSERT_TRUE(result.stats.has_value());
  EXPECT_EQ(result.stats->q_25, q1);
  EXPECT_EQ(result.stats->q_75, q3);
  EXPECT_EQ(result.stats->repeat, rounds);
  EXPECT_EQ(result.stats->number, iterations);
  EXPECT_EQ(result.stats->ci_99_a, std::nullopt);
  EXPECT_EQ(result.stats->ci_99_b, std::nullopt);
}

TEST(PytestBenchmark, ReadsARunSavedWithItsData) {
  const LoadedResults loaded = load(k_first);
  const model::ResultFile& file = loaded.file;
  EXPECT_EQ(file.path, k_first);
  EXPECT_EQ(file.machine, "spyglass-fixtures");
  EXPECT_EQ(file.env_name, "CPython-3.11.2");
  EXPECT_EQ(file.python, "3.11.2");
  EXPECT_EQ(file.commit_hash, "9b64fee30511a484cb81e1372ab58a6c47f3e2fe");
  EXPECT_EQ(file.date, std::nullopt);
  ASSERT_EQ(names_of(file),
            (std::vector<std::string>{"test_bench.py::test_fib[10]", "test_bench.py::test_fib[15]",
                                      "test_bench.py::test_sort"}));
  expect_from_samples(file.results[0], 20, 4.873199941357598e-06, 4.356600038590841e-06,
                      4.351399911683985e-06, 4.333800006861566e-06, 4.437750249053352e-06, 5,
                      4.3112002458656205e-06, 4.873199941357598e-06);
  expect_from_samples(file.results[1], 20, 5.147339979885146e-05, 5.215640012465883e-05,
                      5.092860010336153e-05, 4.935044999001547e-05, 5.250305011941236e-05, 5,
                      4.927359987050295e-05, 5.993699996906798e-05);
  expect_from_samples(file.results[2], 15, 8.52196000778349e-06, 0.0008924457999819424,
                      8.097880017885473e-06, 8.01812000645441e-06, 8.456779996777186e-06, 50,
                      7.892780013207812e-06, 8.648660004837439e-06);
  for (const auto& result : file.results) {
    EXPECT_EQ(result.key, result.name);
    EXPECT_TRUE(result.params.empty());
    EXPECT_EQ(result.version, std::nullopt);
    const model::BenchmarkInfo* info = loaded.catalog.find(result.name);
    ASSERT_NE(info, nullptr) << result.name;
    EXPECT_EQ(info->name, result.name);
    EXPECT_EQ(info->type, "time");
    EXPECT_EQ(info->unit, "seconds");
  }
  EXPECT_EQ(loaded.catalog.by_name.size(), 3u);
}

TEST(PytestBenchmark, ReadsARunSavedWithoutItsData) {
  const model::ResultFile file = load(k_second_no_data).file;
  EXPECT_EQ(file.commit_hash, "44b0441403660a4690a696c928385e2929ede92f");
  ASSERT_EQ(file.results.size(), 3u);
  expect_from_summary(file.results[0], 4.381800135888625e-06, 4.3239000660832975e-06,
                      4.852100028074347e-06, 20, 5);
  expect_from_summary(file.results[1], 5.0215400005981794e-05, 4.9311399925500156e-05,
                      5.212599990045419e-05, 20, 5);
  expect_from_summary(file.results[2], 3.5773180024989414e-05, 3.363081500538101e-05,
                      0.0008154112800093571, 15, 50);
}

TEST(PytestBenchmark, ReadsAVersion2Point5Run) {
  const model::ResultFile file = load(k_upstream_storage).file;
  EXPECT_EQ(file.machine, "minibox");
  EXPECT_EQ(file.env_name, "CPython-2.7.3");
  EXPECT_EQ(file.commit_hash, "5b78858eb718649a31fb93d8dc96ca2cee41a4cd");
  ASSERT_EQ(names_of(file),
            (std::vector<std::string>{"tests/test_normal.py::test_xfast_parametrized[0]"}));
  expect_from_summary(file.results[0], 2.2016643907464864e-07, 2.2016643907464864e-07,
                      2.5838185725599954e-07, 9987, 418);
}

TEST(PytestBenchmark, RefusesDataWithARoundThatIsNotANumber) {
  // github-action-benchmark cut the raw data of its test file short with a note in the list.
  try {
    load(k_action_output);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()),
              k_action_output +
                  ": benchmarks[0][\"stats\"][\"data\"][4]: expected a number, found a string");
  }
}

TEST(PytestBenchmark, NamesTheFileAndTheProblemInErrors) {
  EXPECT_EQ(error_of("[]"), "run.json: expected an object, found an array");
  EXPECT_EQ(error_of("{}"), "run.json: missing required key \"benchmarks\"");
  EXPECT_EQ(error_of(R"({"benchmarks": {}})"),
            "run.json: benchmarks: expected a list of benchmarks, found an object");
  EXPECT_EQ(error_of(R"({"benchmarks": []})"),
            "run.json: benchmarks: no benchmarks (the run saved none)");
  EXPECT_EQ(error_of(R"({"benchmarks": [{"stats": {}}]})"),
            "run.json: benchmarks[0]: missing required key \"name\"");
  EXPECT_EQ(error_of(R"({"benchmarks": [{"name": 3, "stats": {}}]})"),
            "run.json: benchmarks[0][\"name\"]: expected a string, found an integer");
  EXPECT_EQ(error_of(R"({"benchmarks": [{"name": "t"}]})"),
            "run.json: benchmarks[0]: missing required key \"stats\"");
  EXPECT_EQ(error_of(R"({"benchmarks": [{"name": "t", "stats": {"iterations": 1}}]})"),
            "run.json: benchmarks[0][\"stats\"]: missing required key \"median\"");
  EXPECT_EQ(error_of(R"({"benchmarks": [{"name": "t", "stats": {"iterations": 1, "data": []}}]})"),
            "run.json: benchmarks[0][\"stats\"][\"data\"]: no rounds");
  EXPECT_EQ(
      error_of(R"({"benchmarks": [{"name": "t", "stats": {"iterations": 1, "data": [NaN]}}]})"),
      "run.json: benchmarks[0][\"stats\"][\"data\"][0]: NaN is not a round time");
  EXPECT_EQ(error_of(R"({"machine_info": [], "benchmarks": []})"),
            "run.json: machine_info: expected an object, found an array");
  EXPECT_EQ(error_of(R"({"commit_info": {"id": 1}, "benchmarks": []})"),
            "run.json: commit_info[\"id\"]: expected a string, found an integer");
  EXPECT_EQ(error_of("{"), "run.json:1:2: unexpected end of file (truncated?)");
}

// The model end to end without the CLI: two saved runs compared as asv-spyglass compares asv
// results. tests/golden/compare-pytest-benchmark.out was checked by hand: the fib cases moved
// by less than the factor (ratios 1.05 and 1.08, blank marks); test_sort sorts 4x the items in
// the second run and Mann-Whitney U on the 15 + 15 rounds finds it slower (`+`, 4.95). Both runs
// are on machine spyglass-fixtures in CPython-3.11.2, so the names have no `[a -> b]` suffix.
TEST(PytestBenchmark, ComparesTwoRunsAsAsvResults) {
  const LoadedResults before = load(k_first);
  const LoadedResults after = load(k_second);
  EXPECT_EQ(test::compare_loaded_text(before, after),
            test::read_fixture("../tests/golden/compare-pytest-benchmark.out"));
}

}  // namespace
}  // namespace spyglass::ingest
