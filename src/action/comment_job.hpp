#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spyglass/action/load_inputs.hpp"
#include "spyglass/compare/compare.hpp"
#include "spyglass/github/upsert.hpp"
#include "spyglass/model/asv_results.hpp"
#include "spyglass/model/comparison.hpp"
#include "spyglass/render/asv_table.hpp"
#include "spyglass/render/comment.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/io.hpp"

namespace spyglass::action {

// The longest --github-timeout, in seconds: a day is far past any workflow job's limit (6 hours on
// GitHub's runners).
inline constexpr double k_longest_github_timeout = 24 * 60 * 60;

// One run of the comment job: what to compare, how to render, where to post, when to gate.
// Filled from `spyglass comment` flags or from the action's INPUT_* variables.
struct CommentJob {
  // The comparison: one of a table, --base/--pr, or --baseline/--contender.
  std::optional<std::string> table_path;  // "-" reads stdin
  std::optional<std::string> base_path;
  std::optional<std::string> pr_path;
  std::optional<std::string> baseline_path;
  std::vector<std::string> contender_paths;
  std::vector<std::string> labels;  // compare-many, baseline first
  std::optional<std::string> label_before;
  std::optional<std::string> label_after;
  // The raw compare table's layout beyond the labels (asv-perch's asv-spyglass-args: --split,
  // --only-*, --sort, --no-env-label); the comment's groups and the gates see every row.
  render::CompareTableOptions raw_layout;
  std::optional<std::string> benchmarks_path;
  InputOptions input;  // how the result files are read
  double factor = compare::k_default_factor;
  std::vector<std::string> bigger_is_better;  // --bigger-is-better patterns

  // The comment.
  std::string id = "default";
  std::size_t max_chars = render::k_github_comment_limit;
  std::optional<std::string> output_path;    // the full report, also
  std::optional<std::string> template_path;  // replaces templates/comment.md.mustache
  std::optional<std::string> preview_path;   // an HTML rendering, for a person to look at
  std::optional<std::string> dashboard_url;
  bool chart = true;                       // the Mermaid chart of the largest changes
  bool env_diff = true;                    // the section on what differs between the environments
  std::optional<std::string> runner_info;  // the runner named in the comment (asv-perch's input)
  // Another tool's marker whose comment this one takes over and then carries too (asv-perch's
  // comment-marker); "" for none. Not with a section, whose comment is shared.
  std::string legacy_marker;
  // The comment written as a file for a later upload step (upload-comment-artifact): the path,
  // else `<name>.md` in RUNNER_TEMP.
  std::optional<std::string> comment_artifact_name;
  std::optional<std::string> comment_artifact_path;
  // This job's section of the comment shared by the jobs with the same id (`--section`).
  std::optional<std::string> section;
  bool print_only = false;   // print instead of posting; needs no token
  bool print_model = false;  // print the template's data model instead
  bool job_summary = true;   // append the full report to $GITHUB_STEP_SUMMARY
  // Run as the container action (`spyglass action`): on a runner (GITHUB_ACTIONS=true) stdout is
  // the job's log, so annotations go there even when the comment is printed rather than posted,
  // and the full report (body-path) falls back to HOME or TMPDIR when RUNNER_TEMP is not writable
  // (action/report_file.hpp). The CLI's printed comment may be piped, and it writes the report
  // only into a RUNNER_TEMP that is set.
  bool container_action = false;

  // Posting.
  std::optional<std::string> token;  // else GITHUB_TOKEN
  std::optional<std::string> repo;   // else GITHUB_REPOSITORY
  std::optional<int> pr_number;      // else from the event
  std::optional<std::string> comment_author;
  github::CommentMode comment_mode = github::CommentMode::k_update;
  bool verbose = false;  // log each API request (never the token)
  // Seconds for every GitHub request of the run together, retries and their waits included;
  // each request's timeout and each wait is clipped to what is left, and none starts after it.
  double github_timeout = 300.0;

  // Gates, applied after the comment is posted.
  bool fail_on_regression = false;
  std::optional<double> fail_threshold;
  bool ignore_failures = false;
  bool draft_on_regression = false;
  std::optional<double> draft_threshold;
};

// The comparison a job describes, loaded; a comment input points into it.
struct LoadedComparison {
  std::optional<model::Comparison> single;
  std::optional<model::MultiComparison> multi;
  std::string raw_table;
  std::optional<std::string> environment_markdown;
  // The result files compared (before and after, or the baseline and then each contender);
  // empty for a comparison table.
  std::vector<model::ResultFile> files;
};

// Throws Error(k_bad_input) "COMMAND: ..." unless `job` names exactly one comparison,
// consistently, a valid id and a GitHub timeout of at most a day.
void check_job(const CommentJob& job, std::string_view command);

// Load the comparison `job` names (a table, --base/--pr, or --baseline/--contender).
LoadedComparison load_comparison(const CommentJob& job, util::Io& io);

// Run the job: compare, render, write the report files, print or post, gate, and write the
// step outputs. Returns k_regression when a --fail-on-regression gate trips. Once the comparison
// is made, the summary and the outputs are written whatever posting does; a failure to post is
// thrown after them.
ExitCode run_comment_job(const CommentJob& job, util::Io& io);

}  // namespace spyglass::action
