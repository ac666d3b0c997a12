// The Google Benchmark reader on real outputs (fixtures/other/, see fixtures/SOURCES.md). Expected
// values were computed from the files with Python (the rows' times times the unit's seconds, and
// statistics.median of the repetitions).
#include "spyglass/ingest/gbench.hpp"

#include <gtest/gtest.h>

#include <string>

#include "spyglass/util/error.hpp"
#include "support/paths.hpp"
#include "support/sampled_result.hpp"

namespace spyglass::ingest {
namespace {

const std::string k_itsy = "other/google-benchmark/itsy_bitsy/benchmarks/results/";
const std::string k_kalman = "other/google-benchmark/kalman/benchmark/result/baseline.json";
const std::string k_minimal =
    "other/google-benchmark/github-action-benchmark/test/data/extract/googlecpp_output.json";

LoadedResults read(const std::string& fixture, const ReadOptions& options = {}) {
  return parse_gbench(test::read_fixture(fixture), fixture, options);
}

// The message of the input error `text` raises.
std::string error_of(const std::string& text, const ReadOptions& options = {}) {
  try {
    parse_gbench(text, "x.json", options);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    return error.what();
  }
  return "no error";
}

TEST(Gbench, OneRunPerBenchmarkIsTheValueWithoutSamples) {
  const auto loaded = read(k_minimal);
  EXPECT_EQ(loaded.file.machine, "Corgi.local");
  EXPECT_EQ(loaded.file.env_name, "a.out");
  EXPECT_EQ(loaded.file.path, k_minimal);
  ASSERT_EQ(loaded.file.results.size(), 2u);
  const auto& fib_10 = loaded.file.results[0];
  EXPECT_EQ(fib_10.name, "fib_10");
  EXPECT_EQ(fib_10.key, "fib_10");
  ASSERT_TRUE(fib_10.value);
  EXPECT_DOUBLE_EQ(fib_10.value->value, 2.1498980114547953e-07);
  EXPECT_FALSE(fib_10.value->is_integer);
  EXPECT_FALSE(fib_10.samples);
  EXPECT_FALSE(fib_10.stats);
  EXPECT_EQ(loaded.file.results[1].name, "fib_20");
  EXPECT_DOUBLE_EQ(loaded.file.results[1].value->value, 2.7455600415007055e-05);
}

TEST(Gbench, CatalogsEveryBenchmarkAsTimeInSeconds) {
  const auto loaded = read(k_minimal);
  ASSERT_EQ(loaded.catalog.by_name.size(), 2u);
  const auto* info = loaded.catalog.find("fib_20");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->type, "time");
  EXPECT_EQ(info->unit, "seconds");
}

TEST(Gbench, CpuTimeMetric) {
  ReadOptions options;
  options.metric = "cpu_time";
  const auto loaded = read(k_minimal, options);
  EXPECT_DOUBLE_EQ(loaded.file.results[0].value->value, 2.1365507206163295e-07);
}

TEST(Gbench, RepetitionsAreSamplesWithAsvsStats) {
  const auto loaded = read(k_itsy + "libstdc++.itsy.bitsy.benchmarks.json");
  EXPECT_EQ(loaded.file.machine, "NEWRIG");
  EXPECT_EQ(loaded.file.env_name, "itsy.bitsy.benchmarks.exe");
  ASSERT_EQ(loaded.file.results.size(), 58u);
  const auto& noop = loaded.file.results[0];
  test::expect_sampled(noop, "noop", 30, 5.499750841408969e-16);
  // asv_runner 0.2.5's compute_stats over the 30 repetitions' real_time * 1e-9 with number=1e9
  // (the repetitions' iterations), printed with repr() (tests/golden/README.md, "Statistics").
  EXPECT_EQ(noop.value->value, 5.499750841408969e-16);
  EXPECT_EQ(noop.stats->number, 1e9);
  EXPECT_EQ(noop.stats->q_25, 5.000038072466851e-16);
  EXPECT_EQ(noop.stats->q_75, 6.00004568696022e-16);
  EXPECT_EQ(noop.stats->ci_99_a, 5.000038072466851e-16);
  EXPECT_EQ(noop.stats->ci_99_b, 6.00004568696022e-16);
}

TEST(Gbench, ErrorOccurredIsAFailedBenchmark) {
  const auto loaded = read(k_itsy + "libstdc++.itsy.bitsy.benchmarks.json");
  std::vector<std::string> failed;
  for (const auto& result : loaded.file.results) {
    if (!result.value) {
      failed.push_back(result.name);
      EXPECT_FALSE(result.samples);
      EXPECT_FALSE(result.stats);
    }
  }
  EXPECT_EQ(failed, (std::vector<std::string>{"is_sorted_by_hand", "is_sorted_until_by_hand"}));
}

TEST(Gbench, IgnoresBigOAndRmsAggregates) {
  const auto loaded = read(k_kalman);
  EXPECT_EQ(loaded.file.machine, "FRANCOIS-DESK");
  EXPECT_EQ(loaded.file.env_name, "baseline_driver.exe");
  ASSERT_EQ(loaded.file.results.size(), 1u);
  test::expect_sampled(loaded.file.results[0], "baseline/repeats:100/manual_time", 100,
                       1.4165224975136612e-08);
  EXPECT_EQ(loaded.file.results[0].stats->number, 49072048);
}

TEST(Gbench, HonoursEachRowsTimeUnit) {
  const auto loaded = read("other/generated/gbench-O2.json");
  EXPECT_EQ(loaded.file.machine, "ci-runner");
  EXPECT_EQ(loaded.file.env_name, "tiny_bench");
  ASSERT_EQ(loaded.file.results.size(), 3u);
  test::expect_sampled(loaded.file.results[0], "BM_accumulate/64", 10, 2.2435169978927037e-07);
  test::expect_sampled(loaded.file.results[1], "BM_accumulate/4096", 10, 9.892124920569988e-06);
  test::expect_sampled(loaded.file.results[2], "BM_string_append", 10,
                       2.455785317329189e-06);  // in us
}

TEST(Gbench, AggregatesOnlyTakesTheMedian) {
  const auto loaded = read("other/generated/gbench-aggregates-only.json");
  ASSERT_EQ(loaded.file.results.size(), 3u);
  EXPECT_EQ(loaded.file.results[0].name, "BM_accumulate/64");
  EXPECT_DOUBLE_EQ(loaded.file.results[0].value->value, 229.23238925687147e-9);
  EXPECT_FALSE(loaded.file.results[0].samples);
  EXPECT_FALSE(loaded.file.results[0].stats);
  EXPECT_EQ(loaded.file.results[2].name, "BM_string_append");
  EXPECT_DOUBLE_EQ(loaded.file.results[2].value->value, 2.379567390062778e-6);
}

TEST(Gbench, FilesWithoutRunNameGroupByNameAndTakeTheMeanWithoutMedian) {
  const auto loaded = parse_gbench(R"({"context": {}, "benchmarks": [
      {"name": "BM_a", "iterations": 10, "real_time": 2, "cpu_time": 1, "time_unit": "ms"},
      {"name": "BM_a", "iterations": 10, "real_time": 4, "cpu_time": 1, "time_unit": "ms"},
      {"name": "BM_b_mean", "run_type": "aggregate", "iterations": 3, "real_time": 5,
       "cpu_time": 5, "time_unit": "s"},
      {"name": "BM_c", "run_type": "aggregate", "aggregate_name": "median", "iterations": 3,
       "real_time": 7, "cpu_time": 7, "time_unit": "s"}]})",
                                   "old.json", {});
  ASSERT_EQ(loaded.file.results.size(), 3u);
  EXPECT_EQ(loaded.file.results[0].name, "BM_a");
  EXPECT_EQ(loaded.file.results[0].samples, (std::vector<double>{2e-3, 4e-3}));
  EXPECT_DOUBLE_EQ(loaded.file.results[0].value->value, 3e-3);
  EXPECT_EQ(loaded.file.results[1].name, "BM_b");
  EXPECT_EQ(loaded.file.results[1].value->value, 5.0);
  EXPECT_EQ(loaded.file.results[2].name, "BM_c");  // no suffix to drop
  EXPECT_EQ(loaded.file.results[2].value->value, 7.0);
  EXPECT_EQ(loaded.file.machine, "");
  EXPECT_EQ(loaded.file.env_name, "");
}

TEST(Gbench, Errors) {
  EXPECT_EQ(error_of(R"({"context": {}, "benchmarks": [{"name": "a", "real_time": 1,
      "time_unit": "min"}]})"),
            "x.json: benchmarks[0][\"time_unit\"]: unknown time unit \"min\" (expected ns, us, "
            "ms or s)");
  EXPECT_EQ(error_of(R"({"context": {}, "benchmarks": [{"name": "a", "cpu_time": 1}]})"),
            "x.json: benchmarks[0]: missing required key \"real_time\"");
  ReadOptions cpu;
  cpu.metric = "cpu_time";
  EXPECT_EQ(error_of(R"({"context": {}, "benchmarks": [{"name": "a", "real_time": 1}]})", cpu),
            "x.json: benchmarks[0]: missing required key \"cpu_time\"");
  EXPECT_EQ(error_of(R"({"context": {}, "benchmarks": [{"name": "a", "cpu_time": "1"}]})", cpu),
            "x.json: benchmarks[0][\"cpu_time\"]: expected a number, found a string");
  EXPECT_EQ(error_of(R"({"context": {}, "benchmarks": [{"run_name": "a", "real_time": 1}]})"),
            "x.json: benchmarks[0]: missing required key \"name\"");
  EXPECT_EQ(error_of(R"({"context": {}, "benchmarks": [{"name": 1, "real_time": 1}]})"),
            "x.json: benchmarks[0][\"name\"]: expected a string, found an integer");
  EXPECT_EQ(error_of(R"({"context": {}, "benchmarks": [{"name": "a", "run_type": null}]})"),
            "x.json: benchmarks[0][\"run_type\"]: expected a string, found null");
  EXPECT_EQ(error_of(R"({"context": {}, "benchmarks": [{"name": "a", "real_time": 1,
      "time_unit": 9}]})"),
            "x.json: benchmarks[0][\"time_unit\"]: expected a string, found an integer");
  EXPECT_EQ(error_of(R"({"context": {}, "benchmarks": {}})"),
            "x.json: benchmarks: expected a list of benchmark runs, found an object");
  EXPECT_EQ(error_of(R"({"benchmarks": []})"), "x.json: missing required key \"context\"");
  ReadOptions empty;
  empty.metric = "";
  EXPECT_EQ(error_of(R"({"context": {}, "benchmarks": []})", empty),
            "x.json: an empty metric for Google Benchmark (expected real_time, cpu_time or a "
            "counter's name)");
  // Any other metric is a counter, which every row must have.
  ReadOptions counter;
  counter.metric = "items_per_second";
  EXPECT_EQ(error_of(R"({"context": {}, "benchmarks": [{"name": "a", "real_time": 1}]})", counter),
            "x.json: benchmarks[0]: missing required key \"items_per_second\"");
  EXPECT_EQ(error_of(R"({"context": {}, "benchmarks": [{"name": "a", "items_per_second": "9"}]})",
                     counter),
            "x.json: benchmarks[0][\"items_per_second\"]: expected a number, found a string");
}

// Counters of a real run (other/generated/gbench-counters-O2.json: SetItemsProcessed,
// SetBytesProcessed and a plain counter `elements`, 5 repetitions). Expected values: Python's
// statistics.median of the repetitions' counter.
TEST(Gbench, ACounterMetricIsThePlainNumberOfEachRepetition) {
  ReadOptions options;
  options.metric = "items_per_second";
  const auto loaded = read("other/generated/gbench-counters-O2.json", options);
  ASSERT_EQ(loaded.file.results.size(), 1u);
  test::expect_sampled(loaded.file.results[0], "BM_sum/4096", 5, 2592149357.5418196);
  const auto* info = loaded.catalog.find("BM_sum/4096");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->type, "track");
  EXPECT_EQ(info->unit, "items_per_second");
  // A rate: Google Benchmark's JSON marks none, so the name says it.
  EXPECT_EQ(info->direction, model::Direction::k_bigger_is_better);

  const auto time = read("other/generated/gbench-counters-O2.json");
  test::expect_sampled(time.file.results[0], "BM_sum/4096", 5, 5.526577952550494e-06);
  EXPECT_EQ(time.catalog.find("BM_sum/4096")->direction, model::Direction::k_smaller_is_better);
}

TEST(Gbench, ACounterThatIsNoRateIsSmallerIsBetter) {
  ReadOptions options;
  options.metric = "elements";
  const auto loaded = read("other/generated/gbench-counters-O2.json", options);
  test::expect_sampled(loaded.file.results[0], "BM_sum/4096", 5, 4096);
  const auto* info = loaded.catalog.find("BM_sum/4096");
  EXPECT_EQ(info->unit, "elements");
  EXPECT_EQ(info->direction, model::Direction::k_smaller_is_better);
}

// The path of `context` was built on a temporary root that was gone by the time an error named
// it (UBSan: member call on misaligned address); fuzz/corpus/input_formats_fuzzer/gbench-context-*.
TEST(Gbench, NamesAContextThatIsNoObject) {
  const std::string rows = R"(, "benchmarks": [{"name": "a", "real_time": 1}]})";
  EXPECT_EQ(error_of(R"({"context": [1, 2])" + rows),
            "x.json: context: expected an object, found an array");
  EXPECT_EQ(error_of(R"({"context": null)" + rows),
            "x.json: context: expected an object, found null");
  EXPECT_EQ(error_of(R"({"context": "ci-host")" + rows),
            "x.json: context: expected an object, found a string");
}

TEST(Gbench, InvalidJsonNamesTheFileAndPlace) {
  const std::string fixture =
      "other/google-benchmark/kalman/_rev-22b4659-INVALID-JSON/benchmark/result/predict_1x1x0.json";
  try {
    read(fixture);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()).substr(0, fixture.size() + 1), fixture + ":");
  }
}

}  // namespace
}  // namespace spyglass::ingest
