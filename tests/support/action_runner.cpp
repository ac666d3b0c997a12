#include "support/action_runner.hpp"

#include <fstream>
#include <iterator>

#include "support/paths.hpp"

namespace spyglass::test {
namespace {

constexpr const char* k_results = "asv-spyglass-upstream/asv/test/example_results/cheetah/";

}  // namespace

std::string ActionRunner::base_file() {
  return fixture_path(std::string(k_results) + "22b920c6-py2.7-Cython-numpy1.8.json");
}

std::string ActionRunner::pr_file() {
  return fixture_path(std::string(k_results) + "fcf8c079-py2.7-Cython-numpy1.8.json");
}

std::string ActionRunner::read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

FakeGithubOptions ActionRunner::github_options() {
  FakeGithubOptions options;
  options.token = k_token;
  options.login = k_bot;
  return options;
}

ActionRunner::ActionRunner() : m_github(github_options()) {
  static_assert(k_pr == 7, "the events below name pull request 7");
  add_open_pull(k_pr, k_head_sha);
}

void ActionRunner::add_open_pull(int number, const std::string& sha, const std::string& state) {
  FakePull pull;
  pull.repo = k_repo;
  pull.number = number;
  pull.head_sha = sha;
  pull.state = state;
  m_github.add_pull(pull);
}

CliEnv ActionRunner::runner_env(const std::string& event_name,
                                const std::string& event_json) const {
  CliEnv env;
  env["INPUT_GITHUB-TOKEN"] = k_token;
  env["INPUT_BASE-FILE"] = base_file();
  env["INPUT_PR-FILE"] = pr_file();
  env["INPUT_FACTOR"] = "2";
  // Inputs the user left out still arrive, set to their action.yml defaults or empty.
  env["INPUT_COMPARISON-TEXT-FILE"] = "";
  env["INPUT_BENCHMARKS-FILE"] = "";
  env["INPUT_INPUT-FORMAT"] = "auto";
  env["INPUT_METRIC"] = "real_time";
  env["INPUT_BASE-RUN"] = "";
  env["INPUT_PR-RUN"] = "";
  env["INPUT_COMPARISON-MODE"] = "compare";
  env["INPUT_COMMENT-ID"] = "default";
  env["INPUT_COMMENT-MODE"] = "update";
  env["INPUT_POST-COMMENT"] = "true";
  env["INPUT_PR-NUMBER"] = "";
  env["INPUT_FAIL-ON-REGRESSION"] = "false";
  env["INPUT_DRAFT-ON-REGRESSION"] = "false";
  env["INPUT_JOB-SUMMARY"] = "true";
  env["INPUT_ENV-DIFF"] = "true";
  env["INPUT_UPLOAD-COMMENT-ARTIFACT"] = "false";
  env["INPUT_COMMENT-ARTIFACT-NAME"] = "benchmark-comment";
  env["GITHUB_ACTIONS"] = "true";
  env["GITHUB_API_URL"] = m_github.api_url();
  env["GITHUB_GRAPHQL_URL"] = m_github.graphql_url();
  env["GITHUB_SERVER_URL"] = "https://github.com";
  env["GITHUB_REPOSITORY"] = k_repo;
  env["GITHUB_RUN_ID"] = "4242";
  env["GITHUB_RUN_ATTEMPT"] = "1";
  env["GITHUB_EVENT_NAME"] = event_name;
  env["GITHUB_EVENT_PATH"] = m_dir.write("event.json", event_json);
  env["GITHUB_OUTPUT"] = output_path().string();
  env["GITHUB_STEP_SUMMARY"] = summary_path().string();
  env["RUNNER_TEMP"] = m_dir.path().string();
  return env;
}

CliEnv ActionRunner::pull_request_env() const {
  return runner_env("pull_request",
                    R"({"action":"synchronize","number":7,"pull_request":{"number":7}})");
}

CliEnv ActionRunner::workflow_run_env(const std::string& sha) const {
  return runner_env("workflow_run",
                    R"({"workflow_run":{"head_sha":")" + sha + R"(","pull_requests":[]}})");
}

std::vector<FakeComment> ActionRunner::ours(int pr, const std::string& marker) const {
  std::vector<FakeComment> found;
  for (const auto& comment : m_github.comments(k_repo, pr)) {
    if (comment.body.starts_with(marker)) {
      found.push_back(comment);
    }
  }
  return found;
}

int ActionRunner::count_requests(const std::string& method) const {
  int count = 0;
  for (const auto& request : m_github.requests()) {
    count += request.method == method ? 1 : 0;
  }
  return count;
}

}  // namespace spyglass::test
