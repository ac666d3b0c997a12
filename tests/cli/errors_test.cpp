// Bad usage and bad input files: exit 2, nothing on stdout, and exactly one line on stderr naming
// the file or option and what is wrong (docs/exit-codes.md). Input files are in
// fixtures/handmade/bad/ (see fixtures/handmade/README.md).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_cli.hpp"

namespace spyglass::test {
namespace {

struct ErrorCase {
  std::string name;
  std::vector<std::string> args;
  std::string err;  // the whole expected stderr; the fixtures folder written as "@F/"
};

std::ostream& operator<<(std::ostream& os, const ErrorCase& c) { return os << c.name; }

const std::string k_bad = "@F/handmade/bad/";
const std::string k_good = "@F/handmade/results/m1/11111111-e1.json";
const std::string k_other = "@F/handmade/results/m2/22222222-e2.json";
const std::string k_gbench_o2 = "@F/other/generated/gbench-O2.json";
const std::string k_kalman_invalid =
    "@F/other/google-benchmark/kalman/_rev-22b4659-INVALID-JSON/benchmark/result/"
    "predict_1x1x0.json";
const std::string k_error = "spyglass: error: ";
const std::string k_see_help = " (see spyglass --help)\n";

// `compare <bad file> <good file>` and the error naming the bad file.
ErrorCase bad_file(std::string name, const std::string& file, const std::string& what) {
  return {std::move(name), {"compare", k_bad + file, k_good}, k_error + k_bad + file + what + "\n"};
}

const ErrorCase k_cases[] = {
    bad_file("MissingFile", "does-not-exist.json", ": cannot open: No such file or directory"),
    {"Directory",
     {"compare", k_good, "@F/handmade/bad"},
     k_error + "@F/handmade/bad: is a directory, not a file\n"},
    bad_file("NotJson", "not-json.json", ":1:1: invalid literal (expected 'true')"),
    bad_file("TruncatedJson", "truncated.json", ":1:265: unexpected end of file (truncated?)"),
    bad_file("EmptyFile", "empty.json", ":1:1: file is empty"),
    bad_file("TopLevelArray", "array.json",
             ": not a benchmark result file spyglass reads (asv, gbench, pytest-benchmark, "
             "hyperfine, ptjb, github-action-benchmark's custom JSON)"),
    bad_file("TruncatedGbench", "truncated-gbench.json",
             ":118:23: unexpected end of file (truncated?)"),
    bad_file("MissingVersion", "no-version.json", ": no format version (expected \"version\": 2)"),
    bad_file("NewerVersion", "version3.json",
             ": format version 3 is newer than spyglass understands (expected 2)"),
    bad_file("UnknownResultColumn", "unknown-column.json",
             ": results[\"small.time_a\"][2]: unknown result column \"flavour\""),
    bad_file("MissingRequiredKey", "missing-key.json", ": missing required key \"commit_hash\""),
    {"BadBenchmarksJson",
     {"compare", k_good, k_other, k_bad + "array.json"},
     k_error + k_bad + "array.json: expected an object, found an array\n"},
    {"MissingBenchmarksJson",
     {"compare-many", k_good, k_other, "--bconf", k_bad + "nope.json"},
     k_error + k_bad + "nope.json: cannot open: No such file or directory\n"},
    {"BadContender",
     {"compare-many", k_good, k_other, k_bad + "version3.json"},
     k_error + k_bad + "version3.json: format version 3 is newer than spyglass understands " +
         "(expected 2)\n"},
    {"OnlyImprovedWithOnlyRegressed",
     {"compare", "--only-improved", "--only-regressed", k_good, k_other},
     k_error + "--only-improved excludes --only-regressed" + k_see_help},
    {"UnknownSort",
     {"compare", "--sort", "size", k_good, k_other},
     k_error + "--sort: size is not one of default, ratio, name" + k_see_help},
    {"SortByInternalNumber",
     {"compare", "--sort", "1", k_good, k_other},
     k_error + "--sort: 1 is not one of default, ratio, name" + k_see_help},
    {"ManySortRatioIsUnknown",
     {"compare-many", "--sort", "ratio", k_good, k_other},
     k_error + "--sort: ratio is not one of default, name" + k_see_help},
    {"FactorZero",
     {"compare", "--factor", "0", k_good, k_other},
     k_error + "--factor: 0 is not a positive number" + k_see_help},
    {"FactorNegative",
     {"compare", "--factor", "-1", k_good, k_other},
     k_error + "--factor: -1 is not a positive number" + k_see_help},
    {"FactorNotANumber",
     {"compare", "--factor", "abc", k_good, k_other},
     k_error + "--factor: abc is not a positive number" + k_see_help},
    {"ManyTwoLabelsForThreeFiles",
     {"compare-many", k_good, k_other, k_good, "-l", "a", "--label", "b"},
     k_error + "compare-many: 2 labels given for 3 files (give none, or one per file, the " +
         "baseline's first)\n"},
    {"ManyLabelsBeforeTheFilesAreCounted",
     {"compare-many", "-l", "a", "-l", "b", k_good, k_other, k_good},
     k_error + "compare-many: 2 labels given for 3 files (give none, or one per file, the " +
         "baseline's first)\n"},
    // --- Other input formats ---------------------------------------------------------------
    {"InvalidGbenchJson",
     {"compare", k_kalman_invalid, k_gbench_o2},
     k_error + k_kalman_invalid + ":5:73: unescaped control character U+000D in string\n"},
    {"BenchmarksJsonIsNoResultFile",
     {"compare", "@F/handmade/results/benchmarks.json", k_gbench_o2},
     k_error + "@F/handmade/results/benchmarks.json: not a benchmark result file spyglass " +
         "reads (asv, gbench, pytest-benchmark, hyperfine, ptjb, github-action-benchmark's " +
         "custom JSON)\n"},
    {"WrongFormatForced",
     {"compare", "--input-format", "hyperfine", k_gbench_o2, k_gbench_o2},
     k_error + k_gbench_o2 + ": --input-format hyperfine does not match the file (it looks " +
         "like gbench: drop --input-format to detect it)\n"},
    {"AsvForcedOnGbenchInCompareMany",
     {"compare-many", "--input-format", "asv", k_good, k_gbench_o2},
     k_error + k_gbench_o2 + ": --input-format asv does not match the file (it looks like " +
         "gbench: drop --input-format to detect it)\n"},
    {"UnknownInputFormat",
     {"compare", "--input-format", "csv", k_good, k_other},
     k_error + "--input-format: csv is not one of auto, asv, gbench, pytest-benchmark, " +
         "hyperfine, ptjb, customSmallerIsBetter, customBiggerIsBetter" + k_see_help},
    // Any metric but the two times is a counter, which the file's rows lack.
    {"UnknownMetric",
     {"compare", "--metric", "wall_time", k_gbench_o2, k_gbench_o2},
     k_error + k_gbench_o2 + ": benchmarks[0]: missing required key \"wall_time\"\n"},
    {"UnknownOption",
     {"compare", "--bogus", k_good, k_other},
     k_error + "The following argument was not expected: --bogus" + k_see_help},
    {"MissingSecondFile", {"compare", k_good}, k_error + "B2 is required" + k_see_help},
    {"MissingContenders",
     {"compare-many", k_good},
     k_error + "CONTENDERS is required" + k_see_help},
    {"NoCommand", {}, k_error + "A subcommand is required" + k_see_help},
    {"GithubTimeoutOverADay",
     {"comment", "--print-only", "--github-timeout", "90000", "--base", k_good, "--pr", k_other},
     k_error + "comment: --github-timeout must be more than 0 and at most 86400 seconds\n"},
    // --- Input limits (issue 10, item 6) ---------------------------------------------------
    {"CharacterDevice",
     {"compare", "/dev/zero", k_good},
     k_error + "/dev/zero: is a character device, not a regular file\n"},
    {"MaxInputSizeBadSuffix",
     {"compare", "--max-input-size", "12MB", k_good, k_other},
     k_error + "--max-input-size: 12MB is not a byte count (like 64MiB)" + k_see_help},
    {"MaxInputSizeZero",
     {"parse", "--max-input-size", "0", "--table", k_good},
     k_error + "--max-input-size: 0 is not a byte count (like 64MiB)" + k_see_help},
    {"ResultFileOverMaxInputSize",
     {"compare", "--max-input-size", "636", k_good, k_other},
     k_error + k_good + ": is larger than the input limit (636 bytes; --max-input-size)\n"},
    {"BenchmarksJsonOverMaxInputSize",
     {"compare-many", "--max-input-size", "1KiB", k_good, k_other},
     k_error + "@F/handmade/results/benchmarks.json: is larger than the input limit (1024 " +
         "bytes; --max-input-size)\n"},
    {"TableOverMaxInputSize",
     {"parse", "--max-input-size", "100", "--table", k_good},
     k_error + k_good + ": is larger than the input limit (100 bytes; --max-input-size)\n"},
    {"EnvDiffOverMaxInputSize",
     {"env-diff", "--max-input-size", "100", k_good, k_other},
     k_error + k_good + ": is larger than the input limit (100 bytes; --max-input-size)\n"},
    {"TemplateOverMaxInputSize",
     {"comment", "--print-only", "--max-input-size", "1000", "--template",
      "@F/../templates/comment.md.mustache", "--base", k_good, "--pr", k_other},
     k_error + "@F/../templates/comment.md.mustache: is larger than the input limit (1000 " +
         "bytes; --max-input-size)\n"},
    {"ReportOverMaxInputSize",
     {"report", "--html", "/nonexistent/r.html", "--max-input-size", "100", "--base", k_good,
      "--pr", k_other},
     k_error + k_good + ": is larger than the input limit (100 bytes; --max-input-size)\n"},
};

class CliError : public testing::TestWithParam<ErrorCase> {};

TEST_P(CliError, ExitsTwoWithOneLineOnStderr) {
  const auto& c = GetParam();
  const auto result = run_cli(c.args);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(with_fixture_marker(result.err), c.err);
}

INSTANTIATE_TEST_SUITE_P(Cli, CliError, testing::ValuesIn(k_cases),
                         [](const auto& test_info) { return test_info.param.name; });

}  // namespace
}  // namespace spyglass::test
