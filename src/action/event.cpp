#include "spyglass/action/event.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "spyglass/util/error.hpp"

namespace spyglass::action {
namespace {

using nlohmann::json;

// The pull request number at `object[key]`, nullopt when there is none. A number that is not a
// positive integer that fits GitHub's 32-bit numbers is refused rather than wrapped or cut: a
// payload's 4294967303 must not comment on #7. `where` names the key for the message.
std::optional<int> number_at(const json& object, const char* key, std::string_view where,
                             const std::string& display_name) {
  if (!object.is_object() || !object.contains(key) || object[key].is_null()) {
    return std::nullopt;
  }
  const json& number = object[key];
  if (!number.is_number_integer() || number.get<std::int64_t>() <= 0 ||
      number.get<std::int64_t>() > std::numeric_limits<int>::max()) {
    throw_input_error(display_name,
                      fmt::format("{}: {} is not a pull request number (a positive "
                                  "integer up to {})",
                                  where, number.dump(), std::numeric_limits<int>::max()));
  }
  return number.get<int>();
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
    found.number = number_at(pull, "number", "pull_request.number", display_name);
    if (!found.number) {
      found.number = number_at(event, "number", "number", display_name);
    }
    return found;
  }
  if (event_name == "issue_comment") {
    const json& issue = event.value("issue", json::object());
    // Issue comments fire for issues too; only a pull request carries `pull_request`.
    if (issue.is_object() && issue.contains("pull_request")) {
      found.number = number_at(issue, "number", "issue.number", display_name);
    }
    return found;
  }
  if (event_name == "workflow_run") {
    const json& run = event.value("workflow_run", json::object());
    const json& pulls = run.is_object() ? run.value("pull_requests", json::array()) : json::array();
    if (pulls.is_array() && !pulls.empty()) {
      found.number =
          number_at(pulls[0], "number", "workflow_run.pull_requests[0].number", display_name);
    }
    found.head_sha = string_at(run, "head_sha");
    return found;
  }
  found.head_sha = string_at(event, "after");
  return found;
}

}  // namespace spyglass::action
