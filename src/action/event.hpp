#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace spyglass::action {

// What a workflow event payload says about the pull request to comment on.
struct EventPullRequest {
  std::optional<int> number;            // known directly from the payload
  std::optional<std::string> head_sha;  // look the PR up by this commit when the number is unknown
};

// Read `GITHUB_EVENT_PATH`'s payload for `event_name` (GITHUB_EVENT_NAME):
// pull_request / pull_request_target → pull_request.number; issue_comment on a pull request →
// issue.number; workflow_run → the first of workflow_run.pull_requests, else its head_sha (fork
// PRs have no pull_requests there); push and others → the pushed sha (`after`), to look up.
// Throws Error(k_bad_input) naming `display_name` when the payload is not JSON.
EventPullRequest pull_request_from_event(std::string_view payload, std::string_view event_name,
                                         const std::string& display_name);

}  // namespace spyglass::action
