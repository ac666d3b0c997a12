#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "spyglass/action/comment_job.hpp"
#include "spyglass/cli/command.hpp"
#include "spyglass/cli/io.hpp"

namespace spyglass::cli {

// Everything `spyglass report` takes: the comparison, as `comment` names it, and where to write.
struct ReportOptions {
  action::CommentJob comparison;  // only its comparison options are used
  std::string html_path;
  std::string title = "Benchmark report";
};

// Register `report` on `app`, filling `options` when parsed.
CLI::App* add_report_options(CLI::App& app, ReportOptions& options);

// The `report` subcommand: its options and run_report.
Command make_report_command(CLI::App& app);

// Load the comparison and write it as a self-contained HTML page to --html.
ExitCode run_report(const ReportOptions& options, Io& io);

}  // namespace spyglass::cli
