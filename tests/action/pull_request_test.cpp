#include "spyglass/action/pull_request.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "spyglass/github/client.hpp"
#include "spyglass/util/error.hpp"
#include "support/fake_transport.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::action {
namespace {

TEST(ResolvePullRequest, RefusesAnEventPayloadOverTheInputLimit) {
  const test::TempDir dir;
  const std::string event =
      dir.write("event.json", R"({"pull_request": {"number": 7, "head": {"sha": "abc"}}})");
  const util::MapEnv env({{"GITHUB_EVENT_PATH", event}, {"GITHUB_EVENT_NAME", "pull_request"}});
  test::FakeTransport fake;  // no stubs: the payload is refused before any request
  github::Client client(fake, github::ApiConfig{});
  try {
    resolve_pull_request(client, "o/r", std::nullopt, 10, env);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    EXPECT_EQ(std::string(error.what()),
              event + ": is larger than the input limit (10 bytes; --max-input-size)");
  }
}

// GitHub's shape of one pull request (GET /repos/{o}/{r}/commits/{sha}/pulls lists these).
nlohmann::json pull_json(int number, const std::string& state, const std::string& head_sha) {
  return {{"number", number},
          {"node_id", "PR_kw" + std::to_string(number)},
          {"state", state},
          {"draft", false},
          {"head", {{"sha", head_sha}, {"ref", "feature"}}},
          {"base", {{"sha", "0000000"}, {"ref", "main"}}}};
}

// A push of commit `abc123`, whose open pull requests GitHub lists as `pulls`.
std::optional<int> resolve_push(const nlohmann::json& pulls) {
  const test::TempDir dir;
  const std::string event = dir.write("event.json", R"({"after": "abc123"})");
  const util::MapEnv env({{"GITHUB_EVENT_PATH", event}, {"GITHUB_EVENT_NAME", "push"}});
  test::FakeTransport fake;
  fake.stub(test::rest("GET", "/repos/o/r/commits/abc123/pulls?per_page=100"),
            test::json_response(200, pulls), "pulls of the pushed commit");
  github::Client client(fake, github::ApiConfig{});
  return resolve_pull_request(client, "o/r", std::nullopt, 1 << 20, env);
}

// GitHub also lists a pull request that once contained the commit, after its head moved on: only
// an open one whose head is the commit gets the comment.
TEST(ResolvePullRequest, APushFindsTheOpenPullRequestWhoseHeadIsTheCommit) {
  EXPECT_EQ(resolve_push(nlohmann::json::array({pull_json(5, "open", "def456"),
                                                pull_json(6, "closed", "abc123"),
                                                pull_json(7, "open", "abc123")})),
            7);
  EXPECT_EQ(resolve_push(nlohmann::json::array(
                {pull_json(5, "open", "def456"), pull_json(6, "closed", "abc123")})),
            std::nullopt);
}

}  // namespace
}  // namespace spyglass::action
