#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "spyglass/cli/command.hpp"
#include "spyglass/cli/common_options.hpp"
#include "spyglass/cli/io.hpp"
#include "spyglass/compare/compare.hpp"
#include "spyglass/render/asv_table.hpp"
#include "spyglass/util/error.hpp"

namespace spyglass::cli {

// Everything `spyglass compare-many` takes.
struct CompareManyOptions {
  std::string baseline_path;
  std::vector<std::string> contender_paths;
  std::optional<std::string> benchmarks_path;
  action::InputOptions input;
  double factor = compare::k_default_factor;
  std::vector<std::string> bigger_is_better;  // --bigger-is-better patterns
  render::SortOrder sort = render::SortOrder::k_default;
  std::vector<std::string> labels;  // baseline first; none, or one per file
  OutputFormat format = OutputFormat::k_table;
  bool exit_zero = false;
};

// Register `compare-many` on `app`, filling `options` when parsed.
CLI::App* add_compare_many_options(CLI::App& app, CompareManyOptions& options);

// The `compare-many` subcommand: its options and run_compare_many.
Command make_compare_many_command(CLI::App& app);

// Compare, print, and return k_regression when any contender regressed (unless exit_zero).
ExitCode run_compare_many(const CompareManyOptions& options, Io& io);

}  // namespace spyglass::cli
