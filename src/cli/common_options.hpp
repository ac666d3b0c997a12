#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "spyglass/action/load_inputs.hpp"
#include "spyglass/model/comparison.hpp"
#include "spyglass/util/error.hpp"

namespace spyglass::cli {

enum class OutputFormat { k_table, k_json };

// A validator accepting exactly `names`; otherwise "VALUE is not one of a, b, c".
CLI::Validator one_of(const std::vector<std::string>& names);

// Register `name` taking one of `choices`' names and storing the matching value in `target`.
template <typename T>
CLI::Option* add_choice_option(CLI::App& command, const std::string& name, T& target,
                               const std::vector<std::pair<std::string, T>>& choices,
                               const std::string& help) {
  std::vector<std::string> names;
  for (const auto& choice : choices) {
    names.push_back(choice.first);
  }
  auto* option = command.add_option_function<std::string>(
      name,
      [&target, choices](const std::string& value) {
        for (const auto& [choice, choice_value] : choices) {
          if (choice == value) {
            target = choice_value;
          }
        }
      },
      help);
  option->check(one_of(names))->type_name(CLI::detail::join(names, "|"));
  return option;
}

// One value per use of a repeatable option (`-l a -l b`), so it cannot swallow the positional
// arguments after it.
CLI::Option* one_value_each(CLI::Option* option);

// --factor F: the significance factor, a positive number (default 1.1).
void add_factor_option(CLI::App& command, double& factor);

// --bigger-is-better REGEX, repeatable: benchmarks whose name it matches anywhere are better
// bigger (throughput), so a drop is the regression.
void add_bigger_is_better_option(CLI::App& command, std::vector<std::string>& patterns);

// One warning line on `err` when `factor` is at most 1: the comparison still runs as asv-spyglass
// runs it (byte-compatible), but its verdicts are meaningless (the action refuses such a factor).
void warn_if_factor_not_above_one(double factor, std::ostream& err);

// --format table|json.
void add_format_option(CLI::App& command, OutputFormat& format);

// --max-input-size SIZE: the most bytes read from one input file (util::parse_byte_size),
// default util::k_default_max_input_size.
void add_max_input_size_option(CLI::App& command, std::uint64_t& max_input_size);

// --input-format, --metric, --base-run, --pr-run, --max-input-size: how the result files are
// read. `base_side` and `pr_side` name the sides in the help.
void add_input_options(CLI::App& command, action::InputOptions& options,
                       const std::string& base_side, const std::string& pr_side);

// --exit-zero: exit 0 even when something regressed.
void add_exit_zero_flag(CLI::App& command, bool& exit_zero);

// k_regression when `comparison` has a `+` or `!` row and `exit_zero` is not set.
ExitCode exit_code_for(const model::Comparison& comparison, bool exit_zero);

}  // namespace spyglass::cli
