// `spyglass history` end to end: byte-exact goldens on the real kedro history (checked against
// asv's own step_detect.py, tests/golden/README.md), each documented flag by its effect, and the
// bad inputs of docs/history.md.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

const std::string k_kedro = "@F/asv-history/kedro/results";
const std::string k_kedro_env = "virtualenv-py3.11-kedro-datasets[pandas]";

std::string read_golden(const std::string& name) { return read_fixture("../tests/golden/" + name); }

CliResult history(std::vector<std::string> args) {
  args.insert(args.begin(), "history");
  return run_cli(args);
}

TEST(HistoryGolden, KedroMarkdown) {
  const auto result = history({k_kedro});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.out, read_golden("history-kedro.md"));
}

TEST(HistoryGolden, KedroJson) {
  const auto result = history({k_kedro, "--format", "json"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.out, read_golden("history-kedro.json"));
}

// The JSON's floats read back as the doubles the markdown's values were formatted from: the
// regressions' commits are full hashes and every series has the documented members.
TEST(HistoryJson, RecordsHaveTheDocumentedShape) {
  const auto json = nlohmann::json::parse(history({k_kedro, "--format", "json"}).out);
  EXPECT_EQ(json["schema_version"], 1);
  ASSERT_FALSE(json["series"].empty());
  for (const auto& series : json["series"]) {
    for (const char* key : {"benchmark", "machine", "env", "unit", "points", "steps", "regressions",
                            "last_value", "best_value"}) {
      EXPECT_TRUE(series.contains(key)) << key;
    }
    for (const auto& jump : series["regressions"]) {
      EXPECT_EQ(jump[0].get<std::string>().size(), 40U);
      EXPECT_EQ(jump[1].get<std::string>().size(), 40U);
    }
    EXPECT_EQ(series["regressions"].empty(), series["last_value"].is_null());
  }
}

// --machine and --env keep only the files they name; --bench the names it matches.
TEST(HistoryFlags, MachineEnvAndBenchSelectSeries) {
  const auto count = [](const std::vector<std::string>& args) {
    std::vector<std::string> all = {k_kedro, "--format", "json"};
    all.insert(all.end(), args.begin(), args.end());
    const auto result = history(all);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return nlohmann::json::parse(result.out)["series"].size();
  };
  const auto everything = count({});
  EXPECT_EQ(everything, 97U);
  EXPECT_EQ(count({"--machine", "github-actions"}), everything);
  EXPECT_EQ(count({"--machine", "elsewhere"}), 0U);
  const auto one_env = count({"--env", k_kedro_env});
  EXPECT_GT(one_env, 0U);
  EXPECT_LT(one_env, everything);
  EXPECT_EQ(one_env, 83U);
  EXPECT_EQ(count({"--bench", "peakmem_runners"}), 3U);  // 3 runners, measured in one env
  EXPECT_EQ(count({"--bench", "peakmem_runners", "--env", "virtualenv-py3.11"}), 0U);
}

// A threshold of 0 reports every upward step asv's errors allow; a huge one none.
TEST(HistoryFlags, ThresholdMovesTheMargin) {
  const auto regressions = [](const std::string& threshold) {
    const auto result = history({k_kedro, "--format", "json", "--threshold", threshold});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::size_t count = 0;
    const auto json = nlohmann::json::parse(result.out);
    for (const auto& series : json["series"]) {
      count += series["regressions"].size();
    }
    return count;
  };
  const auto at_default = regressions("0.05");
  EXPECT_EQ(at_default, 18U);  // asv's step_detect.py on the same series (golden README)
  EXPECT_GT(regressions("0"), at_default);
  EXPECT_EQ(regressions("100"), 0U);
  const auto markdown = history({k_kedro, "--threshold", "100"});
  EXPECT_NE(markdown.out.find("No regressions in 97 series (threshold 100)."), std::string::npos)
      << markdown.out;
}

TEST(HistoryFlags, OutputWritesTheReportToAFile) {
  const TempDir dir("spyglass-history-output");
  const std::string path = (dir.path() / "history.md").string();
  const auto result = history({k_kedro, "--output", path});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(dir.read("history.md"), read_golden("history-kedro.md"));
}

// Each bad input: exit 2 and one line naming the path or flag.
TEST(HistoryErrors, BadInputsAreOneLineNamingTheFile) {
  const TempDir dir("spyglass-history-bad");
  const std::string root = dir.path().string();
  dir.write("empty/benchmarks.json", R"({"version": 2})");
  dir.write("empty/m/machine.json", R"({"machine": "m"})");
  dir.write("bad/benchmarks.json", R"({"version": 2})");
  const std::string bad = dir.write("bad/m/aaaa-e.json", "[1, 2, 3]");
  const std::string garbled = dir.write("garbled/benchmarks.json", "{not json");
  dir.write("garbled/m/aaaa-e.json", "{}");

  struct Case {
    std::vector<std::string> args;
    std::string error_start;
  };
  const Case cases[] = {
      {{root + "/nowhere"}, root + "/nowhere: not a folder"},
      {{root}, root + ": no benchmarks.json"},
      {{root + "/empty"}, root + "/empty: no result files"},
      {{root + "/bad"}, bad + ": "},
      {{root + "/garbled"}, garbled + ":"},
      {{k_kedro, "--threshold", "-1"}, "--threshold: -1 is not a number >= 0"},
      {{k_kedro, "--threshold", "nan"}, "--threshold: nan is not a number >= 0"},
      {{k_kedro, "--bench", "("}, "--bench: `(` is not a regular expression"},
  };
  for (const auto& c : cases) {
    const auto result = history(c.args);
    EXPECT_EQ(result.exit_code, 2) << c.args.front();
    const std::string prefix = "spyglass: error: " + c.error_start;
    EXPECT_EQ(result.err.rfind(prefix, 0), 0U) << result.err;
    EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
    EXPECT_EQ(result.out, "");
  }
}

// Names from result files cannot inject markup: a hostile benchmark name is escaped.
TEST(HistoryMarkdown, HostileNamesAreEscaped) {
  const TempDir dir("spyglass-history-hostile");
  const std::string name = "b.time_<img src=x>|*x*";
  dir.write("r/benchmarks.json", R"({"version": 2, ")" + name + R"(": {"name": ")" + name +
                                     R"(", "unit": "seconds", "params": [], "version": "1"}})");
  for (int i = 0; i < 6; ++i) {
    const std::string commit = std::string(40, static_cast<char>('a' + i));
    dir.write("r/m/" + commit + ".json",
              R"({"version": 2, "commit_hash": ")" + commit + R"(", "date": )" +
                  std::to_string(1000 + i) +
                  R"(, "env_name": "e<b>", "python": "3.11", "requirements": {},
 "params": {"machine": "m@x"}, "result_columns": ["result", "params", "version"],
 "results": {")" + name +
                  R"(": [[)" + (i < 3 ? "1.0" : "2.0") + R"(], [], "1"]}})");
  }
  const auto result = history({(dir.path() / "r").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(
      result.out,
      "## Benchmark history\n\n"
      "**1 regression** in 1 of 1 series (threshold 0.05).\n\n"
      "| Benchmark | Machine / env | Commits | Before → after | Factor | History |\n"
      "|---|---|---|---|---|---|\n"
      "| b.time\\_&lt;img src=x&gt;\\|\\*x\\* | m@&#8203;x / e&lt;b&gt; | `ccccccc..ddddddd` | "
      "1.00s → 2.00s | 2.00x | ▁▁▁███ |\n");
}

TEST(HistoryHelp, NamesEveryOption) {
  const auto result = run_cli({"history", "--help"});
  EXPECT_EQ(result.exit_code, 0);
  for (const char* option : {"PATH", "--machine", "--env", "--threshold", "--bench", "--format",
                             "--output", "--max-input-size"}) {
    EXPECT_NE(result.out.find(option), std::string::npos) << option;
  }
}

}  // namespace
}  // namespace spyglass::test
