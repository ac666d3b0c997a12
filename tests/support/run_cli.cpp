#include "support/run_cli.hpp"

#include <sstream>

#include "spyglass/cli/cli.hpp"
#include "spyglass/util/env.hpp"
#include "support/paths.hpp"

namespace spyglass::test {

CliResult run_cli(const std::vector<std::string>& args, const CliEnv& env, util::Clock* clock,
                  std::istream* in) {
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
  const util::MapEnv map_env(env);
  cli::Io io{out, err, in, &map_env, clock};
  CliResult result;
  result.exit_code = cli::run(static_cast<int>(argv.size()), argv.data(), io);
  result.out = out.str();
  result.err = err.str();
  return result;
}

std::string with_fixture_marker(std::string text) {
  const std::string folder = fixture_path("");
  for (auto at = text.find(folder); at != std::string::npos; at = text.find(folder, at)) {
    text.replace(at, folder.size(), "@F/");
  }
  return text;
}

}  // namespace spyglass::test
