#include "spyglass/github/upsert.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "spyglass/github/api_error.hpp"

namespace spyglass::github {

namespace {

// Comments hidden per GraphQL request in k_new mode; keeps each mutation small.
constexpr std::size_t k_minimize_batch = 50;

// GitHub logins are case-insensitive.
bool same_login(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

void require_marker(const UpsertRequest& request, const std::string& body) {
  if (!body.starts_with(request.marker)) {
    throw Error(
        ExitCode::k_internal,
        fmt::format("upsert_comment: the body must start with its marker '{}'", request.marker));
  }
}

// Our comments for this marker in `comments`, oldest (smallest id) first.
std::vector<IssueComment> ours(std::vector<IssueComment> comments, const UpsertRequest& request) {
  std::erase_if(comments, [&](const IssueComment& comment) {
    const bool marked = comment.body.starts_with(request.marker) ||
                        (!request.legacy_marker.empty() &&
                         comment.body.find(request.legacy_marker) != std::string::npos);
    return !same_login(comment.author, request.author) || !marked;
  });
  std::sort(comments.begin(), comments.end(),
            [](const IssueComment& a, const IssueComment& b) { return a.id < b.id; });
  return comments;
}

// `body` with `legacy_marker` as its second line, unless it already holds it.
std::string with_legacy_marker(const std::string& legacy_marker, const std::string& body) {
  if (body.find(legacy_marker) != std::string::npos) {
    return body;
  }
  const auto first_line_end = body.find('\n');
  if (first_line_end == std::string::npos) {
    return body + "\n" + legacy_marker;
  }
  return body.substr(0, first_line_end + 1) + legacy_marker + "\n" +
         body.substr(first_line_end + 1);
}

std::set<std::int64_t> ids_of(const std::vector<IssueComment>& comments) {
  std::set<std::int64_t> ids;
  for (const auto& comment : comments) {
    ids.insert(comment.id);
  }
  return ids;
}

// One upsert: the request, the body as last sent (shrunk after a 422) and the calls it makes.
class Upsert {
 public:
  Upsert(Client& client, const UpsertRequest& request)
      : m_client(client), m_request(request), m_body(request.body) {}

  UpsertResult run();

 private:
  // Post a new comment and settle any race it may have started.
  UpsertResult create_and_settle(const std::vector<IssueComment>& earlier);
  // With a merge, make `m_body` from `current`, the body of the comment it is to replace.
  void merge_from(const std::string& current);
  // Send `m_body` with `send`; on 422 "body is too long" shrink it once and send again.
  IssueComment write(const std::function<IssueComment(const std::string&)>& send);
  // Delete a comment that may already be gone (another run deleted it first).
  void delete_if_present(std::int64_t id);
  // Hide `comments` as outdated (GraphQL minimizeComment, classifier OUTDATED).
  void minimize(const std::vector<IssueComment>& comments);
  // `body` with the legacy marker when the comment taken over carried it.
  std::string carried(const std::string& body) const {
    return m_carry_legacy ? with_legacy_marker(m_request.legacy_marker, body) : body;
  }

  Client& m_client;
  const UpsertRequest& m_request;
  std::string m_body;
  std::string m_current;  // what `m_body` was merged from
  // An earlier comment carried the legacy marker: the body keeps it (UpsertRequest).
  bool m_carry_legacy = false;
};

UpsertResult Upsert::run() {
  const auto earlier = list_ours(m_client, m_request);
  m_carry_legacy = !m_request.legacy_marker.empty() &&
                   std::any_of(earlier.begin(), earlier.end(), [&](const IssueComment& comment) {
                     return comment.body.find(m_request.legacy_marker) != std::string::npos;
                   });
  m_body = carried(m_body);
  if (m_request.mode == CommentMode::k_recreate) {
    for (const auto& comment : earlier) {
      delete_if_present(comment.id);
    }
  }
  if (m_request.mode != CommentMode::k_update || earlier.empty()) {
    return create_and_settle(earlier);
  }

  // Update the oldest in place, then remove the duplicates an interrupted run left in this
  // listing (no extra request when there are none). Updating first keeps the time between the
  // listing and the update, which a merged body is made from, short.
  // No re-check after an update: a PATCH adds no comment, so it cannot make a duplicate. A run
  // racing this one either found the same comment (the later PATCH wins) or found none and
  // creates one, and that run's own re-check lists after this comment existed and keeps the
  // oldest. Skipping it keeps an update with n earlier comments at ceil((n + 1) / 100) list pages
  // plus one PATCH: 5 requests for 300.
  const IssueComment& kept = earlier.front();
  merge_from(kept.body);
  std::optional<IssueComment> updated;
  try {
    updated = write([&](const std::string& body) {
      return m_client.update_comment(m_request.repo, kept.id, body);
    });
  } catch (const ApiError& e) {
    if (e.status() != 404) {
      throw;
    }
  }
  for (auto it = earlier.begin() + 1; it != earlier.end(); ++it) {
    delete_if_present(it->id);
  }
  if (updated) {
    return {updated->id, updated->html_url, false};
  }
  // Deleted since the listing (by a run in recreate mode, or by hand): post it afresh.
  return create_and_settle({});
}

UpsertResult Upsert::create_and_settle(const std::vector<IssueComment>& earlier) {
  merge_from("");
  const IssueComment created = write([&](const std::string& body) {
    return m_client.create_comment(m_request.repo, m_request.pr_number, body);
  });

  // Re-check: a run that listed before our POST may have posted too, or a retried POST may have
  // been applied twice. Every such run re-checks after its own POST, and the last to post sees
  // all the others, so choosing the same survivor everywhere leaves exactly one comment.
  const auto now = list_ours(m_client, m_request);
  const auto earlier_ids = ids_of(earlier);
  std::vector<IssueComment> fresh;
  std::copy_if(now.begin(), now.end(), std::back_inserter(fresh),
               [&](const IssueComment& c) { return earlier_ids.count(c.id) == 0; });
  if (fresh.empty()) {
    // The listing does not show our comment yet (or another run removed it): trust the POST.
    fresh.push_back(created);
  }
  // update/recreate keep the oldest, which stays where the conversation first showed it. new keeps
  // the newest: the older ones are hidden on purpose, and a run that listed after our POST hides
  // ours, so only the newest is sure to stay visible.
  const IssueComment kept = m_request.mode == CommentMode::k_new ? fresh.back() : fresh.front();
  UpsertResult result{kept.id, kept.html_url, true};
  if (kept.id != created.id) {
    merge_from(kept.body);
  }
  if (kept.body != m_body) {
    const IssueComment updated = m_client.update_comment(m_request.repo, kept.id, m_body);
    result.html_url = updated.html_url;
  }
  for (const auto& comment : fresh) {
    if (comment.id != kept.id) {
      delete_if_present(comment.id);
    }
  }
  if (m_request.mode == CommentMode::k_new) {
    std::vector<IssueComment> older;
    std::copy_if(now.begin(), now.end(), std::back_inserter(older),
                 [&](const IssueComment& c) { return earlier_ids.count(c.id) != 0; });
    minimize(older);
  }
  return result;
}

void Upsert::merge_from(const std::string& current) {
  if (m_request.merge) {
    m_current = current;
    m_body = carried(m_request.merge(current, BodyLength::k_full));
    require_marker(m_request, m_body);
  }
}

IssueComment Upsert::write(const std::function<IssueComment(const std::string&)>& send) {
  try {
    return send(m_body);
  } catch (const ApiError& e) {
    if (!e.is_body_too_long() || (!m_request.shrink && !m_request.merge)) {
      throw;
    }
  }
  m_body = carried(m_request.merge ? m_request.merge(m_current, BodyLength::k_shorter)
                                   : m_request.shrink());
  require_marker(m_request, m_body);
  return send(m_body);
}

void Upsert::delete_if_present(std::int64_t id) {
  try {
    m_client.delete_comment(m_request.repo, id);
  } catch (const ApiError& e) {
    if (e.status() != 404) {
      throw;
    }
  }
}

void Upsert::minimize(const std::vector<IssueComment>& comments) {
  // One aliased mutation per batch: hiding n comments costs ceil(n / batch) requests, not n.
  for (std::size_t first = 0; first < comments.size(); first += k_minimize_batch) {
    const std::size_t last = std::min(first + k_minimize_batch, comments.size());
    std::string parameters;
    std::string fields;
    nlohmann::json variables = nlohmann::json::object();
    for (std::size_t i = first; i < last; ++i) {
      parameters += fmt::format("{}$id{}:ID!", i == first ? "" : ",", i);
      fields += fmt::format(
          " m{0}: minimizeComment(input:{{subjectId:$id{0}, classifier:OUTDATED}}){{ "
          "minimizedComment{{ isMinimized }} }}",
          i);
      variables[fmt::format("id{}", i)] = comments[i].node_id;
    }
    m_client.graphql(fmt::format("mutation({}){{{} }}", parameters, fields), variables);
  }
}

}  // namespace

std::vector<IssueComment> list_ours(Client& client, const UpsertRequest& request) {
  return ours(client.list_comments(request.repo, request.pr_number), request);
}

UpsertResult upsert_comment(Client& client, const UpsertRequest& request) {
  if (request.author.empty()) {
    throw Error(ExitCode::k_internal, "upsert_comment: no author to recognise our comments by");
  }
  if (!request.merge) {
    require_marker(request, request.body);
  }
  return Upsert(client, request).run();
}

}  // namespace spyglass::github
