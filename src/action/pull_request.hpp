#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "spyglass/github/client.hpp"
#include "spyglass/util/env.hpp"

namespace spyglass::action {

// The open pull request to comment on: `explicit_number` when given, else the one the event
// names (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH in `env`), else the open PRs whose head is the
// event's commit. A PR found through a workflow_run or a commit must be open and have that commit
// as its head; nullopt when there is none (never a closed or unrelated PR). The event payload is
// read only up to `max_event_size` bytes.
std::optional<int> resolve_pull_request(github::Client& client, const std::string& repo,
                                        std::optional<int> explicit_number,
                                        std::uint64_t max_event_size, const util::Env& env);

}  // namespace spyglass::action
