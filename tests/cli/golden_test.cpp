// Byte-exact golden tests of whole CLI runs. Each expected file in tests/golden/ was checked by
// hand: the upstream ones are asv-spyglass v0.3.1's approved outputs (plus the newline `print`
// adds), the asv-example ones are asv's own reference tables (asv/test/test_compare.py) under
// spyglass's headers. The handmade ones (fixtures/handmade/, see its README.md) were derived cell
// by cell from the spec (number formatting 3.3, marks 3.4, `~` 3.5, tabulate 3.9, layout 3.1 and
// 3.8) before spyglass ran; the JSON ones were checked field by field against those cells.
// Expected outputs write the fixtures folder as "@F/". See tests/golden/README.md.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace spyglass::test {
namespace {

struct GoldenCase {
  std::string name;
  std::vector<std::string> args;
  std::string golden;  // file in tests/golden/
  int exit_code;
  std::string err = "";  // the whole expected stderr
};

std::ostream& operator<<(std::ostream& os, const GoldenCase& c) { return os << c.name; }

std::string read_golden(const std::string& name) { return read_fixture("../tests/golden/" + name); }

const std::string k_up = "@F/asv-spyglass-upstream/asv_spyglass/tests/data/";
const std::string k_cheetah = "@F/asv-spyglass-upstream/asv/test/example_results/cheetah/";

// fixtures/handmade/: the edge-case pair (before, after), a pair without units, two small files
// on different machines, a format 1 file, a file with `results: {}`, and an alternative
// benchmarks.json.
const std::string k_hand = "@F/handmade/";
const std::string k_before = k_hand + "results/m1/aaaaaaaa-e1.json";
const std::string k_after = k_hand + "results/m1/bbbbbbbb-e1.json";
const std::string k_numeric_before = k_hand + "results/m1/cccccccc-e1.json";
const std::string k_numeric_after = k_hand + "results/m1/dddddddd-e1.json";
const std::string k_small_m1 = k_hand + "results/m1/11111111-e1.json";
const std::string k_small_m2 = k_hand + "results/m2/22222222-e2.json";
const std::string k_format1 = k_hand + "results/m1/33333333-e1.json";
const std::string k_empty = k_hand + "results/m1/00000000-e1.json";
const std::string k_alt_bconf = k_hand + "alt-benchmarks.json";
const std::string k_infinite_before = k_hand + "infinite/results/m1/eeeeeeee-e1.json";
const std::string k_infinite_after = k_hand + "infinite/results/m1/ffffffff-e1.json";

// fixtures/other/ (see fixtures/SOURCES.md): real Google Benchmark and hyperfine outputs.
const std::string k_itsy = "@F/other/google-benchmark/itsy_bitsy/benchmarks/results/";
const std::string k_generated = "@F/other/generated/";
const std::string k_custom = "@F/other/github-action-benchmark/test/data/extract/";

const std::string k_empty_warning =
    "spyglass: warning: " + k_empty + ": the file has no benchmark results\n";

const GoldenCase k_cases[] = {
    {"UpstreamCompare",
     {"compare", k_up + "a0f29428-conda-py3.11-numpy.json",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json",
      k_up + "asv_samples_a0f29428_benchmarks.json"},
     "compare-upstream-a0f29428.out",
     0},
    {"UpstreamCompareWithoutBenchmarksJson",
     {"compare", k_up + "a0f29428-conda-py3.11-numpy.json",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json"},
     "compare-upstream-a0f29428-no-bconf.out",
     0},
    {"UpstreamCompareSplit",
     {"compare", "--split", k_up + "d6b286b8-virtualenv-py3.12-numpy.json",
      k_up + "d6b286b8-rattler-py3.12-numpy.json", k_up + "d6b286b8_asv_samples_benchmarks.json"},
     "compare-upstream-d6b286b8-split.out",
     1},
    {"UpstreamCompareMany",
     {"compare-many", k_up + "a0f29428-conda-py3.11-numpy.json",
      k_up + "a0f29428-conda-py3.11.json", k_up + "a0f29428-virtualenv-py3.12-numpy.json",
      "--bconf", k_up + "asv_samples_a0f29428_benchmarks.json"},
     "compare-many-upstream-a0f29428.out",
     0},
    {"AsvExampleFormat1Factor2",
     {"compare", "--factor=2", k_cheetah + "22b920c6-py2.7-Cython-numpy1.8.json",
      k_cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json"},
     "compare-asv-example-factor2.out",
     1},
    {"AsvExampleSplitTitlesBeforeTables",
     {"compare", "--factor", "2", "--split", k_cheetah + "22b920c6-py2.7-Cython-numpy1.8.json",
      k_cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json"},
     "compare-asv-example-factor2-split.out",
     1},
    {"AsvExampleOnlyChangedByRatio",
     {"compare", "--factor", "2", "--only-changed", "--sort", "ratio",
      k_cheetah + "22b920c6-py2.7-Cython-numpy1.8.json",
      k_cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json"},
     "compare-asv-example-factor2-only-changed-ratio.out",
     1},

    // --- compare: every edge case of fixtures/handmade/README.md, under each flag -------------
    {"HandmadeCompare", {"compare", k_before, k_after}, "compare-handmade.out", 1},
    {"HandmadeSortDefault",
     {"compare", "--sort", "default", k_before, k_after},
     "compare-handmade.out",
     1},
    {"HandmadeSortNameIsNameOrder",
     {"compare", k_before, k_after, "--sort", "name"},
     "compare-handmade.out",
     1},
    {"HandmadeExitZero", {"compare", "--exit-zero", k_before, k_after}, "compare-handmade.out", 0},
    {"HandmadeSplit", {"compare", "--split", k_before, k_after}, "compare-handmade-split.out", 1},
    {"HandmadeOnlyChanged",
     {"compare", "--only-changed", k_before, k_after},
     "compare-handmade-only-changed.out",
     1},
    {"HandmadeOnlyChangedSplitHasNoTitles",
     {"compare", "--only-changed", "--split", k_before, k_after},
     "compare-handmade-only-changed-split.out",
     1},
    {"HandmadeOnlyImprovedStillExitsOne",
     {"compare", "--only-improved", k_before, k_after},
     "compare-handmade-only-improved.out",
     1},
    {"HandmadeOnlyRegressed",
     {"compare", "--only-regressed", k_before, k_after},
     "compare-handmade-only-regressed.out",
     1},
    {"HandmadeSortRatioNotApplicableFirstTiesByName",
     {"compare", "--sort", "ratio", k_before, k_after},
     "compare-handmade-sort-ratio.out",
     1},
    {"HandmadeFactor",
     {"compare", "--factor", "2.5", k_before, k_after},
     "compare-handmade-factor-2.5.out",
     1},
    // Infinite values (issue 10, item 8): asv-spyglass's cells (`~0`, `Infinity`, `inf`, ratio
    // `0.00` or `n/a`), but `x`, not comparable, where it prints `-` or `+`; exit 0.
    {"HandmadeInfinite",
     {"compare", k_infinite_before, k_infinite_after},
     "compare-handmade-infinite.out",
     0},
    {"HandmadeInfiniteOnlyChangedKeepsAsvsMarks",
     {"compare", "--only-changed", k_infinite_before, k_infinite_after},
     "compare-handmade-infinite-only-changed.out",
     0},
    {"HandmadeInfiniteJson",
     {"compare", "--format", "json", k_infinite_before, k_infinite_after},
     "compare-handmade-infinite.json",
     0},
    {"HandmadeJson",
     {"compare", "--format", "json", k_before, k_after},
     "compare-handmade.json",
     1},
    {"NumericColumnsReformattedByTabulate",
     {"compare", k_numeric_before, k_numeric_after},
     "compare-numeric.out",
     1},
    {"NumericSortRatio",
     {"compare", "--sort=ratio", k_numeric_before, k_numeric_after},
     "compare-numeric-sort-ratio.out",
     1},
    {"NumericOnlyChanged",
     {"compare", k_numeric_before, k_numeric_after, "--only-changed"},
     "compare-numeric-only-changed.out",
     1},
    {"EnvSuffix", {"compare", k_small_m1, k_small_m2}, "compare-env-suffix.out", 1},
    {"LabelBefore",
     {"compare", k_small_m1, k_small_m2, "--label-before", "BASE"},
     "compare-label-before.out",
     1},
    {"LabelAfter",
     {"compare", k_small_m1, k_small_m2, "--label-after", "PR"},
     "compare-label-after.out",
     1},
    {"LabelBoth",
     {"compare", "--label-before", "BASE", "--label-after", "PR", k_small_m1, k_small_m2},
     "compare-label-both.out",
     1},
    {"NoEnvLabel",
     {"compare", k_small_m1, k_small_m2, "--no-env-label"},
     "compare-no-env-label.out",
     1},
    {"NoEnvLabelIgnoresLabels",
     {"compare", k_small_m1, k_small_m2, "--no-env-label", "--label-before", "BASE",
      "--label-after", "PR"},
     "compare-no-env-label.out",
     1},
    {"LabelsIgnoredForSameMachineAndEnv",
     {"compare", k_small_m1, k_format1, "--label-before", "BASE", "--label-after", "PR"},
     "compare-labels-ignored-same-env.out",
     0},
    {"BenchmarksJsonPositionalBeatsDiscovery",
     {"compare", k_small_m1, k_small_m2, k_alt_bconf},
     "compare-bconf-positional.out",
     1},
    {"FormatOneFile", {"compare", k_format1, k_small_m1}, "compare-format1.out", 0},
    {"OnlyChangedWithNothingChangedPrintsANewline",
     {"compare", "--only-changed", k_small_m1, k_format1},
     "compare-only-changed-nothing.out",
     0},
    {"EmptyResultsWarnAndShowNotApplicable",
     {"compare", k_empty, k_small_m1},
     "compare-empty-results.out",
     0,
     k_empty_warning},

    // --- Other input formats: each value checked by hand against the files -------------
    {"GbenchItsyBitsy",
     {"compare", k_itsy + "libstdc++.itsy.bitsy.benchmarks.json",
      k_itsy + "vc++.itsy.bitsy.benchmarks.json"},
     "compare-gbench-itsy-bitsy.out",
     1},
    {"GbenchCpuTimeForced",
     {"compare", "--input-format", "gbench", "--metric", "cpu_time", k_generated + "gbench-O2.json",
      k_generated + "gbench-O0.json"},
     "compare-gbench-cpu-time.out",
     1},
    {"HyperfinePair",
     {"compare", k_generated + "hyperfine-run1.json", k_generated + "hyperfine-run2.json"},
     "compare-hyperfine.out",
     0},
    // One ptjb file on both sides: the run before the latest against the latest.
    {"PtjbOneFileBothSides",
     {"compare", k_generated + "ptjb/benchmarks/tests-test_fft.py--test_fft/n-64.csv",
      k_generated + "ptjb/benchmarks/tests-test_fft.py--test_fft/n-64.csv"},
     "compare-ptjb-previous.out",
     0},
    {"PtjbRunsGiven",
     {"compare", "--base-run", "2", "--pr-run", "3",
      k_generated + "ptjb/benchmarks/tests-test_fft.py--test_fft/n-64.csv",
      k_generated + "ptjb/benchmarks/tests-test_fft.py--test_fft/n-64.csv"},
     "compare-ptjb-previous.out",
     0},

    // --- Bigger-is-better rows: the mark turns round, the ratio stays after/before -----------
    // items_per_second fell from a median 2.59e9 to 1.19e8 (-O2 to -O0): a regression.
    {"GbenchItemsPerSecondDropRegresses",
     {"compare", "--metric", "items_per_second", k_generated + "gbench-counters-O2.json",
      k_generated + "gbench-counters-O0.json"},
     "compare-gbench-items-per-second.out",
     1},
    {"GbenchItemsPerSecondJson",
     {"compare", "--format", "json", "--metric", "items_per_second",
      k_generated + "gbench-counters-O2.json", k_generated + "gbench-counters-O0.json"},
     "compare-gbench-items-per-second.json",
     1},
    // The same pair the other way round: the rate rose, an improvement.
    {"GbenchItemsPerSecondRiseImproves",
     {"compare", "--metric", "items_per_second", k_generated + "gbench-counters-O0.json",
      k_generated + "gbench-counters-O2.json"},
     "compare-gbench-items-per-second-rise.out",
     0},
    // github-action-benchmark's example against a hand-written later run: Throughput 70 -> 56
    // req/s, Free Memory 150±3 -> 180±4 Megabytes.
    {"CustomBiggerIsBetter",
     {"compare", "--input-format", "customBiggerIsBetter",
      k_custom + "customBiggerIsBetter_output.json",
      k_hand + "custom/customBiggerIsBetter-after.json"},
     "compare-custom-bigger.out",
     1},
    // Detected, the file is smaller-is-better: the same rows, the marks the other way.
    {"CustomDetectedIsSmallerIsBetter",
     {"compare", k_custom + "customBiggerIsBetter_output.json",
      k_hand + "custom/customBiggerIsBetter-after.json"},
     "compare-custom-smaller.out",
     1},
    // --bigger-is-better names one row: Throughput's drop regresses, Free Memory's rise too.
    {"CustomBiggerIsBetterByPattern",
     {"compare", "--bigger-is-better", "Through", k_custom + "customBiggerIsBetter_output.json",
      k_hand + "custom/customBiggerIsBetter-after.json"},
     "compare-custom-pattern.out",
     1},
    // asv results: small.time_a doubling is an improvement once named; nothing regressed.
    {"AsvBiggerIsBetterByPattern",
     {"compare", "--bigger-is-better", "nothing", "--bigger-is-better", "time_a$", k_small_m1,
      k_small_m2},
     "compare-small-bigger-is-better.out",
     0},
    {"ManyBiggerIsBetterByPattern",
     {"compare-many", "--bigger-is-better", "time_a$", k_small_m1, k_small_m2, k_format1},
     "compare-many-bigger-is-better.out",
     0},

    // --- compare-many ----------------------------------------------------------------------
    {"ManyHandmade",
     {"compare-many", k_before, k_after, k_small_m2},
     "compare-many-handmade.out",
     1},
    {"ManySortName",
     {"compare-many", "--sort", "name", k_before, k_after, k_small_m2},
     "compare-many-handmade.out",
     1},
    {"ManyExitZero",
     {"compare-many", "--exit-zero", k_before, k_after, k_small_m2},
     "compare-many-handmade.out",
     0},
    {"ManyLabels",
     {"compare-many", k_small_m1, k_small_m2, k_format1, "-l", "base", "-l", "pr", "--label",
      "old"},
     "compare-many-labels.out",
     1},
    {"ManyLabelsBeforeTheFiles",
     {"compare-many", "-l", "base", "-l", "pr", "--label", "old", k_small_m1, k_small_m2,
      k_format1},
     "compare-many-labels.out",
     1},
    {"ManyBconf",
     {"compare-many", k_small_m1, k_small_m2, "--bconf", k_alt_bconf},
     "compare-many-bconf.out",
     1},
    {"ManyGbench",
     {"compare-many", k_generated + "gbench-O2.json", k_generated + "gbench-O0.json",
      k_generated + "gbench-aggregates-only.json", "-l", "O2", "-l", "O0", "-l", "O2-aggregates"},
     "compare-many-gbench.out",
     1},
    {"ManyJson",
     {"compare-many", "--format", "json", k_small_m1, k_small_m2, k_format1, k_empty, "-l", "base",
      "-l", "pr", "-l", "old", "-l", "empty"},
     "compare-many-labels.json",
     1,
     k_empty_warning},
    // Noise controls (docs/noise-controls.md): the factor-2 table's time_units rows but mem_unit,
    // and the whole table, unchanged, with every changed row ignored (so nothing fails).
    {"NoiseBenchAndSkip",
     {"compare", "--factor=2", "--bench", "time_units", "--skip", "mem_",
      k_cheetah + "22b920c6-py2.7-Cython-numpy1.8.json",
      k_cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json"},
     "compare-asv-example-factor2-bench-skip.out",
     1},
    {"NoiseIgnoreKeepsTheTableButNotTheExitCode",
     {"compare", "--factor=2", "--ignore", "^time_", "--ignore", "params_examples",
      k_cheetah + "22b920c6-py2.7-Cython-numpy1.8.json",
      k_cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json"},
     "compare-asv-example-factor2.out",
     0},
};

class Golden : public testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, MatchesByteForByte) {
  const auto& c = GetParam();
  const auto result = run_cli(c.args);
  EXPECT_EQ(with_fixture_marker(result.err), c.err);
  EXPECT_EQ(result.exit_code, c.exit_code);
  EXPECT_EQ(with_fixture_marker(result.out), read_golden(c.golden));
}

INSTANTIATE_TEST_SUITE_P(Cli, Golden, testing::ValuesIn(k_cases),
                         [](const auto& test_info) { return test_info.param.name; });

// The lines of `text` that are table rows: the title lines and blank lines the CLI prints around
// asv-spyglass's tables are dropped.
std::vector<std::string> table_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("|")) {
      lines.push_back(line);
    }
  }
  return lines;
}

// The upstream goldens are asv-spyglass's approved tables (tests/golden/README.md): they must not
// drift from them, whatever spyglass prints.
TEST(Golden, UpstreamGoldensHoldTheApprovedTables) {
  const std::string approved = "asv-spyglass-upstream/asv_spyglass/tests/approved_files/";
  const std::pair<std::string, std::string> pairs[] = {
      {"compare-upstream-a0f29428.out", "test_results.test_do_compare.approved.txt"},
      {"compare-upstream-d6b286b8-split.out", "test_results.test_do_compare_split.approved.txt"},
      {"compare-many-upstream-a0f29428.out",
       "test_results.test_do_compare_many_approval.approved.txt"},
  };
  for (const auto& [golden, reference] : pairs) {
    const auto expected = table_lines(read_fixture(approved + reference));
    EXPECT_GT(expected.size(), 2U) << reference;
    EXPECT_EQ(table_lines(read_golden(golden)), expected) << golden;
  }
}

TEST(CliVersion, PrintsNameAndVersion) {
  const auto result = run_cli({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "spyglass 0.1.0\n");
  EXPECT_EQ(result.err, "");
}

// Each help exits 0 on stdout and names every argument and option of its command.
struct HelpCase {
  std::vector<std::string> args;
  std::vector<std::string> mentions;
};

TEST(CliHelp, NamesEveryCommandArgumentAndOption) {
  const HelpCase cases[] = {
      {{"--help"}, {"compare", "compare-many", "--version", "--help"}},
      {{"compare", "--help"},
       {"B1", "B2", "BCONF", "--factor", "--split", "--only-changed", "--only-improved",
        "--only-regressed", "--sort", "--label-before", "--label-after", "--no-env-label",
        "--format", "--exit-zero", "--input-format", "--metric", "--base-run", "--pr-run"}},
      {{"compare-many", "--help"},
       {"BASELINE", "CONTENDERS", "--bconf", "--factor", "--sort", "--label", "--format",
        "--exit-zero", "--input-format", "--metric", "--base-run", "--pr-run"}},
      {{"comment", "--help"},
       {"--base", "--pr", "--input-format", "--metric", "--base-run", "--pr-run"}},
  };
  for (const auto& c : cases) {
    const auto result = run_cli(c.args);
    EXPECT_EQ(result.exit_code, 0) << c.args.front();
    EXPECT_EQ(result.err, "") << c.args.front();
    for (const auto& mention : c.mentions) {
      EXPECT_NE(result.out.find(mention), std::string::npos)
          << c.args.front() << " help lacks " << mention << ":\n"
          << result.out;
    }
  }
}

// The commands `spyglass --help` lists under "Subcommands:", one name per line.
std::vector<std::string> listed_commands(const std::string& help) {
  std::vector<std::string> commands;
  const auto start = help.find("Subcommands:\n");
  if (start == std::string::npos) {
    return commands;
  }
  std::istringstream lines(help.substr(start + 13));
  std::string line;
  while (std::getline(lines, line) && line.starts_with("  ")) {
    std::istringstream words(line);
    std::string name;
    words >> name;
    commands.push_back(name);
  }
  return commands;
}

// Flags print as they are typed: no CLI11 default value such as `--no-chart{false}`.
TEST(CliHelp, FlagsPrintWithoutDefaultValues) {
  const auto top = run_cli({"--help"});
  ASSERT_EQ(top.exit_code, 0) << top.err;
  const auto commands = listed_commands(top.out);
  EXPECT_EQ(commands, (std::vector<std::string>{"compare", "compare-many", "env-diff", "comment",
                                                "report", "parse", "action", "history"}))
      << top.out;
  for (const auto& command : commands) {
    const auto result = run_cli({command, "--help"});
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_EQ(result.out.find("{false}"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("{true}"), std::string::npos) << result.out;
  }
  EXPECT_NE(run_cli({"comment", "--help"}).out.find("  --no-chart "), std::string::npos);
}

// compare names every format it reads, and --sort says what its default order is.
TEST(CliHelp, CompareSaysWhatItReadsAndHowItSorts) {
  const auto top = run_cli({"--help"}).out;
  EXPECT_NE(top.find("Compare two result files (asv, gbench, pytest-benchmark, hyperfine, ptjb, "
                     "customSmallerIsBetter, customBiggerIsBetter; asv-spyglass compare for asv)"),
            std::string::npos)
      << top;
  const auto compare = run_cli({"compare", "--help"}).out;
  EXPECT_NE(compare.find("Row order: default sorts by benchmark name (name is the same), ratio"),
            std::string::npos)
      << compare;
  const auto many = run_cli({"compare-many", "--help"}).out;
  EXPECT_NE(many.find("Row order: default sorts by benchmark name (name is the same)"),
            std::string::npos)
      << many;
}

// asv-spyglass drops --label-before/--label-after from the table when both files share machine and
// env; the help says so, and that the comment uses them anyway.
TEST(CliHelp, SaysWhenTheTableDropsTheSideLabels) {
  EXPECT_NE(
      run_cli({"compare", "--help"}).out.find("no suffix when both files share machine and env"),
      std::string::npos);
  const auto comment = run_cli({"comment", "--help"}).out;
  EXPECT_NE(comment.find("in the comment's footer"), std::string::npos) << comment;
  EXPECT_NE(comment.find("only when the files' machine/env differ"), std::string::npos) << comment;
}

TEST(CliHelp, ShowsChoicesWithoutInternalEnumNumbers) {
  const auto result = run_cli({"compare", "--help"});
  EXPECT_EQ(result.out.find("->0"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("{0,"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace spyglass::test
