// `spyglass action` on the runners it must work on: without a mounted RUNNER_TEMP (GitHub
// Enterprise Server, older self-hosted runners; src/action/report_file.cpp says what each runner
// mounts), the report falls back with one warning and never fails the job; a gate that fails
// without posting still annotates; a factor of at most 1 is refused; and the messages name the
// action's inputs, not the CLI's flags.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "spyglass/action/inputs.hpp"
#include "support/action_runner.hpp"
#include "support/run_cli.hpp"
#include "support/step_outputs.hpp"
#include "support/text_lines.hpp"

namespace spyglass::test {
namespace {

class RunnerCompat : public ActionRunner {
 protected:
  RunnerCompat() {
    std::filesystem::create_directories(home());
    std::filesystem::create_directories(tmpdir());
  }

  // HOME as every runner sets it for a container action (/github/home, always mounted), and a
  // TMPDIR standing in for the image's /tmp.
  std::filesystem::path home() const { return m_dir.path() / "github_home"; }
  std::filesystem::path tmpdir() const { return m_dir.path() / "tmp"; }

  CliEnv env_with_runner_temp(const std::string& runner_temp) const {
    auto env = pull_request_env();
    env["HOME"] = home().string();
    env["TMPDIR"] = tmpdir().string();
    env["RUNNER_TEMP"] = runner_temp;
    return env;
  }

  std::string body_path_output() const {
    return parse_outputs(read_text(output_path()))["body-path"];
  }
};

// An old runner passes RUNNER_TEMP as the host's path, which does not exist in the container.
TEST_F(RunnerCompat, UnmountedRunnerTempFallsBackToHomeWithOneWarning) {
  const auto result = run_cli({"action"}, env_with_runner_temp("/actions-runner/_work/_temp"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto report = (home() / "spyglass-default.md").string();
  EXPECT_EQ(body_path_output(), report);
  EXPECT_TRUE(read_text(report).starts_with(k_marker));
  EXPECT_EQ(lines_starting_with(result.out, "::warning title=spyglass::"),
            std::vector<std::string>{
                "::warning title=spyglass::RUNNER_TEMP (/actions-runner/_work/_temp) is not a "
                "writable directory in the container (the runner does not mount it into "
                "container actions): body-path is " +
                report});
  EXPECT_EQ(ours().size(), 1u);
}

TEST_F(RunnerCompat, UnsetRunnerTempFallsBackToHome) {
  auto env = env_with_runner_temp("");
  env.erase("RUNNER_TEMP");
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto report = (home() / "spyglass-default.md").string();
  EXPECT_EQ(body_path_output(), report);
  EXPECT_EQ(lines_starting_with(result.out, "::warning title=spyglass::"),
            std::vector<std::string>{
                "::warning title=spyglass::RUNNER_TEMP is not set (the runner does not mount it "
                "into container actions): body-path is " +
                report});
}

TEST_F(RunnerCompat, UnwritableHomeFallsBackToTmpdir) {
  auto env = env_with_runner_temp("/actions-runner/_work/_temp");
  env["HOME"] = (m_dir.path() / "missing_home").string();
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto report = (tmpdir() / "spyglass-default.md").string();
  EXPECT_EQ(body_path_output(), report);
  EXPECT_TRUE(read_text(report).starts_with(k_marker));
}

// With nowhere to write, the job still comments, writes its outputs and passes.
TEST_F(RunnerCompat, NowhereToWriteWarnsAndLeavesBodyPathEmpty) {
  auto env = env_with_runner_temp("/actions-runner/_work/_temp");
  env["HOME"] = (m_dir.path() / "missing_home").string();
  env["TMPDIR"] = (m_dir.path() / "missing_tmp").string();
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(body_path_output(), "");
  EXPECT_EQ(parse_outputs(read_text(output_path()))["regressions"], "8");
  EXPECT_EQ(lines_starting_with(result.out, "::warning title=spyglass::"),
            std::vector<std::string>{
                "::warning title=spyglass::RUNNER_TEMP (/actions-runner/_work/_temp) is not a "
                "writable directory in the container, nor are HOME and TMPDIR: no report file "
                "was written (body-path is empty)"});
  EXPECT_EQ(ours().size(), 1u);
}

// A mounted RUNNER_TEMP is used as before, without a warning.
TEST_F(RunnerCompat, MountedRunnerTempNeedsNoWarning) {
  const auto result = run_cli({"action"}, env_with_runner_temp(m_dir.path().string()));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(body_path_output(), (m_dir.path() / "spyglass-default.md").string());
  EXPECT_TRUE(lines_starting_with(result.out, "::warning title=spyglass::").empty()) << result.out;
  EXPECT_FALSE(std::filesystem::exists(home() / "spyglass-default.md"));
}

// The CLI outside the action keeps writing the report only into a RUNNER_TEMP that is set.
TEST_F(RunnerCompat, CommentCommandWritesNoReportWithoutRunnerTemp) {
  auto env = env_with_runner_temp("");
  env.erase("RUNNER_TEMP");
  const auto result = run_cli(
      {"comment", "--print-only", "--factor", "2", "--base", base_file(), "--pr", pr_file()}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_FALSE(std::filesystem::exists(home() / "spyglass-default.md"));
  EXPECT_EQ(result.out.find("::warning title=spyglass::"), std::string::npos);
}

// post-comment: false used to drop every annotation, and no failing gate wrote an ::error: the
// gate's error and the regressions' warnings are the job's log, posted or not.
TEST_F(RunnerCompat, FailingGateAnnotatesWithAndWithoutAComment) {
  for (const std::string post : {"false", "true"}) {
    auto env = pull_request_env();
    env["INPUT_POST-COMMENT"] = post;
    env["INPUT_FAIL-ON-REGRESSION"] = "true";
    const auto result = run_cli({"action"}, env);
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_EQ(ours().size(), post == "true" ? 1u : 0u);
    // 8 regressed and 3 newly failing rows, at most 10 annotations.
    EXPECT_EQ(lines_starting_with(result.out, "::warning title=Benchmark regression::").size(), 10u)
        << result.out;
    EXPECT_EQ(lines_starting_with(result.out, "::error "),
              std::vector<std::string>{
                  "::error title=spyglass::fail-on-regression: 8 benchmarks regressed, 3 newly "
                  "fail"});
  }
}

TEST_F(RunnerCompat, FactorOfAtMostOneIsRefused) {
  for (const std::string factor : {"1", "0.9", "1.0"}) {
    auto env = pull_request_env();
    env["INPUT_FACTOR"] = factor;
    const auto result = run_cli({"action"}, env);
    EXPECT_EQ(result.exit_code, 2) << factor;
    EXPECT_EQ(result.err, "spyglass: error: input factor: '" + factor +
                              "' must be more than 1 (the factor is the ratio a change must "
                              "pass: 1.1 means a 10% change)\n");
    EXPECT_TRUE(result.out.starts_with("::error title=spyglass::input factor: '" + factor + "'"))
        << result.out;
  }
  EXPECT_TRUE(m_github.requests().empty());
}

// Errors the action shares with the CLI name the inputs the user set.
TEST_F(RunnerCompat, MessagesNameInputs) {
  struct Case {
    std::vector<std::pair<std::string, std::string>> inputs;  // set; "" erases
    std::string err;
  };
  const std::vector<Case> cases = {
      {{{"INPUT_PR-FILE", ""}}, "spyglass: error: action: base-file and pr-file go together\n"},
      {{{"INPUT_BASE-FILE", ""}, {"INPUT_PR-FILE", ""}},
       "spyglass: error: action: give one of comparison-text-file, base-file with pr-file, or "
       "baseline-file with contender-files\n"},
      {{{"INPUT_COMPARISON-MODE", "compare-many"}, {"INPUT_BASELINE-FILE", base_file()}},
       "spyglass: error: action: baseline-file needs at least one contender (contender-files)\n"},
      {{{"INPUT_COMMENT-ID", "a b"}},
       "spyglass: error: comment-id 'a b' must be 1-64 letters, digits, '.', '_' or '-'\n"},
      {{{"INPUT_GITHUB-TOKEN", ""}},
       "spyglass: error: no GitHub token: pass github-token or set GITHUB_TOKEN (or "
       "post-comment: false to post nothing)\n"},
      {{{"INPUT_MAX-INPUT-SIZE", "1KiB"}},
       "spyglass: error: " + base_file() +
           ": is larger than the input limit (1024 bytes; max-input-size)\n"},
      {{{"INPUT_INPUT-FORMAT", "gbench"}},
       "spyglass: error: " + base_file() +
           ": input-format gbench does not match the file (it looks like asv: drop "
           "input-format to detect it)\n"},
  };
  for (const auto& c : cases) {
    auto env = pull_request_env();
    for (const auto& [name, value] : c.inputs) {
      env[name] = value;
    }
    const auto result = run_cli({"action"}, env);
    EXPECT_EQ(result.exit_code, 2) << c.err;
    EXPECT_EQ(result.err, c.err);
    EXPECT_EQ(result.err.find("--"), std::string::npos) << result.err;
  }
}

// The CLI keeps asv-spyglass's behaviour for a factor of at most 1 (the golden tests hold its
// bytes) and says once, on stderr, what the factor means.
TEST_F(RunnerCompat, CliWarnsAboutAFactorOfAtMostOne) {
  const auto warned = run_cli({"compare", "--factor", "1", base_file(), pr_file()});
  EXPECT_EQ(warned.err,
            "spyglass: warning: --factor 1 is not more than 1, so changes of any size are "
            "significant (the factor is the ratio a change must pass: 1.1 means a 10% change)\n");
  const auto many = run_cli({"compare-many", "--factor", "0.5", base_file(), pr_file()});
  EXPECT_EQ(
      lines_starting_with(many.err, "spyglass: warning: --factor 0.5 is not more than 1").size(),
      1u)
      << many.err;
  const auto comment = run_cli(
      {"comment", "--print-only", "--factor", "1", "--base", base_file(), "--pr", pr_file()});
  EXPECT_EQ(comment.exit_code, 0) << comment.err;
  EXPECT_EQ(
      lines_starting_with(comment.err, "spyglass: warning: --factor 1 is not more than 1").size(),
      1u)
      << comment.err;
  EXPECT_EQ(run_cli({"compare", "--factor", "1.1", base_file(), pr_file()}).err, "");
}

}  // namespace
}  // namespace spyglass::test
