#include "spyglass/cli/common_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <string>

#include "spyglass/action/inputs.hpp"
#include "spyglass/ingest/load_results.hpp"
#include "spyglass/util/diagnostics.hpp"
#include "spyglass/util/input_limit.hpp"

namespace spyglass::cli {

CLI::Validator one_of(const std::vector<std::string>& names) {
  return CLI::Validator(
      [names](const std::string& value) {
        if (std::find(names.begin(), names.end(), value) != names.end()) {
          return std::string();
        }
        return value + " is not one of " + CLI::detail::join(names, ", ");
      },
      "");
}

CLI::Option* one_value_each(CLI::Option* option) { return option->allow_extra_args(false); }

namespace {

// Each value of a repeatable option through `add`; its Error (a bad pattern) as a usage error.
CLI::Option* add_each(CLI::App& command, const std::string& name,
                      std::function<void(const std::string&)> add, const std::string& help) {
  return one_value_each(command.add_option_function<std::vector<std::string>>(
      name,
      [add = std::move(add)](const std::vector<std::string>& values) {
        try {
          std::for_each(values.begin(), values.end(), add);
        } catch (const Error& e) {
          throw CLI::ValidationError(e.what());
        }
      },
      help));
}

}  // namespace

void add_comparison_settings(CLI::App& command, action::ComparisonSettings& settings,
                             action::ConfigChoice& config) {
  command
      .add_option("--factor", settings.factor,
                  "Significance factor: a change must exceed it to count")
      ->check(CLI::Validator(
          [](const std::string& value) {
            double number = 0.0;
            std::size_t used = 0;
            try {
              number = std::stod(value, &used);
            } catch (const std::exception&) {
              used = 0;
            }
            const bool positive = used == value.size() && std::isfinite(number) && number > 0;
            return positive ? std::string() : value + " is not a positive number";
          },
          "POSITIVE"))
      ->default_str(fmt::format("{}", model::k_default_factor));
  for (const auto& setting : action::k_pattern_settings) {
    const auto flag = "--" + action::option_name(setting.name);
    auto& patterns = settings.rules.*(setting.patterns);
    add_each(
        command, flag,
        [&patterns, flag](const std::string& pattern) { patterns.emplace_back(pattern, flag); },
        std::string(setting.help))
        ->type_name("REGEX");
  }
  auto& factor_for = settings.rules.factor_for;
  add_each(
      command, "--factor-for",
      [&factor_for](const std::string& rule) {
        factor_for.push_back(action::parse_factor_rule(rule, "--factor-for"));
      },
      "PATTERN=FACTOR: the factor of the benchmarks the regex matches (repeat; the first match "
      "wins, else --factor)")
      ->type_name("PATTERN=FACTOR");
  auto* path =
      command.add_option("--config", config.path,
                         fmt::format("TOML file of comparison settings (default: {} when present)",
                                     action::k_default_config_path));
  path->type_name("FILE");
  command.add_flag("--no-config", config.skip, "Read no config file")->excludes(path);
}

action::ComparisonSettings settle_comparison_settings(const action::ComparisonSettings& given,
                                                      const action::ConfigChoice& config,
                                                      std::uint64_t max_input_size,
                                                      std::ostream& err) {
  auto settings = action::layer_settings(given, action::load_config(config, max_input_size));
  warn_if_factor_not_above_one(*settings.factor, err);
  return settings;
}

void warn_if_factor_not_above_one(double factor, std::ostream& err) {
  if (factor <= 1) {
    util::write_warning(err, fmt::format("--factor {} is not more than 1, so changes of any size "
                                         "are significant ({})",
                                         factor, action::k_factor_meaning));
  }
}

void add_format_option(CLI::App& command, OutputFormat& format) {
  add_choice_option<OutputFormat>(
      command, "--format", format,
      {{"table", OutputFormat::k_table}, {"json", OutputFormat::k_json}},
      "Output: the asv-spyglass pipe table, or JSON")
      ->default_str("table");
}

void add_max_input_size_option(CLI::App& command, std::uint64_t& max_input_size) {
  command
      .add_option_function<std::string>(
          "--max-input-size",
          [&max_input_size](const std::string& value) {
            max_input_size = *util::parse_byte_size(value);
          },
          "Refuse an input file larger than this many bytes (suffix KiB, MiB or GiB; "
          "default 1GiB)")
      ->check(CLI::Validator(
          [](const std::string& value) {
            return util::parse_byte_size(value) ? std::string()
                                                : value + " is not a byte count (like 64MiB)";
          },
          "SIZE"));
}

void add_input_options(CLI::App& command, action::InputOptions& options,
                       const std::string& base_side, const std::string& pr_side) {
  add_choice_option<ingest::InputFormat>(
      command, "--input-format", options.format, ingest::input_format_names(),
      "Format of the result files (default: auto, told from each file's content)")
      ->default_str("auto");
  command
      .add_option("--metric", options.metric,
                  "gbench: the time compared (real_time, cpu_time) or a counter by its name "
                  "(items_per_second)")
      ->capture_default_str();
  command.add_option("--base-run", options.base_run,
                     "ptjb: the run (or commit) of its file " + base_side + " takes");
  command.add_option("--pr-run", options.pr_run,
                     "ptjb: the run (or commit) of its file " + pr_side + " takes");
  add_max_input_size_option(command, options.max_input_size);
}

void add_exit_zero_flag(CLI::App& command, bool& exit_zero) {
  command.add_flag("--exit-zero", exit_zero, "Exit 0 even when a benchmark regressed");
}

ExitCode exit_code_for(const model::Comparison& comparison, bool exit_zero) {
  const bool regressed =
      std::any_of(comparison.rows.begin(), comparison.rows.end(),
                  [](const auto& row) { return model::counts_as_regression(row); });
  return regressed && !exit_zero ? ExitCode::k_regression : ExitCode::k_success;
}

}  // namespace spyglass::cli
