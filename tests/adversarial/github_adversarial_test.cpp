// `spyglass action` against hostile GitHub servers (the fake GitHub's hostile faults): endless
// pagination, a server that never answers, rate-limit waits past the time limit, a token that may
// not convert to draft, redirects to another port and error bodies that echo the token. Every run
// must end in bounded time with the exact exit code and a one-line error, write the summary and
// the outputs first, and never let the token out.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "support/fake_clock.hpp"
#include "support/fake_github.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/step_outputs.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

using std::chrono::seconds;

// One of asv's example result files.
std::string example_result(const std::string& name) {
  return fixture_path("asv-spyglass-upstream/asv/test/example_results/cheetah/" + name);
}

// What one run printed and left in the runner's files, and how long it took.
struct ActionRun {
  CliResult result;
  std::chrono::duration<double> elapsed{};
  std::string summary;
  std::string outputs_text;
  std::string body;
};

class GithubAdversarial : public ::testing::Test {
 protected:
  // The pull request every test comments on, and its comments' listing.
  static constexpr const char* k_repo = "octo/widgets";
  static constexpr int k_pr = 7;
  static constexpr const char* k_comments_path = "^/repos/octo/widgets/issues/7/comments$";
  // What the fake accepts, and what must never be printed.
  static constexpr const char* k_token = "ghs_adversarialSecretToken0123456789";

  GithubAdversarial() : m_github(std::make_unique<FakeGithub>(fake_options())) {
    FakePull pull;
    pull.repo = k_repo;
    pull.number = k_pr;
    m_github->add_pull(pull);
  }

  static FakeGithubOptions fake_options() {
    FakeGithubOptions options;
    options.token = k_token;
    return options;
  }

  // `spyglass action` for pull request 7 with the inputs `extra` added, as the runner sets them.
  ActionRun run_action(const CliEnv& extra = {}, util::Clock* clock = nullptr) {
    CliEnv env{
        {"INPUT_GITHUB-TOKEN", k_token},
        {"INPUT_BASE-FILE", example_result("22b920c6-py2.7-Cython-numpy1.8.json")},
        {"INPUT_PR-FILE", example_result("fcf8c079-py2.7-Cython-numpy1.8.json")},
        {"INPUT_FACTOR", "2"},
        {"GITHUB_ACTIONS", "true"},
        {"GITHUB_API_URL", m_github->api_url()},
        {"GITHUB_GRAPHQL_URL", m_github->graphql_url()},
        {"GITHUB_REPOSITORY", k_repo},
        {"GITHUB_EVENT_NAME", "pull_request"},
        {"GITHUB_EVENT_PATH",
         m_dir.write("event.json", R"({"number":7,"pull_request":{"number":7}})")},
        {"GITHUB_OUTPUT", (m_dir.path() / "github_output").string()},
        {"GITHUB_STEP_SUMMARY", (m_dir.path() / "step_summary.md").string()},
        {"RUNNER_TEMP", m_dir.path().string()},
    };
    for (const auto& [name, value] : extra) {
      env[name] = value;
    }
    ActionRun run;
    const auto start = std::chrono::steady_clock::now();
    run.result = run_cli({"action"}, env, clock);
    run.elapsed = std::chrono::steady_clock::now() - start;
    run.summary = m_dir.read("step_summary.md");
    run.outputs_text = m_dir.read("github_output");
    run.body = m_dir.read("spyglass-default.md");
    return run;
  }

  // The run failed with exit 3 and the one-line error `error`, after writing the summary and the
  // outputs, and the token is nowhere.
  static void expect_failed_after_outputs(const ActionRun& run, const std::string& error) {
    EXPECT_EQ(run.result.exit_code, 3) << run.result.err;
    EXPECT_EQ(error.find('\n'), std::string::npos) << error;
    EXPECT_EQ(run.result.err, "spyglass: error: " + error + "\n");
    EXPECT_FALSE(run.summary.empty());
    EXPECT_FALSE(run.body.empty());
    const auto outputs = parse_outputs(run.outputs_text);
    EXPECT_EQ(outputs.size(), 11u) << run.outputs_text;
    EXPECT_EQ(outputs.count("regression-detected") != 0 ? outputs.at("regression-detected") : "",
              "true");
    expect_no_token(run);
  }

  static void expect_no_token(const ActionRun& run) {
    for (const auto* text :
         {&run.result.out, &run.result.err, &run.summary, &run.outputs_text, &run.body}) {
      EXPECT_EQ(text->find(k_token), std::string::npos) << *text;
    }
  }

  int count(const std::string& method, const std::string& path) const {
    int found = 0;
    for (const auto& request : m_github->requests()) {
      found += request.method == method && request.path == path ? 1 : 0;
    }
    return found;
  }

  TempDir m_dir{"spyglass-adversarial"};
  std::unique_ptr<FakeGithub> m_github;
};

// Issue 10, item 9: a `Link: rel="next"` to a new page every time was followed forever.
TEST_F(GithubAdversarial, EndlessPaginationStopsAtTheCap) {
  m_github->push_fault(Fault::endless_pages().on("GET", k_comments_path));
  const auto run = run_action();
  expect_failed_after_outputs(
      run,
      "GitHub API: GET /repos/octo/widgets/issues/7/comments?per_page=100: more than 100 pages "
      "(the most spyglass reads); refusing to follow the next page");
  EXPECT_EQ(count("GET", "/repos/octo/widgets/issues/7/comments"), 100);
  EXPECT_LT(run.elapsed, seconds(60));
}

// Issue 10, item 10: a server that accepts and never answers held each request for 30 s, five
// times over. The whole GitHub phase now ends at github-timeout, and the fake stops at once.
TEST_F(GithubAdversarial, SilentServerEndsAtTheGithubTimeout) {
  m_github->push_fault(Fault::silent());
  const auto run = run_action({{"INPUT_GITHUB-TIMEOUT", "1.5"}});
  EXPECT_EQ(run.result.exit_code, 3) << run.result.err;
  const std::string prefix =
      "spyglass: error: GitHub API: GET /repos/octo/widgets/issues/7/comments?per_page=100: gave "
      "up after a transport error (";
  EXPECT_TRUE(run.result.err.starts_with(prefix)) << run.result.err;
  // The backoff after the timeout is 1 s plus up to 25% jitter.
  EXPECT_NE(run.result.err.find("s more would pass the 1.5 s time limit for GitHub requests\n"),
            std::string::npos)
      << run.result.err;
  const std::string error_prefix = "spyglass: error: ";
  expect_failed_after_outputs(
      run,
      run.result.err.substr(error_prefix.size(), run.result.err.size() - error_prefix.size() - 1));
  // Without the time limit it took 5 x 30 s; the upper bound leaves a loaded machine room.
  EXPECT_GE(run.elapsed, std::chrono::milliseconds(1400));
  EXPECT_LT(run.elapsed, seconds(20));
  EXPECT_EQ(count("GET", "/repos/octo/widgets/issues/7/comments"), 1);

  const auto stopping = std::chrono::steady_clock::now();
  m_github.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - stopping, seconds(10));
}

// Issue 10, item 10: rate-limit waits (retry-after, reset) went on past any sensible time; a wait
// longer than what is left of github-timeout is not started.
TEST_F(GithubAdversarial, RateLimitWaitPastTheGithubTimeoutIsNotStarted) {
  m_github->push_fault(Fault::retry_after(429, 100).on("GET", k_comments_path));
  FakeClock clock;
  const auto run = run_action({{"INPUT_GITHUB-TIMEOUT", "30"}}, &clock);
  expect_failed_after_outputs(
      run,
      "GitHub API: GET /repos/octo/widgets/issues/7/comments?per_page=100: gave up after 429: "
      "waiting 100.0 s more would pass the 30.0 s time limit for GitHub requests");
  EXPECT_TRUE(clock.sleeps().empty());
  EXPECT_EQ(count("GET", "/repos/octo/widgets/issues/7/comments"), 1);
}

TEST_F(GithubAdversarial, RateLimitWaitWithinTheGithubTimeoutIsWaited) {
  m_github->push_fault(Fault::retry_after(429, 10).on("GET", k_comments_path));
  FakeClock clock;
  const auto run = run_action({{"INPUT_GITHUB-TIMEOUT", "30"}}, &clock);
  EXPECT_EQ(run.result.exit_code, 0) << run.result.err;
  EXPECT_EQ(clock.sleeps(), std::vector<std::chrono::milliseconds>{seconds(10)});
  expect_no_token(run);
}

// Issue 10, item 11: a token that may post but not convert to draft failed the step after
// posting, without outputs. Now it warns, as a read-only token does for the comment.
class DraftPermission : public GithubAdversarial, public ::testing::WithParamInterface<Fault> {};

TEST_P(DraftPermission, MissingPermissionWarnsAndWritesOutputs) {
  m_github->push_fault(GetParam().on("POST", "^/graphql$"));
  const auto run = run_action({{"INPUT_DRAFT-ON-REGRESSION", "true"}});
  EXPECT_EQ(run.result.exit_code, 0) << run.result.err;
  EXPECT_EQ(run.result.err,
            "spyglass: warning: the token may not convert pull request #7 to a draft (it needs "
            "pull-requests: write); it was left as it is\n");
  EXPECT_FALSE(m_github->pull(k_repo, k_pr)->draft);
  const auto comments = m_github->comments(k_repo, k_pr);
  ASSERT_EQ(comments.size(), 1u);
  const auto outputs = parse_outputs(run.outputs_text);
  EXPECT_EQ(outputs.at("comment-id"), std::to_string(comments[0].id));
  EXPECT_EQ(outputs.at("pr-number"), "7");
  EXPECT_EQ(outputs.at("regression-detected"), "true");
  EXPECT_EQ(count("POST", "/graphql"), 1);
  expect_no_token(run);
}

INSTANTIATE_TEST_SUITE_P(
    BothShapes, DraftPermission,
    ::testing::Values(Fault::graphql_error("Resource not accessible by integration"),
                      Fault::refuse(403, "Resource not accessible by integration")),
    [](const ::testing::TestParamInfo<Fault>& shape) {
      return shape.param.kind == FaultKind::k_graphql_error ? "GraphqlErrorsWith200" : "Http403";
    });

// Issue 10, item 12: a redirect to another port must not be followed, so that server never sees
// the token (curl is told not to follow; the client reports the 3xx).
TEST_F(GithubAdversarial, RedirectToAnotherPortIsNotFollowed) {
  for (const int status : {301, 302, 307}) {
    FakeGithub elsewhere(fake_options());
    m_github->push_fault(Fault::redirect(status, elsewhere.api_url()).on("GET", k_comments_path));
    const auto run = run_action();
    expect_failed_after_outputs(
        run, "GitHub API: GET /repos/octo/widgets/issues/7/comments?per_page=100: " +
                 std::to_string(status) + " " +
                 (status == 301   ? "Moved Permanently"
                  : status == 302 ? "Found"
                                  : "Temporary Redirect"));
    EXPECT_TRUE(elsewhere.requests().empty()) << status;
  }
}

// Issue 10, item 12: an error body that quotes the Authorization header, as JSON or as text.
TEST_F(GithubAdversarial, EchoedAuthorizationIsRedacted) {
  m_github->push_fault(Fault::echo_authorization(401).on("GET", k_comments_path));
  expect_failed_after_outputs(run_action(),
                              "GitHub API: GET /repos/octo/widgets/issues/7/comments?per_page=100: "
                              "401 Bad credentials (Authorization: Bearer ***)");
  m_github->push_fault(Fault::echo_authorization_text(403).on("GET", k_comments_path));
  expect_failed_after_outputs(run_action(),
                              "GitHub API: GET /repos/octo/widgets/issues/7/comments?per_page=100: "
                              "403 Error Authorization: Bearer ***");
}

}  // namespace
}  // namespace spyglass::test
