#include "spyglass/cli/common_options.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace spyglass::cli {

void add_factor_option(CLI::App& command, double& factor) {
  command.add_option("--factor", factor, "Significance factor: a change must exceed it to count")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

void add_format_option(CLI::App& command, OutputFormat& format) {
  const std::map<std::string, OutputFormat> formats = {{"table", OutputFormat::k_table},
                                                       {"json", OutputFormat::k_json}};
  command.add_option("--format", format, "Output: the asv-spyglass pipe table, or JSON")
      ->transform(CLI::CheckedTransformer(formats))
      ->default_str("table");
}

void add_exit_zero_flag(CLI::App& command, bool& exit_zero) {
  command.add_flag("--exit-zero", exit_zero, "Exit 0 even when a benchmark regressed");
}

ExitCode exit_code_for(const model::Comparison& comparison, bool exit_zero) {
  const bool regressed = std::any_of(comparison.rows.begin(), comparison.rows.end(),
                                     [](const auto& row) { return model::is_regression(row.change); });
  return regressed && !exit_zero ? ExitCode::k_regression : ExitCode::k_success;
}

}  // namespace spyglass::cli
