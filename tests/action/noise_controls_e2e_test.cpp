// The noise controls as action inputs (docs/action.md: bench, skip, ignore, factor-for, config),
// run as `spyglass action` against the fake GitHub on asv's example pair at factor 2, and the
// same rules given three ways (CLI flags, a config file, action inputs) leaving the same comment.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "support/action_runner.hpp"
#include "support/run_cli.hpp"
#include "support/step_outputs.hpp"

namespace spyglass::test {
namespace {

class NoiseInputs : public ActionRunner {
 protected:
  std::map<std::string, std::string> outputs() const {
    return parse_outputs(read_text(output_path()));
  }

  std::string the_comment() const {
    const auto comments = ours();
    EXPECT_EQ(comments.size(), 1u);
    return comments.empty() ? "" : comments[0].body;
  }
};

// asv's example pair at factor 2 has 8 regressions (`+`) and 3 new failures (`!`); the time_units
// rows hold 2 of the regressions and the one improvement.
TEST_F(NoiseInputs, IgnoreKeepsItsRegressionsOutOfTheGateAndTheCounts) {
  auto env = pull_request_env();
  env["INPUT_FAIL-ON-REGRESSION"] = "true";
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 1);
  EXPECT_EQ(outputs().at("regressions"), "8");

  env["INPUT_IGNORE"] = "^time_\nparams_examples\n";
  const auto result = run_cli({"action"}, env);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto out = outputs();
  EXPECT_EQ(out.at("regressions"), "0");
  EXPECT_EQ(out.at("failures"), "0");
  EXPECT_EQ(out.at("regression-detected"), "false");
  // Still in the comparison table, marks and all.
  EXPECT_NE(out.at("comparison")
                .find("| +        | 372μs    | 11.5ms  | 30.81   | "
                      "time_units.time_unit_parse"),
            std::string::npos);
  EXPECT_EQ(result.out.find("::warning"), std::string::npos) << result.out;
}

TEST_F(NoiseInputs, BenchAndSkipSelectTheBenchmarks) {
  auto env = pull_request_env();
  env["INPUT_BENCH"] = "time_units\n";
  env["INPUT_SKIP"] = "mem_";
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  const auto out = outputs();
  EXPECT_EQ(out.at("regressions"), "2");
  EXPECT_EQ(out.at("improvements"), "1");
  EXPECT_EQ(out.at("comparison").find("time_quantity"), std::string::npos);
  EXPECT_EQ(out.at("comparison").find("mem_unit"), std::string::npos);
}

TEST_F(NoiseInputs, FactorForLoosensItsBenchmarks) {
  auto env = pull_request_env();
  env["INPUT_FACTOR-FOR"] = "time_units=40\ntime_quantity=200";
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  // Left: time_ci_small, the two time_with_version_* rows.
  EXPECT_EQ(outputs().at("regressions"), "3");
  EXPECT_NE(the_comment().find("factor 40 for **6** matching `time_units`"), std::string::npos)
      << the_comment();
}

TEST_F(NoiseInputs, BadPatternsAndRulesNameTheirInput) {
  auto env = pull_request_env();
  env["INPUT_SKIP"] = "ok\n(";
  auto result = run_cli({"action"}, env);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("spyglass: error: input skip: `(` is not a regular expression"),
            std::string::npos)
      << result.err;
  env.erase("INPUT_SKIP");
  env["INPUT_FACTOR-FOR"] = "io=0.5";
  result = run_cli({"action"}, env);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("spyglass: error: input factor-for: `io=0.5` is not PATTERN=FACTOR "
                            "with a factor more than 1"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(count_requests("POST"), 0);
}

TEST_F(NoiseInputs, ConfigNamesTheFileAndInputsWinOverIt) {
  auto env = pull_request_env();
  env["INPUT_CONFIG"] = m_dir.write("noise.toml", "ignore = [\"^time_\", \"params\"]\n");
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  EXPECT_EQ(outputs().at("regressions"), "0");

  env["INPUT_IGNORE"] = "time_units";
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  EXPECT_EQ(outputs().at("regressions"), "6");

  env["INPUT_CONFIG"] = m_dir.write("bad.toml", "\nignroe = []\n");
  const auto result = run_cli({"action"}, env);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("bad.toml:2: unknown key `ignroe`"), std::string::npos) << result.err;
}

// One set of rules, given as CLI flags, as a config file and as action inputs: the same comment.
TEST_F(NoiseInputs, FlagsConfigAndInputsGiveTheSameComment) {
  auto env = pull_request_env();
  const std::vector<std::string> compare = {"comment", "--print-only", "--factor", "2",
                                            "--base",  base_file(),    "--pr",     pr_file()};

  auto by_flags = compare;
  by_flags.insert(by_flags.end(), {"--bench", "^time_", "--skip", "parameterized", "--ignore",
                                   "time_units", "--factor-for", "time_ci=4"});
  const auto flags = run_cli(by_flags, env);
  ASSERT_EQ(flags.exit_code, 0) << flags.err;

  auto by_config = compare;
  by_config.insert(by_config.end(),
                   {"--config", m_dir.write("rules.toml",
                                            "bench = [\"^time_\"]\nskip = [\"parameterized\"]\n"
                                            "ignore = [\"time_units\"]\n[factor_for]\n"
                                            "time_ci = 4\n")});
  const auto config = run_cli(by_config, env);
  ASSERT_EQ(config.exit_code, 0) << config.err;

  env["INPUT_BENCH"] = "^time_";
  env["INPUT_SKIP"] = "parameterized";
  env["INPUT_IGNORE"] = "time_units";
  env["INPUT_FACTOR-FOR"] = "time_ci=4";
  const auto action = run_cli({"action"}, env);
  ASSERT_EQ(action.exit_code, 0) << action.err;

  EXPECT_NE(flags.out.find("Noise controls: "), std::string::npos) << flags.out;
  EXPECT_EQ(config.out, flags.out);
  EXPECT_EQ(the_comment(), flags.out);
}

}  // namespace
}  // namespace spyglass::test
