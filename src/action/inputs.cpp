#include "spyglass/action/inputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <iterator>
#include <regex>
#include <sstream>

#include "spyglass/action/perch_inputs.hpp"
#include "spyglass/ingest/load_results.hpp"
#include "spyglass/util/input_limit.hpp"
#include "spyglass/util/regex.hpp"

namespace spyglass::action {
namespace {

// Written out here, not read from action.yml at run time: the image holds only the binary.
constexpr ActionInput k_action_inputs[] = {
    {"github-token", "${{ github.token }}",
     "Token that posts the comment (needs pull-requests:write; a read-only token only warns)",
     "--token", false},
    {"comparison-text-file", "",
     "A comparison table already made (asv-spyglass, asv compare or spyglass output); replaces the "
     "result files",
     "--table", false},
    {"base-file", "",
     "comparison-mode compare: result file of the base commit (asv JSON, or see input-format)",
     "--base", false},
    {"pr-file", "", "comparison-mode compare: result file of the pull request's head commit",
     "--pr", false},
    {"benchmarks-file", "",
     "asv benchmarks.json (units); default results/benchmarks.json beside the machine folder",
     "--bconf", false},
    {"input-format", "auto",
     "Format of the result files (auto, asv, gbench, pytest-benchmark, hyperfine, ptjb, "
     "customSmallerIsBetter, customBiggerIsBetter); auto tells it from each file's content",
     "--input-format", false},
    {"metric", "real_time",
     "gbench: the time compared, real_time or cpu_time, or a counter by its name "
     "(items_per_second)",
     "--metric", false},
    {"base-run", "",
     "ptjb: the run (or commit) of its file that base-file (or baseline-file) takes", "--base-run",
     false},
    {"pr-run", "",
     "ptjb: the run (or commit) of its file that pr-file (or every contender file) takes",
     "--pr-run", false},
    {"max-input-size", "",
     "The most bytes read from one input file (result files, benchmarks.json, the comparison text, "
     "the template, the event payload); a byte count with an optional KiB, MiB or GiB suffix. "
     "Default 1GiB",
     "--max-input-size", false},
    {"comparison-mode", "compare",
     "compare (base-file against pr-file) or compare-many (baseline-file against contender-files)",
     "", false},
    {"baseline-file", "", "comparison-mode compare-many: the baseline asv result JSON",
     "--baseline", false},
    {"contender-files", "",
     "comparison-mode compare-many: contender result files, one per line or comma-separated",
     "--contender", false},
    {"baseline-label", "",
     "comparison-mode compare-many: column label of the baseline (default: baseline)", "", false},
    {"contender-labels", "",
     "comparison-mode compare-many: one column label per contender, one per line or "
     "comma-separated",
     "", false},
    {"label-before", "", "Name of the base in the comparison table", "--label-before", false},
    {"label-after", "", "Name of the pull request in the comparison table", "--label-after", false},
    {"factor", "",
     "A change is significant when the ratio passes this factor (and the statistics agree); more "
     "than 1: 1.1 means a 10% change. Empty for the config file's factor, else 1.1",
     "--factor", false},
    {"bench", "",
     "Compare only the benchmarks one of these regexes (one per line) matches anywhere in the "
     "name, as asv's -b",
     "--bench", false},
    {"skip", "", "Leave out the benchmarks one of these regexes (one per line) matches", "--skip",
     false},
    {"ignore", "",
     "Benchmarks one of these regexes (one per line) matches stay in the tables but do not count: "
     "not in the gates, the headline or the regression counts",
     "--ignore", false},
    {"factor-for", "",
     "Per-benchmark factors, one PATTERN=FACTOR per line; the first pattern that matches sets the "
     "benchmark's factor, else factor",
     "--factor-for", false},
    {"config", "",
     "The config file (TOML) of the comparison settings; default .spyglass.toml when present. "
     "Inputs win over it",
     "--config", false},
    {"bigger-is-better", "",
     "Regular expressions, one per line: a benchmark whose name one matches is better bigger "
     "(throughput), so a drop is a regression",
     "--bigger-is-better", false},
    {"template", "", "A mustache template (path in the workspace) replacing the default comment",
     "--template", false},
    {"comment-id", "default",
     "Comment id; one comment per id per pull request (use several ids for several comments)",
     "--id", false},
    {"section", "",
     "This job's section of the comment shared by all jobs with the same comment-id (e.g. the "
     "matrix compiler)",
     "--section", false},
    {"comment-mode", "update",
     "update (edit the comment in place), recreate (delete and post anew) or new (post, hide the "
     "older ones)",
     "--comment-mode", false},
    {"post-comment", "true",
     "Post the comment; false only writes the summary, the outputs and body-path", "--print-only",
     true},
    {"pr-number", "",
     "The pull request to comment on; default from the event (pull_request, issue_comment, "
     "workflow_run, push)",
     "--pr-number", false},
    {"fail-on-regression", "false",
     "Fail the job (exit 1, after commenting) when a benchmark regressed or newly fails",
     "--fail-on-regression", false},
    {"fail-threshold", "",
     "Only regressions with at least this ratio fail the job (default any significant regression)",
     "--fail-threshold", false},
    {"draft-on-regression", "false",
     "Convert the pull request to a draft when a benchmark regressed", "--draft-on-regression",
     false},
    {"draft-threshold", "",
     "Only regressions with at least this ratio convert to draft (default any significant "
     "regression)",
     "--draft-threshold", false},
    {"job-summary", "true", "Append the full report to the job summary", "", false},
    {"dashboard-url", "", "Link to a benchmark dashboard, shown in the comment", "--dashboard-url",
     false},
    {"chart", "true",
     "Show a Mermaid bar chart of the largest changes in the comment (true or false)", "--no-chart",
     true},
    {"github-timeout", "",
     "Seconds for all GitHub requests together, retries and their waits included; past it the step "
     "writes the summary and outputs and fails (exit 3). Empty for 300",
     "--github-timeout", false},
    // asv-perch v1's inputs (action/perch_inputs.hpp; docs/migrating-from-asv-perch.md).
    {"results-path", "",
     "asv-perch: folder of asv results; base-sha and pr-sha (or baseline-sha and contender-shas) "
     "name its files by their first 8 characters, and its comparison.txt is used when present "
     "(compare mode)",
     "", false},
    {"base-sha", "",
     "asv-perch: commit of the base, found under results-path (wins over "
     "metadata-file)",
     "", false},
    {"pr-sha", "",
     "asv-perch: commit of the pull request's head, found under results-path (wins "
     "over metadata-file)",
     "", false},
    {"metadata-file", "",
     "asv-perch: file with main_sha= (or base_sha=) and pr_sha= lines naming base-sha and pr-sha",
     "", false},
    {"baseline-sha", "",
     "asv-perch, compare-many: commit of the baseline, found under results-path", "", false},
    {"contender-shas", "",
     "asv-perch, compare-many: contender commits, comma-separated, found under results-path", "",
     false},
    {"regression-threshold", "",
     "asv-perch's name for fail-threshold and draft-threshold together (a ratio; at least it "
     "counts)",
     "", false},
    {"auto-draft-on-regression", "",
     "asv-perch's name for draft-on-regression (without a threshold, asv-perch's 10 applies)", "",
     false},
    {"comment-marker", "",
     "asv-perch: the HTML comment marking the comment to take over (default <!-- "
     "asv-benchmark-result --> for comment-id default); the comment keeps it",
     "", false},
    {"runner-info", "", "asv-perch: the runner named in the comment's environment section", "",
     false},
    {"env-diff", "true", "Show what differs between the environments of the result files", "",
     false},
    {"asv-spyglass-args", "",
     "asv-perch: asv-spyglass compare flags for the comparison table (--factor, the labels, "
     "--sort, "
     "--split, --only-*, --no-env-label); others are refused",
     "", false},
    {"upload-comment-artifact", "false",
     "Write the comment to comment-artifact-path for an upload step (outputs comment-body-path and "
     "comment-artifact-name)",
     "", false},
    {"comment-artifact-name", "benchmark-comment",
     "Name of the comment artifact (and of its file in RUNNER_TEMP without comment-artifact-path)",
     "", false},
    {"comment-artifact-path", "", "File the comment artifact is written to", "", false},
    {"benchmark-command", "", "asv-perch only: refused; run asv in a step before this one", "",
     false},
    {"init-command", "", "asv-perch only: refused; run it in a step before this one", "", false},
    {"baseline", "", "asv-perch only: refused; run asv in a step before this one", "", false},
    {"contenders", "", "asv-perch only: refused; run asv in a step before this one", "", false},
    {"preserve-paths", "", "asv-perch only: refused; run asv in a step before this one", "", false},
    {"asv-spyglass-ref", "", "asv-perch only: refused; spyglass compares by itself", "", false},
};

}  // namespace

std::optional<std::string> input_value(const util::Env& env, std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  std::replace(name.begin(), name.end(), ' ', '_');
  auto value = env.get("INPUT_" + name);
  if (value) {
    // The runner keeps YAML's trailing newline of block scalars; it is never meant.
    const auto end = value->find_last_not_of(" \t\r\n");
    value->erase(end == std::string::npos ? 0 : end + 1);
  }
  return value && !value->empty() ? value : std::nullopt;
}

void bad_input(const std::string& name, const std::string& value, const std::string& expected) {
  throw Error(ExitCode::k_bad_input,
              fmt::format("input {}: '{}' is not {}", name, value, expected));
}

namespace {

std::optional<std::string> input(const util::Env& env, const std::string& name) {
  return input_value(env, name);
}

bool flag(const util::Env& env, const std::string& name, bool fallback) {
  const auto value = input(env, name);
  if (!value) {
    return fallback;
  }
  if (*value == "true" || *value == "True" || *value == "TRUE") {
    return true;
  }
  if (*value == "false" || *value == "False" || *value == "FALSE") {
    return false;
  }
  bad_input(name, *value, "true or false");
}

std::optional<double> positive_number(const util::Env& env, const std::string& name) {
  const auto value = input(env, name);
  if (!value) {
    return std::nullopt;
  }
  const auto number = finite_number(*value);
  if (!number || *number <= 0) {
    bad_input(name, *value, "a positive number");
  }
  return number;
}

// The items of input `name`, split at any of `separators`, blanks around each trimmed.
std::vector<std::string> list(const util::Env& env, const std::string& name,
                              std::string_view separators = "\n,") {
  std::vector<std::string> items;
  const auto value = input(env, name);
  if (!value) {
    return items;
  }
  std::string item;
  auto flush = [&] {
    const auto start = item.find_first_not_of(" \t\r");
    const auto end = item.find_last_not_of(" \t\r");
    if (start != std::string::npos) {
      items.push_back(item.substr(start, end - start + 1));
    }
    item.clear();
  };
  for (const char c : *value) {
    if (separators.find(c) != std::string_view::npos) {
      flush();
    } else {
      item += c;
    }
  }
  flush();
  return items;
}

// Input `name`'s non-blank lines, each trimmed.
std::vector<std::string> lines(const util::Env& env, const std::string& name) {
  std::vector<std::string> items;
  std::istringstream text(input(env, name).value_or(""));
  for (std::string line; std::getline(text, line);) {
    const auto start = line.find_first_not_of(" \t\r");
    if (start != std::string::npos) {
      items.push_back(line.substr(start, line.find_last_not_of(" \t\r") - start + 1));
    }
  }
  return items;
}

github::CommentMode comment_mode(const util::Env& env) {
  const auto value = input(env, "comment-mode").value_or("update");
  if (value == "update") {
    return github::CommentMode::k_update;
  }
  if (value == "recreate") {
    return github::CommentMode::k_recreate;
  }
  if (value == "new") {
    return github::CommentMode::k_new;
  }
  bad_input("comment-mode", value, "one of update, recreate, new");
}

// How the inputs are read: input-format, metric, base-run, pr-run, max-input-size.
InputOptions input_options(const util::Env& env) {
  InputOptions options;
  if (const auto format = input(env, "input-format")) {
    const auto& names = ingest::input_format_names();
    const auto found = std::find_if(names.begin(), names.end(),
                                    [&](const auto& name) { return name.first == *format; });
    if (found == names.end()) {
      std::string choices;
      for (const auto& [name, value] : names) {
        choices += (choices.empty() ? "" : ", ") + name;
      }
      bad_input("input-format", *format, "one of " + choices);
    }
    options.format = found->second;
  }
  options.metric = input(env, "metric").value_or(options.metric);
  options.base_run = input(env, "base-run");
  options.pr_run = input(env, "pr-run");
  if (const auto size = input(env, "max-input-size")) {
    const auto bytes = util::parse_byte_size(*size);
    if (!bytes) {
      bad_input("max-input-size", *size, "a byte count (like 64MiB)");
    }
    options.max_input_size = *bytes;
  }
  return options;
}

}  // namespace

std::span<const ActionInput> action_inputs() { return k_action_inputs; }

bool flag_input(const util::Env& env, const std::string& name, bool fallback) {
  return flag(env, name, fallback);
}

std::optional<double> finite_number(std::string_view text) {
  double number = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(number)) {
    return std::nullopt;
  }
  return number;
}

std::optional<double> positive_number_input(const util::Env& env, const std::string& name) {
  return positive_number(env, name);
}

std::string name_inputs(std::string_view message) {
  static const std::regex k_flag("--[a-z][a-z-]*");
  std::string named;
  auto rest = message.begin();
  for (std::regex_iterator<std::string_view::const_iterator>
           match(message.begin(), message.end(), k_flag),
       end;
       match != end; ++match) {
    const auto flag = match->str();
    const auto found =
        std::find_if(std::begin(k_action_inputs), std::end(k_action_inputs),
                     [&flag](const ActionInput& input) { return input.cli_flag == flag; });
    named.append(rest, (*match)[0].first);
    if (found == std::end(k_action_inputs)) {
      named += flag;
    } else {
      named += found->name;
      named += found->cli_flag_negates ? ": false" : "";
    }
    rest = (*match)[0].second;
  }
  named.append(rest, message.end());
  return named;
}

std::string inputs_help() {
  std::string help = "Inputs (INPUT_<NAME> variables; action.yml declares them):\n";
  for (const auto& input : k_action_inputs) {
    help += fmt::format(
        "  {}{}\n      {}\n", input.name,
        input.default_value.empty() ? "" : fmt::format(" (default: {})", input.default_value),
        input.description);
  }
  return help;
}

CommentJob comment_job_from_inputs(const util::Env& env) {
  refuse_benchmark_running_inputs(env);
  CommentJob job;
  job.container_action = true;
  job.token = input(env, "github-token");
  job.table_path = input(env, "comparison-text-file");
  const auto mode = input(env, "comparison-mode").value_or("compare");
  if (mode != "compare" && mode != "compare-many") {
    bad_input("comparison-mode", mode, "compare or compare-many");
  }
  const auto results_path = input(env, "results-path");
  // Where asv-perch's inputs name a commit, not a file: the one file of it under results-path.
  const auto file_of = [&](const std::optional<std::string>& sha, const std::string& sha_input) {
    if (!sha) {
      return std::optional<std::string>();
    }
    if (!results_path) {
      bad_input(sha_input, *sha, "usable without results-path, the folder of its result file");
    }
    return std::optional<std::string>(find_result_file(*results_path, *sha, sha_input));
  };
  const auto shas = perch_shas(env);
  if (!job.table_path && mode == "compare") {
    job.table_path = precomputed_comparison(env);
  }
  if (!job.table_path && mode == "compare") {
    job.base_path = input(env, "base-file");
    job.pr_path = input(env, "pr-file");
    if (!job.base_path && !job.pr_path) {
      job.base_path = file_of(shas.base, shas.base_input);
      job.pr_path = file_of(shas.pr, shas.pr_input);
    }
  }
  if (!job.table_path && mode == "compare-many") {
    job.baseline_path = input(env, "baseline-file");
    job.contender_paths = list(env, "contender-files");
    const auto baseline_sha = input(env, "baseline-sha");
    const auto contender_shas = list(env, "contender-shas");
    if (!job.baseline_path) {
      job.baseline_path = file_of(baseline_sha, "baseline-sha");
    }
    if (job.contender_paths.empty()) {
      for (const auto& sha : contender_shas) {
        job.contender_paths.push_back(*file_of(sha, "contender-shas"));
      }
    }
    const auto contender_labels = list(env, "contender-labels");
    if (const auto baseline_label = input(env, "baseline-label");
        baseline_label || !contender_labels.empty()) {
      job.labels.push_back(baseline_label.value_or("baseline"));
      job.labels.insert(job.labels.end(), contender_labels.begin(), contender_labels.end());
    }
    // Checked here, where the input can be named; check_job names the CLI's flags.
    if (!job.labels.empty() && contender_labels.size() != job.contender_paths.size()) {
      bad_input("contender-labels", input(env, "contender-labels").value_or(""),
                fmt::format("one label per contender file ({} files)", job.contender_paths.size()));
    }
  }
  job.label_before = input(env, "label-before");
  job.label_after = input(env, "label-after");
  job.benchmarks_path = input(env, "benchmarks-file");
  job.input = input_options(env);
  job.settings.factor = positive_number(env, "factor");
  // The CLI keeps asv-spyglass's behaviour for such a factor (and warns); the action refuses it,
  // since it would make every verdict of the comment and its gates meaningless.
  if (job.settings.factor && *job.settings.factor <= 1) {
    throw Error(ExitCode::k_bad_input, fmt::format("input factor: '{}' must be more than 1 ({})",
                                                   *input(env, "factor"), k_factor_meaning));
  }
  // Patterns one per line: a comma belongs to a regex (`x{1,3}`).
  for (const auto& setting : k_pattern_settings) {
    const auto name = option_name(setting.name);
    for (const auto& pattern : lines(env, name)) {
      (job.settings.rules.*(setting.patterns)).emplace_back(pattern, "input " + name);
    }
  }
  for (const auto& rule : lines(env, "factor-for")) {
    job.settings.rules.factor_for.push_back(parse_factor_rule(rule, "input factor-for"));
  }
  job.config.path = input(env, "config");
  job.template_path = input(env, "template");
  job.id = input(env, "comment-id").value_or(job.id);
  job.section = input(env, "section");
  job.comment_mode = comment_mode(env);
  if (job.section && job.comment_mode != github::CommentMode::k_update) {
    bad_input("comment-mode", *input(env, "comment-mode"),
              "update, which section needs (the jobs share one comment)");
  }
  job.print_only = !flag(env, "post-comment", true);
  if (const auto pr = input(env, "pr-number")) {
    int number = 0;
    const auto [end, error] = std::from_chars(pr->data(), pr->data() + pr->size(), number);
    if (error != std::errc() || end != pr->data() + pr->size() || number <= 0) {
      bad_input("pr-number", *pr, "a pull request number");
    }
    job.pr_number = number;
  }
  job.fail_on_regression = flag(env, "fail-on-regression", false);
  job.fail_threshold = positive_number(env, "fail-threshold");
  job.draft_on_regression = flag(env, "draft-on-regression", false);
  job.draft_threshold = positive_number(env, "draft-threshold");
  job.job_summary = flag(env, "job-summary", true);
  job.dashboard_url = input(env, "dashboard-url");
  job.chart = flag(env, "chart", true);
  job.github_timeout = positive_number(env, "github-timeout").value_or(job.github_timeout);
  if (job.github_timeout > k_longest_github_timeout) {
    bad_input("github-timeout", *input(env, "github-timeout"),
              fmt::format("a number of seconds up to {}", k_longest_github_timeout));
  }
  apply_perch_inputs(env, job);
  // A workflow written for asv-perch (its results-path) gets asv-perch's labels.
  if (results_path && job.base_path) {
    job.label_before = job.label_before.value_or("main");
    job.label_after = job.label_after.value_or("pr");
  }
  return job;
}

}  // namespace spyglass::action
