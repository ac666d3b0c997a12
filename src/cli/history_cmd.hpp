#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "spyglass/cli/command.hpp"
#include "spyglass/cli/io.hpp"
#include "spyglass/history/history.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/input_limit.hpp"

namespace spyglass::cli {

// `history --format`: the table a person reads, or the machine-readable records.
enum class HistoryFormat { k_markdown, k_json };

// Everything `spyglass history` takes (docs/history.md).
struct HistoryOptions {
  std::vector<std::string> folders;  // asv results folders
  std::optional<std::string> machine;
  std::optional<std::string> env;
  double threshold = history::k_default_threshold;
  std::optional<std::string> bench;  // a regular expression searched in the names
  HistoryFormat format = HistoryFormat::k_markdown;
  std::optional<std::string> output_path;
  std::uint64_t max_input_size = util::k_default_max_input_size;
};

// Register `history` on `app`, filling `options` when parsed.
CLI::App* add_history_options(CLI::App& app, HistoryOptions& options);

// The `history` subcommand: its options and run_history.
Command make_history_command(CLI::App& app);

// Build the series, detect asv's steps and regressions, and write the report to stdout or
// --output. Exits 0 whatever it found.
ExitCode run_history(const HistoryOptions& options, Io& io);

}  // namespace spyglass::cli
