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

// Everything `spyglass compare` takes (asv-spyglass v0.3.1's options plus --format, --exit-zero).
struct CompareOptions {
  std::string before_path;
  std::string after_path;
  std::optional<std::string> benchmarks_path;
  action::InputOptions input;
  // --factor and the noise controls as given; the config file fills in the rest.
  action::ComparisonSettings settings;
  action::ConfigChoice config;
  render::CompareTableOptions table;
  OutputFormat format = OutputFormat::k_table;
  bool exit_zero = false;
};

// Register `compare` on `app`, filling `options` when parsed.
CLI::App* add_compare_options(CLI::App& app, CompareOptions& options);

// The `compare` subcommand: its options and run_compare.
Command make_compare_command(CLI::App& app);

// Compare, print, and return k_regression when anything regressed (unless exit_zero).
ExitCode run_compare(const CompareOptions& options, Io& io);

}  // namespace spyglass::cli
