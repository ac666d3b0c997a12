#pragma once

#include <CLI/CLI.hpp>

#include "spyglass/model/comparison.hpp"
#include "spyglass/util/error.hpp"

namespace spyglass::cli {

enum class OutputFormat { k_table, k_json };

// --factor F: the significance factor, a positive number (default 1.1).
void add_factor_option(CLI::App& command, double& factor);

// --format table|json.
void add_format_option(CLI::App& command, OutputFormat& format);

// --exit-zero: exit 0 even when something regressed.
void add_exit_zero_flag(CLI::App& command, bool& exit_zero);

// k_regression when `comparison` has a `+` or `!` row and `exit_zero` is not set.
ExitCode exit_code_for(const model::Comparison& comparison, bool exit_zero);

}  // namespace spyglass::cli
