// pytest-jax-bench CSV files read into asv's model, run by run. The fixtures were written by
// hand after the plugin's writer (fixtures/other/generated/ptjb/write_fixtures.py; JAX is not
// packaged for Debian), so the expected values are the printed ones, converted to seconds.
#include "spyglass/ingest/ptjb.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "spyglass/util/error.hpp"
#include "support/compare_loaded.hpp"
#include "support/paths.hpp"

namespace spyglass::ingest {
namespace {

const std::string k_fft = "other/generated/ptjb/benchmarks/tests-test_fft.py--test_fft/n-64.csv";
const std::string k_tags = "other/generated/ptjb/benchmarks/tests-test_tags.py--test_tags.csv";

// The header of a current plugin version's file, up to its measurement lines.
const std::string k_header =
    "# pytest-jax-bench\n"
    "# created: 2026-11-20T09:12:44Z\n"
    "# test_nodeid: tests/t.py::test_x\n"
    "# backend: gpu\n"
    "#  (1) run_id\n"
    "#  (2) commit\n"
    "#  (3) commit_run\n"
    "#  (4) jit_mean_ms\n"
    "#        (1)         (2)         (3)         (4) \n";

LoadedResults load(const std::string& relative, std::optional<std::string> run = std::nullopt) {
  ReadOptions options;
  options.run = std::move(run);
  return parse_ptjb(test::read_fixture(relative), relative, options);
}

// The message parse_ptjb throws for `text` and `run`, or "" when it reads it.
std::string error_of(const std::string& text, std::optional<std::string> run = std::nullopt) {
  ReadOptions options;
  options.run = std::move(run);
  try {
    parse_ptjb(text, "t.csv", options);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    return error.what();
  }
  return {};
}

// What one benchmark of a run must be.
struct Expected {
  std::string name;
  double value;
  bool is_integer;
  std::optional<double> repeat;  // nullopt: no stats
  std::string type;
  std::string unit;
};

Expected time(std::string name, double ms, std::optional<double> rounds = std::nullopt) {
  return {std::move(name), ms / 1000, false, rounds, "time", "seconds"};
}

Expected bytes(std::string name, double value) {
  return {std::move(name), value, true, std::nullopt, "memory", "bytes"};
}

void expect_results(const LoadedResults& loaded, const std::vector<Expected>& expected) {
  std::vector<std::string> names;
  for (const auto& result : loaded.file.results) {
    names.push_back(result.name);
  }
  std::vector<std::string> expected_names;
  for (const auto& row : expected) {
    expected_names.push_back(row.name);
  }
  ASSERT_EQ(names, expected_names);
  EXPECT_EQ(loaded.catalog.by_name.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const model::BenchmarkResult& result = loaded.file.results[i];
    SCOPED_TRACE(result.name);
    EXPECT_EQ(result.key, result.name);
    ASSERT_TRUE(result.value.has_value());
    EXPECT_EQ(result.value->value, expected[i].value);
    EXPECT_EQ(result.value->is_integer, expected[i].is_integer);
    EXPECT_EQ(result.samples, std::nullopt);
    if (expected[i].repeat) {
      ASSERT_TRUE(result.stats.has_value());
      EXPECT_EQ(result.stats->repeat, expected[i].repeat);
      EXPECT_FALSE(result.stats->ci_99_a || result.stats->ci_99_b || result.stats->q_25 ||
                   result.stats->q_75 || result.stats->number);
    } else {
      EXPECT_EQ(result.stats, std::nullopt);
    }
    const model::BenchmarkInfo* info = loaded.catalog.find(result.name);
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->type, expected[i].type);
    EXPECT_EQ(info->unit, expected[i].unit);
  }
}

TEST(Ptjb, ReadsTheLatestRunByDefault) {
  const LoadedResults loaded = load(k_fft);
  EXPECT_EQ(loaded.file.path, k_fft);
  EXPECT_EQ(loaded.file.machine, "cpu");
  EXPECT_EQ(loaded.file.env_name, "cpu");
  EXPECT_EQ(loaded.file.commit_hash, "8d4e0b7");
  // eager_peak_bytes is -1: the plugin measures eager memory on GPUs only.
  const std::string test = "tests/test_fft.py::test_fft[64].";
  expect_results(
      loaded,
      {time(test + "compile_ms", 44.02), time(test + "jit_mean_ms", 2.41, 20),
       time(test + "eager_mean_ms", 1.49, 5), bytes(test + "jit_peak_bytes", 6291456),
       bytes(test + "jit_constants_bytes", 0), bytes(test + "jit_temporary_bytes", 4194304)});
}

TEST(Ptjb, NamesTaggedMeasurementsByTag) {
  const LoadedResults loaded = load(k_tags, "0");
  EXPECT_EQ(loaded.file.commit_hash, "3f2a9c1");
  // rfft was measured jitted only: its eager mean is NaN, so it is no benchmark of this run.
  const std::string fft = "tests/test_tags.py::test_tags.fft.";
  const std::string rfft = "tests/test_tags.py::test_tags.rfft.";
  expect_results(
      loaded, {time(fft + "compile_ms", 52.61), time(fft + "jit_mean_ms", 11.32, 10),
               time(fft + "eager_mean_ms", 11.93, 5), bytes(fft + "jit_peak_bytes", 335544320),
               bytes(fft + "jit_constants_bytes", 4), bytes(fft + "jit_temporary_bytes", 134217728),
               time(rfft + "compile_ms", 40.52), time(rfft + "jit_mean_ms", 5.91, 10),
               bytes(rfft + "jit_peak_bytes", 201326592), bytes(rfft + "jit_constants_bytes", 4),
               bytes(rfft + "jit_temporary_bytes", 67108864)});
}

TEST(Ptjb, ReadsTheLayoutOfTheReadmeExample) {
  // The header and first runs of the example in the plugin's README.md (at 12dc8188): no
  // `parameters` column yet, and eager peak memory under its older name.
  std::string text =
      "# pytest-jax-bench\n"
      "# created: 2025-10-16T19:58:11Z\n"
      "# test_nodeid: tests/test_interface.py::test_full\n"
      "# backend: gpu\n"
      "# device: NVIDIA GeForce RTX 4070 Laptop GPU\n"
      "# First commit: 6bc9501\n";
  int number = 0;
  for (const char* column : {"run_id", "commit", "commit_run", "tag", "compile_ms", "jit_mean_ms",
                             "jit_std_ms", "eager_mean_ms", "eager_std_ms", "jit_peak_bytes",
                             "jit_constants_bytes", "jit_temporary_bytes", "eager_peak_memory",
                             "jit_rounds", "jit_warmup", "eager_rounds", "eager_warmup"}) {
    text += fmt::format("# {:>4} {}\n", fmt::format("({})", ++number), column);
  }
  text +=
      "           0     6bc9501           0        base       40.65        1.11        0.46"
      "        0.78        0.51    25296896           4     8519680    33816576          10"
      "           2           5           1\n"
      "           1    6bc9501+           1        base       46.39        0.99        0.49"
      "        1.01        0.52    25296896           4     8519680    33816576          10"
      "           2           5           1\n";
  ReadOptions options;
  options.run = "6bc9501";
  const LoadedResults loaded = parse_ptjb(text, "test_full.csv", options);
  EXPECT_EQ(loaded.file.machine, "NVIDIA GeForce RTX 4070 Laptop GPU");
  EXPECT_EQ(loaded.file.env_name, "gpu");
  EXPECT_EQ(loaded.file.commit_hash, "6bc9501");
  const std::string test = "tests/test_interface.py::test_full.";
  expect_results(
      loaded, {time(test + "compile_ms", 40.65), time(test + "jit_mean_ms", 1.11, 10),
               time(test + "eager_mean_ms", 0.78, 5), bytes(test + "jit_peak_bytes", 25296896),
               bytes(test + "jit_constants_bytes", 4), bytes(test + "jit_temporary_bytes", 8519680),
               bytes(test + "eager_peak_memory", 33816576)});
}

TEST(Ptjb, SelectsARunByIdOrCommit) {
  const auto commit_of = [](const std::string& run) { return load(k_fft, run).file.commit_hash; };
  const auto jit_mean_of = [](const std::string& run) {
    return load(k_fft, run).file.results.at(1).value->value;
  };
  EXPECT_EQ(commit_of("0"), "3f2a9c1");
  EXPECT_EQ(commit_of("1"), "3f2a9c1+");
  EXPECT_EQ(jit_mean_of("2"), 2.43 / 1000);
  EXPECT_EQ(jit_mean_of("3"), 2.41 / 1000);
  // A commit's latest run, clean unless the name asks for local changes.
  EXPECT_EQ(jit_mean_of("3f2a9c1"), 1.11 / 1000);
  EXPECT_EQ(jit_mean_of("3f2a"), 1.11 / 1000);
  EXPECT_EQ(jit_mean_of("3f2a9c1+"), 1.09 / 1000);
  EXPECT_EQ(jit_mean_of("8d4e0b7"), 2.41 / 1000);
  // The full hash a workflow knows, of the short one the plugin recorded.
  EXPECT_EQ(jit_mean_of("8d4e0b7c51f0e2a9d4b6c8e1f3a5b7d9c0e2f4a6"), 2.41 / 1000);
  // The run before the latest (3): what the base takes when one file is both sides.
  EXPECT_EQ(jit_mean_of(std::string(k_previous_run)), 2.43 / 1000);
}

TEST(Ptjb, NamesTheRunsInAnUnknownRunError) {
  const std::string text = test::read_fixture(k_fft);
  EXPECT_EQ(error_of(text, "9"),
            "t.csv: no run or commit \"9\" (runs 0 to 3 of commits 3f2a9c1, 3f2a9c1+, 8d4e0b7)");
  EXPECT_EQ(error_of(text, "8d4e0b7+"),
            "t.csv: no run or commit \"8d4e0b7+\" (runs 0 to 3 of commits 3f2a9c1, 3f2a9c1+, "
            "8d4e0b7)");
  EXPECT_EQ(error_of(k_header + "0 v1 0 1.5\n", std::string(k_previous_run)),
            "t.csv: only one run (0): nothing to compare it with");
  // A recorded id shorter than git's shortest abbreviation stands for no longer hash.
  EXPECT_EQ(error_of(k_header + "0 v1 0 1.5\n", "v1.2"),
            "t.csv: no run or commit \"v1.2\" (runs 0 to 0 of commits v1)");
}

TEST(Ptjb, ReadsAFileWrittenOutsidePytest) {
  std::string text = k_header + "0 abc1234 0 2.50\n";
  text.replace(text.find("tests/t.py::test_x"), 18, "None");
  const LoadedResults loaded = parse_ptjb(text, ".benchmarks/solver.csv", ReadOptions{});
  ASSERT_EQ(loaded.file.results.size(), 1u);
  EXPECT_EQ(loaded.file.results[0].name, "solver.jit_mean_ms");
  EXPECT_EQ(loaded.file.machine, "gpu");  // no device line: the backend
}

TEST(Ptjb, NamesTheFileLineAndProblemInErrors) {
  EXPECT_EQ(error_of(""),
            "t.csv: not a pytest-jax-bench file (its first line is not \"# pytest-jax-bench\")");
  EXPECT_EQ(error_of("run_id,commit\n"),
            "t.csv: not a pytest-jax-bench file (its first line is not \"# pytest-jax-bench\")");
  EXPECT_EQ(error_of(k_header), "t.csv: no runs (the file has a header only)");
  EXPECT_EQ(error_of(k_header + "0 abc1234 0\n"), "t.csv:10: 3 fields for 4 columns");
  EXPECT_EQ(error_of(k_header + "0 abc1234 0 fast\n"),
            "t.csv:10: jit_mean_ms: \"fast\" is not a number");
  EXPECT_EQ(error_of(k_header + "0.5 abc1234 0 1.0\n"),
            "t.csv:10: run_id: \"0.5\" is not an integer");
  // INT64_MAX itself: read into a double it rounds up to 2^63, which no int64 holds.
  EXPECT_EQ(error_of(k_header + "9223372036854775807 abc1234 0 1.0\n"),
            "t.csv:10: run_id: \"9223372036854775807\" is not a 64-bit integer");
  EXPECT_EQ(error_of("# pytest-jax-bench\n#  (1) run_id\n#  (3) commit\n"),
            "t.csv:3: column (3) where (2) was due");
  EXPECT_EQ(error_of("# pytest-jax-bench\n#  (1) run_id\n#  (2) commit_run\n"),
            "t.csv: the header names no \"commit\" column");
  EXPECT_EQ(error_of("# pytest-jax-bench\n#  (1) run_id\n#  (2) commit\n#  (3) commit_run\n"),
            "t.csv: the header names no metric column (compile_ms, jit_mean_ms, ...)");
  // The first released layout described its columns in words ("Run ID") and named none.
  EXPECT_EQ(error_of("# pytest-jax-bench\n# ( 1) Run ID\n# ( 2) Compile Time (ms)\n"
                     "         0   6bc9501\n"),
            "t.csv:4: measurements before any column names (`# (1) run_id`, ...): this "
            "pytest-jax-bench version's files are not supported");
}

// The model end to end without the CLI: the clean run of 3f2a9c1 against the latest run of
// 8d4e0b7, as the engine reads one file twice with a base and a PR run.
// tests/golden/compare-ptjb.out was checked by hand: jit_mean_ms 1.11ms -> 2.41ms and the peak
// and temporary sizes (3.15M -> 6.29M, 1.05M -> 4.19M, asv's decimal sizes) rise beyond the
// factor with no statistics to veto them (`+`); compile 41.2ms -> 44.0ms (1.07) and eager
// 1.48ms -> 1.49ms (1.01) stay within it; constants are 0 on both sides (ratio n/a, as asv gives
// for a zero base); eager_peak_bytes, never measured on a CPU, is in neither run. Both runs are
// cpu/cpu, so there is no `[a -> b]` suffix.
TEST(Ptjb, ComparesTwoRunsOfOneFileAsAsvResults) {
  const LoadedResults before = load(k_fft, "3f2a9c1");
  const LoadedResults after = load(k_fft, "8d4e0b7");
  EXPECT_EQ(test::compare_loaded_text(before, after),
            test::read_fixture("../tests/golden/compare-ptjb.out"));
}

}  // namespace
}  // namespace spyglass::ingest
