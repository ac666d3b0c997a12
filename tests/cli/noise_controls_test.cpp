// The noise controls on the command line (docs/noise-controls.md): bad patterns, a factor by
// pattern against the plain factor, the config file and its precedence, and their effect on
// compare-many, the comment (tests/golden/comment-noise-controls.md), its gate and the report.
// The byte-exact tables are cases of tests/cli/golden_test.cpp.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

const std::string k_cheetah = "@F/asv-spyglass-upstream/asv/test/example_results/cheetah/";
const std::string k_before = k_cheetah + "22b920c6-py2.7-Cython-numpy1.8.json";
const std::string k_after = k_cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json";
const std::string k_small_m1 = "@F/handmade/results/m1/11111111-e1.json";
const std::string k_small_m2 = "@F/handmade/results/m2/22222222-e2.json";

std::string read_golden(const std::string& name) { return read_fixture("../tests/golden/" + name); }

// `spyglass compare --factor=2` of asv's example pair with `extra` flags.
CliResult compare_example(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"compare", "--factor=2", k_before, k_after};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(args);
}

// The benchmarks of `spyglass compare --format json`, by name.
std::map<std::string, nlohmann::json> json_rows(const CliResult& result) {
  std::map<std::string, nlohmann::json> rows;
  const auto document = nlohmann::json::parse(result.out);
  for (const auto& row : document.at("benchmarks")) {
    rows[row.at("name").get<std::string>()] = row;
  }
  return rows;
}

TEST(NoiseFlags, ABadPatternIsAUsageErrorNamingTheFlagAndThePattern) {
  auto result = compare_example({"--bench", "time_(units"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "spyglass: error: --bench: `time_(units` is not a regular expression: missing ): "
            "time_(units (see spyglass --help)\n");
  result = compare_example({"--factor-for", "time_io"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "spyglass: error: --factor-for: `time_io` is not PATTERN=FACTOR with a factor more "
            "than 1 (see spyglass --help)\n");
}

// "--factor-for changes the verdict for those rows exactly as --factor would": every field of
// the time_units rows at `--factor 2 --factor-for time_units=40` is that of `--factor 40`, and
// every other row is that of `--factor 2`. At 40 the two ~30x regressions are no longer marked.
TEST(NoiseFlags, FactorForGivesItsRowsTheVerdictOfThatFactor) {
  const auto by_pattern =
      json_rows(compare_example({"--format", "json", "--factor-for", "time_units=40"}));
  const auto at_2 = json_rows(compare_example({"--format", "json"}));
  const auto at_40 =
      json_rows(run_cli({"compare", "--format", "json", "--factor", "40", k_before, k_after}));
  ASSERT_EQ(by_pattern.size(), 24u);
  ASSERT_EQ(at_2.size(), 24u);
  for (const auto& [name, row] : by_pattern) {
    EXPECT_EQ(row, (name.starts_with("time_units") ? at_40 : at_2).at(name)) << name;
  }
  EXPECT_EQ(at_2.at("time_units.time_unit_parse").at("mark"), "+");
  EXPECT_EQ(by_pattern.at("time_units.time_unit_parse").at("mark"), " ");
}

TEST(NoiseFlags, CompareManyKeepsOnlyTheSelectedRowsInEveryColumn) {
  const auto all = run_cli({"compare-many", k_small_m1, k_small_m2, k_small_m1});
  const auto result =
      run_cli({"compare-many", "--bench", "time_a", k_small_m1, k_small_m2, k_small_m1});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(all.out.find("small.time_b"), std::string::npos);
  EXPECT_NE(result.out.find("small.time_a"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("small.time_b"), std::string::npos) << result.out;
  // small.time_a regressed (ratio 2): ignored, it no longer fails compare-many.
  EXPECT_EQ(run_cli({"compare-many", "--ignore", "time_a", k_small_m1, k_small_m2}).exit_code, 0);
}

// The config file gives the same table as the flags; a flag wins over the file's key.
TEST(ConfigFlag, TheConfigFileGivesWhatTheFlagsGive) {
  const TempDir dir("spyglass-noise-config");
  const auto config = dir.write("noise.toml", "bench = [\"time_units\"]\nskip = [\"mem_\"]\n");
  const auto result = compare_example({"--config", config});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.out, read_golden("compare-asv-example-factor2-bench-skip.out"));

  // --skip replaces the file's skip list (mem_unit is back); the file's bench still applies.
  const auto flag_wins = compare_example({"--config", config, "--skip", "nothing"});
  EXPECT_NE(flag_wins.out.find("time_units.mem_unit"), std::string::npos) << flag_wins.out;
  EXPECT_EQ(flag_wins.out.find("time_quantity"), std::string::npos) << flag_wins.out;
}

TEST(ConfigFlag, ACommandLineFactorWinsOverTheFilesWhichWinsOverTheDefault) {
  const TempDir dir("spyglass-noise-factor");
  const auto config = dir.write("factor.toml", "factor = 2\n");
  const auto from_file = run_cli({"compare", "--config", config, k_before, k_after});
  EXPECT_EQ(from_file.out, read_golden("compare-asv-example-factor2.out"));
  const auto from_flag = run_cli({"compare", "--config", dir.write("f40.toml", "factor = 40\n"),
                                  "--factor", "2", k_before, k_after});
  EXPECT_EQ(from_flag.out, read_golden("compare-asv-example-factor2.out"));
}

TEST(ConfigFlag, AConfigFileErrorNamesTheFileAndLine) {
  const TempDir dir("spyglass-noise-bad-config");
  const auto config = dir.write("bad.toml", "factor = 2\nbench = \"time_\"\n");
  const auto result = compare_example({"--config", config});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "spyglass: error: " + config + ":2: `bench` must be an array of strings\n");

  const auto missing = compare_example({"--config", (dir.path() / "none.toml").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("none.toml"), std::string::npos) << missing.err;
}

// Runs in `dir` and goes back to where it was.
class InDirectory {
 public:
  explicit InDirectory(const std::filesystem::path& dir)
      : m_previous(std::filesystem::current_path()) {
    std::filesystem::current_path(dir);
  }
  ~InDirectory() { std::filesystem::current_path(m_previous); }
  InDirectory(const InDirectory&) = delete;
  InDirectory& operator=(const InDirectory&) = delete;

 private:
  std::filesystem::path m_previous;
};

// .spyglass.toml in the current directory is read without --config; --no-config reads none, and
// a directory in its place is refused rather than passed over.
TEST(ConfigFlag, TheCurrentDirectorysSpyglassTomlIsTheDefault) {
  const TempDir dir("spyglass-noise-default");
  dir.write(".spyglass.toml", "bench = [\"time_units\"]\nskip = [\"mem_\"]\n");
  const std::string before = fixture_path(k_before.substr(3));
  const std::string after = fixture_path(k_after.substr(3));
  {
    const InDirectory here(dir.path());
    const auto result = run_cli({"compare", "--factor=2", before, after});
    EXPECT_EQ(with_fixture_marker(result.out),
              read_golden("compare-asv-example-factor2-bench-skip.out"));
    const auto none = run_cli({"compare", "--factor=2", "--no-config", before, after});
    EXPECT_EQ(with_fixture_marker(none.out), read_golden("compare-asv-example-factor2.out"));
  }
  const TempDir odd("spyglass-noise-odd");
  std::filesystem::create_directory(odd.path() / ".spyglass.toml");
  const InDirectory here(odd.path());
  const auto result = run_cli({"compare", "--factor=2", before, after});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(".spyglass.toml"), std::string::npos) << result.err;
}

// The comment with every control applied (tests/golden/comment-noise-controls.md, read by hand).
TEST(NoiseComment, SaysWhichRulesApplied) {
  const auto result = run_cli({"comment", "--print-only", "--factor", "2", "--base", k_before,
                               "--pr", k_after, "--bench", "^time_", "--skip", "parameterized",
                               "--ignore", "time_units", "--factor-for", "time_ci=4"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(with_fixture_marker(result.out), read_golden("comment-noise-controls.md"));
}

// A printed table: --ignore keeps its regression out of the gate, --skip drops its rows.
TEST(NoiseComment, TheGateSkipsIgnoredRowsOfATable) {
  const TempDir dir("spyglass-noise-gate");
  const auto table = dir.write("t.txt",
                               "| Change | Before | After | Ratio | Benchmark (Parameter) |\n"
                               "|--------|--------|-------|-------|-----------------------|\n"
                               "| + | 1.00s | 2.00s | 2.00 | slow.time_x |\n"
                               "| | 1.00s | 1.00s | 1.00 | same.time_x |\n");
  auto gate = [&table](std::vector<std::string> extra) {
    std::vector<std::string> args = {"comment", "--print-only", "--fail-on-regression", "--table",
                                     table};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
  };
  EXPECT_EQ(gate({}).exit_code, 1);
  const auto ignored = gate({"--ignore", "slow"});
  EXPECT_EQ(ignored.exit_code, 0) << ignored.err;
  EXPECT_NE(ignored.out.find("Noise controls: **1** ignored (not counted)"), std::string::npos)
      << ignored.out;
  EXPECT_EQ(gate({"--skip", "slow"}).exit_code, 0);
  EXPECT_EQ(gate({"--bench", "same"}).exit_code, 0);
}

TEST(NoiseReport, TheReportHasOnlyTheSelectedBenchmarks) {
  const TempDir dir("spyglass-noise-report");
  const auto path = (dir.path() / "r.html").string();
  const auto result = run_cli({"report", "--html", path, "--factor", "2", "--base", k_before,
                               "--pr", k_after, "--skip", "time_quantity"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto page = dir.read("r.html");
  EXPECT_NE(page.find("time_units.time_unit_parse"), std::string::npos);
  EXPECT_EQ(page.find("time_quantity"), std::string::npos);
}

// The report's summary counts the 6 time_units benchmarks as ignored, under no verdict, as the
// comment and --format json count them.
TEST(NoiseReport, TheSummaryCountsIgnoredBenchmarksApart) {
  const TempDir dir("spyglass-noise-report-ignore");
  const auto path = (dir.path() / "r.html").string();
  const auto result = run_cli({"report", "--html", path, "--factor", "2", "--base", k_before,
                               "--pr", k_after, "--ignore", "time_units"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto page = dir.read("r.html");
  EXPECT_NE(page.find("<th>not comparable</th><th>ignored</th></tr>"), std::string::npos);
  EXPECT_NE(page.find("fcf8c079</a></td><td class=\"num\">6</td><td class=\"num\">3</td>"
                      "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td>"
                      "<td class=\"num\">3</td><td class=\"num\">2</td><td class=\"num\">3</td>"
                      "<td class=\"num\">6</td></tr>"),
            std::string::npos)
      << page;
}

}  // namespace
}  // namespace spyglass::test
