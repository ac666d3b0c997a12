#include "spyglass/action/publish.hpp"

#include <random>

#include "spyglass/action/pull_request.hpp"
#include "spyglass/github/api_error.hpp"
#include "spyglass/github/gate.hpp"
#include "spyglass/github/shared_comment.hpp"
#include "spyglass/util/diagnostics.hpp"

namespace spyglass::action {
namespace {

// Writes a prepared request: upsert_comment, or upsert_shared_comment for a section.
using Upsert = std::function<github::UpsertResult(const github::UpsertRequest&)>;

// Find the pull request and the author, and write `request` (its body or merge and its marker
// set) with `upsert`; warns instead of failing without a pull request or with a read-only token.
PublishOutcome publish(github::Client& client, const PublishOptions& options,
                       github::UpsertRequest request, const Upsert& upsert, const util::Env& env,
                       std::ostream& err) {
  PublishOutcome outcome;
  outcome.pr_number =
      resolve_pull_request(client, options.repo, options.pr_number, options.max_event_size, env);
  if (!outcome.pr_number) {
    util::write_warning(err,
                        "no open pull request found for this run; the comment was not posted "
                        "(the report is in the job summary)");
    return outcome;
  }
  request.repo = options.repo;
  request.pr_number = *outcome.pr_number;
  request.mode = options.mode;
  try {
    request.author = options.comment_author ? *options.comment_author
                                            : client.authenticated_login().value_or(k_actions_bot);
    outcome.comment = upsert(request);
  } catch (const github::ApiError& error) {
    if (!error.is_read_only_token()) {
      throw;
    }
    util::write_warning(err, "the token may not write to " + options.repo +
                                 " (pull requests from forks get a read-only token); the comment "
                                 "was not posted, the report is in the job summary");
  }
  return outcome;
}

}  // namespace

PublishOutcome publish_comment(github::Client& client, const PublishOptions& options,
                               const std::string& marker, const std::string& body,
                               const std::function<std::string()>& shrink, const util::Env& env,
                               std::ostream& err) {
  github::UpsertRequest request;
  request.marker = marker;
  request.body = body;
  request.shrink = shrink;
  request.legacy_marker = options.legacy_marker;
  return publish(
      client, options, std::move(request),
      [&](const github::UpsertRequest& ready) { return github::upsert_comment(client, ready); },
      env, err);
}

PublishOutcome publish_section(github::Client& client, const PublishOptions& options,
                               render::SectionedComment& section, std::size_t max_chars,
                               util::Clock& clock, const util::Env& env, std::ostream& err) {
  github::UpsertRequest request;
  request.marker = render::comment_marker(section.id());
  request.merge = [&](const std::string& current, github::BodyLength length) {
    return section.splice_into(
        current, length == github::BodyLength::k_full ? max_chars : max_chars * 9 / 10);
  };
  auto holds = [&](const std::string& body) { return section.is_held_by(body); };
  const auto part = "section '" + section.name() + "'";
  return publish(
      client, options, std::move(request),
      [&](const github::UpsertRequest& ready) {
        return github::upsert_shared_comment(client, ready, holds, part, {}, clock,
                                             std::random_device{}());
      },
      env, err);
}

void convert_to_draft(github::Client& client, const std::string& repo, int pr, std::ostream& err) {
  try {
    if (github::convert_to_draft(client, repo, pr) == github::DraftChange::k_converted) {
      util::write_note(err, "converted pull request #" + std::to_string(pr) +
                                " to a draft (a benchmark regressed)");
    }
  } catch (const github::ApiError& error) {
    if (!error.is_read_only_token()) {
      throw;
    }
    util::write_warning(err, "the token may not convert pull request #" + std::to_string(pr) +
                                 " to a draft (it needs pull-requests: write); it was left as it "
                                 "is");
  }
}

}  // namespace spyglass::action
