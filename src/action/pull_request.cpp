#include "spyglass/action/pull_request.hpp"

#include "spyglass/action/event.hpp"
#include "spyglass/util/file.hpp"

namespace spyglass::action {
namespace {

bool is_open_with_head(const github::PullRequest& pull, const std::string& sha) {
  return pull.state == "open" && pull.head_sha == sha;
}

}  // namespace

std::optional<int> resolve_pull_request(github::Client& client, const std::string& repo,
                                        std::optional<int> explicit_number,
                                        std::uint64_t max_event_size, const util::Env& env) {
  if (explicit_number) {
    return explicit_number;
  }
  const auto event_path = env.get("GITHUB_EVENT_PATH");
  if (!event_path) {
    return std::nullopt;
  }
  const auto event_name = env.get("GITHUB_EVENT_NAME").value_or("");
  const auto event = pull_request_from_event(util::read_file(*event_path, max_event_size),
                                             event_name, *event_path);
  if (event.number && !event.head_sha) {
    return event.number;  // the event is about this pull request itself
  }
  if (!event.head_sha) {
    return std::nullopt;
  }
  if (event.number) {
    // workflow_run names its PRs as they were when it started; check it is still that head.
    const auto pull = client.get_pull(repo, *event.number);
    if (is_open_with_head(pull, *event.head_sha)) {
      return pull.number;
    }
  }
  for (const auto& pull : client.pulls_for_commit(repo, *event.head_sha)) {
    if (is_open_with_head(pull, *event.head_sha)) {
      return pull.number;
    }
  }
  return std::nullopt;
}

}  // namespace spyglass::action
