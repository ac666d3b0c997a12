// The fake GitHub itself, over raw HTTP: the shapes, statuses and headers the client tests rely
// on, the scripted faults and the request record.
#include "support/fake_github.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "spyglass/github/curl_transport.hpp"

namespace spyglass::test {
namespace {

using github::HttpResponse;
using nlohmann::json;

constexpr const char* k_repo = "octo/widgets";
constexpr const char* k_comments = "/repos/octo/widgets/issues/7/comments";

// Pull request `number` of k_repo, open, not a draft.
FakePull pull_request(int number) {
  FakePull pull;
  pull.repo = k_repo;
  pull.number = number;
  return pull;
}

class FakeGithubServer : public ::testing::Test {
 protected:
  FakeGithubServer() { m_github.add_pull(pull_request(7)); }

  // `method` `path` (with any query) with the fake's token, or `authorization` when given.
  HttpResponse send(const std::string& method, const std::string& path,
                    const std::string& body = "",
                    const std::string& authorization = "Bearer fake-token") {
    github::HttpRequest request{method, m_github.api_url() + path, {}, body};
    if (!authorization.empty()) {
      request.headers["authorization"] = authorization;
    }
    request.headers["user-agent"] = "fake-github-test";
    if (!body.empty()) {
      request.headers["content-type"] = "application/json";
    }
    return m_transport.send(request);
  }

  HttpResponse post_comment(const std::string& body) {
    return send("POST", k_comments, json{{"body", body}}.dump());
  }

  FakeGithub m_github;
  github::CurlTransport m_transport{std::chrono::seconds(2), std::chrono::seconds(5)};
};

TEST_F(FakeGithubServer, RefusesRequestsWithoutTheToken) {
  for (const std::string authorization : {"", "Bearer wrong", "Basic fake-token"}) {
    const auto response = send("GET", k_comments, "", authorization);
    EXPECT_EQ(response.status, 401) << authorization;
    EXPECT_EQ(json::parse(response.body)["message"], "Bad credentials") << authorization;
  }
  EXPECT_EQ(send("GET", k_comments, "", "token fake-token").status, 200);
}

TEST_F(FakeGithubServer, SendsRateLimitHeadersOnEveryResponse) {
  for (const auto& response : {send("GET", k_comments), send("GET", k_comments, "", ""),
                               send("GET", "/repos/octo/widgets/pulls/99")}) {
    EXPECT_EQ(response.header("x-ratelimit-limit"), "5000");
    EXPECT_FALSE(response.header("x-ratelimit-remaining").empty());
    EXPECT_FALSE(response.header("x-ratelimit-reset").empty());
    EXPECT_EQ(response.header("x-ratelimit-resource"), "core");
  }
}

TEST_F(FakeGithubServer, CreatesACommentWithGitHubsShape) {
  const auto response = post_comment("hello");
  ASSERT_EQ(response.status, 201) << response.body;
  const json comment = json::parse(response.body);
  EXPECT_GT(comment["id"].get<std::int64_t>(), std::int64_t{1} << 31);
  EXPECT_EQ(comment["body"], "hello");
  EXPECT_EQ(comment["user"]["login"], "github-actions[bot]");
  EXPECT_EQ(comment["user"]["type"], "Bot");
  EXPECT_TRUE(comment["node_id"].get<std::string>().starts_with("IC_"));
  const std::string id = std::to_string(comment["id"].get<std::int64_t>());
  EXPECT_EQ(comment["html_url"], "https://github.com/octo/widgets/pull/7#issuecomment-" + id);
  EXPECT_EQ(response.header("location"),
            m_github.api_url() + "/repos/octo/widgets/issues/comments/" + id);
  for (const char* field : {"url", "issue_url", "created_at", "updated_at", "author_association"}) {
    EXPECT_TRUE(comment.contains(field)) << field;
  }
}

TEST_F(FakeGithubServer, UpdatesAndDeletesComments) {
  const std::int64_t id = m_github.add_comment(k_repo, 7, "someone", "before");
  const std::string path = "/repos/octo/widgets/issues/comments/" + std::to_string(id);
  const auto patched = send("PATCH", path, R"({"body":"after"})");
  ASSERT_EQ(patched.status, 200);
  EXPECT_EQ(json::parse(patched.body)["body"], "after");
  EXPECT_EQ(m_github.comments(k_repo, 7).at(0).body, "after");

  const auto deleted = send("DELETE", path);
  EXPECT_EQ(deleted.status, 204);
  EXPECT_EQ(deleted.body, "");
  EXPECT_TRUE(m_github.comments(k_repo, 7).empty());
  EXPECT_EQ(send("DELETE", path).status, 404);
  EXPECT_EQ(send("PATCH", path, R"({"body":"again"})").status, 404);
}

TEST_F(FakeGithubServer, PaginatesWithLinkHeadersOnlyWhileMorePagesExist) {
  m_github.seed_comments(k_repo, 7, 250);
  const auto first = send("GET", std::string(k_comments) + "?per_page=100");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(json::parse(first.body).size(), 100u);
  const std::string base = m_github.api_url() + "/repositories/700000001/issues/7/comments";
  EXPECT_EQ(first.header("link"), "<" + base + "?per_page=100&page=2>; rel=\"next\", <" + base +
                                      "?per_page=100&page=3>; rel=\"last\"");

  // The link is followed verbatim, as clients do.
  const auto second = send("GET", "/repositories/700000001/issues/7/comments?per_page=100&page=2");
  EXPECT_EQ(json::parse(second.body).front()["body"], "comment 100");
  const auto last = send("GET", std::string(k_comments) + "?per_page=100&page=3");
  const json last_items = json::parse(last.body);
  EXPECT_EQ(last_items.size(), 50u);
  EXPECT_EQ(last_items.back()["body"], "comment 249");
  EXPECT_EQ(last.header("link").find("rel=\"next\""), std::string::npos) << last.header("link");
  EXPECT_NE(last.header("link").find("rel=\"prev\""), std::string::npos);
}

TEST_F(FakeGithubServer, DefaultsToThirtyPerPageAndCapsAtOneHundred) {
  m_github.seed_comments(k_repo, 7, 150);
  EXPECT_EQ(json::parse(send("GET", k_comments).body).size(), 30u);
  EXPECT_EQ(json::parse(send("GET", std::string(k_comments) + "?per_page=500").body).size(), 100u);
  const auto single = send("GET", std::string(k_comments) + "?per_page=150");
  EXPECT_NE(single.header("link").find("page=2>; rel=\"next\""), std::string::npos);
}

TEST_F(FakeGithubServer, SendsNoLinkWhenOnePageHoldsEverything) {
  m_github.seed_comments(k_repo, 7, 100);
  const auto response = send("GET", std::string(k_comments) + "?per_page=100");
  EXPECT_EQ(json::parse(response.body).size(), 100u);
  EXPECT_EQ(response.header("link"), "");
}

TEST_F(FakeGithubServer, RefusesBodiesOverTheLimitInCharacters) {
  const auto refused = post_comment(std::string(k_max_comment_chars + 1, 'x'));
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(json::parse(refused.body), json::parse(R"json({"message": "Validation Failed",
    "errors": [{"resource": "IssueComment", "code": "custom", "field": "body",
                "message": "body is too long (maximum is 65536 characters)"}],
    "documentation_url": "https://docs.github.com/rest"})json"));
  EXPECT_EQ(post_comment(std::string(k_max_comment_chars, 'x')).status, 201);
  // 65,536 two-byte characters are 131,072 bytes but within the limit.
  std::string accents;
  for (std::size_t i = 0; i < k_max_comment_chars; ++i) {
    accents += "\xC3\xA9";
  }
  EXPECT_EQ(post_comment(accents).status, 201);
}

TEST_F(FakeGithubServer, RefusesMalformedWrites) {
  EXPECT_EQ(send("POST", k_comments, "{not json").status, 400);
  EXPECT_EQ(send("POST", k_comments, R"({"text":"x"})").status, 422);
  EXPECT_EQ(send("POST", "/repos/octo/widgets/issues/8/comments", R"({"body":"x"})").status, 404);
}

TEST_F(FakeGithubServer, ReadOnlyTokenMayReadButNotWrite) {
  const std::int64_t id = m_github.add_comment(k_repo, 7, "someone", "text");
  m_github.set_read_only(true);
  EXPECT_EQ(send("GET", k_comments).status, 200);
  const auto refused = post_comment("hello");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(json::parse(refused.body)["message"], "Resource not accessible by integration");
  const std::string path = "/repos/octo/widgets/issues/comments/" + std::to_string(id);
  EXPECT_EQ(send("PATCH", path, R"({"body":"x"})").status, 403);
  EXPECT_EQ(send("DELETE", path).status, 403);
  EXPECT_EQ(m_github.comments(k_repo, 7).size(), 1u);
}

TEST_F(FakeGithubServer, ServesPullsAndThePullsOfACommit) {
  FakePull closed = pull_request(8);
  closed.state = "closed";
  closed.head_sha = "abc123";
  closed.head_repo = "fork/widgets";
  const FakePull other = m_github.add_pull(closed);
  const auto pull = json::parse(send("GET", "/repos/octo/widgets/pulls/8").body);
  EXPECT_EQ(pull["number"], 8);
  EXPECT_EQ(pull["node_id"], other.node_id);
  EXPECT_EQ(pull["state"], "closed");
  EXPECT_EQ(pull["draft"], false);
  EXPECT_EQ(pull["head"]["sha"], "abc123");
  EXPECT_EQ(pull["head"]["repo"]["full_name"], "fork/widgets");
  EXPECT_EQ(pull["head"]["repo"]["fork"], true);
  EXPECT_EQ(pull["base"]["repo"]["full_name"], k_repo);

  const auto pulls = json::parse(send("GET", "/repos/octo/widgets/commits/abc123/pulls").body);
  ASSERT_EQ(pulls.size(), 1u);
  EXPECT_EQ(pulls[0]["number"], 8);
  EXPECT_TRUE(json::parse(send("GET", "/repos/octo/widgets/commits/fff/pulls").body).empty());
  EXPECT_EQ(send("GET", "/repos/octo/widgets/pulls/9").status, 404);
}

TEST_F(FakeGithubServer, UserEndpointRefusesTheActionsToken) {
  const auto refused = send("GET", "/user");
  EXPECT_EQ(refused.status, 403);
  FakeGithubOptions options;
  options.login = "octocat";
  options.user_endpoint = true;
  FakeGithub pat(options);
  github::CurlTransport transport;
  const auto user = transport.send(
      {"GET", pat.api_url() + "/user", {{"authorization", "Bearer fake-token"}}, ""});
  EXPECT_EQ(json::parse(user.body)["login"], "octocat");
}

TEST_F(FakeGithubServer, ServesGitHubEnterprisePrefixes) {
  EXPECT_EQ(send("GET", std::string("/api/v3") + k_comments).status, 200);
  EXPECT_EQ(send("POST", "/api/graphql", R"({"query":"query { viewer { login } }"})").status, 200);
}

TEST_F(FakeGithubServer, ConvertsAPullToDraft) {
  const FakePull pull = m_github.pull(k_repo, 7).value();
  const json request = {{"query",
                         "mutation($id:ID!){ convertPullRequestToDraft(input:{pullRequestId:$id}){ "
                         "pullRequest{ id number isDraft } } }"},
                        {"variables", {{"id", pull.node_id}}}};
  const auto response = send("POST", "/graphql", request.dump());
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(
      json::parse(response.body),
      (json{{"data",
             {{"convertPullRequestToDraft",
               {{"pullRequest", {{"id", pull.node_id}, {"number", 7}, {"isDraft", true}}}}}}}}));
  EXPECT_TRUE(m_github.pull(k_repo, 7)->draft);
  EXPECT_EQ(response.header("x-ratelimit-resource"), "graphql");
}

TEST_F(FakeGithubServer, MinimizesCommentsUnderAliases) {
  const std::int64_t first = m_github.add_comment(k_repo, 7, "github-actions[bot]", "a");
  const std::int64_t second = m_github.add_comment(k_repo, 7, "github-actions[bot]", "b");
  const json request = {
      {"query",
       "mutation($a:ID!,$b:ID!){ m0: minimizeComment(input:{subjectId:$a, classifier:OUTDATED}){ "
       "minimizedComment{ isMinimized } } m1: minimizeComment(input:{subjectId:$b, "
       "classifier:OUTDATED}){ minimizedComment{ isMinimized } } }"},
      {"variables",
       {{"a", "IC_kwDOfake" + std::to_string(first)},
        {"b", "IC_kwDOfake" + std::to_string(second)}}}};
  const json answer = json::parse(send("POST", "/graphql", request.dump()).body);
  EXPECT_EQ(answer["data"]["m0"]["minimizedComment"]["isMinimized"], true);
  EXPECT_EQ(answer["data"]["m1"]["minimizedComment"]["minimizedReason"], "outdated");
  EXPECT_FALSE(answer.contains("errors"));
  for (const auto& comment : m_github.comments(k_repo, 7)) {
    EXPECT_TRUE(comment.minimized);
    EXPECT_EQ(comment.minimized_reason, "outdated");
  }
}

TEST_F(FakeGithubServer, AnswersGraphqlMistakesWithAnErrorsArray) {
  const auto errors_of = [&](const std::string& query, const json& variables) {
    const auto response =
        send("POST", "/graphql", json{{"query", query}, {"variables", variables}}.dump());
    EXPECT_EQ(response.status, 200);
    return json::parse(response.body)["errors"];
  };
  EXPECT_EQ(
      errors_of("mutation { mergePullRequest(input:{pullRequestId:\"x\"}){ clientMutationId } }",
                json::object())[0]["message"],
      "Field 'mergePullRequest' doesn't exist on type 'Mutation'");
  const json missing = errors_of(
      "mutation($id:ID!){ convertPullRequestToDraft(input:{pullRequestId:$id}){ clientMutationId } "
      "}",
      {{"id", "PR_nope"}});
  EXPECT_EQ(missing[0]["message"], "Could not resolve to a node with the global id of 'PR_nope'.");
  EXPECT_EQ(missing[0]["type"], "NOT_FOUND");
  EXPECT_EQ(missing[0]["path"], json::array({"convertPullRequestToDraft"}));
  const std::int64_t id = m_github.add_comment(k_repo, 7, "x", "y");
  EXPECT_EQ(errors_of("mutation($id:ID!){ minimizeComment(input:{subjectId:$id, classifier:OLD}){ "
                      "clientMutationId } }",
                      {{"id", "IC_kwDOfake" + std::to_string(id)}})[0]["type"],
            "INVALID_ARGUMENT");
}

TEST_F(FakeGithubServer, ReadOnlyTokenMayNotMutate) {
  m_github.set_read_only(true);
  const json request = {{"query",
                         "mutation($id:ID!){ convertPullRequestToDraft(input:{pullRequestId:$id}){ "
                         "clientMutationId } }"},
                        {"variables", {{"id", m_github.pull(k_repo, 7)->node_id}}}};
  const json answer = json::parse(send("POST", "/graphql", request.dump()).body);
  EXPECT_EQ(answer["errors"][0]["type"], "FORBIDDEN");
  EXPECT_EQ(answer["errors"][0]["message"], "Resource not accessible by integration");
  EXPECT_TRUE(answer["data"]["convertPullRequestToDraft"].is_null());
  EXPECT_FALSE(m_github.pull(k_repo, 7)->draft);
}

TEST_F(FakeGithubServer, GraphqlNeedsTheTokenToo) {
  EXPECT_EQ(send("POST", "/graphql", R"({"query":"{ viewer { login } }"})", "").status, 401);
}

TEST_F(FakeGithubServer, RecordsEveryRequest) {
  post_comment("recorded");
  send("GET", std::string(k_comments) + "?per_page=100&page=1");
  const auto requests = m_github.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].path, k_comments);
  EXPECT_EQ(json::parse(requests[0].body)["body"], "recorded");
  EXPECT_EQ(requests[0].headers.at("authorization"), "Bearer fake-token");
  EXPECT_EQ(requests[0].headers.at("user-agent"), "fake-github-test");
  EXPECT_EQ(requests[0].status, 201);
  EXPECT_EQ(requests[1].query,
            (std::map<std::string, std::string>{{"page", "1"}, {"per_page", "100"}}));
  m_github.clear_requests();
  EXPECT_TRUE(m_github.requests().empty());
}

TEST_F(FakeGithubServer, ServerErrorBurstsAffectOnlyMatchingRequests) {
  m_github.push_fault(Fault::server_errors(2, 503).on("POST", "/comments$"));
  EXPECT_EQ(send("GET", k_comments).status, 200);
  EXPECT_EQ(post_comment("a").status, 503);
  EXPECT_EQ(m_github.pending_faults(), 1);
  EXPECT_EQ(post_comment("b").status, 503);
  EXPECT_EQ(post_comment("c").status, 201);
  EXPECT_EQ(m_github.pending_faults(), 0);
  ASSERT_EQ(m_github.comments(k_repo, 7).size(), 1u);
  EXPECT_EQ(m_github.comments(k_repo, 7)[0].body, "c");
}

TEST_F(FakeGithubServer, FaultsApplyInQueueOrder) {
  m_github.push_fault(Fault::server_errors(1, 500));
  m_github.push_fault(Fault::retry_after(429, 7));
  m_github.push_fault(Fault::rate_limit_exhausted(1'700'000'123));
  m_github.push_fault(Fault::body_too_long());

  EXPECT_EQ(send("GET", k_comments).status, 500);
  const auto secondary = send("GET", k_comments);
  EXPECT_EQ(secondary.status, 429);
  EXPECT_EQ(secondary.header("retry-after"), "7");
  EXPECT_NE(json::parse(secondary.body)["message"].get<std::string>().find("secondary rate limit"),
            std::string::npos);
  const auto primary = send("GET", k_comments);
  EXPECT_EQ(primary.status, 403);
  EXPECT_EQ(primary.header("x-ratelimit-remaining"), "0");
  EXPECT_EQ(primary.header("x-ratelimit-reset"), "1700000123");
  const auto too_long = post_comment("short");
  EXPECT_EQ(too_long.status, 422);
  EXPECT_NE(too_long.body.find("body is too long"), std::string::npos);
  EXPECT_EQ(send("GET", k_comments).status, 200);
  EXPECT_TRUE(m_github.comments(k_repo, 7).empty());
}

TEST_F(FakeGithubServer, SlowResponsesArriveLate) {
  m_github.push_fault(Fault::slow(std::chrono::milliseconds(300)));
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(send("GET", k_comments).status, 200);
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(300));
}

TEST_F(FakeGithubServer, DroppedConnectionsGetNoResponse) {
  m_github.push_fault(Fault::drop().on("POST", ""));
  EXPECT_THROW(post_comment("lost"), github::TransportError);
  EXPECT_TRUE(m_github.comments(k_repo, 7).empty());
  EXPECT_EQ(post_comment("kept").status, 201);
  const auto requests = m_github.requests();
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.front().status, 0);
}

TEST_F(FakeGithubServer, LostResponsesStillApplyTheWrite) {
  m_github.push_fault(Fault::drop_after_handling().on("POST", ""));
  EXPECT_THROW(post_comment("applied"), github::TransportError);
  ASSERT_EQ(m_github.comments(k_repo, 7).size(), 1u);
  EXPECT_EQ(m_github.comments(k_repo, 7)[0].body, "applied");
  EXPECT_EQ(m_github.requests().at(0).status, 0);
}

TEST_F(FakeGithubServer, RendezvousHoldsRequestsUntilAllArrive) {
  m_github.push_fault(Fault::rendezvous(2).on("POST", ""));
  std::vector<int> statuses(2);
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      github::CurlTransport transport;
      statuses[i] = transport
                        .send({"POST",
                               m_github.api_url() + k_comments,
                               {{"authorization", "Bearer fake-token"}},
                               json{{"body", "racer " + std::to_string(i)}}.dump()})
                        .status;
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(statuses, (std::vector<int>{201, 201}));
  EXPECT_EQ(m_github.comments(k_repo, 7).size(), 2u);
}

TEST_F(FakeGithubServer, ServesClientsOnSeveralThreadsAtOnce) {
  constexpr int k_threads = 4;
  constexpr int k_each = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t] {
      github::CurlTransport transport;
      for (int i = 0; i < k_each; ++i) {
        transport.send({"POST",
                        m_github.api_url() + k_comments,
                        {{"authorization", "Bearer fake-token"}},
                        json{{"body", std::to_string(t) + "-" + std::to_string(i)}}.dump()});
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  const auto comments = m_github.comments(k_repo, 7);
  ASSERT_EQ(comments.size(), static_cast<std::size_t>(k_threads * k_each));
  std::set<std::int64_t> ids;
  for (const auto& comment : comments) {
    ids.insert(comment.id);
  }
  EXPECT_EQ(ids.size(), comments.size());
  EXPECT_EQ(m_github.requests().size(), comments.size());
}

}  // namespace
}  // namespace spyglass::test
