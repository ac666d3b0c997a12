#pragma once

#include <string>

#include "spyglass/util/error.hpp"

namespace spyglass::github {

// A GitHub API call that was answered with an error status (after any retries).
class ApiError : public Error {
 public:
  ApiError(int status, std::string github_message, const std::string& what)
      : Error(ExitCode::k_github_api, what),
        m_status(status),
        m_github_message(std::move(github_message)) {}

  int status() const { return m_status; }
  // The `message` of GitHub's error body ("" when there was none).
  const std::string& github_message() const { return m_github_message; }

  // A token that may read but not write, as on pull requests from forks.
  bool is_read_only_token() const {
    return m_status == 403 &&
           m_github_message.find("Resource not accessible by integration") != std::string::npos;
  }

  // 422 "body is too long (maximum is 65536 characters)".
  bool is_body_too_long() const {
    return m_status == 422 && m_github_message.find("too long") != std::string::npos;
  }

 private:
  int m_status;
  std::string m_github_message;
};

}  // namespace spyglass::github
