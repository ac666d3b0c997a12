#include "spyglass/action/comment_job.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <fstream>
#include <future>
#include <iterator>
#include <regex>
#include <span>

#include "spyglass/action/load_inputs.hpp"
#include "spyglass/action/outputs.hpp"
#include "spyglass/action/publish.hpp"
#include "spyglass/action/report_file.hpp"
#include "spyglass/action/run_context.hpp"
#include "spyglass/compare/compare.hpp"
#include "spyglass/compare/env_diff.hpp"
#include "spyglass/github/curl_transport.hpp"
#include "spyglass/github/gate.hpp"
#include "spyglass/github/retrying_transport.hpp"
#include "spyglass/ingest/comparison_table.hpp"
#include "spyglass/render/asv_table.hpp"
#include "spyglass/render/comment.hpp"
#include "spyglass/render/comment_sections.hpp"
#include "spyglass/render/env_diff.hpp"
#include "spyglass/render/html_preview.hpp"
#include "spyglass/render/markdown.hpp"
#include "spyglass/util/clock.hpp"
#include "spyglass/util/diagnostics.hpp"
#include "spyglass/util/file.hpp"
#include "spyglass/util/parallel.hpp"

namespace spyglass::action {

void check_job(const CommentJob& job, std::string_view command) {
  if (!std::regex_match(job.id, std::regex("[A-Za-z0-9._-]{1,64}"))) {
    throw Error(ExitCode::k_bad_input,
                fmt::format("--id '{}' must be 1-64 letters, digits, '.', '_' or '-'", job.id));
  }
  if (!(job.github_timeout > 0 && job.github_timeout <= k_longest_github_timeout)) {
    throw Error(ExitCode::k_bad_input,
                fmt::format("{}: --github-timeout must be more than 0 and at most {} seconds",
                            command, k_longest_github_timeout));
  }
  if (job.section) {
    render::check_section_name(*job.section);
    if (job.comment_mode != github::CommentMode::k_update) {
      throw Error(
          ExitCode::k_bad_input,
          fmt::format("{}: --section needs --comment-mode update (the jobs share one comment)",
                      command));
    }
  }
  if (job.base_path.has_value() != job.pr_path.has_value()) {
    throw Error(ExitCode::k_bad_input, fmt::format("{}: --base and --pr go together", command));
  }
  const int inputs =
      (job.table_path ? 1 : 0) + (job.base_path ? 1 : 0) + (job.baseline_path ? 1 : 0);
  if (inputs != 1) {
    throw Error(ExitCode::k_bad_input,
                fmt::format("{}: give one of --table, --base with --pr, or --baseline with "
                            "--contender",
                            command));
  }
  if (job.baseline_path && job.contender_paths.empty()) {
    throw Error(ExitCode::k_bad_input,
                fmt::format("{}: --baseline needs at least one contender (--contender)", command));
  }
  const std::size_t files = job.contender_paths.size() + 1;
  if (!job.labels.empty() && job.labels.size() != files) {
    throw Error(ExitCode::k_bad_input,
                fmt::format("{}: {} labels given for {} files (give none, or one per file, "
                            "the baseline's first)",
                            command, job.labels.size(), files));
  }
}

namespace {

// What differs between two result files' environments, as markdown; nullopt when nothing does.
std::optional<std::string> environment_markdown(const model::ResultFile& before,
                                                const model::ResultFile& after) {
  const auto diff = compare::diff_environments(before, after, compare::k_all_component_kinds);
  if (!diff.changed()) {
    return std::nullopt;
  }
  return render::render_env_diff_table(diff, render::UnchangedRows::k_omit);
}

}  // namespace

LoadedComparison load_comparison(const CommentJob& job, util::Io& io) {
  LoadedComparison loaded;
  if (job.table_path) {
    const auto text = read_input(*job.table_path, job.input.max_input_size, io);
    auto parsed = ingest::parse_comparison_table(text, input_name(*job.table_path));
    if (parsed.kind == ingest::TableKind::k_compare) {
      loaded.single = std::move(parsed.comparison);
    } else {
      loaded.multi = std::move(parsed.multi);
    }
    loaded.raw_table = text;
    return loaded;
  }
  if (job.base_path) {
    auto inputs = load_inputs({*job.base_path, *job.pr_path}, job.input, job.benchmarks_path, io);
    const auto& before = inputs.files[0];
    const auto& after = inputs.files[1];
    loaded.single =
        compare::compare_results(before, after, inputs.catalog, job.factor, job.bigger_is_better);
    render::CompareTableOptions table = job.raw_layout;
    table.label_before = job.label_before;
    table.label_after = job.label_after;
    loaded.raw_table = render::render_compare_text(*loaded.single, table);
    loaded.environment_markdown = environment_markdown(before, after);
    loaded.files = std::move(inputs.files);
    return loaded;
  }
  std::vector<std::string> paths{*job.baseline_path};
  paths.insert(paths.end(), job.contender_paths.begin(), job.contender_paths.end());
  auto inputs = load_inputs(paths, job.input, job.benchmarks_path, io);
  const std::span<const model::ResultFile> files = inputs.files;
  loaded.multi = compare::compare_many(files.front(), files.subspan(1), inputs.catalog, job.factor,
                                       job.bigger_is_better);
  loaded.raw_table = render::render_compare_many_text(*loaded.multi, job.labels);
  loaded.files = std::move(inputs.files);
  return loaded;
}

namespace {

void write_file(const std::string& path, const std::string& text, std::ios::openmode mode) {
  std::ofstream out(path, std::ios::binary | mode);
  out << text;
  if (!out) {
    throw Error(ExitCode::k_bad_input, path + ": cannot write");
  }
}

github::GateVerdict gate_verdict(const LoadedComparison& loaded, std::optional<double> threshold,
                                 bool ignore_failures) {
  const github::GateThresholds thresholds{threshold, ignore_failures};
  return loaded.single ? github::evaluate_gate(*loaded.single, thresholds)
                       : github::evaluate_gate(*loaded.multi, thresholds);
}

// The files a run wrote for later steps: the full report, and the comment artifact and its name.
struct ReportPaths {
  std::optional<std::string> body_path;
  std::optional<std::string> artifact_path;
  std::optional<std::string> artifact_name;
};

// The step outputs (docs/action.md lists them), secrets redacted as in the log: a later step may
// print them, and a fork may put a token's start into a benchmark name.
void write_outputs(const std::string& path, const LoadedComparison& loaded,
                   const render::CommentInput& input, const github::GateVerdict& verdict,
                   const PublishOutcome& posted, const ReportPaths& reports, const util::Io& io) {
  const auto model = render::build_comment_model(input, {});
  const auto& counts = model["counts"];
  const auto improvements =
      counts["improved"].get<std::size_t>() + counts["fixed"].get<std::size_t>();
  std::string text;
  auto add = [&](const char* name, const std::string& value) {
    text += output_entry(name, io.redacted(value),
                         std::to_string(std::hash<std::string>{}(loaded.raw_table)));
  };
  add("regression-detected", verdict.regression_detected ? "true" : "false");
  add("regressions", std::to_string(counts["regressed"].get<std::size_t>()));
  add("improvements", std::to_string(improvements));
  add("failures", std::to_string(counts["failing"].get<std::size_t>()));
  add("comment-id", posted.comment ? std::to_string(posted.comment->comment_id) : "");
  add("comment-url", posted.comment ? posted.comment->html_url : "");
  add("pr-number", posted.pr_number ? std::to_string(*posted.pr_number) : "");
  add("body-path", reports.body_path.value_or(""));
  add("comparison", loaded.raw_table);
  // asv-perch's names: the comment's file (the artifact when one was asked for) and its artifact.
  add("comment-body-path", reports.artifact_path.value_or(reports.body_path.value_or("")));
  add("comment-artifact-name", reports.artifact_path ? *reports.artifact_name : "");
  write_file(path, text, std::ios::app);
}

// One `::warning` per regression, at most `k_max_annotations`, for the Actions log and PR.
void annotate_regressions(const LoadedComparison& loaded, const util::Io& io) {
  constexpr std::size_t k_max_annotations = 10;
  std::size_t written = 0;
  auto annotate_rows = [&](const model::Comparison& comparison, const std::string& label) {
    for (const auto& row : comparison.rows) {
      if (!model::is_regression(row.change) || written == k_max_annotations) {
        continue;
      }
      const auto cells = render::compare_cells(row);
      io.write_command(annotation("warning", "Benchmark regression",
                                  fmt::format("{}{}: {} -> {} ({})", row.name, label, cells.before,
                                              cells.after, cells.ratio)));
      ++written;
    }
  };
  if (loaded.single) {
    annotate_rows(*loaded.single, "");
  } else {
    for (const auto& contender : loaded.multi->contenders) {
      annotate_rows(contender, " [" + contender.after.machine_env() + "]");
    }
  }
}

github::ApiConfig api_config(const CommentJob& job, const util::Env& env) {
  github::ApiConfig config;
  config.api_url = env.get("GITHUB_API_URL").value_or(config.api_url);
  config.graphql_url = env.get("GITHUB_GRAPHQL_URL").value_or(config.graphql_url);
  const auto token = job.token ? job.token : env.get("GITHUB_TOKEN");
  if (!token) {
    throw Error(
        ExitCode::k_bad_input,
        "no GitHub token: pass --token or set GITHUB_TOKEN (or --print-only to post nothing)");
  }
  config.token = *token;
  config.user_agent = std::string("spyglass/") + SPYGLASS_VERSION;
  return config;
}

// Whose comments are ours. An installation token (`ghs_`, which the Actions token is) may not
// call GET /user, so it is not asked: that saves one of the 5 requests an update may take.
std::optional<std::string> comment_author(const CommentJob& job, const std::string& token) {
  if (!job.comment_author && token.starts_with("ghs_")) {
    return std::string(k_actions_bot);
  }
  return job.comment_author;
}

}  // namespace

ExitCode run_comment_job(const CommentJob& job, util::Io& io) {
  check_job(job, job.container_action ? "action" : "comment");
  const auto& env = io.environment();
  const render::CommentTemplate comment_template =
      job.template_path
          ? render::CommentTemplate{util::read_file(*job.template_path, job.input.max_input_size),
                                    *job.template_path}
          : render::default_comment_template();
  const auto loaded = load_comparison(job, io);

  render::CommentInput input;
  input.id = job.id;
  input.comparison = loaded.single ? &*loaded.single : nullptr;
  input.multi = loaded.multi ? &*loaded.multi : nullptr;
  input.labels = job.labels;
  input.raw_table = loaded.raw_table;
  input.environment_markdown = job.env_diff ? loaded.environment_markdown : std::nullopt;
  if (job.runner_info) {
    const auto runner =
        "Runner: " + render::code_span(*job.runner_info, render::SpanPlace::k_text) + "\n";
    input.environment_markdown =
        runner + (input.environment_markdown ? "\n" + *input.environment_markdown : std::string());
  }
  input.run = run_context_from(env);
  input.dashboard_url = job.dashboard_url;
  input.chart = job.chart;
  input.section = job.section;
  if (job.print_model) {
    io.out << render::build_comment_model(input, {}).dump(2) << "\n";
    return ExitCode::k_success;
  }

  const bool on_runner = env.get("GITHUB_ACTIONS") == std::optional<std::string>("true");
  // The action on a runner must leave a report whatever the runner mounts; elsewhere (the CLI,
  // or the action run by hand) only a RUNNER_TEMP that is set says where one is wanted.
  const bool report_fallback = job.container_action && on_runner;
  const bool runner_report = !job.output_path && (report_fallback || env.get("RUNNER_TEMP"));
  const auto summary = job.job_summary ? env.get("GITHUB_STEP_SUMMARY") : std::nullopt;
  // The full report renders every row, which costs more than the comment: only when used, and
  // beside the comment, which needs none of it.
  std::future<std::string> full_report_rendered;
  if (job.output_path || runner_report || summary) {
    full_report_rendered = util::run_beside([&input, &comment_template] {
      return render::fit_comment(input, render::k_step_summary_limit, comment_template);
    });
  }

  // With a section, the comment as this job would leave it were there no other sections.
  std::optional<render::SectionedComment> sectioned;
  if (job.section) {
    sectioned.emplace(input, comment_template);
  }
  const auto comment = sectioned ? sectioned->splice_into("", job.max_chars)
                                 : render::fit_comment(input, job.max_chars, comment_template);
  auto body_path = job.output_path;
  if (full_report_rendered.valid()) {
    const auto full_report = full_report_rendered.get();
    if (job.output_path) {
      write_file(*job.output_path, full_report, std::ios::trunc);
    } else if (runner_report) {
      body_path = write_runner_report(fmt::format("spyglass-{}.md", job.id), full_report,
                                      report_fallback, io);
    }
    if (summary) {
      write_file(*summary, full_report + "\n", std::ios::app);
    }
  }
  // asv-perch's comment artifact: the comment as posted, for an upload step after this one.
  std::optional<std::string> artifact_path;
  if (job.comment_artifact_name) {
    if (job.comment_artifact_path) {
      write_file(*job.comment_artifact_path, comment, std::ios::trunc);
      artifact_path = job.comment_artifact_path;
    } else {
      artifact_path =
          write_runner_report(*job.comment_artifact_name + ".md", comment, report_fallback, io);
    }
  }
  if (job.preview_path) {
    write_file(*job.preview_path, render::render_html_preview(comment, "spyglass: " + job.id),
               std::ios::trunc);
  }

  // Sets `posted` as soon as the comment is posted, so that the outputs name it even when the
  // draft gate fails after it.
  PublishOutcome posted;
  const auto post_and_convert = [&] {
    const auto repo = job.repo ? job.repo : env.get("GITHUB_REPOSITORY");
    if (!repo) {
      throw Error(ExitCode::k_bad_input,
                  "no repository: pass --repo owner/name or set "
                  "GITHUB_REPOSITORY");
    }
    // Only a custom template can leave the marker out; the comment could never be found again.
    if (!sectioned && !comment.starts_with(render::comment_marker(job.id))) {
      throw Error(ExitCode::k_bad_input,
                  fmt::format("{}: the comment does not start with {{{{{{marker}}}}}}; spyglass "
                              "finds its comment by it, so it must be line 1",
                              comment_template.display_name));
    }
    auto log = [&](const std::string& line) {
      if (job.verbose) {
        util::write_note(io.err, line);
      }
    };
    github::CurlTransport curl;
    util::SystemClock system_clock;
    util::Clock& clock = io.clock != nullptr ? *io.clock : system_clock;
    github::RetryPolicy policy;
    policy.time_limit = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::duration<double>(job.github_timeout));
    github::RetryingTransport transport(curl, policy, clock, log);
    const auto config = api_config(job, env);
    github::Client client(transport, config, log);
    const PublishOptions options{*repo,
                                 job.pr_number,
                                 comment_author(job, config.token),
                                 job.comment_mode,
                                 job.input.max_input_size,
                                 sectioned ? "" : job.legacy_marker};
    auto shrink = [&] {
      return render::fit_comment(input, job.max_chars * 9 / 10, comment_template);
    };
    posted = sectioned
                 ? publish_section(client, options, *sectioned, job.max_chars, clock, env, io.err)
                 : publish_comment(client, options, render::comment_marker(job.id), comment, shrink,
                                   env, io.err);
    const auto draft = gate_verdict(loaded, job.draft_threshold, job.ignore_failures);
    if (job.draft_on_regression && draft.regression_detected && posted.comment) {
      convert_to_draft(client, *repo, *posted.pr_number, io.err);
    }
  };

  const auto fail = gate_verdict(loaded, job.fail_threshold, job.ignore_failures);
  std::exception_ptr github_failure;
  if (job.print_only) {
    io.out << comment;
  } else {
    try {
      post_and_convert();
    } catch (...) {
      github_failure = std::current_exception();
    }
  }

  if (const auto outputs = env.get("GITHUB_OUTPUT")) {
    const ReportPaths reports{body_path, artifact_path, job.comment_artifact_name};
    write_outputs(*outputs, loaded, input, fail, posted, reports, io);
  }
  const bool gate_fails = job.fail_on_regression && fail.regression_detected;
  if (on_runner && (job.container_action || !job.print_only)) {
    annotate_regressions(loaded, io);
    if (gate_fails) {
      io.write_command(
          annotation("error", "spyglass",
                     fmt::format("fail-on-regression: {} benchmarks regressed, {} newly fail",
                                 fail.regressions, fail.newly_failing)));
    }
  }
  if (github_failure) {
    std::rethrow_exception(github_failure);
  }
  return gate_fails ? ExitCode::k_regression : ExitCode::k_success;
}

}  // namespace spyglass::action
