#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "spyglass/github/transport.hpp"

namespace spyglass::github {

// Where the API lives and who calls it. Defaults are the public GitHub; GitHub Enterprise
// Server sets GITHUB_API_URL and GITHUB_GRAPHQL_URL.
struct ApiConfig {
  std::string api_url = "https://api.github.com";  // a trailing "/" is ignored
  std::string graphql_url = "https://api.github.com/graphql";
  std::string token;  // never logged, never sent to another host
  std::string user_agent = "spyglass";
};

// The most pages a listing follows: 10,000 items at 100 per page. A server whose `Link: rel="next"`
// never ends would otherwise be followed forever.
inline constexpr std::size_t k_max_pages = 100;

struct IssueComment {
  std::int64_t id = 0;
  std::string node_id;
  std::string body;
  std::string author;  // user.login; "" when the user is null (deleted account)
  std::string html_url;
};

struct PullRequest {
  int number = 0;
  std::string node_id;
  std::string state;  // open, closed
  bool draft = false;
  std::string head_sha;
};

// The GitHub REST and GraphQL calls spyglass makes, over an injected Transport. Non-2xx answers
// throw ApiError with GitHub's message, except where a method says otherwise; a request that got
// no answer throws Error(k_github_api). Messages are one line and never contain the token.
class Client {
 public:
  // `log`, when set, receives one line per request, "GET /repos/o/r/pulls/1 -> 200 (12 ms)":
  // method, path (util::url_for_logging), status and time; the token never appears in it.
  Client(Transport& transport, ApiConfig config,
         std::function<void(const std::string&)> log = nullptr);

  // Every comment on issue/PR `number`, following `Link: rel="next"` pages of 100 (at most
  // k_max_pages).
  std::vector<IssueComment> list_comments(const std::string& repo, int number);
  IssueComment create_comment(const std::string& repo, int number, const std::string& body);
  IssueComment update_comment(const std::string& repo, std::int64_t comment_id,
                              const std::string& body);
  void delete_comment(const std::string& repo, std::int64_t comment_id);
  PullRequest get_pull(const std::string& repo, int number);
  // The pull requests whose head is `sha` (GET /repos/{repo}/commits/{sha}/pulls).
  std::vector<PullRequest> pulls_for_commit(const std::string& repo, const std::string& sha);
  // The login the token acts as (GET /user); nullopt when the token may not ask (Actions tokens).
  std::optional<std::string> authenticated_login();
  // POST a GraphQL query; returns `data`. A non-empty `errors` array (sent with HTTP 200) throws
  // ApiError naming the first message.
  nlohmann::json graphql(const std::string& query, const nlohmann::json& variables);

 private:
  using JsonReader = std::function<void(const nlohmann::json&)>;

  // Send one request and hand its parsed JSON body to `read` (when set); returns the response.
  // Non-2xx throws ApiError, a TransportError or an unreadable body throws Error(k_github_api).
  HttpResponse call(const std::string& method, const std::string& url,
                    const nlohmann::json& body = nullptr, const JsonReader& read = nullptr);
  // Hand each item of the JSON array at `url` and of every `Link: rel="next"` page after it to
  // `read_item`; refuses a next page on another origin, which must not see the token, and a
  // page beyond k_max_pages.
  void for_each_item(std::string url, const JsonReader& read_item);
  // `/repos/{repo}` under the API URL; throws Error(k_bad_input) unless `repo` is owner/name.
  std::string repo_url(const std::string& repo) const;
  // Whether `url` is on the API or GraphQL origin, the only ones that get the token.
  bool is_own_origin(const std::string& url) const;
  // Pass `line` to the log callback with the token redacted.
  void log(const std::string& line) const;

  Transport& m_transport;
  ApiConfig m_config;
  std::function<void(const std::string&)> m_log;
};

}  // namespace spyglass::github
