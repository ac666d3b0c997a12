#include "spyglass/cli/compare_many_cmd.hpp"

#include <fmt/format.h>

#include <map>
#include <memory>
#include <span>

#include "spyglass/action/load_inputs.hpp"
#include "spyglass/compare/compare.hpp"
#include "spyglass/render/comparison_json.hpp"
#include "spyglass/util/keep_until_exit.hpp"

namespace spyglass::cli {

CLI::App* add_compare_many_options(CLI::App& app, CompareManyOptions& options) {
  auto* command = app.add_subcommand(
      "compare-many", "Compare a baseline result file with several others (one column each)");
  command->add_option("BASELINE", options.baseline_path, "The baseline result file")->required();
  command->add_option("CONTENDERS", options.contender_paths, "Result files to compare with it")
      ->required();
  command->add_option(
      "--bconf", options.benchmarks_path,
      "benchmarks.json (default: ../benchmarks.json beside BASELINE's machine folder)");
  add_input_options(*command, options.input, "BASELINE", "every contender");
  add_factor_option(*command, options.factor);
  add_bigger_is_better_option(*command, options.bigger_is_better);
  add_choice_option<render::SortOrder>(
      *command, "--sort", options.sort,
      {{"default", render::SortOrder::k_default}, {"name", render::SortOrder::k_name}},
      "Row order: default or name (both by name)")
      ->default_str("default");
  one_value_each(
      command->add_option("-l,--label", options.labels,
                          "Column label, repeated: the baseline's first, then one per contender"));
  add_format_option(*command, options.format);
  add_exit_zero_flag(*command, options.exit_zero);
  return command;
}

ExitCode run_compare_many(const CompareManyOptions& options, Io& io) {
  warn_if_factor_not_above_one(options.factor, io.err);
  const std::size_t file_count = options.contender_paths.size() + 1;
  if (!options.labels.empty() && options.labels.size() != file_count) {
    throw Error(ExitCode::k_bad_input,
                fmt::format("compare-many: {} labels given for {} files (give none, or one per "
                            "file, the baseline's first)",
                            options.labels.size(), file_count));
  }
  std::vector<std::string> paths{options.baseline_path};
  paths.insert(paths.end(), options.contender_paths.begin(), options.contender_paths.end());
  auto inputs = action::load_inputs(paths, options.input, options.benchmarks_path, io);
  const std::span<const model::ResultFile> files = inputs.files;
  auto comparison = compare::compare_many(files.front(), files.subspan(1), inputs.catalog,
                                          options.factor, options.bigger_is_better);
  if (options.format == OutputFormat::k_json) {
    io.out << render::render_compare_many_json(comparison, options.labels);
  } else {
    io.out << render::render_compare_many_text(comparison, options.labels);
  }
  auto code = ExitCode::k_success;
  for (const auto& contender : comparison.contenders) {
    if (exit_code_for(contender, options.exit_zero) != ExitCode::k_success) {
      code = ExitCode::k_regression;
    }
  }
  // Freed by the kernel at exit, faster than block by block.
  util::keep_until_exit(std::move(inputs));
  util::keep_until_exit(std::move(comparison));
  return code;
}

Command make_compare_many_command(CLI::App& app) {
  auto options = std::make_shared<CompareManyOptions>();
  return {add_compare_many_options(app, *options),
          [options](Io& io) { return run_compare_many(*options, io); }};
}

}  // namespace spyglass::cli
