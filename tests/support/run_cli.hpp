#pragma once

#include <string>
#include <vector>

namespace spyglass::test {

// What one in-process run of the spyglass CLI printed and returned.
struct CliResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Run `spyglass args...` in-process. Each argument starting with "@F/" has that prefix replaced
// by the fixtures folder.
CliResult run_cli(const std::vector<std::string>& args);

}  // namespace spyglass::test
