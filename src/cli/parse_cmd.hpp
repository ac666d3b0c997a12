#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "spyglass/cli/command.hpp"
#include "spyglass/cli/io.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/input_limit.hpp"

namespace spyglass::cli {

// Everything `spyglass parse` takes.
struct ParseOptions {
  std::string table_path;  // a printed comparison table; `-` reads standard input
  std::uint64_t max_input_size = util::k_default_max_input_size;
};

// Register `parse` on `app`, filling `options` when parsed.
CLI::App* add_parse_options(CLI::App& app, ParseOptions& options);

// The `parse` subcommand: its options and run_parse.
Command make_parse_command(CLI::App& app);

// Read the table and print it as `compare --format json` (or `compare-many --format json`) would.
// Always k_success once the table is read: this converts, it does not gate.
ExitCode run_parse(const ParseOptions& options, Io& io);

}  // namespace spyglass::cli
