// The adversarial suite, part one: what a fork controls (result files, the event payload) and
// what a misconfigured or hostile server sends must never become a workflow command the runner
// obeys, a header of the fork's making, a printed token, a request over plain http, or a comment
// on the wrong pull request. Each case runs the CLI in-process the way the runner runs it and
// asserts the exit code, a one-line message, and what the runner would make of the output
// (support/runner_commands.hpp, an independent reading of the runner's rules).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "spyglass/github/client.hpp"
#include "spyglass/util/error.hpp"
#include "support/fake_github.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/runner_commands.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

constexpr const char* k_repo = "octo/widgets";
constexpr const char* k_token = "ghs_adversarialSecretToken0123456789";
const std::string k_fixtures = "@F/handmade/workflow-commands/";
const std::string k_before = k_fixtures + "wc/aaaaaaaa-py.json";
const std::string k_after = k_fixtures + "wc/bbbbbbbb-py.json";

// How long any of these runs may take; none waits on anything.
constexpr auto k_deadline = std::chrono::seconds(30);  // a hang detector with room for load

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// `result` printed nothing the runner would obey, and its stderr is one `spyglass: error:` line
// when it failed.
void expect_nothing_obeyed(const CliResult& result) {
  EXPECT_EQ(commands_the_runner_obeys(result.out), std::vector<std::string>{}) << result.out;
  EXPECT_EQ(commands_the_runner_obeys(result.err), std::vector<std::string>{}) << result.err;
}

void expect_one_error_line(const CliResult& result, const std::string& starts_with) {
  EXPECT_EQ(count_lines(result.err), 1u) << result.err;
  EXPECT_TRUE(result.err.starts_with("spyglass: error: " + starts_with)) << result.err;
  EXPECT_EQ(result.err.find('\r'), std::string::npos) << result.err;
}

CliResult timed_run(const std::vector<std::string>& args, const CliEnv& env = {}) {
  const auto started = std::chrono::steady_clock::now();
  auto result = run_cli(args, env);
  EXPECT_LT(std::chrono::steady_clock::now() - started, k_deadline);
  return result;
}

// --- 1. Workflow commands from input files ----------------------------------------------------

TEST(WorkflowCommandInjection, CompareTableObeysNothing) {
  const auto result = timed_run({"compare", k_before, k_after});
  EXPECT_EQ(result.exit_code, 1) << result.err;  // inject.time_x is 4x slower
  // The names are shown, inside a frame the runner does not read commands in.
  EXPECT_NE(result.out.find("::error title=pwned::from a benchmark name"), std::string::npos);
  EXPECT_NE(result.out.find("::stop-commands::"), std::string::npos);
  expect_nothing_obeyed(result);
}

TEST(WorkflowCommandInjection, CompareJsonCompareManyAndEnvDiffObeyNothing) {
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"compare", "--format", "json", k_before, k_after},
                                             {"compare", "--split", k_before, k_after},
                                             {"compare-many", k_before, k_after, k_before},
                                             {"env-diff", "--all-kinds", k_before, k_after}}) {
    const auto result = timed_run(args);
    EXPECT_LE(result.exit_code, 1) << args[0] << ": " << result.err;
    expect_nothing_obeyed(result);
  }
}

TEST(WorkflowCommandInjection, PrintedCommentObeysNothing) {
  const auto result = timed_run({"comment", "--print-only", "--base", k_before, "--pr", k_after});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  expect_nothing_obeyed(result);
}

TEST(WorkflowCommandInjection, ReadBackTableObeysNothing) {
  TempDir dir("spyglass-adversarial");
  const auto table = run_cli({"compare", k_before, k_after});
  const auto path = dir.write("table.md", table.out);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"parse", "--table", path}, {"comment", "--print-only", "--table", path}}) {
    const auto result = timed_run(args);
    EXPECT_EQ(result.exit_code, 0) << args[0] << ": " << result.err;
    expect_nothing_obeyed(result);
  }
}

TEST(WorkflowCommandInjection, ErrorMessageIsOneLineAndObeysNothing) {
  const auto result = timed_run({"compare", k_fixtures + "bad-column.json", k_after});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  expect_one_error_line(result, "");
  EXPECT_NE(result.err.find("\\n::error::from an error message"), std::string::npos) << result.err;
  expect_nothing_obeyed(result);
}

TEST(WorkflowCommandInjection, ActionWithoutPostingObeysOnlyItsOwnAnnotations) {
  TempDir dir("spyglass-adversarial");
  CliEnv env{{"INPUT_BASE-FILE", fixture_path("handmade/workflow-commands/wc/aaaaaaaa-py.json")},
             {"INPUT_PR-FILE", fixture_path("handmade/workflow-commands/wc/bbbbbbbb-py.json")},
             {"INPUT_POST-COMMENT", "false"},
             {"INPUT_FAIL-ON-REGRESSION", "true"},
             {"GITHUB_ACTIONS", "true"},
             {"GITHUB_OUTPUT", (dir.path() / "output").string()},
             {"GITHUB_STEP_SUMMARY", (dir.path() / "summary.md").string()},
             {"RUNNER_TEMP", dir.path().string()}};
  const auto result = timed_run({"action"}, env);
  EXPECT_EQ(result.exit_code, 1) << result.err;  // the gate: inject.time_x regressed
  for (const auto& command : commands_the_runner_obeys(result.out)) {
    EXPECT_TRUE(command.starts_with("::warning title=Benchmark regression::") ||
                command.starts_with("::error title=spyglass::"))
        << command;
  }
  EXPECT_EQ(commands_the_runner_obeys(result.err), std::vector<std::string>{}) << result.err;
}

// --- 2 and 3. The token: refused when it could inject headers, never printed ------------------

class TokenAdversarial : public ::testing::Test {
 protected:
  TokenAdversarial() : m_github(options()) {
    FakePull pull;
    pull.repo = k_repo;
    pull.number = 7;
    pull.head_sha = std::string(40, 'b');
    m_github.add_pull(pull);
  }

  static FakeGithubOptions options() {
    FakeGithubOptions options;
    options.token = k_token;
    return options;
  }

  CliEnv action_env(const std::string& token, const std::string& event = R"({"number":7})") {
    return {{"INPUT_GITHUB-TOKEN", token},
            {"INPUT_BASE-FILE", fixture_path("handmade/results/m1/11111111-e1.json")},
            {"INPUT_PR-FILE", fixture_path("handmade/results/m1/33333333-e1.json")},
            {"GITHUB_ACTIONS", "true"},
            {"GITHUB_API_URL", m_github.api_url()},
            {"GITHUB_GRAPHQL_URL", m_github.graphql_url()},
            {"GITHUB_REPOSITORY", k_repo},
            {"GITHUB_EVENT_NAME", "pull_request"},
            {"GITHUB_EVENT_PATH", m_dir.write("event.json", event)},
            {"GITHUB_OUTPUT", (m_dir.path() / "output").string()},
            {"GITHUB_STEP_SUMMARY", (m_dir.path() / "summary.md").string()},
            {"RUNNER_TEMP", m_dir.path().string()}};
  }

  // Every file the run wrote, and what it printed, joined: where a token must never be.
  std::string everything_written(const CliResult& result) const {
    std::string all = result.out + result.err;
    for (const auto& entry : std::filesystem::directory_iterator(m_dir.path())) {
      std::ifstream in(entry.path(), std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
  }

  TempDir m_dir{"spyglass-adversarial-token"};
  FakeGithub m_github;
};

TEST_F(TokenAdversarial, ATokenWithALineBreakIsRefusedBeforeAnyRequest) {
  for (const std::string& injected :
       {std::string(k_token) + "\r\nX-Injected: yes", std::string("ghs_part one"),
        std::string("ghs_tab\tafter"), std::string("\x1b[2Jghs_escape")}) {
    m_github.clear_requests();
    auto env = action_env(injected);
    env.erase("GITHUB_STEP_SUMMARY");
    const auto result = timed_run({"action"}, env);
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_EQ(count_lines(result.err), 1u) << result.err;
    EXPECT_NE(result.err.find("the GitHub token contains a line break"), std::string::npos)
        << result.err;
    EXPECT_EQ(m_github.requests().size(), 0u);
    const auto written = everything_written(result);
    EXPECT_EQ(written.find("adversarialSecret"), std::string::npos);
    EXPECT_EQ(written.find("X-Injected"), std::string::npos);
    EXPECT_EQ(written.find("ghs_part"), std::string::npos);
  }
}

TEST_F(TokenAdversarial, ATrailingLineBreakIsTrimmedAsFromEveryInput) {
  // The runner keeps a YAML block scalar's final newline; every input drops trailing white space,
  // and what is left is a well-formed token.
  const auto result = timed_run({"action"}, action_env(std::string(k_token) + "\n"));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(m_github.comments(k_repo, 7).size(), 1u);
}

TEST_F(TokenAdversarial, TheCommandLineTokenIsCheckedToo) {
  const auto result = timed_run(
      {"comment", "--token", "abc\r\nHost: evil", "--repo", k_repo, "--pr-number", "7", "--base",
       "@F/handmade/results/m1/11111111-e1.json", "--pr",
       "@F/handmade/results/m1/33333333-e1.json"},
      {{"GITHUB_API_URL", m_github.api_url()}, {"GITHUB_GRAPHQL_URL", m_github.graphql_url()}});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_EQ(result.err.find("evil"), std::string::npos) << result.err;
  EXPECT_EQ(m_github.requests().size(), 0u);
}

TEST_F(TokenAdversarial, TheTokenNeverAppearsWhereverItIsEchoed) {
  // A benchmark name that carries the token (as a fork that learned it would try to show it):
  // every line spyglass prints passes the redactor.
  const std::string name = std::string("echo.time_") + k_token;
  const auto file = m_dir.write(
      "echo.json",
      R"({"commit_hash":"cccccccc","env_name":"e","date":1,"params":{"machine":"m"},)"
      R"("python":"3","requirements":{},"result_columns":["result","params","version"],)"
      R"("results":{")" +
          name + R"(":[[0.001],[],"1"]},"durations":{},"version":2})");
  const auto result = timed_run({"compare", file, file}, {{"GITHUB_TOKEN", k_token}});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("echo.time_***"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("adversarialSecret"), std::string::npos) << result.out;
}

// A server that answers every request with the Authorization header it was sent, or a piece of
// it, in its error body.
class EchoingTransport final : public github::Transport {
 public:
  explicit EchoingTransport(std::string body_template) : m_template(std::move(body_template)) {}

  github::HttpResponse send(const github::HttpRequest& request) override {
    std::string body = m_template;
    const auto authorization = request.headers.at("authorization");
    for (auto at = body.find("{auth}"); at != std::string::npos; at = body.find("{auth}")) {
      body.replace(at, 6, authorization);
    }
    for (auto at = body.find("{prefix}"); at != std::string::npos; at = body.find("{prefix}")) {
      body.replace(at, 8, authorization.substr(7, 14));  // "Bearer " and 14 of the token
    }
    return {401, {}, body};
  }

 private:
  std::string m_template;
};

TEST(TokenRedaction, ServerBodiesEchoingTheTokenOrAPieceOfItAreRedacted) {
  for (const char* body :
       {R"({"message":"Bad credentials: {auth}"})", R"(<html>denied {auth}</html>)",
        R"({"message":"token {prefix} rejected"})", R"(denied for {prefix}...)",
        R"({"message":"Authorization: token someOtherCredential42 is revoked"})"}) {
    EchoingTransport transport(body);
    github::ApiConfig config;
    config.token = k_token;
    github::Client client(transport, config);
    try {
      client.list_comments(k_repo, 7);
      ADD_FAILURE() << "no error for " << body;
    } catch (const Error& error) {
      const std::string message = error.what();
      EXPECT_EQ(message.find("adversarialSe"), std::string::npos) << message;
      EXPECT_EQ(message.find("someOtherCredential42"), std::string::npos) << message;
      EXPECT_NE(message.find("***"), std::string::npos) << message;
    }
  }
}

// --- 4. Plain http ---------------------------------------------------------------------------

TEST_F(TokenAdversarial, PlainHttpToAnotherHostIsRefused) {
  for (const auto& [variable, url] : std::vector<std::pair<std::string, std::string>>{
           {"GITHUB_API_URL", "http://api.example.com"},
           {"GITHUB_GRAPHQL_URL", "http://127.0.0.1.example.com/graphql"},
           {"GITHUB_API_URL", "ftp://api.example.com"}}) {
    auto env = action_env(k_token);
    env[variable] = url;
    const auto result = timed_run({"action"}, env);
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_NE(result.err.find(variable + " '"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("the token is sent only over https"), std::string::npos)
        << result.err;
    EXPECT_EQ(m_github.requests().size(), 0u);
  }
}

// --- 5. Pull request numbers from the event ---------------------------------------------------

TEST_F(TokenAdversarial, EventNumbersThatAreNotPullRequestNumbersAreRefused) {
  for (const auto& [event, shown] : std::vector<std::pair<std::string, std::string>>{
           {R"({"pull_request":{"number":4294967303}})", "pull_request.number: 4294967303"},
           {R"({"pull_request":{"number":-5}})", "pull_request.number: -5"},
           {R"({"pull_request":{"number":0}})", "pull_request.number: 0"},
           {R"({"pull_request":{"number":7.5}})", "pull_request.number: 7.5"},
           {R"({"number":"7"})", "number: \"7\""},
           {R"({"pull_request":{"number":18446744073709551623}})",
            "pull_request.number: 1.8446744073709552e+19"}}) {
    const auto result = timed_run({"action"}, action_env(k_token, event));
    EXPECT_EQ(result.exit_code, 2) << event << ": " << result.err;
    EXPECT_NE(result.err.find(shown + " is not a pull request number"), std::string::npos)
        << result.err;
    for (const auto& request : m_github.requests()) {
      EXPECT_NE(request.method, "POST") << request.path;
    }
  }
}

TEST(PullRequestNumber, TheCommandLineRefusesANegativeNumber) {
  const auto result = timed_run({"comment", "--pr-number", "-5", "--base",
                                 "@F/handmade/results/m1/11111111-e1.json", "--pr",
                                 "@F/handmade/results/m1/33333333-e1.json"});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  expect_one_error_line(result, "--pr-number");
}

}  // namespace
}  // namespace spyglass::test
