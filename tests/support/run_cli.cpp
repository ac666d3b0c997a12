#include "support/run_cli.hpp"

#include <sstream>

#include "spyglass/cli/cli.hpp"
#include "support/paths.hpp"

namespace spyglass::test {

CliResult run_cli(const std::vector<std::string>& args) {
  std::vector<std::string> expanded = {"spyglass"};
  for (const auto& arg : args) {
    expanded.push_back(arg.rfind("@F/", 0) == 0 ? fixture_path(arg.substr(3)) : arg);
  }
  std::vector<const char*> argv;
  for (const auto& arg : expanded) {
    argv.push_back(arg.c_str());
  }
  std::ostringstream out;
  std::ostringstream err;
  cli::Io io{out, err};
  CliResult result;
  result.exit_code = cli::run(static_cast<int>(argv.size()), argv.data(), io);
  result.out = out.str();
  result.err = err.str();
  return result;
}

}  // namespace spyglass::test
