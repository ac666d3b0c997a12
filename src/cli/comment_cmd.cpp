#include "spyglass/cli/comment_cmd.hpp"

#include <memory>

#include "spyglass/cli/common_options.hpp"

namespace spyglass::cli {

void add_comparison_options(CLI::App& command, action::CommentJob& job) {
  command.add_option("--table", job.table_path,
                     "A comparison table (asv-spyglass, asv compare, spyglass); - for stdin");
  command.add_option("--base", job.base_path, "result file of the base commit");
  command.add_option("--pr", job.pr_path, "result file of the pull request");
  command.add_option("--baseline", job.baseline_path, "compare-many: the baseline result file");
  one_value_each(command.add_option("--contender", job.contender_paths,
                                    "compare-many: a contender result file (repeat)"));
  one_value_each(command.add_option("-l,--label", job.labels,
                                    "compare-many column label, repeated: the baseline's first"));
  command.add_option("--label-before", job.label_before, "Name of the base in the raw table");
  command.add_option("--label-after", job.label_after, "Name of the PR in the raw table");
  command.add_option("--bconf", job.benchmarks_path, "benchmarks.json (units)");
  add_input_options(command, job.input, "--base (or --baseline)", "--pr (or every --contender)");
  add_factor_option(command, job.factor);
  add_bigger_is_better_option(command, job.bigger_is_better);
}

CLI::App* add_comment_options(CLI::App& app, action::CommentJob& job) {
  auto* command = app.add_subcommand(
      "comment", "Render the pull-request comment for a comparison, then post it and gate");
  add_comparison_options(*command, job);

  command->add_option("--id", job.id, "Comment id: one comment per id on a pull request")
      ->capture_default_str();
  command->add_option("--section", job.section,
                      "This job's section of the comment the jobs with the same --id share");
  command->add_option("--max-chars", job.max_chars, "Longest comment body to produce")
      ->check(CLI::Range(std::size_t{1000}, std::size_t{1} << 24))
      ->capture_default_str();
  command->add_option("--output", job.output_path, "Also write the full report to FILE");
  command->add_option("--template", job.template_path,
                      "A mustache template replacing the default comment (docs/templates.md)");
  command->add_option("--preview", job.preview_path,
                      "Also write the comment as a GitHub-like HTML page to FILE.html");
  command->add_option("--dashboard-url", job.dashboard_url, "Link to a benchmark dashboard");
  command->add_flag("--no-chart{false}", job.chart,
                    "Leave out the Mermaid chart of the largest changes");
  command->add_flag("--print-only", job.print_only,
                    "Print the comment instead of posting it (no token needed)");
  command->add_flag("--print-model", job.print_model,
                    "Print the JSON data model the template sees");

  command->add_option("--token", job.token, "GitHub token (default: $GITHUB_TOKEN)");
  command->add_option("--repo", job.repo, "owner/name (default: $GITHUB_REPOSITORY)");
  command
      ->add_option("--pr-number", job.pr_number,
                   "The pull request (default: from the workflow event)")
      ->check(CLI::PositiveNumber);
  command->add_option("--comment-author", job.comment_author,
                      "Login whose comments are ours (default: the token's user, or "
                      "github-actions[bot])");
  add_choice_option<github::CommentMode>(*command, "--comment-mode", job.comment_mode,
                                         {{"update", github::CommentMode::k_update},
                                          {"recreate", github::CommentMode::k_recreate},
                                          {"new", github::CommentMode::k_new}},
                                         "Update the comment, recreate it, or post a new one "
                                         "and hide the old")
      ->default_str("update");
  command->add_flag("--verbose", job.verbose, "Log each GitHub request (never the token)");
  command
      ->add_option("--github-timeout", job.github_timeout,
                   "SECONDS for all GitHub requests together, retries and waits included")
      ->capture_default_str();

  command->add_flag("--fail-on-regression", job.fail_on_regression,
                    "Exit 1 when a benchmark regressed or newly fails (after posting)");
  command
      ->add_option("--fail-threshold", job.fail_threshold,
                   "Only regressions with at least this ratio fail the job")
      ->check(CLI::PositiveNumber);
  command->add_flag("--ignore-failures", job.ignore_failures,
                    "Newly failing benchmarks do not trip the gates");
  command->add_flag("--draft-on-regression", job.draft_on_regression,
                    "Convert the pull request to a draft when a benchmark regressed");
  command
      ->add_option("--draft-threshold", job.draft_threshold,
                   "Only regressions with at least this ratio convert to draft")
      ->check(CLI::PositiveNumber);
  return command;
}

Command make_comment_command(CLI::App& app) {
  auto job = std::make_shared<action::CommentJob>();
  return {add_comment_options(app, *job), [job](Io& io) {
            if (job->token) {
              io.add_secret(*job->token);
            }
            warn_if_factor_not_above_one(job->factor, io.err);
            return action::run_comment_job(*job, io);
          }};
}

}  // namespace spyglass::cli
