#include "spyglass/cli/history_cmd.hpp"

#include <memory>
#include <optional>
#include <string>

#include "spyglass/action/inputs.hpp"
#include "spyglass/cli/common_options.hpp"
#include "spyglass/history/series.hpp"
#include "spyglass/render/history_json.hpp"
#include "spyglass/render/history_markdown.hpp"
#include "spyglass/util/file.hpp"
#include "spyglass/util/regex.hpp"

namespace spyglass::cli {

namespace {

// "" for a finite number >= 0, else why not.
std::string check_threshold(const std::string& value) {
  const std::optional<double> number = action::finite_number(value);
  return number && *number >= 0 ? std::string() : value + " is not a number >= 0";
}

}  // namespace

CLI::App* add_history_options(CLI::App& app, HistoryOptions& options) {
  auto* command = app.add_subcommand(
      "history", "Find the commits where benchmarks stepped up, as asv publish finds them");
  command
      ->add_option("PATH", options.folders,
                   "asv results folder (benchmarks.json and one folder per machine); repeatable")
      ->required();
  command->add_option("--machine", options.machine, "Only the results of this machine");
  command->add_option("--env", options.env, "Only the results of this environment (env_name)");
  command
      ->add_option("--threshold", options.threshold,
                   "Smallest relative step reported as a regression (asv's default)")
      ->check(CLI::Validator(check_threshold, "NUMBER>=0"))
      ->capture_default_str();
  command->add_option("--bench", options.bench,
                      "Only benchmarks whose name matches this regular expression (anywhere)");
  add_choice_option<HistoryFormat>(
      *command, "--format", options.format,
      {{"markdown", HistoryFormat::k_markdown}, {"json", HistoryFormat::k_json}},
      "Output: the regressions table, or every series as JSON")
      ->default_str("markdown");
  command->add_option("--output", options.output_path, "Write the report to FILE, not stdout");
  add_max_input_size_option(*command, options.max_input_size);
  return command;
}

ExitCode run_history(const HistoryOptions& options, Io& io) {
  history::SeriesFilter filter{options.machine, options.env, std::nullopt};
  if (options.bench) {
    filter.benchmark.emplace(*options.bench, "--bench");
  }
  const auto histories = history::analyse(
      history::load_series(options.folders, filter, options.max_input_size), options.threshold);
  const std::string report = options.format == HistoryFormat::k_json
                                 ? render::render_history_json(histories)
                                 : render::render_history_markdown(histories, options.threshold);
  if (options.output_path) {
    util::write_file(*options.output_path, report);
  } else {
    io.out << report;
  }
  return ExitCode::k_success;
}

Command make_history_command(CLI::App& app) {
  auto options = std::make_shared<HistoryOptions>();
  return {add_history_options(app, *options),
          [options](Io& io) { return run_history(*options, io); }};
}

}  // namespace spyglass::cli
