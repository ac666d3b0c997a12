#include "spyglass/model/run_context.hpp"

#include <algorithm>
#include <cctype>

namespace spyglass::model {

std::optional<std::string> RunContext::commit_url(const std::string& sha) const {
  // The hash comes from a result file a fork controls: only a commit id (hex digits) goes into
  // a URL, so no other text can end the link early and land as the comment's own markup.
  const bool commit_id =
      !sha.empty() && sha.size() <= 64 && std::all_of(sha.begin(), sha.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c)) != 0;
      });
  if (!server_url || !repository || !commit_id) {
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
