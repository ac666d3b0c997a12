// Bigger-is-better rows beyond the table (issue 14): the comment lists the worst regression first
// whichever way its benchmark is better, and its chart says which way each value moved.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

// github-action-benchmark custom JSON: two rates (better bigger) halve and fall tenfold, a time
// (better smaller) triples. Worst first: b_rate (10 times worse), c_time (3), a_rate (2).
class BiggerIsBetterComment : public ::testing::Test {
 protected:
  std::vector<std::string> args(std::vector<std::string> head) const {
    head.insert(head.end(), {"--base", m_before, "--pr", m_after, "--bigger-is-better", "_rate$"});
    return head;
  }

  TempDir m_dir{"spyglass-bigger-is-better"};
  std::string m_before = m_dir.write("before.json", R"([
    {"name": "a_rate", "unit": "ops/sec", "value": 100},
    {"name": "b_rate", "unit": "ops/sec", "value": 100},
    {"name": "c_time", "unit": "ms", "value": 1}])");
  std::string m_after = m_dir.write("after.json", R"([
    {"name": "a_rate", "unit": "ops/sec", "value": 50},
    {"name": "b_rate", "unit": "ops/sec", "value": 10},
    {"name": "c_time", "unit": "ms", "value": 3}])");
};

TEST_F(BiggerIsBetterComment, ListsTheWorstRegressionFirst) {
  const auto result = run_cli(args({"comment", "--print-model"}));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto model = nlohmann::json::parse(result.out);
  const auto& rows = model["regressions"]["rows"];
  ASSERT_EQ(rows.size(), 3u) << result.out;
  EXPECT_EQ(rows[0]["name"], "b_rate");
  EXPECT_EQ(rows[1]["name"], "c_time");
  EXPECT_EQ(rows[2]["name"], "a_rate");
}

// The ratio stays after/before: a rate that fell tenfold is "10.0× smaller", and red.
TEST_F(BiggerIsBetterComment, TheChartSaysWhichWayTheValueMoved) {
  const auto result = run_cli(args({"comment", "--print-only"}));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("\"b_rate (10.0\u00D7 smaller)\""), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\"c_time (3.00\u00D7 slower)\""), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\"a_rate (2.00\u00D7 smaller)\""), std::string::npos) << result.out;
}

// compare's exit code: the rates' drops regress; named nothing, they are improvements and only
// the time regressed; with the time alone restored, nothing regressed.
TEST_F(BiggerIsBetterComment, TheExitCodeFollowsTheDirection) {
  EXPECT_EQ(run_cli({"compare", m_before, m_after}).exit_code, 1);
  const std::string rates_only = m_dir.write("after-rates.json", R"([
    {"name": "a_rate", "unit": "ops/sec", "value": 200},
    {"name": "b_rate", "unit": "ops/sec", "value": 1000},
    {"name": "c_time", "unit": "ms", "value": 1}])");
  EXPECT_EQ(run_cli({"compare", "--bigger-is-better", "_rate$", m_before, rates_only}).exit_code,
            0);
  EXPECT_EQ(run_cli({"compare", m_before, rates_only}).exit_code, 1);
  EXPECT_EQ(run_cli({"compare", "--input-format", "customBiggerIsBetter", m_before, rates_only})
                .exit_code,
            0);
}

// The config file's `bigger_is_better` list names the same rows as the flag.
TEST_F(BiggerIsBetterComment, TheConfigFileNamesThemAsTheFlagDoes) {
  const auto by_flag = run_cli(args({"comment", "--print-only", "--no-config"}));
  ASSERT_EQ(by_flag.exit_code, 0) << by_flag.err;
  const std::string config = m_dir.write("spyglass.toml", "bigger_is_better = [\"_rate$\"]\n");
  const auto by_file =
      run_cli({"comment", "--print-only", "--config", config, "--base", m_before, "--pr", m_after});
  ASSERT_EQ(by_file.exit_code, 0) << by_file.err;
  EXPECT_EQ(by_file.out, by_flag.out);
  const auto neither =
      run_cli({"comment", "--print-only", "--no-config", "--base", m_before, "--pr", m_after});
  EXPECT_NE(neither.out, by_flag.out);
}

TEST(BiggerIsBetterFlag, ABadPatternIsOneLineExitTwo) {
  const auto result =
      run_cli({"compare", "--bigger-is-better", "a)", "@F/handmade/results/m1/11111111-e1.json",
               "@F/handmade/results/m2/22222222-e2.json"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "spyglass: error: --bigger-is-better: `a)` is not a regular expression: unexpected ): "
            "a) (see spyglass --help)\n");
}

}  // namespace
}  // namespace spyglass::test
