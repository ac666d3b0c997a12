#include "spyglass/github/client.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spyglass/github/api_error.hpp"
#include "support/fake_transport.hpp"

namespace spyglass::github {
namespace {

using nlohmann::json;
using test::FakeTransport;
using test::graphql;
using test::json_response;
using test::rest;
using test::text_response;
using test::transport_error;
using ::testing::ElementsAre;
using ::testing::MatchesRegex;

constexpr const char* k_token = "ghs_S3cretT0kenValue";

json comment_json(std::int64_t id, const std::string& login, const std::string& body) {
  return {{"id", id},
          {"node_id", "IC_" + std::to_string(id)},
          {"body", body},
          {"user", {{"login", login}, {"type", "User"}}},
          {"html_url", "https://github.com/o/r/pull/5#issuecomment-" + std::to_string(id)},
          {"created_at", "2024-01-01T00:00:00Z"}};
}

json pull_json(int number, bool draft) {
  return {{"number", number},
          {"node_id", "PR_kw" + std::to_string(number)},
          {"state", "open"},
          {"draft", draft},
          {"head", {{"sha", "abc123"}, {"ref", "feature"}}},
          {"base", {{"sha", "def456"}, {"ref", "main"}}}};
}

// A client over a fake transport that keeps the lines it logs.
struct Harness {
  explicit Harness(ApiConfig config = with_token())
      : client(fake, std::move(config), [this](const std::string& line) { log.push_back(line); }) {}

  static ApiConfig with_token() {
    ApiConfig config;
    config.token = k_token;
    config.user_agent = "spyglass/0.1.0";
    return config;
  }

  // The ApiError that `call` throws; fails the test when it throws none.
  template <typename Call>
  ApiError api_error(Call call) {
    try {
      call();
    } catch (const ApiError& e) {
      return e;
    }
    ADD_FAILURE() << "expected an ApiError";
    return ApiError(0, "", "");
  }

  FakeTransport fake;
  std::vector<std::string> log;
  Client client;
};

TEST(GitHubClient, SendsGitHubsHeadersAndTheToken) {
  Harness h;
  h.fake.stub(rest("GET", "/repos/o/r/pulls/5"), json_response(200, pull_json(5, false)), "pull");
  h.client.get_pull("o/r", 5);
  ASSERT_EQ(h.fake.requests().size(), 1u);
  const HttpRequest& request = h.fake.requests()[0];
  EXPECT_EQ(request.url, "https://api.github.com/repos/o/r/pulls/5");
  EXPECT_EQ(request.headers, (Headers{{"accept", "application/vnd.github+json"},
                                      {"authorization", std::string("Bearer ") + k_token},
                                      {"user-agent", "spyglass/0.1.0"},
                                      {"x-github-api-version", "2022-11-28"}}));
  EXPECT_EQ(request.body, "");
}

TEST(GitHubClient, SendsNoAuthorizationWithoutAToken) {
  Harness h(ApiConfig{});
  h.fake.stub(rest("GET", "/repos/o/r/pulls/5"), json_response(200, pull_json(5, false)), "pull");
  h.client.get_pull("o/r", 5);
  EXPECT_EQ(h.fake.requests()[0].headers.count("authorization"), 0u);
  EXPECT_EQ(h.fake.requests()[0].headers.at("user-agent"), "spyglass");
}

TEST(GitHubClient, UsesTheEnterpriseServerUrls) {
  ApiConfig config = Harness::with_token();
  config.api_url = "https://ghe.example.com/api/v3/";
  config.graphql_url = "https://ghe.example.com/api/graphql";
  Harness h(config);
  h.fake.stub(rest("GET", "https://ghe.example.com/api/v3/repos/o/r/pulls/5"),
              json_response(200, pull_json(5, false)), "pull");
  h.fake.stub(rest("POST", "https://ghe.example.com/api/graphql"),
              json_response(200, {{"data", {{"ok", true}}}}), "graphql");
  h.client.get_pull("o/r", 5);
  h.client.graphql("query { ok }", nullptr);
  EXPECT_TRUE(h.fake.verify());
  for (const HttpRequest& request : h.fake.requests()) {
    EXPECT_EQ(request.headers.at("authorization"), std::string("Bearer ") + k_token);
  }
  EXPECT_THAT(h.log,
              ElementsAre(MatchesRegex(R"(GET /api/v3/repos/o/r/pulls/5 -> 200 \([0-9]+ ms\))"),
                          MatchesRegex(R"(POST /api/graphql -> 200 \([0-9]+ ms\))")));
}

TEST(GitHubClient, ListsCommentsAcrossThreePages) {
  Harness h;
  auto page = [](int first, int count) {
    json items = json::array();
    for (int id = first; id < first + count; ++id) {
      items.push_back(comment_json(id, id == 249 ? "github-actions[bot]" : "someone", "c"));
    }
    return items;
  };
  const std::string base = "https://api.github.com/repositories/42/issues/5/comments?per_page=100";
  h.fake.stub(rest("GET", "/repos/o/r/issues/5/comments?per_page=100"),
              json_response(200, page(0, 100),
                            {{"link", "<" + base + "&page=2>; rel=\"next\", <" + base +
                                          "&page=3>; rel=\"last\""}}),
              "page 1");
  h.fake.stub(
      rest("GET", base + "&page=2"),
      json_response(
          200, page(100, 100),
          {{"link", "<" + base + "&page=1>; rel=\"prev\", <" + base + "&page=3>; rel=\"next\", <" +
                        base + "&page=3>; rel=\"last\", <" + base + "&page=1>; rel=\"first\""}}),
      "page 2");
  h.fake.stub(rest("GET", base + "&page=3"),
              json_response(200, page(200, 50),
                            {{"link", "<" + base + "&page=2>; rel=\"prev\", <" + base +
                                          "&page=1>; rel=\"first\""}}),
              "page 3");

  std::vector<IssueComment> comments = h.client.list_comments("o/r", 5);

  ASSERT_EQ(comments.size(), 250u);
  for (int i = 0; i < 250; ++i) {
    ASSERT_EQ(comments[i].id, i) << i;
  }
  EXPECT_EQ(comments[249].author, "github-actions[bot]");
  EXPECT_EQ(h.fake.requests().size(), 3u);
  EXPECT_TRUE(h.fake.verify());
  EXPECT_THAT(
      h.log,
      ElementsAre(
          MatchesRegex(R"(GET /repos/o/r/issues/5/comments\?per_page=100 -> 200 \([0-9]+ ms\))"),
          MatchesRegex(
              R"(GET /repositories/42/issues/5/comments\?per_page=100&page=2 -> 200 \([0-9]+ ms\))"),
          MatchesRegex(
              R"(GET /repositories/42/issues/5/comments\?per_page=100&page=3 -> 200 \([0-9]+ ms\))")));
}

TEST(GitHubClient, RefusesANextPageOnAnotherHost) {
  Harness h;
  h.fake.stub(rest("GET", "/repos/o/r/issues/5/comments"),
              json_response(200, json::array({comment_json(1, "a", "x")}),
                            {{"link", "<https://evil.example/steal?page=2>; rel=\"next\""}}),
              "page 1 pointing elsewhere");
  h.fake.exclude(rest("GET", "https://evil.example/steal?page=2"), "the foreign page");
  try {
    h.client.list_comments("o/r", 5);
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::k_github_api);
    EXPECT_STREQ(e.what(),
                 "GitHub API: GET /repos/o/r/issues/5/comments?per_page=100: the next page is on "
                 "another host (https://evil.example); refusing to follow it");
  }
  ASSERT_EQ(h.fake.requests().size(), 1u);
  EXPECT_TRUE(h.fake.verify());
}

TEST(GitHubClient, RefusesANextPageOverPlainHttp) {
  Harness h;
  h.fake.stub(rest("GET", "/repos/o/r/issues/5/comments"),
              json_response(200, json::array(),
                            {{"link", "<http://api.github.com/x?page=2>; rel=\"next\""}}),
              "page 1 downgrading to http");
  EXPECT_THROW(h.client.list_comments("o/r", 5), Error);
  EXPECT_EQ(h.fake.requests().size(), 1u);
}

TEST(GitHubClient, RefusesANextPageLinkThatLoops) {
  Harness h;
  h.fake.stub(rest("GET", "/repos/o/r/issues/5/comments"),
              json_response(200, json::array(),
                            {{"link",
                              "<https://api.github.com/repos/o/r/issues/5/comments?per_page=100>; "
                              "rel=\"next\""}}),
              "page 1 pointing at itself");
  try {
    h.client.list_comments("o/r", 5);
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "GitHub API: GET /repos/o/r/issues/5/comments?per_page=100: the next page link "
                 "loops back to /repos/o/r/issues/5/comments?per_page=100");
  }
}

TEST(GitHubClient, ReadsCommentFieldsAndANullUser) {
  Harness h;
  json ghost = comment_json(7, "x", "<!-- spyglass:default -->\nbody");
  ghost["user"] = nullptr;
  h.fake.stub(rest("GET", "/repos/o/r/issues/5/comments"),
              json_response(200, json::array({comment_json(6, "octocat", "hi"), ghost})),
              "two comments");
  std::vector<IssueComment> comments = h.client.list_comments("o/r", 5);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].id, 6);
  EXPECT_EQ(comments[0].node_id, "IC_6");
  EXPECT_EQ(comments[0].body, "hi");
  EXPECT_EQ(comments[0].author, "octocat");
  EXPECT_EQ(comments[0].html_url, "https://github.com/o/r/pull/5#issuecomment-6");
  EXPECT_EQ(comments[1].author, "");
  EXPECT_EQ(comments[1].body, "<!-- spyglass:default -->\nbody");
}

TEST(GitHubClient, CreatesACommentWithAJsonBody) {
  Harness h;
  h.fake.stub(rest("POST", "/repos/o/r/issues/5/comments"),
              json_response(201, comment_json(99, "github-actions[bot]", "new \"body\"")),
              "created");
  IssueComment comment = h.client.create_comment("o/r", 5, "new \"body\"");
  EXPECT_EQ(comment.id, 99);
  EXPECT_EQ(comment.author, "github-actions[bot]");
  const HttpRequest& request = h.fake.requests().at(0);
  EXPECT_EQ(request.body, R"({"body":"new \"body\""})");
  EXPECT_EQ(request.headers.at("content-type"), "application/json");
}

TEST(GitHubClient, ReplacesInvalidUtf8InABody) {
  Harness h;
  h.fake.stub(rest("POST", "/repos/o/r/issues/5/comments"),
              json_response(201, comment_json(1, "a", "x")), "created");
  h.client.create_comment("o/r", 5, "bad \xff byte");
  EXPECT_EQ(h.fake.requests().at(0).body, "{\"body\":\"bad \xEF\xBF\xBD byte\"}");
}

TEST(GitHubClient, UpdatesAndDeletesComments) {
  Harness h;
  h.fake.stub(rest("PATCH", "/repos/o/r/issues/comments/123"),
              json_response(200, comment_json(123, "a", "edited")), "updated");
  h.fake.stub(rest("DELETE", "/repos/o/r/issues/comments/124"), text_response(204), "deleted");
  EXPECT_EQ(h.client.update_comment("o/r", 123, "edited").body, "edited");
  h.client.delete_comment("o/r", 124);
  EXPECT_EQ(h.fake.requests().at(0).body, R"({"body":"edited"})");
  EXPECT_EQ(h.fake.requests().at(1).body, "");
  EXPECT_EQ(h.fake.requests().at(1).headers.count("content-type"), 0u);
  EXPECT_TRUE(h.fake.verify());
}

TEST(GitHubClient, ReadsPullRequests) {
  Harness h;
  json closed = pull_json(8, false);
  closed["state"] = "closed";
  closed["draft"] = nullptr;
  h.fake.stub(rest("GET", "/repos/o/r/pulls/7"), json_response(200, pull_json(7, true)), "pull");
  h.fake.stub(rest("GET", "/repos/o/r/commits/abc123/pulls?per_page=100"),
              json_response(200, json::array({pull_json(7, true), closed})), "pulls of a commit");
  PullRequest pull = h.client.get_pull("o/r", 7);
  EXPECT_EQ(pull.number, 7);
  EXPECT_EQ(pull.node_id, "PR_kw7");
  EXPECT_EQ(pull.state, "open");
  EXPECT_TRUE(pull.draft);
  EXPECT_EQ(pull.head_sha, "abc123");
  std::vector<PullRequest> pulls = h.client.pulls_for_commit("o/r", "abc123");
  ASSERT_EQ(pulls.size(), 2u);
  EXPECT_EQ(pulls[1].number, 8);
  EXPECT_EQ(pulls[1].state, "closed");
  EXPECT_FALSE(pulls[1].draft);
}

TEST(GitHubClient, RejectsRepositoriesAndShasThatAreNotNames) {
  Harness h;
  for (const char* repo : {"o", "o/r/x", "../r", "o/..", "o/r?x=1", "o r/x", ""}) {
    try {
      h.client.get_pull(repo, 1);
      ADD_FAILURE() << "accepted " << repo;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::k_bad_input) << repo;
      EXPECT_EQ(e.what(), "repository '" + std::string(repo) +
                              "': expected owner/name, e.g. octocat/hello-world");
    }
  }
  EXPECT_THROW(h.client.pulls_for_commit("o/r", "../x"), Error);
  EXPECT_TRUE(h.fake.requests().empty());
}

TEST(GitHubClient, ReadsTheAuthenticatedLogin) {
  Harness h;
  h.fake.stub(rest("GET", "/user"), json_response(200, {{"login", "octocat"}}), "user");
  EXPECT_EQ(h.client.authenticated_login(), "octocat");
}

TEST(GitHubClient, HasNoLoginForAnActionsToken) {
  Harness h;
  h.fake.stub(rest("GET", "/user"),
              json_response(403, {{"message", "Resource not accessible by integration"}}), "user");
  EXPECT_EQ(h.client.authenticated_login(), std::nullopt);
}

TEST(GitHubClient, MapsErrorStatusesToApiErrors) {
  Harness h;
  h.fake.stub(rest("GET", "/repos/o/r/pulls/404"),
              json_response(404, {{"message", "Not Found"},
                                  {"documentation_url", "https://docs.github.com/rest"}}),
              "missing");
  ApiError error = h.api_error([&] { h.client.get_pull("o/r", 404); });
  EXPECT_EQ(error.status(), 404);
  EXPECT_EQ(error.github_message(), "Not Found");
  EXPECT_EQ(error.code(), ExitCode::k_github_api);
  EXPECT_STREQ(error.what(), "GitHub API: GET /repos/o/r/pulls/404: 404 Not Found");
  EXPECT_FALSE(error.is_read_only_token());
  EXPECT_FALSE(error.is_body_too_long());
}

TEST(GitHubClient, RecognisesAReadOnlyToken) {
  Harness h;
  h.fake.stub(rest("POST", "/repos/o/r/issues/5/comments"),
              json_response(403, {{"message", "Resource not accessible by integration"},
                                  {"documentation_url",
                                   "https://docs.github.com/rest/reference/"
                                   "issues#create-an-issue-comment"}}),
              "fork PR");
  ApiError error = h.api_error([&] { h.client.create_comment("o/r", 5, "x"); });
  EXPECT_TRUE(error.is_read_only_token());
  EXPECT_STREQ(error.what(),
               "GitHub API: POST /repos/o/r/issues/5/comments: 403 Resource not accessible by "
               "integration");
}

TEST(GitHubClient, RecognisesABodyThatIsTooLong) {
  Harness h;
  h.fake.stub(rest("PATCH", "/repos/o/r/issues/comments/3"),
              json_response(422, {{"message", "Validation Failed"},
                                  {"errors", json::array({{{"resource", "IssueComment"},
                                                           {"code", "custom"},
                                                           {"field", "body"},
                                                           {"message",
                                                            "body is too long (maximum is 65536 "
                                                            "characters)"}}})},
                                  {"documentation_url", "https://docs.github.com/rest"}}),
              "too long");
  ApiError error = h.api_error([&] { h.client.update_comment("o/r", 3, std::string(70000, 'x')); });
  EXPECT_TRUE(error.is_body_too_long());
  EXPECT_EQ(error.github_message(),
            "Validation Failed: body is too long (maximum is 65536 characters)");
  EXPECT_STREQ(error.what(),
               "GitHub API: PATCH /repos/o/r/issues/comments/3: 422 Validation Failed: body is too "
               "long (maximum is 65536 characters)");
}

TEST(GitHubClient, NamesValidationErrorsWithoutMessages) {
  Harness h;
  h.fake.stub(rest("POST", "/repos/o/r/issues/5/comments"),
              json_response(422, {{"message", "Validation Failed"},
                                  {"errors", json::array({{{"resource", "IssueComment"},
                                                           {"field", "body"},
                                                           {"code", "missing_field"}},
                                                          "plain"})}}),
              "invalid");
  ApiError error = h.api_error([&] { h.client.create_comment("o/r", 5, ""); });
  EXPECT_EQ(error.github_message(), "Validation Failed: IssueComment.body missing_field; plain");
}

TEST(GitHubClient, QuotesABodyThatIsNotJsonOnOneLine) {
  Harness h;
  h.fake.stub(rest("GET", "/repos/o/r/pulls/1"),
              text_response(502, "<html>\r\n<h1>502 Bad Gateway</h1>\n</html>\n"), "proxy");
  ApiError error = h.api_error([&] { h.client.get_pull("o/r", 1); });
  EXPECT_EQ(error.status(), 502);
  EXPECT_STREQ(error.what(),
               "GitHub API: GET /repos/o/r/pulls/1: 502 <html> <h1>502 Bad Gateway</h1> </html>");
}

TEST(GitHubClient, ShortensALongNonJsonBody) {
  Harness h;
  h.fake.stub(rest("GET", "/repos/o/r/pulls/1"), text_response(500, std::string(500, 'e')),
              "noise");
  ApiError error = h.api_error([&] { h.client.get_pull("o/r", 1); });
  EXPECT_EQ(error.github_message(), std::string(200, 'e') + "...");
}

TEST(GitHubClient, NamesTheStatusAloneForAnEmptyBody) {
  Harness h;
  h.fake.stub(rest("DELETE", "/repos/o/r/issues/comments/1"), text_response(503), "down");
  ApiError error = h.api_error([&] { h.client.delete_comment("o/r", 1); });
  EXPECT_STREQ(error.what(), "GitHub API: DELETE /repos/o/r/issues/comments/1: 503");
}

TEST(GitHubClient, TurnsATransportErrorIntoAnApiFailure) {
  Harness h;
  h.fake.stub(rest("GET", "/repos/o/r/pulls/1"),
              transport_error("Failed to connect to api.github.com port 443: Connection refused"),
              "down");
  try {
    h.client.get_pull("o/r", 1);
    FAIL() << "expected an Error";
  } catch (const ApiError&) {
    FAIL() << "a request without an answer is no ApiError";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::k_github_api);
    EXPECT_STREQ(e.what(),
                 "GitHub API: GET /repos/o/r/pulls/1: Failed to connect to api.github.com port "
                 "443: Connection refused");
  }
  EXPECT_THAT(h.log,
              ElementsAre(MatchesRegex(
                  R"(GET /repos/o/r/pulls/1 -> failed: Failed to connect .* \([0-9]+ ms\))")));
}

TEST(GitHubClient, ReportsAnUnexpectedResponseShape) {
  Harness h;
  h.fake.stub(rest("GET", "/repos/o/r/pulls/1"), json_response(200, {{"number", "one"}}), "odd");
  try {
    h.client.get_pull("o/r", 1);
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::k_github_api);
    EXPECT_THAT(e.what(),
                MatchesRegex(R"(GitHub API: GET /repos/o/r/pulls/1: unexpected response \(.*\))"));
  }
}

TEST(GitHubClient, RefusesAPullRequestNumberThatDoesNotFit) {
  for (const auto& number :
       {nlohmann::json(4294967303LL), nlohmann::json(-5), nlohmann::json(0), nlohmann::json(7.5)}) {
    Harness h;
    h.fake.stub(rest("GET", "/repos/o/r/pulls/1"),
                json_response(200, {{"number", number}, {"head", {{"sha", "abc"}}}}), "odd");
    try {
      h.client.get_pull("o/r", 1);
      FAIL() << "expected an Error for " << number.dump();
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::k_github_api);
      EXPECT_EQ(std::string(e.what()),
                "GitHub API: GET /repos/o/r/pulls/1: unexpected response (a pull request number "
                "of " +
                    number.dump() + ")");
    }
  }
}

TEST(GitHubClient, PostsGraphQlQueriesAndReturnsData) {
  Harness h;
  h.fake.stub(
      graphql("convertPullRequestToDraft"),
      json_response(
          200, {{"data", {{"convertPullRequestToDraft", {{"pullRequest", {{"isDraft", true}}}}}}}}),
      "draft");
  json data = h.client.graphql(
      "mutation($id:ID!){ convertPullRequestToDraft(input:{pullRequestId:$id}){ pullRequest{ "
      "isDraft } } }",
      {{"id", "PR_kw7"}});
  EXPECT_EQ(data["convertPullRequestToDraft"]["pullRequest"]["isDraft"], true);
  const HttpRequest& request = h.fake.requests().at(0);
  EXPECT_EQ(request.url, "https://api.github.com/graphql");
  json sent = json::parse(request.body);
  EXPECT_EQ(sent["variables"], (json{{"id", "PR_kw7"}}));
  EXPECT_EQ(request.headers.at("authorization"), std::string("Bearer ") + k_token);
}

TEST(GitHubClient, ThrowsTheFirstGraphQlError) {
  Harness h;
  h.fake.stub(graphql("minimizeComment"),
              json_response(
                  200, {{"data", nullptr},
                        {"errors", json::array({{{"type", "NOT_FOUND"},
                                                 {"message",
                                                  "Could not resolve to a node with the global id "
                                                  "of 'IC_1'."}},
                                                {{"message", "second"}}})}}),
              "unknown node");
  ApiError error = h.api_error([&] { h.client.graphql("mutation { minimizeComment }", nullptr); });
  EXPECT_EQ(error.github_message(), "Could not resolve to a node with the global id of 'IC_1'.");
  EXPECT_STREQ(error.what(),
               "GitHub API: POST /graphql: GraphQL error: Could not resolve to a node with the "
               "global id of 'IC_1'. (and 1 more)");
}

TEST(GitHubClient, IgnoresAnEmptyGraphQlErrorsArray) {
  Harness h;
  h.fake.stub(
      graphql("viewer"),
      json_response(200, {{"data", {{"viewer", {{"login", "me"}}}}}, {"errors", json::array()}}),
      "viewer");
  EXPECT_EQ(h.client.graphql("query { viewer { login } }", nullptr)["viewer"]["login"], "me");
}

TEST(GitHubClient, NeverLogsTheTokenEvenWhenGitHubEchoesIt) {
  Harness h;
  std::string echoed = std::string("Bad credentials: token ") + k_token + " is invalid";
  h.fake.stub(rest("GET", "/repos/o/r/issues/5/comments"),
              json_response(200, json::array(),
                            {{"link", std::string("<https://api.github.com/x?page=2&token=") +
                                          k_token + ">; rel=\"next\""}}),
              "page 1 with the token in the next link");
  h.fake.stub(rest("GET", "/x"), json_response(401, {{"message", echoed}}), "page 2 echoing it");
  ApiError error = h.api_error([&] { h.client.list_comments("o/r", 5); });
  EXPECT_EQ(error.what(),
            std::string("GitHub API: GET /x?page=2&token=***: 401 Bad credentials: token *** is "
                        "invalid"));
  ASSERT_EQ(h.log.size(), 2u);
  for (const std::string& line : h.log) {
    EXPECT_EQ(line.find(k_token), std::string::npos) << line;
  }
  EXPECT_THAT(h.log[1], MatchesRegex(R"(GET /x\?page=2&token=\*\*\* -> 401 \([0-9]+ ms\))"));
}

TEST(GitHubClient, NeverPutsTheTokenInATransportErrorMessage) {
  Harness h;
  h.fake.stub(rest("GET", "/repos/o/r/pulls/1"),
              transport_error(std::string("proxy said: Authorization: Bearer ") + k_token),
              "chatty failure");
  try {
    h.client.get_pull("o/r", 1);
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "GitHub API: GET /repos/o/r/pulls/1: proxy said: Authorization: Bearer ***");
  }
  ASSERT_EQ(h.log.size(), 1u);
  EXPECT_EQ(h.log[0].find(k_token), std::string::npos);
}

}  // namespace
}  // namespace spyglass::github
