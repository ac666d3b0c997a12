#pragma once

#include <CLI/CLI.hpp>

#include "spyglass/action/comment_job.hpp"
#include "spyglass/cli/command.hpp"

namespace spyglass::cli {

// Register the options naming the comparison on `command` (--table, --base/--pr, --baseline/
// --contender, labels, --bconf, --factor), filling `job`; `comment` and `report` share them.
void add_comparison_options(CLI::App& command, action::CommentJob& job);

// Register `comment` on `app`, filling `job` when parsed.
CLI::App* add_comment_options(CLI::App& app, action::CommentJob& job);

// The `comment` subcommand: render the pull-request comment, then print or post it and gate.
Command make_comment_command(CLI::App& app);

}  // namespace spyglass::cli
