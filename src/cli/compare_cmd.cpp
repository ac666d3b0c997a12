#include "spyglass/cli/compare_cmd.hpp"

#include <map>
#include <memory>

#include "spyglass/action/load_inputs.hpp"
#include "spyglass/compare/compare.hpp"
#include "spyglass/render/comparison_json.hpp"
#include "spyglass/util/keep_until_exit.hpp"

namespace spyglass::cli {

CLI::App* add_compare_options(CLI::App& app, CompareOptions& options) {
  auto* command =
      app.add_subcommand("compare", "Compare two asv result files (asv-spyglass compare)");
  command->add_option("B1", options.before_path, "Result file before the change")->required();
  command->add_option("B2", options.after_path, "Result file after the change")->required();
  command->add_option("BCONF", options.benchmarks_path,
                      "benchmarks.json (default: ../benchmarks.json beside B1's machine folder)");
  add_input_options(*command, options.input, "B1", "B2");
  add_factor_option(*command, options.factor);
  add_bigger_is_better_option(*command, options.bigger_is_better);
  auto& table = options.table;
  command->add_flag("--split", table.split, "One table per change: improved, same, worse, n/a");
  command->add_flag("--only-changed", table.filter.only_changed,
                    "Show only significant changes (and failures)");
  auto* improved =
      command->add_flag("--only-improved", table.filter.only_improved, "Show only improvements");
  auto* regressed =
      command->add_flag("--only-regressed", table.filter.only_regressed, "Show only regressions");
  improved->excludes(regressed);
  add_choice_option<render::SortOrder>(*command, "--sort", table.sort,
                                       {{"default", render::SortOrder::k_default},
                                        {"ratio", render::SortOrder::k_ratio},
                                        {"name", render::SortOrder::k_name}},
                                       "Row order: default (by name), ratio, name")
      ->default_str("default");
  command->add_option("--label-before", table.label_before,
                      "Name shown for B1 in the [before -> after] suffix");
  command->add_option("--label-after", table.label_after,
                      "Name shown for B2 in the [before -> after] suffix");
  command->add_flag("--no-env-label", table.no_env_label,
                    "Omit the [machine/env -> machine/env] suffix");
  add_format_option(*command, options.format);
  add_exit_zero_flag(*command, options.exit_zero);
  return command;
}

ExitCode run_compare(const CompareOptions& options, Io& io) {
  warn_if_factor_not_above_one(options.factor, io.err);
  auto inputs = action::load_inputs({options.before_path, options.after_path}, options.input,
                                    options.benchmarks_path, io);
  auto comparison = compare::compare_results(inputs.files[0], inputs.files[1], inputs.catalog,
                                             options.factor, options.bigger_is_better);
  if (options.format == OutputFormat::k_json) {
    io.out << render::render_compare_json(comparison, options.table.filter, options.table.sort);
  } else {
    io.out << render::render_compare_text(comparison, options.table);
  }
  const ExitCode code = exit_code_for(comparison, options.exit_zero);
  // Freed by the kernel at exit, faster than block by block.
  util::keep_until_exit(std::move(inputs));
  util::keep_until_exit(std::move(comparison));
  return code;
}

Command make_compare_command(CLI::App& app) {
  auto options = std::make_shared<CompareOptions>();
  return {add_compare_options(app, *options),
          [options](Io& io) { return run_compare(*options, io); }};
}

}  // namespace spyglass::cli
