#include "support/fake_github_model.hpp"

#include <algorithm>
#include <ctime>
#include <functional>
#include <regex>

namespace spyglass::test {

using nlohmann::json;

namespace {

constexpr const char* k_docs = "https://docs.github.com/rest";
constexpr const char* k_web = "https://github.com";
constexpr int k_default_per_page = 30;
constexpr int k_max_per_page = 100;

// GitHub's `validation-error` body with one error entry.
ApiAnswer validation_error(const std::string& code, const std::string& message) {
  json entry = {{"resource", "IssueComment"}, {"code", code}, {"field", "body"}};
  if (!message.empty()) {
    entry["message"] = message;
  }
  return {422,
          json{{"message", "Validation Failed"},
               {"errors", json::array({entry})},
               {"documentation_url", k_docs}},
          {},
          "core"};
}

ApiAnswer read_only_error() { return error_answer(403, "Resource not accessible by integration"); }

std::string iso8601(std::int64_t epoch) {
  const std::time_t time = epoch;
  std::tm tm{};
  gmtime_r(&time, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

// Characters as GitHub counts them: code points, not UTF-8 bytes.
std::size_t code_points(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// A stable user id for `login`.
std::int64_t user_id(const std::string& login) {
  return static_cast<std::int64_t>(std::hash<std::string>{}(login) % 100000000) + 1;
}

json user_json(const std::string& base_url, const std::string& login) {
  const bool bot = login.ends_with("[bot]");
  return {{"login", login},
          {"id", user_id(login)},
          {"node_id", "U_fake" + std::to_string(user_id(login))},
          {"type", bot ? "Bot" : "User"},
          {"site_admin", false},
          {"url", base_url + "/users/" + login},
          {"html_url", std::string(k_web) + "/" + login}};
}

int int_param(const std::map<std::string, std::string>& query, const std::string& name,
              int fallback) {
  const auto it = query.find(name);
  if (it == query.end()) {
    return fallback;
  }
  try {
    return std::stoi(it->second);
  } catch (const std::exception&) {
    return fallback;
  }
}

// The `body` string of a comment write, or the 400/422 GitHub answers instead.
std::optional<ApiAnswer> check_comment_body(const std::string& payload, std::string& body) {
  const json parsed = json::parse(payload, nullptr, false);
  if (parsed.is_discarded()) {
    return error_answer(400, "Problems parsing JSON");
  }
  if (!parsed.is_object() || !parsed.contains("body") || !parsed["body"].is_string()) {
    return error_answer(422, "Invalid request.\n\n\"body\" wasn't supplied.");
  }
  body = parsed["body"].get<std::string>();
  if (body.empty()) {
    return validation_error("missing_field", "");
  }
  if (code_points(body) > k_max_comment_chars) {
    return body_too_long_answer();
  }
  return std::nullopt;
}

// `Link` for page `page` of `last`: prev/first on later pages, next/last while more exist.
std::string link_header(const std::string& url, int per_page, int page, int last) {
  const auto link = [&](int target, const char* rel) {
    return "<" + url + "?per_page=" + std::to_string(per_page) + "&page=" + std::to_string(target) +
           ">; rel=\"" + rel + "\"";
  };
  std::vector<std::string> links;
  if (page > 1) {
    links.push_back(link(page - 1, "prev"));
  }
  if (page < last) {
    links.push_back(link(page + 1, "next"));
    links.push_back(link(last, "last"));
  }
  if (page > 1) {
    links.push_back(link(1, "first"));
  }
  std::string header;
  for (const auto& entry : links) {
    header += (header.empty() ? "" : ", ") + entry;
  }
  return header;
}

// One field of a GraphQL mutation: `alias: name(input: {...})`, input values resolved.
struct MutationField {
  std::string key;  // the alias, else the name: the key of its answer under `data`
  std::string name;
  std::map<std::string, std::string> input;
};

std::vector<MutationField> mutation_fields(const std::string& query, const json& variables) {
  static const std::regex field_re(R"((?:(\w+)\s*:\s*)?(\w+)\s*\(\s*input\s*:\s*\{([^}]*)\})");
  static const std::regex arg_re(R"re((\w+)\s*:\s*(\$\w+|"(?:[^"\\]|\\.)*"|\w+))re");
  std::vector<MutationField> fields;
  for (std::sregex_iterator it(query.begin(), query.end(), field_re), end; it != end; ++it) {
    MutationField field{(*it)[1].matched ? (*it)[1].str() : (*it)[2].str(), (*it)[2].str(), {}};
    const std::string args = (*it)[3].str();
    for (std::sregex_iterator arg(args.begin(), args.end(), arg_re); arg != end; ++arg) {
      std::string value = (*arg)[2].str();
      if (value.starts_with('$')) {
        const auto var = variables.find(value.substr(1));
        value = var != variables.end() && var->is_string() ? var->get<std::string>() : "";
      } else if (value.starts_with('"')) {
        value = value.substr(1, value.size() - 2);
      }
      field.input[(*arg)[1].str()] = value;
    }
    fields.push_back(std::move(field));
  }
  return fields;
}

// An entry of GraphQL's `errors`; the caller adds the `path` naming the field.
json graphql_error(const std::string& type, const std::string& message) {
  return {{"type", type},
          {"locations", json::array({json{{"line", 1}, {"column", 1}}})},
          {"message", message}};
}

json not_found(const std::string& node_id) {
  return graphql_error("NOT_FOUND",
                       "Could not resolve to a node with the global id of '" + node_id + "'.");
}

}  // namespace

ApiAnswer error_answer(int status, const std::string& message) {
  return {status, json{{"message", message}, {"documentation_url", k_docs}}, {}, "core"};
}

ApiAnswer body_too_long_answer() {
  return validation_error("custom", "body is too long (maximum is 65536 characters)");
}

FakePull FakeGithubModel::add_pull(FakePull pull) {
  pull.node_id =
      "PR_kwDOfake" + std::to_string(repo_id(pull.repo)) + "_" + std::to_string(pull.number);
  m_pulls.push_back(pull);
  return pull;
}

std::int64_t FakeGithubModel::add_comment(const std::string& repo, int issue,
                                          const std::string& login, const std::string& body) {
  FakeComment comment;
  comment.id = m_next_comment_id++;
  comment.node_id = "IC_kwDOfake" + std::to_string(comment.id);
  comment.repo = repo;
  comment.issue = issue;
  comment.login = login;
  comment.body = body;
  comment.created_at = m_clock++;
  comment.updated_at = comment.created_at;
  m_comments.push_back(comment);
  return comment.id;
}

std::vector<FakeComment> FakeGithubModel::comments(const std::string& repo, int issue) const {
  std::vector<FakeComment> found;
  std::copy_if(m_comments.begin(), m_comments.end(), std::back_inserter(found),
               [&](const FakeComment& c) { return c.repo == repo && c.issue == issue; });
  return found;
}

std::optional<FakePull> FakeGithubModel::pull(const std::string& repo, int number) const {
  const auto it = std::find_if(m_pulls.begin(), m_pulls.end(), [&](const FakePull& p) {
    return p.repo == repo && p.number == number;
  });
  return it == m_pulls.end() ? std::nullopt : std::optional<FakePull>(*it);
}

ApiAnswer FakeGithubModel::answer(const ApiCall& call) {
  // REST paths may carry GitHub Enterprise Server's /api/v3 prefix, GraphQL its /api prefix.
  static const std::regex comments_re(
      R"(^(?:/api/v3)?/repos/([^/]+/[^/]+)/issues/(\d+)/comments$)");
  static const std::regex comments_by_id_re(
      R"(^(?:/api/v3)?/repositories/(\d+)/issues/(\d+)/comments$)");
  static const std::regex comment_re(R"(^(?:/api/v3)?/repos/([^/]+/[^/]+)/issues/comments/(\d+)$)");
  static const std::regex pull_re(R"(^(?:/api/v3)?/repos/([^/]+/[^/]+)/pulls/(\d+)$)");
  static const std::regex commit_pulls_re(
      R"(^(?:/api/v3)?/repos/([^/]+/[^/]+)/commits/(\w+)/pulls$)");
  static const std::regex user_re(R"(^(?:/api/v3)?/user$)");
  static const std::regex graphql_re(R"(^(?:/api)?/graphql$)");

  std::smatch m;
  const std::string& method = call.method;
  if (std::regex_match(call.path, m, comments_re) && (method == "GET" || method == "POST")) {
    return method == "GET" ? list_comments(call, m[1], std::stoi(m[2]))
                           : create_comment(call, m[1], std::stoi(m[2]));
  }
  if (std::regex_match(call.path, m, comments_by_id_re) && method == "GET") {
    const std::int64_t id = std::stoll(m[1]);
    const auto repo = std::find_if(m_repo_ids.begin(), m_repo_ids.end(),
                                   [&](const auto& entry) { return entry.second == id; });
    if (repo != m_repo_ids.end()) {
      return list_comments(call, repo->first, std::stoi(m[2]));
    }
  } else if (std::regex_match(call.path, m, comment_re) &&
             (method == "GET" || method == "PATCH" || method == "DELETE")) {
    return comment_by_id(call, m[1], std::stoll(m[2]));
  } else if (std::regex_match(call.path, m, pull_re) && method == "GET") {
    return get_pull(call, m[1], std::stoi(m[2]));
  } else if (std::regex_match(call.path, m, commit_pulls_re) && method == "GET") {
    return pulls_for_commit(call, m[1], m[2]);
  } else if (std::regex_match(call.path, user_re) && method == "GET") {
    return get_user(call);
  } else if (std::regex_match(call.path, graphql_re) && method == "POST") {
    return graphql(call);
  }
  return error_answer(404, "Not Found");
}

ApiAnswer FakeGithubModel::list_comments(const ApiCall& call, const std::string& repo, int issue) {
  if (!has_issue(repo, issue)) {
    return error_answer(404, "Not Found");
  }
  const int per_page =
      std::clamp(int_param(call.query, "per_page", k_default_per_page), 1, k_max_per_page);
  const int page = std::max(int_param(call.query, "page", 1), 1);
  const auto all = comments(repo, issue);
  const int last = std::max(1, static_cast<int>((all.size() + per_page - 1) / per_page));

  ApiAnswer answer{200, json::array(), {}, "core"};
  const std::size_t first = static_cast<std::size_t>(page - 1) * per_page;
  for (std::size_t i = first; i < all.size() && i < first + per_page; ++i) {
    answer.body.push_back(comment_json(call, all[i]));
  }
  // GitHub's links name the repository by id, not by owner/name.
  const std::string url = call.base_url + "/repositories/" + std::to_string(repo_id(repo)) +
                          "/issues/" + std::to_string(issue) + "/comments";
  const std::string link = link_header(url, per_page, page, last);
  if (!link.empty()) {
    answer.headers["Link"] = link;
  }
  return answer;
}

ApiAnswer FakeGithubModel::create_comment(const ApiCall& call, const std::string& repo, int issue) {
  if (!has_issue(repo, issue)) {
    return error_answer(404, "Not Found");
  }
  if (call.read_only) {
    return read_only_error();
  }
  std::string body;
  if (auto refused = check_comment_body(call.body, body)) {
    return *refused;
  }
  add_comment(repo, issue, call.login, body);
  ApiAnswer answer{201, comment_json(call, m_comments.back()), {}, "core"};
  answer.headers["Location"] = answer.body["url"].get<std::string>();
  return answer;
}

ApiAnswer FakeGithubModel::comment_by_id(const ApiCall& call, const std::string& repo,
                                         std::int64_t id) {
  const auto it = std::find_if(m_comments.begin(), m_comments.end(),
                               [&](const FakeComment& c) { return c.id == id && c.repo == repo; });
  if (it == m_comments.end()) {
    return error_answer(404, "Not Found");
  }
  if (call.method == "GET") {
    return {200, comment_json(call, *it), {}, "core"};
  }
  if (call.read_only) {
    return read_only_error();
  }
  if (call.method == "DELETE") {
    m_comments.erase(it);
    return {204, nullptr, {}, "core"};
  }
  std::string body;
  if (auto refused = check_comment_body(call.body, body)) {
    return *refused;
  }
  it->body = body;
  it->updated_at = m_clock++;
  return {200, comment_json(call, *it), {}, "core"};
}

ApiAnswer FakeGithubModel::get_pull(const ApiCall& call, const std::string& repo,
                                    int number) const {
  const auto found = pull(repo, number);
  if (!found) {
    return error_answer(404, "Not Found");
  }
  return {200, pull_json(call, *found), {}, "core"};
}

ApiAnswer FakeGithubModel::pulls_for_commit(const ApiCall& call, const std::string& repo,
                                            const std::string& sha) const {
  // Like GitHub, every state: the caller keeps the open ones.
  ApiAnswer answer{200, json::array(), {}, "core"};
  for (const auto& candidate : m_pulls) {
    if (candidate.repo == repo && candidate.head_sha == sha) {
      answer.body.push_back(pull_json(call, candidate));
    }
  }
  return answer;
}

ApiAnswer FakeGithubModel::get_user(const ApiCall& call) const {
  if (!call.user_endpoint) {
    return read_only_error();
  }
  return {200, user_json(call.base_url, call.login), {}, "core"};
}

ApiAnswer FakeGithubModel::graphql(const ApiCall& call) {
  const json request = json::parse(call.body, nullptr, false);
  if (!request.is_object() || !request.contains("query") || !request["query"].is_string()) {
    return {400,
            json{{"message", "Problems parsing JSON"}, {"documentation_url", k_docs}},
            {},
            "graphql"};
  }
  const json variables = request.value("variables", json::object());
  const auto fields = mutation_fields(request["query"].get<std::string>(), variables);

  json data = json::object();
  json errors = json::array();
  for (const auto& field : fields) {
    json result;
    if (field.name != "convertPullRequestToDraft" && field.name != "minimizeComment") {
      errors.push_back(
          {{"path", json::array({"mutation", field.name})},
           {"extensions",
            {{"code", "undefinedField"}, {"typeName", "Mutation"}, {"fieldName", field.name}}},
           {"message", "Field '" + field.name + "' doesn't exist on type 'Mutation'"}});
      continue;
    }
    if (call.read_only) {
      result = graphql_error("FORBIDDEN", "Resource not accessible by integration");
    } else if (field.name == "convertPullRequestToDraft") {
      result = convert_to_draft(
          field.input.count("pullRequestId") != 0 ? field.input.at("pullRequestId") : "");
    } else {
      const auto classifier = field.input.find("classifier");
      result =
          minimize_comment(field.input.count("subjectId") != 0 ? field.input.at("subjectId") : "",
                           classifier == field.input.end() ? "" : classifier->second);
    }
    // Each handler answers either the field's data or an error naming the field.
    if (result.contains("message")) {
      result["path"] = json::array({field.key});
      errors.push_back(result);
      data[field.key] = nullptr;
    } else {
      data[field.key] = result;
    }
  }
  if (fields.empty()) {
    errors.push_back({{"message",
                       "spyglass fake GitHub: no mutation field with an `input` "
                       "argument in the query"}});
  }
  json body = json::object();
  if (!data.empty()) {
    body["data"] = data;
  }
  if (!errors.empty()) {
    body["errors"] = errors;
  }
  return {200, body, {}, "graphql"};
}

json FakeGithubModel::convert_to_draft(const std::string& node_id) {
  const auto it = std::find_if(m_pulls.begin(), m_pulls.end(),
                               [&](const FakePull& p) { return p.node_id == node_id; });
  if (it == m_pulls.end()) {
    return not_found(node_id);
  }
  it->draft = true;
  return {{"pullRequest", {{"id", it->node_id}, {"number", it->number}, {"isDraft", true}}}};
}

json FakeGithubModel::minimize_comment(const std::string& node_id, const std::string& classifier) {
  static const std::vector<std::string> k_classifiers = {"SPAM",     "ABUSE",     "OFF_TOPIC",
                                                         "OUTDATED", "DUPLICATE", "RESOLVED"};
  if (std::find(k_classifiers.begin(), k_classifiers.end(), classifier) == k_classifiers.end()) {
    return graphql_error("INVALID_ARGUMENT",
                         "Argument 'classifier' on InputObject 'MinimizeCommentInput' has an "
                         "invalid value (" +
                             classifier + "). Expected type 'ReportedContentClassifiers!'.");
  }
  const auto it = std::find_if(m_comments.begin(), m_comments.end(),
                               [&](const FakeComment& c) { return c.node_id == node_id; });
  if (it == m_comments.end()) {
    return not_found(node_id);
  }
  it->minimized = true;
  it->minimized_reason = classifier;
  std::transform(it->minimized_reason.begin(), it->minimized_reason.end(),
                 it->minimized_reason.begin(), [](unsigned char c) { return std::tolower(c); });
  return {{"minimizedComment", {{"isMinimized", true}, {"minimizedReason", it->minimized_reason}}}};
}

std::int64_t FakeGithubModel::repo_id(const std::string& repo) {
  return m_repo_ids.emplace(repo, 700000001 + static_cast<std::int64_t>(m_repo_ids.size()))
      .first->second;
}

bool FakeGithubModel::has_issue(const std::string& repo, int issue) const {
  return pull(repo, issue).has_value();
}

json FakeGithubModel::comment_json(const ApiCall& call, const FakeComment& comment) const {
  const std::string repo_url = call.base_url + "/repos/" + comment.repo;
  const std::string issue = std::to_string(comment.issue);
  const std::string id = std::to_string(comment.id);
  return {{"id", comment.id},
          {"node_id", comment.node_id},
          {"url", repo_url + "/issues/comments/" + id},
          {"html_url",
           std::string(k_web) + "/" + comment.repo + "/pull/" + issue + "#issuecomment-" + id},
          {"issue_url", repo_url + "/issues/" + issue},
          {"body", comment.body},
          {"user", user_json(call.base_url, comment.login)},
          {"created_at", iso8601(comment.created_at)},
          {"updated_at", iso8601(comment.updated_at)},
          {"author_association", comment.login.ends_with("[bot]") ? "NONE" : "CONTRIBUTOR"},
          {"performed_via_github_app", nullptr}};
}

json FakeGithubModel::pull_json(const ApiCall& call, const FakePull& pull) const {
  const std::string head_repo = pull.head_repo.empty() ? pull.repo : pull.head_repo;
  const auto repo_json = [&](const std::string& full_name) {
    return json{{"full_name", full_name},
                {"name", full_name.substr(full_name.find('/') + 1)},
                {"fork", full_name != pull.repo},
                {"url", call.base_url + "/repos/" + full_name}};
  };
  const std::string number = std::to_string(pull.number);
  return {{"url", call.base_url + "/repos/" + pull.repo + "/pulls/" + number},
          {"id", 900000000 + pull.number},
          {"node_id", pull.node_id},
          {"html_url", std::string(k_web) + "/" + pull.repo + "/pull/" + number},
          {"number", pull.number},
          {"state", pull.state},
          {"locked", false},
          {"title", "Pull request " + number},
          {"user", user_json(call.base_url, "octocat")},
          {"draft", pull.draft},
          {"head",
           {{"label", head_repo.substr(0, head_repo.find('/')) + ":" + pull.head_ref},
            {"ref", pull.head_ref},
            {"sha", pull.head_sha},
            {"repo", repo_json(head_repo)}}},
          {"base",
           {{"label", pull.repo.substr(0, pull.repo.find('/')) + ":main"},
            {"ref", "main"},
            {"sha", "fedcba9876543210fedcba9876543210fedcba98"},
            {"repo", repo_json(pull.repo)}}},
          {"merged", false},
          {"created_at", iso8601(m_clock)}};
}

}  // namespace spyglass::test
