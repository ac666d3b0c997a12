#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "spyglass/cli/io.hpp"
#include "spyglass/util/error.hpp"

namespace spyglass::cli {

// A registered subcommand: its CLI11 node and the function that runs it once parsed. The factory
// that makes one owns the options struct the parser fills (captured by the run function).
struct Command {
  CLI::App* app = nullptr;
  std::function<ExitCode(Io&)> run;
};

}  // namespace spyglass::cli
