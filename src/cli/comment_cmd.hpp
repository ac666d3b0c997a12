#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "spyglass/cli/command.hpp"
#include "spyglass/cli/io.hpp"
#include "spyglass/util/error.hpp"

namespace spyglass::cli {

// Everything `spyglass comment` takes. The input is one of: --table, --base with --pr, or
// --baseline with --contender.
struct CommentOptions {
  std::optional<std::string> table_path;  // a comparison table; "-" reads stdin
  std::optional<std::string> base_path;
  std::optional<std::string> pr_path;
  std::optional<std::string> baseline_path;
  std::vector<std::string> contender_paths;
  std::vector<std::string> labels;
  std::optional<std::string> benchmarks_path;
  double factor = 1.1;
  std::string id = "default";
  std::size_t max_chars = 65536;
  std::optional<std::string> output_path;    // also write the full report here
  std::optional<std::string> template_path;  // replaces templates/comment.md.mustache
  std::optional<std::string> dashboard_url;
  bool print_only = false;
  bool print_model = false;
};

// Register `comment` on `app`, filling `options` when parsed.
CLI::App* add_comment_options(CLI::App& app, CommentOptions& options);

// Build the comment; print it (--print-only) or the model (--print-model); write the full report
// to --output and the job summary.
ExitCode run_comment(const CommentOptions& options, Io& io);

// The `comment` subcommand.
Command make_comment_command(CLI::App& app);

}  // namespace spyglass::cli
