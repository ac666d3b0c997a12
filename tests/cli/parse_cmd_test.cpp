// `spyglass parse --table FILE|-`: argv to options, the JSON it prints (one golden checked by
// hand), standard input, and its error messages as whole strings.
#include "spyglass/cli/parse_cmd.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "spyglass/cli/cli.hpp"
#include "spyglass/util/input_limit.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

// Run `spyglass args...` in-process with `in` as standard input (null: none).
CliResult run_with_stdin(const std::vector<std::string>& args, std::istream* in) {
  return run_cli(args, {}, nullptr, in);
}

TEST(ParseOptions, TakesTheTablePath) {
  CLI::App app;
  cli::ParseOptions options;
  cli::add_parse_options(app, options);
  const std::vector<const char*> argv = {"spyglass", "parse", "--table", "-"};
  app.parse(static_cast<int>(argv.size()), argv.data());
  EXPECT_EQ(options.table_path, "-");
}

TEST(ParseCommand, PrintsCompareJsonForAnAsvCompareTable) {
  const auto result = run_cli(
      {"parse", "--table", "@F/tables/asv-compare-pr-comment/uxarray-pr955-comment-improved.txt"});
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, read_fixture("../tests/golden/parse-uxarray-pr955.json"));
}

TEST(ParseCommand, ReadsCompareManyFromStandardInput) {
  std::istringstream in(read_fixture("../tests/golden/compare-many-upstream-a0f29428.out"));
  const auto result = run_with_stdin({"parse", "--table", "-"}, &in);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.exit_code, 0);
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["kind"], "compare-many");
  EXPECT_EQ(json["baseline"]["label"], "rgx1gen11/conda-py3.11-numpy");
  EXPECT_EQ(json["contenders"].size(), 2u);
  const auto& cell = json["benchmarks"][0]["contenders"][0];
  EXPECT_EQ(cell["display"], "34.0±0.1μs");
  EXPECT_EQ(cell["mark"], "-");
  EXPECT_EQ(cell["ratio"], 0.36);
}

TEST(ParseCommand, WritesAnIntegerCellBeyond64BitsAsAFloat) {
  // A table may hold any number of digits; the JSON keeps integers exact only where they fit.
  std::istringstream in(
      "| Change | Before | After | Ratio | Benchmark (Parameter) |\n"
      "|--------|--------|-------|-------|-----------------------|\n"
      "|        | 99999999999999999999 | 9223372036854774784 | 1.00 | track_big |\n");
  const auto result = run_with_stdin({"parse", "--table", "-"}, &in);
  EXPECT_EQ(result.err, "");
  ASSERT_EQ(result.exit_code, 0);
  const auto json = nlohmann::json::parse(result.out);
  const auto& row = json["benchmarks"][0];
  EXPECT_TRUE(row["before"]["value"].is_number_float()) << row.dump();
  EXPECT_EQ(row["before"]["value"].get<double>(), 1e20);
  EXPECT_TRUE(row["after"]["value"].is_number_integer()) << row.dump();
  EXPECT_EQ(row["after"]["value"].get<std::int64_t>(), 9223372036854774784);
}

TEST(ParseCommand, ExitsZeroEvenWhenTheTableShowsRegressions) {
  std::istringstream in(read_fixture("../tests/golden/compare-asv-example-factor2.out"));
  const auto result = run_with_stdin({"parse", "--table", "-"}, &in);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(result.out)["counts"]["regressed"], 8);
}

TEST(ParseCommand, NamesStandardInputInErrors) {
  std::istringstream in("| a | b |\n|---|---|\n");
  const auto result = run_with_stdin({"parse", "--table", "-"}, &in);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "spyglass: error: <stdin>:1: unknown table header `| a | b |` (expected `Change | "
            "Before | After | Ratio | Benchmark (Parameter)` or `Benchmark | Baseline (...) | ... "
            "(Ratio)`)\n");
}

TEST(ParseCommand, ReportsMissingStandardInput) {
  const auto result = run_with_stdin({"parse", "--table", "-"}, nullptr);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "spyglass: error: <stdin>: standard input is not available\n");
}

TEST(ParseCommand, ReportsAnUnreadableFile) {
  const auto result = run_cli({"parse", "--table", "/nonexistent/table.md"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "spyglass: error: /nonexistent/table.md: cannot open: No such file or directory\n");
}

TEST(ParseCommand, ReportsInputWithoutATable) {
  std::istringstream in("No benchmarks ran.\n");
  const auto result = run_with_stdin({"parse", "--table", "-"}, &in);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "spyglass: error: <stdin>: no comparison table found (expected the output of "
            "asv-spyglass compare or compare-many, or asv compare)\n");
}

// compare --only-changed prints a lone newline when nothing changed (issue 10, item 13).
TEST(ParseCommand, ReadsABlankTableAsAnEmptyComparison) {
  std::istringstream in("\n");
  const auto result = run_with_stdin({"parse", "--table", "-"}, &in);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, read_fixture("../tests/golden/parse-empty.json"));
}

TEST(ParseCommand, ReadsBackTheEmptyOutputOfCompareOnlyChanged) {
  const auto compared =
      run_cli({"compare", "--only-changed", "@F/handmade/results/m1/11111111-e1.json",
               "@F/handmade/results/m1/11111111-e1.json"});
  ASSERT_EQ(compared.exit_code, 0);
  ASSERT_EQ(compared.out, "\n");
  std::istringstream in(compared.out);
  const auto parsed = run_with_stdin({"parse", "--table", "-"}, &in);
  EXPECT_EQ(parsed.err, "");
  EXPECT_EQ(parsed.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(parsed.out)["benchmarks"].size(), 0U);
}

TEST(ParseCommand, StillRefusesAnEmptyFile) {
  std::istringstream in("");
  const auto result = run_with_stdin({"parse", "--table", "-"}, &in);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "spyglass: error: <stdin>: no comparison table found (expected the output of "
            "asv-spyglass compare or compare-many, or asv compare)\n");
}

TEST(ParseCommand, RefusesStandardInputOverTheInputLimit) {
  std::istringstream in(std::string(2049, '|'));
  const auto result = run_with_stdin({"parse", "--max-input-size", "2KiB", "--table", "-"}, &in);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "spyglass: error: <stdin>: is larger than the input limit (2048 bytes; "
            "--max-input-size)\n");
}

TEST(ParseOptions, TakesTheInputLimitWithABinarySuffix) {
  CLI::App app;
  cli::ParseOptions options;
  cli::add_parse_options(app, options);
  EXPECT_EQ(options.max_input_size, util::k_default_max_input_size);
  const std::vector<const char*> argv = {"spyglass",         "parse", "--table", "-",
                                         "--max-input-size", "3MiB"};
  app.parse(static_cast<int>(argv.size()), argv.data());
  EXPECT_EQ(options.max_input_size, 3U << 20U);
}

// Benchmark names are text a fork controls (issue 10, item 12): every name compare prints reads
// back whole, parameters or not.
TEST(ParseCommand, ReadsBackHostileNamesThatComparePrinted) {
  const std::vector<std::string> names = {
      "b.time_<script>alert(1)</script>",
      "b.time_open(1",
      "b.time_close)",
      "b.time_[bracket",
      "b.time_]both[",
      "b.time_`tick`",
      "b.time_pipe|x",
      "b.time_p(1, 'a|b')",
      "b.time_q((",
  };
  std::string rows;
  for (const auto& name : names) {
    rows += (rows.empty() ? "" : ",\n") + nlohmann::json(name).dump() + ": [[0.001], [], \"1\"]";
  }
  const test::TempDir dir;
  const std::string file =
      dir.write("m/a-e.json",
                R"({"commit_hash": "aaaa", "env_name": "e", "date": 1, "params": {"machine": "m"},
          "python": "3.12", "requirements": {}, "env_vars": {},
          "result_columns": ["result", "params", "version"], "results": {)" +
                    rows + R"(}, "durations": {}, "version": 2})");
  const auto compared = run_cli({"compare", file, file});
  ASSERT_EQ(compared.err, "");
  ASSERT_EQ(compared.exit_code, 0);
  std::istringstream in(compared.out);
  const auto parsed = run_with_stdin({"parse", "--table", "-"}, &in);
  ASSERT_EQ(parsed.err, "");
  ASSERT_EQ(parsed.exit_code, 0);
  const auto json = nlohmann::json::parse(parsed.out);
  std::vector<std::string> read_back;
  for (const auto& row : json["benchmarks"]) {
    read_back.push_back(row["name"].get<std::string>());
  }
  auto sorted = names;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(read_back, sorted);
}

TEST(ParseCommand, RequiresTheTableOption) {
  const auto result = run_cli({"parse"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "spyglass: error: --table is required (see spyglass --help)\n");
}

}  // namespace
}  // namespace spyglass::test
