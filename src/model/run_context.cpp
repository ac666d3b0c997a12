#include "spyglass/model/run_context.hpp"

namespace spyglass::model {

std::optional<std::string> RunContext::commit_url(const std::string& sha) const {
  if (!server_url || !repository || sha.empty()) {
    return std::nullopt;
  }
  return *server_url + "/" + *repository + "/commit/" + sha;
}

std::optional<std::string> RunContext::run_url() const {
  if (!server_url || !repository || !run_id) {
    return std::nullopt;
  }
  std::string url = *server_url + "/" + *repository + "/actions/runs/" + *run_id;
  if (run_attempt) {
    url += "/attempts/" + *run_attempt;
  }
  return url;
}

}  // namespace spyglass::model
