#pragma once

// The GitHub that FakeGithub serves: comments, pull requests and the answer to each REST and
// GraphQL call, in the shapes of GitHub's REST description (issue-comment, pull-request,
// basic-error, validation-error) and its GraphQL errors. No HTTP and no locking here: FakeGithub
// parses requests, checks the token and serialises calls.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace spyglass::test {

// GitHub's limit on a comment body, in characters (code points).
inline constexpr std::size_t k_max_comment_chars = 65536;

// A comment as the fake stores it.
struct FakeComment {
  std::int64_t id = 0;
  std::string node_id;
  std::string repo;  // owner/name
  int issue = 0;
  std::string login;
  std::string body;
  bool minimized = false;
  std::string minimized_reason;  // GraphQL's lower-case classifier, e.g. "outdated"
  std::int64_t created_at = 0;   // epoch seconds
  std::int64_t updated_at = 0;
};

// A pull request as the fake stores it; `node_id` is assigned by add_pull().
struct FakePull {
  std::string repo;  // owner/name
  int number = 0;
  std::string state = "open";
  bool draft = false;
  std::string head_sha = "0123456789abcdef0123456789abcdef01234567";
  std::string head_ref = "feature";
  std::string head_repo;  // owner/name of the head repository; "" means `repo` (not a fork)
  std::string node_id;
};

// One API call, already authenticated.
struct ApiCall {
  std::string method;
  std::string path;  // without the query
  std::map<std::string, std::string> query;
  std::string body;
  std::string base_url;  // http://127.0.0.1:port, for the URLs in answers
  std::string login;     // who the token acts as
  bool read_only = false;
  bool user_endpoint = false;  // GET /user answers (a PAT) instead of 403 (an Actions token)
};

// The answer to an ApiCall; a null `body` sends no content (204).
struct ApiAnswer {
  int status = 200;
  nlohmann::json body;
  std::map<std::string, std::string> headers;
  std::string resource = "core";  // x-ratelimit-resource
  std::string text{};             // when not empty, sent as text/plain instead of `body`
};

// GitHub's error answers, for faults that imitate them: `basic-error`, and the 422
// `validation-error` for a comment body over k_max_comment_chars.
ApiAnswer error_answer(int status, const std::string& message);
ApiAnswer body_too_long_answer();

// The state of the fake GitHub and the endpoints over it.
class FakeGithubModel {
 public:
  // Register a pull request (issue numbers without one answer 404); returns it with its node_id.
  FakePull add_pull(FakePull pull);
  // Add a comment as if `login` posted it; returns its id.
  std::int64_t add_comment(const std::string& repo, int issue, const std::string& login,
                           const std::string& body);

  // The comments on `repo`#`issue`, oldest first.
  std::vector<FakeComment> comments(const std::string& repo, int issue) const;
  std::optional<FakePull> pull(const std::string& repo, int number) const;

  // Route `call` to its endpoint; unknown routes answer 404 like GitHub.
  ApiAnswer answer(const ApiCall& call);

 private:
  ApiAnswer list_comments(const ApiCall& call, const std::string& repo, int issue);
  ApiAnswer create_comment(const ApiCall& call, const std::string& repo, int issue);
  ApiAnswer comment_by_id(const ApiCall& call, const std::string& repo, std::int64_t id);
  ApiAnswer get_pull(const ApiCall& call, const std::string& repo, int number) const;
  ApiAnswer pulls_for_commit(const ApiCall& call, const std::string& repo,
                             const std::string& sha) const;
  ApiAnswer get_user(const ApiCall& call) const;
  ApiAnswer graphql(const ApiCall& call);
  nlohmann::json convert_to_draft(const std::string& node_id);
  nlohmann::json minimize_comment(const std::string& node_id, const std::string& classifier);

  std::int64_t repo_id(const std::string& repo);
  bool has_issue(const std::string& repo, int issue) const;
  nlohmann::json comment_json(const ApiCall& call, const FakeComment& comment) const;
  nlohmann::json pull_json(const ApiCall& call, const FakePull& pull) const;

  std::vector<FakeComment> m_comments;  // in creation order, so ids ascend
  std::vector<FakePull> m_pulls;
  std::map<std::string, std::int64_t> m_repo_ids;
  // Above 2^31, so a client that keeps ids in an int fails.
  std::int64_t m_next_comment_id = 2500000001;
  std::int64_t m_clock = 1714564800;  // 2024-05-01T12:00:00Z, one second per comment
};

}  // namespace spyglass::test
