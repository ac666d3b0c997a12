#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "spyglass/github/client.hpp"
#include "spyglass/github/upsert.hpp"
#include "spyglass/render/comment_sections.hpp"
#include "spyglass/util/clock.hpp"
#include "spyglass/util/env.hpp"
#include "spyglass/util/input_limit.hpp"

namespace spyglass::action {

// Where and how to post (from `spyglass comment` flags or the action's inputs).
struct PublishOptions {
  std::string repo;                           // owner/name
  std::optional<int> pr_number;               // else found from the event
  std::optional<std::string> comment_author;  // whose comments are ours; else asked of GitHub
  github::CommentMode mode = github::CommentMode::k_update;
  std::uint64_t max_event_size = util::k_default_max_input_size;  // the event payload's limit
  // publish_comment: another tool's marker whose comment is taken over (UpsertRequest).
  std::string legacy_marker;
};

// What posting did. `pr_number` is empty when no open pull request was found; `comment` is empty
// when nothing was posted (no PR, or a read-only token).
struct PublishOutcome {
  std::optional<int> pr_number;
  std::optional<github::UpsertResult> comment;
};

// The Actions token acts as this bot; GET /user is not open to it.
inline constexpr const char* k_actions_bot = "github-actions[bot]";

// Find the pull request and post or update this id's comment with `body` (`shrink` gives a
// shorter one if GitHub says it is too long). No PR and a read-only token (fork PRs) are not
// failures: a warning goes to `err` and nothing is posted. Other API failures throw ApiError.
PublishOutcome publish_comment(github::Client& client, const PublishOptions& options,
                               const std::string& marker, const std::string& body,
                               const std::function<std::string()>& shrink, const util::Env& env,
                               std::ostream& err);

// Like publish_comment, for this job's section of the comment shared by the jobs with the same
// id: spliced into whatever the comment holds (the whole within `max_chars`), then checked to stay
// there while other jobs write theirs (github::upsert_shared_comment).
PublishOutcome publish_section(github::Client& client, const PublishOptions& options,
                               render::SectionedComment& section, std::size_t max_chars,
                               util::Clock& clock, const util::Env& env, std::ostream& err);

// Convert pull request `pr` of `repo` to a draft (github::convert_to_draft) and say so on `err`.
// A token that may not (a read-only one, or one without `pull-requests: write`) only warns, as
// for the comment; other API failures throw ApiError.
void convert_to_draft(github::Client& client, const std::string& repo, int pr, std::ostream& err);

}  // namespace spyglass::action
