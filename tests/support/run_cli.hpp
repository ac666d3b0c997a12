#pragma once

#include <functional>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "spyglass/util/clock.hpp"

namespace spyglass::test {

// What one in-process run of the spyglass CLI printed and returned.
struct CliResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Environment variables for one run; nothing else of the host's environment is seen.
using CliEnv = std::map<std::string, std::string, std::less<>>;

// Run `spyglass args...` in-process with the environment `env` (and `clock` for the waits between
// GitHub requests; null: the system clock), and `in` as standard input (null: none). Each argument
// starting with "@F/" has that prefix replaced by the fixtures folder.
CliResult run_cli(const std::vector<std::string>& args, const CliEnv& env = {},
                  util::Clock* clock = nullptr, std::istream* in = nullptr);

// `text` with every occurrence of the fixtures folder written as "@F/", so expected outputs that
// name fixture files do not depend on where the repository is checked out.
std::string with_fixture_marker(std::string text);

}  // namespace spyglass::test
