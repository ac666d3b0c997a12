#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "spyglass/github/client.hpp"

namespace spyglass::github {

// What to do with an earlier comment of the same id (`--comment-mode`).
enum class CommentMode {
  k_update,    // edit it in place (default)
  k_recreate,  // delete it and post a new one at the bottom
  k_new,       // post a new one and hide the older ones as outdated (GraphQL minimizeComment)
};

// How long a merged body may be: GitHub's limit, or shorter after GitHub said it was too long.
enum class BodyLength { k_full, k_shorter };

struct UpsertRequest {
  std::string repo;  // owner/name
  int pr_number = 0;
  std::string marker;  // the body's first line, e.g. "<!-- spyglass:default -->"
  std::string body;    // starts with `marker`
  // Another tool's marker (asv-perch's `<!-- asv-benchmark-result -->`) anywhere in a comment of
  // `author` also makes it ours, so that switching tools edits its comment instead of adding a
  // second one. When an earlier comment carried it, the body sent keeps it as its second line
  // (added here, so a body at the length limit may take the 422 retry). Empty: none.
  std::string legacy_marker;
  // The login whose comments are ours: "github-actions[bot]" for the Actions token.
  std::string author;
  CommentMode mode = CommentMode::k_update;
  // A shorter body to retry with when GitHub answers 422 "body is too long".
  std::function<std::string()> shrink;
  // When set, replaces `body` and `shrink`: the body is made from the comment it replaces,
  // merge(that comment's body, or "" for a new comment, k_full), k_shorter after a 422.
  std::function<std::string(const std::string& current, BodyLength length)> merge;
};

struct UpsertResult {
  std::int64_t comment_id = 0;
  std::string html_url;
  bool created = false;  // false: an existing comment was updated
};

// Our comments with the request's marker on its pull request, oldest first; upsert_comment keeps
// the first.
std::vector<IssueComment> list_ours(Client& client, const UpsertRequest& request);

// Post or update this id's comment so that exactly one exists afterwards, even when another run
// raced us: after posting, the comments are listed again and any other comment of ours with the
// same marker is deleted (the oldest one wins; in k_new mode the newest, and the comments that
// were there before are hidden, not deleted). Ours: `author`'s, compared case-insensitively.
// Throws ApiError on API failures.
UpsertResult upsert_comment(Client& client, const UpsertRequest& request);

}  // namespace spyglass::github
