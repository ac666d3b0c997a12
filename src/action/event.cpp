#include "spyglass/action/event.hpp"

#include <nlohmann/json.hpp>

#include "spyglass/util/error.hpp"

namespace spyglass::action {
namespace {

using nlohmann::json;

std::optional<int> number_at(const json& object, const char* key) {
  if (object.is_object() && object.contains(key) && object[key].is_number_integer()) {
    return object[key].get<int>();
  }
  return std::nullopt;
}

std::optional<std::string> string_at(const json& object, const char* key) {
  if (object.is_object() && object.contains(key) && object[key].is_string()) {
    return object[key].get<std::string>();
  }
  return std::nullopt;
}

}  // namespace

EventPullRequest pull_request_from_event(std::string_view payload, std::string_view event_name,
                                         const std::string& display_name) {
  const json event = json::parse(payload, nullptr, false);
  if (event.is_discarded() || !event.is_object()) {
    throw_input_error(display_name, "the event payload is not a JSON object");
  }
  EventPullRequest found;
  if (event_name == "pull_request" || event_name == "pull_request_target") {
    const json& pull = event.value("pull_request", json::object());
    found.number = number_at(pull, "number");
    if (!found.number) {
      found.number = number_at(event, "number");
    }
    return found;
  }
  if (event_name == "issue_comment") {
    const json& issue = event.value("issue", json::object());
    // Issue comments fire for issues too; only a pull request carries `pull_request`.
    if (issue.is_object() && issue.contains("pull_request")) {
      found.number = number_at(issue, "number");
    }
    return found;
  }
  if (event_name == "workflow_run") {
    const json& run = event.value("workflow_run", json::object());
    const json& pulls = run.is_object() ? run.value("pull_requests", json::array()) : json::array();
    if (pulls.is_array() && !pulls.empty()) {
      found.number = number_at(pulls[0], "number");
    }
    found.head_sha = string_at(run, "head_sha");
    return found;
  }
  found.head_sha = string_at(event, "after");
  return found;
}

}  // namespace spyglass::action
