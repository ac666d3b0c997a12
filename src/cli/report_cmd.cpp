#include "spyglass/cli/report_cmd.hpp"

#include <fmt/format.h>

#include <memory>

#include "spyglass/cli/comment_cmd.hpp"
#include "spyglass/cli/common_options.hpp"
#include "spyglass/render/html_report.hpp"
#include "spyglass/util/file.hpp"

namespace spyglass::cli {
namespace {

// How a section heading names one side: machine/env and the short commit, as far as known.
std::string side_name(const model::Source& source, const std::string& fallback) {
  std::string name =
      source.machine.empty() && source.env_name.empty() ? fallback : source.machine_env();
  if (!source.commit_hash.empty()) {
    name += fmt::format(" @ {}", source.commit_hash.substr(0, 8));
  }
  return name;
}

render::HtmlReport report_of(const action::LoadedComparison& loaded, const action::CommentJob& job,
                             const std::string& title) {
  const auto& labels = job.labels;
  render::HtmlReport report;
  report.title = title;
  auto file = [&](std::size_t i) { return i < loaded.files.size() ? &loaded.files[i] : nullptr; };
  if (loaded.single) {
    const auto& comparison = *loaded.single;
    // --label-before/--label-after name the sides even where the table drops them.
    report.sections.push_back(
        {fmt::format("{} \u2192 {}",
                     job.label_before.value_or(side_name(comparison.before, "before")),
                     job.label_after.value_or(side_name(comparison.after, "after"))),
         &comparison, file(0), file(1)});
    return report;
  }
  const auto& multi = *loaded.multi;
  const auto baseline = labels.empty() ? side_name(multi.baseline, "baseline") : labels[0];
  for (std::size_t i = 0; i < multi.contenders.size(); ++i) {
    const auto& contender = multi.contenders[i];
    const auto name = labels.empty()
                          ? side_name(contender.after, fmt::format("contender {}", i + 1))
                          : labels[i + 1];
    report.sections.push_back(
        {fmt::format("{} \u2192 {}", baseline, name), &contender, file(0), file(i + 1)});
  }
  return report;
}

}  // namespace

CLI::App* add_report_options(CLI::App& app, ReportOptions& options) {
  auto* command = app.add_subcommand(
      "report",
      "Write a comparison as one self-contained HTML page with charts and sortable tables");
  add_comparison_options(*command, options.comparison);
  command->add_option("--html", options.html_path, "The page to write")->required();
  command->add_option("--title", options.title, "The page's title")->capture_default_str();
  return command;
}

Command make_report_command(CLI::App& app) {
  auto options = std::make_shared<ReportOptions>();
  return {add_report_options(app, *options),
          [options](Io& io) { return run_report(*options, io); }};
}

ExitCode run_report(const ReportOptions& options, Io& io) {
  action::check_job(options.comparison, "report");
  warn_if_factor_not_above_one(options.comparison.settings.factor.value_or(model::k_default_factor),
                               io.err);
  const auto loaded = action::load_comparison(options.comparison, io);
  util::write_file(options.html_path, render::render_html_report(
                                          report_of(loaded, options.comparison, options.title)));
  return ExitCode::k_success;
}

}  // namespace spyglass::cli
