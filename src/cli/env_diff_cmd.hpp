#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "spyglass/cli/command.hpp"
#include "spyglass/cli/io.hpp"
#include "spyglass/compare/env_diff.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/input_limit.hpp"

namespace spyglass::cli {

// `env-diff --format`: asv-spyglass's markdown report, or its JSON payload.
enum class EnvDiffFormat { k_markdown, k_json };

// Everything `spyglass env-diff` takes (asv-spyglass's env-diff options).
struct EnvDiffOptions {
  std::string before_path;
  std::string after_path;
  std::vector<compare::ComponentKind> kinds;  // --kind, repeated; empty means the default kinds
  bool all_kinds = false;                     // wins over --kind, as in asv-spyglass
  bool include_unchanged = false;
  EnvDiffFormat format = EnvDiffFormat::k_markdown;
  bool fail_on_change = false;
  std::uint64_t max_input_size = util::k_default_max_input_size;
};

// Register `env-diff` on `app`, filling `options` when parsed.
CLI::App* add_env_diff_options(CLI::App& app, EnvDiffOptions& options);

// The kinds to compare: every kind with --all-kinds, else the --kind ones, else library+runtime.
std::vector<compare::ComponentKind> selected_kinds(const EnvDiffOptions& options);

// The `env-diff` subcommand: its options and run_env_diff.
Command make_env_diff_command(CLI::App& app);

// Diff the two files' environments, print the report, and return k_regression (1) when
// --fail-on-change is set and a component was added, removed or version-bumped.
ExitCode run_env_diff(const EnvDiffOptions& options, Io& io);

}  // namespace spyglass::cli
