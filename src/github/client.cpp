#include "spyglass/github/client.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <regex>
#include <set>

#include "spyglass/github/api_error.hpp"
#include "spyglass/github/pagination.hpp"
#include "spyglass/util/redact.hpp"
#include "spyglass/util/url.hpp"

namespace spyglass::github {

namespace {

using nlohmann::json;

// How much of a body that is not GitHub's JSON error shape an error message quotes.
constexpr std::size_t k_quoted_body_limit = 200;

std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  return url;
}

// `text` on one line: each run of line breaks and tabs becomes one space.
std::string one_line(const std::string& text) {
  std::string result;
  for (char c : text) {
    bool breaking = c == '\n' || c == '\r' || c == '\t';
    if (!breaking) {
      result += c;
    } else if (!result.empty() && result.back() != ' ') {
      result += ' ';
    }
  }
  while (!result.empty() && result.back() == ' ') {
    result.pop_back();
  }
  return result;
}

// The string at `object[key]`; "" when missing or null.
std::string text(const json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? std::string() : it->get<std::string>();
}

// One entry of a 422 `errors` array: its `message`, else "resource.field code".
std::string validation_error_text(const json& error) {
  if (!error.is_object()) {
    return error.is_string() ? error.get<std::string>() : error.dump();
  }
  if (std::string message = text(error, "message"); !message.empty()) {
    return message;
  }
  return fmt::format("{}.{} {}", text(error, "resource"), text(error, "field"),
                     text(error, "code"));
}

// GitHub's error body as one message: `message`, then the `errors` entries of a validation
// failure ("Validation Failed: body is too long (maximum is 65536 characters)"). A body of
// another shape is quoted, shortened.
std::string github_error_message(const std::string& body) {
  json parsed = json::parse(body, nullptr, false);
  if (!parsed.is_object() || !parsed.contains("message")) {
    std::string quoted = util::redact_authorization_values(one_line(body));
    return quoted.size() > k_quoted_body_limit ? quoted.substr(0, k_quoted_body_limit) + "..."
                                               : quoted;
  }
  std::string message = parsed["message"].is_string() ? parsed["message"].get<std::string>()
                                                      : parsed["message"].dump();
  if (auto errors = parsed.find("errors"); errors != parsed.end() && errors->is_array()) {
    for (std::size_t i = 0; i < errors->size(); ++i) {
      message += (i == 0 ? ": " : "; ") + validation_error_text((*errors)[i]);
    }
  }
  return util::redact_authorization_values(one_line(message));
}

// A response of the right JSON shape that holds a value no GitHub would send.
class UnexpectedResponse : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

IssueComment comment_from(const json& object) {
  IssueComment comment;
  comment.id = object.at("id").get<std::int64_t>();
  comment.node_id = text(object, "node_id");
  comment.body = text(object, "body");
  if (auto user = object.find("user"); user != object.end() && user->is_object()) {
    comment.author = text(*user, "login");
  }
  comment.html_url = text(object, "html_url");
  return comment;
}

PullRequest pull_from(const json& object) {
  PullRequest pull;
  const json& number = object.at("number");
  if (!number.is_number_integer() || number.get<std::int64_t>() <= 0 ||
      number.get<std::int64_t>() > std::numeric_limits<int>::max()) {
    throw UnexpectedResponse("a pull request number of " + number.dump());
  }
  pull.number = number.get<int>();
  pull.node_id = text(object, "node_id");
  pull.state = text(object, "state");
  auto draft = object.find("draft");
  pull.draft = draft != object.end() && !draft->is_null() && draft->get<bool>();
  pull.head_sha = text(object.at("head"), "sha");
  return pull;
}

// Refuse an API URL that would show the token to the network: plain http, except to this machine
// (tests, a local proxy). `variable` names where the URL comes from.
void check_secure_url(const std::string& url, std::string_view variable) {
  const std::string origin = util::split_url(url).origin;
  if (origin.starts_with("https://") ||
      (origin.starts_with("http://") && util::is_loopback_origin(origin))) {
    return;
  }
  throw Error(ExitCode::k_bad_input,
              fmt::format("{} '{}': the token is sent only over https (plain http only to "
                          "localhost, 127.0.0.0/8 or [::1])",
                          variable, origin.empty() ? url : origin));
}

// Refuse a token with a control character or a space: a line break would end the Authorization
// header and start headers, or a whole request, of the token's making. The message does not
// show the token.
void check_token(const std::string& token) {
  const bool malformed = std::any_of(token.begin(), token.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= ' ' || byte == 0x7f;
  });
  if (malformed) {
    throw Error(ExitCode::k_bad_input,
                "the GitHub token contains a line break, another control character or a space "
                "(was a newline pasted into the secret?); it was not used and is not shown");
  }
}

}  // namespace

Client::Client(Transport& transport, ApiConfig config, std::function<void(const std::string&)> log)
    : m_transport(transport), m_config(std::move(config)), m_log(std::move(log)) {
  m_config.api_url = without_trailing_slash(m_config.api_url);
  check_token(m_config.token);
  check_secure_url(m_config.api_url, "GITHUB_API_URL");
  check_secure_url(m_config.graphql_url, "GITHUB_GRAPHQL_URL");
}

std::vector<IssueComment> Client::list_comments(const std::string& repo, int number) {
  std::vector<IssueComment> comments;
  for_each_item(fmt::format("{}/issues/{}/comments?per_page=100", repo_url(repo), number),
                [&](const json& item) { comments.push_back(comment_from(item)); });
  return comments;
}

IssueComment Client::create_comment(const std::string& repo, int number, const std::string& body) {
  IssueComment comment;
  call("POST", fmt::format("{}/issues/{}/comments", repo_url(repo), number), {{"body", body}},
       [&](const json& reply) { comment = comment_from(reply); });
  return comment;
}

IssueComment Client::update_comment(const std::string& repo, std::int64_t comment_id,
                                    const std::string& body) {
  IssueComment comment;
  call("PATCH", fmt::format("{}/issues/comments/{}", repo_url(repo), comment_id), {{"body", body}},
       [&](const json& reply) { comment = comment_from(reply); });
  return comment;
}

void Client::delete_comment(const std::string& repo, std::int64_t comment_id) {
  call("DELETE", fmt::format("{}/issues/comments/{}", repo_url(repo), comment_id));
}

PullRequest Client::get_pull(const std::string& repo, int number) {
  PullRequest pull;
  call("GET", fmt::format("{}/pulls/{}", repo_url(repo), number), nullptr,
       [&](const json& reply) { pull = pull_from(reply); });
  return pull;
}

std::vector<PullRequest> Client::pulls_for_commit(const std::string& repo, const std::string& sha) {
  static const std::regex k_sha("[0-9a-fA-F]{4,64}");
  if (!std::regex_match(sha, k_sha)) {
    throw Error(ExitCode::k_bad_input, fmt::format("commit '{}': expected a hexadecimal SHA", sha));
  }
  std::vector<PullRequest> pulls;
  for_each_item(fmt::format("{}/commits/{}/pulls?per_page=100", repo_url(repo), sha),
                [&](const json& item) { pulls.push_back(pull_from(item)); });
  return pulls;
}

std::optional<std::string> Client::authenticated_login() {
  std::string login;
  try {
    call("GET", m_config.api_url + "/user", nullptr,
         [&](const json& reply) { login = reply.at("login").get<std::string>(); });
  } catch (const ApiError& e) {
    if (e.status() == 403) {
      return std::nullopt;
    }
    throw;
  }
  return login;
}

json Client::graphql(const std::string& query, const nlohmann::json& variables) {
  json request = {{"query", query},
                  {"variables", variables.is_null() ? json::object() : variables}};
  json data;
  std::string first_error;
  std::size_t error_count = 0;
  call("POST", m_config.graphql_url, request, [&](const json& reply) {
    if (auto errors = reply.find("errors"); errors != reply.end() && errors->is_array()) {
      error_count = errors->size();
      if (error_count > 0) {
        first_error = text(errors->front(), "message");
      }
    }
    data = reply.value("data", json());
  });
  if (error_count > 0) {
    std::string more = error_count > 1 ? fmt::format(" (and {} more)", error_count - 1) : "";
    std::string message = util::redact_authorization_values(one_line(first_error));
    throw ApiError(
        200, message,
        util::redact_secret(fmt::format("GitHub API: POST {}: GraphQL error: {}{}",
                                        util::url_for_logging(m_config.graphql_url), message, more),
                            m_config.token));
  }
  return data;
}

HttpResponse Client::call(const std::string& method, const std::string& url, const json& body,
                          const JsonReader& read) {
  HttpRequest request{method, url, {}, ""};
  request.headers["accept"] = "application/vnd.github+json";
  request.headers["x-github-api-version"] = "2022-11-28";
  request.headers["user-agent"] = m_config.user_agent;
  if (!m_config.token.empty() && is_own_origin(url)) {
    request.headers["authorization"] = "Bearer " + m_config.token;
  }
  if (!body.is_null()) {
    request.headers["content-type"] = "application/json";
    // Benchmark names may hold invalid UTF-8; it is replaced rather than refused.
    request.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  }

  std::string call_name = method + " " + util::url_for_logging(url);
  auto started = std::chrono::steady_clock::now();
  auto elapsed_ms = [&started] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 started)
        .count();
  };
  HttpResponse response;
  try {
    response = m_transport.send(request);
  } catch (const TransportError& e) {
    log(fmt::format("{} -> failed: {} ({} ms)", call_name, one_line(e.what()), elapsed_ms()));
    throw Error(
        ExitCode::k_github_api,
        util::redact_secret(fmt::format("GitHub API: {}: {}", call_name, one_line(e.what())),
                            m_config.token));
  }
  log(fmt::format("{} -> {} ({} ms)", call_name, response.status, elapsed_ms()));

  if (response.status < 200 || response.status > 299) {
    std::string message = github_error_message(response.body);
    std::string what = fmt::format("GitHub API: {}: {}", call_name, response.status);
    if (!message.empty()) {
      what += " " + message;
    }
    throw ApiError(response.status, message, util::redact_secret(what, m_config.token));
  }
  if (read) {
    const auto unexpected = [&](const std::exception& e) {
      return Error(ExitCode::k_github_api,
                   util::redact_secret(fmt::format("GitHub API: {}: unexpected response ({})",
                                                   call_name, one_line(e.what())),
                                       m_config.token));
    };
    try {
      read(json::parse(response.body));
    } catch (const json::exception& e) {
      throw unexpected(e);
    } catch (const UnexpectedResponse& e) {
      throw unexpected(e);
    }
  }
  return response;
}

void Client::for_each_item(std::string url, const JsonReader& read_item) {
  const std::string first_call = "GET " + util::url_for_logging(url);
  std::set<std::string> visited;
  while (true) {
    if (visited.size() == k_max_pages) {
      throw Error(ExitCode::k_github_api,
                  fmt::format("GitHub API: {}: more than {} pages (the most spyglass reads); "
                              "refusing to follow the next page",
                              first_call, k_max_pages));
    }
    visited.insert(url);
    HttpResponse page = call("GET", url, nullptr, [&](const json& items) {
      for (const json& item : items.get_ref<const json::array_t&>()) {
        read_item(item);
      }
    });
    std::optional<std::string> next = next_page_url(page.header("link"));
    if (!next) {
      return;
    }
    std::string call_name = "GET " + util::url_for_logging(url);
    if (util::split_url(*next).origin != util::split_url(m_config.api_url).origin) {
      throw Error(ExitCode::k_github_api,
                  fmt::format("GitHub API: {}: the next page is on another host ({}); refusing "
                              "to follow it",
                              call_name, util::split_url(*next).origin));
    }
    if (visited.count(*next) != 0) {
      throw Error(ExitCode::k_github_api,
                  fmt::format("GitHub API: {}: the next page link loops back to {}", call_name,
                              util::url_for_logging(*next)));
    }
    url = *next;
  }
}

std::string Client::repo_url(const std::string& repo) const {
  // Owner and name as GitHub allows them, but never "." or "..", which would leave /repos.
  static const std::regex k_owner_name(R"((?!\.\.?/)[A-Za-z0-9_.-]+/(?!\.\.?$)[A-Za-z0-9_.-]+)");
  if (!std::regex_match(repo, k_owner_name)) {
    throw Error(
        ExitCode::k_bad_input,
        fmt::format("repository '{}': expected owner/name, e.g. octocat/hello-world", repo));
  }
  return m_config.api_url + "/repos/" + repo;
}

bool Client::is_own_origin(const std::string& url) const {
  std::string origin = util::split_url(url).origin;
  return !origin.empty() && (origin == util::split_url(m_config.api_url).origin ||
                             origin == util::split_url(m_config.graphql_url).origin);
}

void Client::log(const std::string& line) const {
  if (m_log) {
    m_log(util::redact_secret(line, m_config.token));
  }
}

}  // namespace spyglass::github
