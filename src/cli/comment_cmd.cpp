#include "spyglass/cli/comment_cmd.hpp"

#include <fstream>
#include <memory>
#include <regex>

#include <fmt/format.h>

#include "spyglass/action/run_context.hpp"
#include "spyglass/cli/common_options.hpp"
#include "spyglass/cli/inputs.hpp"
#include "spyglass/compare/compare.hpp"
#include "spyglass/render/asv_table.hpp"
#include "spyglass/render/comment.hpp"
#include "spyglass/util/file.hpp"

namespace spyglass::cli {
namespace {

// The comparison behind a comment, owned here; the comment input points into it.
struct LoadedComparison {
  std::optional<model::Comparison> single;
  std::optional<model::MultiComparison> multi;
  std::string raw_table;
};

LoadedComparison load_comparison(const CommentOptions& options, Io& io) {
  LoadedComparison loaded;
  if (options.base_path) {
    const auto before = load_results(*options.base_path, io);
    const auto after = load_results(*options.pr_path, io);
    const auto catalog = load_catalog(options.benchmarks_path, *options.base_path);
    loaded.single = compare::compare_results(before, after, catalog, options.factor);
    loaded.raw_table = render::render_compare_text(*loaded.single, {});
    return loaded;
  }
  if (options.baseline_path) {
    const auto baseline = load_results(*options.baseline_path, io);
    std::vector<model::ResultFile> contenders;
    for (const auto& path : options.contender_paths) {
      contenders.push_back(load_results(path, io));
    }
    const auto catalog = load_catalog(options.benchmarks_path, *options.baseline_path);
    loaded.multi = compare::compare_many(baseline, contenders, catalog, options.factor);
    loaded.raw_table = render::render_compare_many_text(*loaded.multi, options.labels);
    return loaded;
  }
  throw Error(ExitCode::k_bad_input,
              "comment: give --table FILE, --base B1 --pr B2, or --baseline B --contender C");
}

void check_options(const CommentOptions& options) {
  if (options.base_path.has_value() != options.pr_path.has_value()) {
    throw Error(ExitCode::k_bad_input, "comment: --base and --pr go together");
  }
  const int inputs = (options.table_path ? 1 : 0) + (options.base_path ? 1 : 0) +
                     (options.baseline_path ? 1 : 0);
  if (inputs > 1) {
    throw Error(ExitCode::k_bad_input,
                "comment: give only one of --table, --base/--pr and --baseline/--contender");
  }
  if (options.baseline_path && options.contender_paths.empty()) {
    throw Error(ExitCode::k_bad_input, "comment: --baseline needs at least one --contender");
  }
  const std::size_t files = options.contender_paths.size() + 1;
  if (!options.labels.empty() && options.labels.size() != files) {
    throw Error(ExitCode::k_bad_input,
                fmt::format("comment: {} labels given for {} files (give none, or one per file, "
                            "the baseline's first)",
                            options.labels.size(), files));
  }
}

render::CommentTemplate load_template(const CommentOptions& options) {
  if (!options.template_path) {
    return render::default_comment_template();
  }
  return {util::read_file(*options.template_path), *options.template_path};
}

void write_file(const std::string& path, const std::string& text, std::ios::openmode mode) {
  std::ofstream out(path, std::ios::binary | mode);
  out << text;
  if (!out) {
    throw Error(ExitCode::k_bad_input, path + ": cannot write");
  }
}

}  // namespace

CLI::App* add_comment_options(CLI::App& app, CommentOptions& options) {
  auto* command = app.add_subcommand(
      "comment", "Render the pull-request comment for a comparison (and post it)");
  auto* table = command->add_option("--table", options.table_path,
                                     "A comparison table (asv-spyglass, asv compare); - for stdin");
  command->add_option("--base", options.base_path, "asv result file of the base commit");
  command->add_option("--pr", options.pr_path, "asv result file of the pull request");
  command->add_option("--baseline", options.baseline_path, "compare-many: the baseline result file");
  command->add_option("--contender", options.contender_paths,
                      "compare-many: a contender result file (repeat)");
  command->add_option("-l,--label", options.labels,
                      "compare-many column label, repeated: the baseline's first");
  command->add_option("--bconf", options.benchmarks_path, "benchmarks.json (units)");
  add_factor_option(*command, options.factor);
  command->add_option("--id", options.id, "Comment id: one comment per id on a pull request")
      ->check(CLI::Validator(
          [](const std::string& id) {
            return std::regex_match(id, std::regex("[A-Za-z0-9._-]{1,64}"))
                       ? std::string()
                       : std::string("--id takes 1-64 letters, digits, '.', '_' or '-'");
          },
          "ID"))
      ->capture_default_str();
  command->add_option("--max-chars", options.max_chars, "Longest comment body to produce")
      ->check(CLI::Range(std::size_t{1000}, std::size_t{1} << 24))
      ->capture_default_str();
  command->add_option("--output", options.output_path, "Also write the full report to FILE");
  command->add_option("--template", options.template_path,
                      "A mustache template replacing the default comment (docs/templates.md)");
  command->add_option("--dashboard-url", options.dashboard_url, "Link to a benchmark dashboard");
  command->add_flag("--print-only", options.print_only,
                    "Print the comment instead of posting it (no token needed)");
  command->add_flag("--print-model", options.print_model,
                    "Print the JSON data model the template sees");
  table->excludes(command->get_option("--base"));
  return command;
}

ExitCode run_comment(const CommentOptions& options, Io& io) {
  check_options(options);
  const auto comment_template = load_template(options);
  const auto loaded = load_comparison(options, io);

  render::CommentInput input;
  input.id = options.id;
  input.comparison = loaded.single ? &*loaded.single : nullptr;
  input.multi = loaded.multi ? &*loaded.multi : nullptr;
  input.labels = options.labels;
  input.raw_table = loaded.raw_table;
  input.run = action::run_context_from(io.environment());
  input.dashboard_url = options.dashboard_url;

  if (options.print_model) {
    io.out << render::build_comment_model(input, {}).dump(2) << "\n";
    return ExitCode::k_success;
  }
  const auto comment = render::fit_comment(input, options.max_chars, comment_template);
  const auto full_report = render::fit_comment(input, render::k_step_summary_limit, comment_template);
  if (options.output_path) {
    write_file(*options.output_path, full_report, std::ios::trunc);
  }
  if (const auto summary = io.environment().get("GITHUB_STEP_SUMMARY")) {
    write_file(*summary, full_report + "\n", std::ios::app);
  }
  if (!options.print_only) {
    throw Error(ExitCode::k_bad_input,
                "comment: posting to GitHub is not available yet; use --print-only");
  }
  io.out << comment;
  return ExitCode::k_success;
}

Command make_comment_command(CLI::App& app) {
  auto options = std::make_shared<CommentOptions>();
  return {add_comment_options(app, *options),
          [options](Io& io) { return run_comment(*options, io); }};
}

}  // namespace spyglass::cli
