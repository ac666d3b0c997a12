#pragma once

#include <optional>
#include <string>

namespace spyglass::model {

// What the GitHub Actions runner tells a step about its run, for links in the comment.
struct RunContext {
  std::optional<std::string> server_url;   // GITHUB_SERVER_URL, e.g. https://github.com
  std::optional<std::string> repository;   // GITHUB_REPOSITORY, owner/name
  std::optional<std::string> run_id;       // GITHUB_RUN_ID
  std::optional<std::string> run_attempt;  // GITHUB_RUN_ATTEMPT

  // `server/owner/name/commit/sha`, when the server and repository are known and `sha` is a
  // commit id (hex digits).
  std::optional<std::string> commit_url(const std::string& sha) const;
  // The workflow run's page, when the server, repository and run id are known.
  std::optional<std::string> run_url() const;
};

}  // namespace spyglass::model
