#pragma once

// One workflow run's worth of Actions runner state for end-to-end tests of `spyglass action`: a
// fake GitHub holding one open pull request, the event file, GITHUB_OUTPUT, the step summary and
// RUNNER_TEMP in a temp directory, and the environment the runner passes to the container.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/fake_github.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {

class ActionRunner : public ::testing::Test {
 protected:
  static constexpr const char* k_repo = "octo/widgets";
  static constexpr int k_pr = 7;
  static constexpr const char* k_marker = "<!-- spyglass:default -->";
  static constexpr const char* k_bot = "github-actions[bot]";
  // The Actions token's shape: an installation token, which GET /user refuses.
  static constexpr const char* k_token = "ghs_e2eSecretTokenValue0123456789";
  static constexpr const char* k_head_sha = "fcf8c079aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  // asv's example results (fixtures/asv-spyglass-upstream/asv/test/example_results/cheetah/):
  // the base and the PR every run compares unless a test sets other files.
  static std::string base_file();
  static std::string pr_file();

  // The whole file at `path`; empty when it cannot be read.
  static std::string read_text(const std::filesystem::path& path);

  ActionRunner();

  // Register pull request `number` of k_repo with head `sha`.
  void add_open_pull(int number, const std::string& sha, const std::string& state = "open");

  // The variables the runner sets for an `event_name` run whose payload is `event_json`: every
  // input at its action.yml default (or empty), base-file and pr-file, factor 2, and GITHUB_*.
  CliEnv runner_env(const std::string& event_name, const std::string& event_json) const;
  // runner_env for a `pull_request` event of k_pr.
  CliEnv pull_request_env() const;
  // runner_env for a `workflow_run` event whose head is `sha` and that lists no pull request.
  CliEnv workflow_run_env(const std::string& sha) const;

  std::filesystem::path output_path() const { return m_dir.path() / "github_output"; }
  std::filesystem::path summary_path() const { return m_dir.path() / "step_summary.md"; }

  // The comments on pull request `pr` that start with `marker`.
  std::vector<FakeComment> ours(int pr = k_pr, const std::string& marker = k_marker) const;

  // How many requests the fake received with `method`.
  int count_requests(const std::string& method) const;

  TempDir m_dir{"spyglass-action-e2e"};
  FakeGithub m_github;

 private:
  // The fake accepts k_token, acting as k_bot.
  static FakeGithubOptions github_options();
};

}  // namespace spyglass::test
