#pragma once

#include <CLI/CLI.hpp>

#include "spyglass/cli/command.hpp"

namespace spyglass::cli {

// The `action` subcommand, the container action's entrypoint: the comment job described by the
// runner's INPUT_* variables (see action.yml).
Command make_action_command(CLI::App& app);

}  // namespace spyglass::cli
