#include "spyglass/cli/env_diff_cmd.hpp"

#include <algorithm>
#include <memory>

#include "spyglass/cli/common_options.hpp"
#include "spyglass/ingest/asv_results.hpp"
#include "spyglass/render/env_diff.hpp"

namespace spyglass::cli {
namespace {

// The kind named `name`, which one_of has already checked.
compare::ComponentKind kind_named(const std::string& name) {
  const auto& kinds = compare::k_all_component_kinds;
  return *std::find_if(kinds.begin(), kinds.end(), [&name](compare::ComponentKind kind) {
    return compare::component_kind_name(kind) == name;
  });
}

}  // namespace

CLI::App* add_env_diff_options(CLI::App& app, EnvDiffOptions& options) {
  auto* command = app.add_subcommand(
      "env-diff", "Diff the environments two result files ran in (packages, python, machine)");
  command->add_option("B1", options.before_path, "Baseline result file")->required();
  command->add_option("B2", options.after_path, "Contender result file")->required();
  std::vector<std::string> kind_names;
  for (const auto kind : compare::k_all_component_kinds) {
    kind_names.emplace_back(compare::component_kind_name(kind));
  }
  command
      ->add_option_function<std::vector<std::string>>(
          "--kind",
          [&options](const std::vector<std::string>& names) {
            for (const auto& name : names) {
              options.kinds.push_back(kind_named(name));
            }
          },
          "Component kind to include, repeatable (default: library and runtime)")
      ->check(one_of(kind_names))
      ->type_name(CLI::detail::join(kind_names, "|"))
      ->allow_extra_args(false);
  command->add_flag("--all-kinds", options.all_kinds, "Include every component kind");
  command->add_flag("--include-unchanged", options.include_unchanged,
                    "List unchanged components too (the summary always counts them)");
  add_choice_option<EnvDiffFormat>(
      *command, "--format", options.format,
      {{"markdown", EnvDiffFormat::k_markdown}, {"json", EnvDiffFormat::k_json}},
      "Output: a markdown report, or JSON")
      ->default_str("markdown");
  command->add_flag("--fail-on-change", options.fail_on_change,
                    "Exit 1 when a component was added, removed or version-bumped");
  add_max_input_size_option(*command, options.max_input_size);
  return command;
}

std::vector<compare::ComponentKind> selected_kinds(const EnvDiffOptions& options) {
  if (options.all_kinds) {
    return {compare::k_all_component_kinds.begin(), compare::k_all_component_kinds.end()};
  }
  if (!options.kinds.empty()) {
    return options.kinds;
  }
  return {compare::k_default_component_kinds.begin(), compare::k_default_component_kinds.end()};
}

ExitCode run_env_diff(const EnvDiffOptions& options, Io& io) {
  // Not action::load_results: a file without benchmark results still records its environment.
  const auto before = ingest::load_asv_results(options.before_path, options.max_input_size);
  const auto after = ingest::load_asv_results(options.after_path, options.max_input_size);
  const auto diff = compare::diff_environments(before, after, selected_kinds(options));
  const auto unchanged =
      options.include_unchanged ? render::UnchangedRows::k_include : render::UnchangedRows::k_omit;
  if (options.format == EnvDiffFormat::k_json) {
    io.out << render::render_env_diff_json(diff, unchanged);
  } else {
    io.out << render::render_env_diff_markdown(diff, unchanged);
  }
  return options.fail_on_change && diff.changed() ? ExitCode::k_regression : ExitCode::k_success;
}

Command make_env_diff_command(CLI::App& app) {
  auto options = std::make_shared<EnvDiffOptions>();
  return {add_env_diff_options(app, *options),
          [options](Io& io) { return run_env_diff(*options, io); }};
}

}  // namespace spyglass::cli
