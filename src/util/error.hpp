#pragma once

#include <stdexcept>
#include <string>

namespace spyglass {

// The process exit codes; the only place they are defined. Documented in docs/exit-codes.md.
enum class ExitCode : int {
  k_success = 0,     // compared (or posted); nothing regressed
  k_regression = 1,  // compared; at least one regression or newly failing benchmark
  k_bad_input = 2,   // bad usage, or an unreadable or invalid input file
  k_github_api = 3,  // the GitHub API refused or failed after retries
  k_internal = 4,    // a bug in spyglass; the message says where
};

// The one error type: a user-facing one-line message and the exit code it ends the run with.
// Thrown for unrecoverable conditions only and caught once, in cli::run.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, std::string message)
      : std::runtime_error(std::move(message)), m_code(code) {}

  ExitCode code() const { return m_code; }

 private:
  ExitCode m_code;
};

// Throw an input error of the shape "`file`: `what`".
[[noreturn]] inline void throw_input_error(const std::string& file, const std::string& what) {
  throw Error(ExitCode::k_bad_input, file + ": " + what);
}

}  // namespace spyglass
