// Every input docs/action.md documents, observed by its effect on a run of `spyglass action`
// against the fake GitHub: the comment it leaves, the requests it makes, the files and outputs the
// runner reads and the exit code. Expected values come from the docs and the fixtures: the small
// handmade pair (fixtures/handmade/results/m1/11111111-e1.json, 1 ms and 2 ms, against
// m2/22222222-e2.json, 2 ms and 1 ms) has one regression of ratio exactly 2 (small.time_a), one
// improvement and no failure; tables are the hand-checked files of tests/golden/.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/action_runner.hpp"
#include "support/asv_json.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/step_outputs.hpp"
#include "support/text_lines.hpp"

namespace spyglass::test {
namespace {

const std::string k_hand = "handmade/";
const std::string k_small_m1 = fixture_path(k_hand + "results/m1/11111111-e1.json");
const std::string k_small_m2 = fixture_path(k_hand + "results/m2/22222222-e2.json");
const std::string k_format1 = fixture_path(k_hand + "results/m1/33333333-e1.json");
const std::string k_alt_bconf = fixture_path(k_hand + "alt-benchmarks.json");

// tests/golden/`name` without its trailing newlines, as the `comparison` output holds a table.
std::string golden_table(const std::string& name) {
  auto text = read_fixture("../tests/golden/" + name);
  while (!text.empty() && text.back() == '\n') {
    text.pop_back();
  }
  return text;
}

class DocumentedInputs : public ActionRunner {
 protected:
  // The runner's variables for a pull_request run comparing the small pair at factor 1.1.
  CliEnv small_pair_env() const {
    auto env = pull_request_env();
    env["INPUT_BASE-FILE"] = k_small_m1;
    env["INPUT_PR-FILE"] = k_small_m2;
    env["INPUT_FACTOR"] = "1.1";
    return env;
  }

  std::map<std::string, std::string> outputs() const {
    return parse_outputs(read_text(output_path()));
  }

  // The only comment with the default marker; fails the test when there is not exactly one.
  FakeComment the_comment() const {
    const auto comments = ours();
    EXPECT_EQ(comments.size(), 1u);
    return comments.empty() ? FakeComment{} : comments[0];
  }

  bool is_draft() const { return m_github.pull(k_repo, k_pr).value_or(FakePull{}).draft; }
};

// --- What is compared ---

// docs/action.md's compare-many matrix example: contender files one per line, labels
// comma-separated. The table is asv-spyglass's compare-many layout
// (tests/golden/compare-many-labels.out).
TEST_F(DocumentedInputs, CompareManyTakesTheBaselineContendersAndTheirLabels) {
  auto env = small_pair_env();
  env["INPUT_COMPARISON-MODE"] = "compare-many";
  env["INPUT_BASELINE-FILE"] = k_small_m1;
  env["INPUT_CONTENDER-FILES"] = k_small_m2 + "\n" + k_format1 + "\n";
  env["INPUT_BASELINE-LABEL"] = "base";
  env["INPUT_CONTENDER-LABELS"] = "pr, old";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto out = outputs();
  EXPECT_EQ(out.at("comparison"), golden_table("compare-many-labels.out"));
  // small.time_a is slower in `pr` (2 ms against 1 ms); small.time_b faster there, the same in
  // `old`: each benchmark counts once.
  EXPECT_EQ(out.at("regressions"), "1");
  EXPECT_EQ(out.at("improvements"), "1");
  const auto body = the_comment().body;
  EXPECT_NE(body.find("| | Benchmark | base (baseline) | pr | old |\n"), std::string::npos) << body;
  EXPECT_NE(body.find("| 🔴 | `small.time_a` | 1.00ms | 🔴 2.00ms (2.00× slower) |"),
            std::string::npos)
      << body;
}

// Contender files comma-separated and no baseline-label: the baseline column is `baseline`.
TEST_F(DocumentedInputs, CompareManyLabelsTheBaselineBaselineByDefault) {
  auto env = small_pair_env();
  env["INPUT_COMPARISON-MODE"] = "compare-many";
  env["INPUT_BASELINE-FILE"] = k_small_m1;
  env["INPUT_CONTENDER-FILES"] = k_small_m2 + ", " + k_format1;
  env["INPUT_CONTENDER-LABELS"] = "pr\nold";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto table = outputs().at("comparison");
  EXPECT_TRUE(table.starts_with(
      "| Benchmark    | Baseline (baseline)   | pr (Ratio)       | old (Ratio)           |\n"))
      << table;
  EXPECT_NE(the_comment().body.find("| | Benchmark | baseline (baseline) | pr | old |\n"),
            std::string::npos);
}

// The labels rename the `[m1/e1 -> m2/e2]` suffix (tests/golden/compare-label-both.out).
TEST_F(DocumentedInputs, LabelBeforeAndAfterNameTheSidesOfTheTable) {
  auto env = small_pair_env();
  env["INPUT_LABEL-BEFORE"] = "BASE";
  env["INPUT_LABEL-AFTER"] = "PR";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(outputs().at("comparison"), golden_table("compare-label-both.out"));
  EXPECT_NE(the_comment().body.find("small.time_a [BASE -> PR]"), std::string::npos);
}

// alt-benchmarks.json makes small.time_a a track in ticks and leaves small.time_b without a unit,
// so the values are plain numbers (tests/golden/compare-bconf-positional.out).
TEST_F(DocumentedInputs, BenchmarksFileGivesTheUnits) {
  auto env = small_pair_env();
  const auto result_discovered = run_cli({"action"}, env);
  ASSERT_EQ(result_discovered.exit_code, 0) << result_discovered.err;
  EXPECT_EQ(outputs().at("comparison"), golden_table("compare-env-suffix.out"));

  std::filesystem::remove(output_path());
  env["INPUT_BENCHMARKS-FILE"] = k_alt_bconf;
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(outputs().at("comparison"), golden_table("compare-bconf-positional.out"));
}

// factor 2.5: small.time_a's ratio 2 and small.time_b's 0.5 are within the factor.
TEST_F(DocumentedInputs, FactorDecidesWhatIsSignificant) {
  auto env = small_pair_env();
  env["INPUT_FACTOR"] = "2.5";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto out = outputs();
  EXPECT_EQ(out.at("regressions"), "0");
  EXPECT_EQ(out.at("improvements"), "0");
  EXPECT_EQ(out.at("regression-detected"), "false");
}

// small.time_a doubles (1 ms -> 2 ms): named bigger-is-better, that is an improvement, so with
// small.time_b halving nothing regressed. A pattern may hold a comma: one per line.
TEST_F(DocumentedInputs, BiggerIsBetterTurnsTheVerdictOfTheRowsItNames) {
  auto env = small_pair_env();
  env["INPUT_BIGGER-IS-BETTER"] = "nothing{1,2}\n  time_a$  \n";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto out = outputs();
  EXPECT_EQ(out.at("regressions"), "0");
  EXPECT_EQ(out.at("improvements"), "2");
  EXPECT_EQ(out.at("regression-detected"), "false");
}

TEST_F(DocumentedInputs, BiggerIsBetterRefusesABadPatternNamingTheInput) {
  auto env = small_pair_env();
  env["INPUT_BIGGER-IS-BETTER"] = "time_a\n(unclosed";
  const auto result = run_cli({"action"}, env);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("input bigger-is-better: `(unclosed` is not a regular expression: "
                            "missing ): (unclosed"),
            std::string::npos)
      << result.err;
  EXPECT_TRUE(m_github.requests().empty());
}

// A Google Benchmark counter: items per second fell about 22-fold from -O2 to -O0, a regression
// since a rate is better bigger.
TEST_F(DocumentedInputs, MetricPicksAGoogleBenchmarkCounter) {
  auto env = small_pair_env();
  env["INPUT_BASE-FILE"] = fixture_path("other/generated/gbench-counters-O2.json");
  env["INPUT_PR-FILE"] = fixture_path("other/generated/gbench-counters-O0.json");
  env["INPUT_METRIC"] = "items_per_second";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(outputs().at("comparison"), golden_table("compare-gbench-items-per-second.out"));
  EXPECT_EQ(outputs().at("regressions"), "1");
}

// Google Benchmark's cpu_time instead of real_time (tests/golden/compare-gbench-cpu-time.out).
TEST_F(DocumentedInputs, MetricPicksGoogleBenchmarksTime) {
  auto env = small_pair_env();
  env["INPUT_BASE-FILE"] = fixture_path("other/generated/gbench-O2.json");
  env["INPUT_PR-FILE"] = fixture_path("other/generated/gbench-O0.json");
  env["INPUT_INPUT-FORMAT"] = "gbench";
  env["INPUT_METRIC"] = "cpu_time";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(outputs().at("comparison"), golden_table("compare-gbench-cpu-time.out"));
}

// A forced format is not told from the content: a Google Benchmark file read as hyperfine's
// fails the step naming the file.
TEST_F(DocumentedInputs, InputFormatIsForced) {
  auto env = small_pair_env();
  const auto gbench = fixture_path("other/generated/gbench-O2.json");
  env["INPUT_BASE-FILE"] = gbench;
  env["INPUT_PR-FILE"] = gbench;
  env["INPUT_INPUT-FORMAT"] = "hyperfine";
  const auto result = run_cli({"action"}, env);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(result.err.starts_with("spyglass: error: " + gbench + ": ")) << result.err;
  EXPECT_TRUE(m_github.requests().empty());
}

// The clean run of 3f2a9c1 against the latest of 8d4e0b7 (tests/golden/compare-ptjb.out); one
// file is both sides.
TEST_F(DocumentedInputs, BaseRunAndPrRunPickThePtjbRuns) {
  const auto file =
      fixture_path("other/generated/ptjb/benchmarks/tests-test_fft.py--test_fft/n-64.csv");
  auto env = small_pair_env();
  env["INPUT_BASE-FILE"] = file;
  env["INPUT_PR-FILE"] = file;
  env["INPUT_BASE-RUN"] = "3f2a9c1";
  env["INPUT_PR-RUN"] = "8d4e0b7";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(outputs().at("comparison"), golden_table("compare-ptjb.out"));
}

// --- The comment ---

// A template replaces the whole comment (docs/templates.md: counts.* are the verdict counts).
TEST_F(DocumentedInputs, TemplateReplacesTheComment) {
  auto env = small_pair_env();
  env["INPUT_TEMPLATE"] =
      m_dir.write("comment.mustache",
                  "{{{marker}}}\n{{counts.regressed}} regressed, {{counts.improved}} improved of "
                  "{{counts.total}} (factor {{meta.factor}})\n");
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(the_comment().body,
            std::string(k_marker) + "\n1 regressed, 1 improved of 2 (factor 1.1)\n");
}

// docs/templates.md: "Line 1 must be {{{marker}}}: spyglass finds the comment to update by it". A
// template without it is a bad input (exit 2, naming the template), not a bug of spyglass (4);
// nothing is posted, and the summary and the outputs are written as after any failure to post.
TEST_F(DocumentedInputs, TemplateWithoutTheMarkerIsABadInput) {
  auto env = small_pair_env();
  const auto path = m_dir.write("comment.mustache", "{{counts.regressed}} regressed\n");
  env["INPUT_TEMPLATE"] = path;
  const auto result = run_cli({"action"}, env);
  EXPECT_EQ(result.exit_code, 2);
  const std::string message = path +
                              ": the comment does not start with {{{marker}}}; spyglass finds "
                              "its comment by it, so it must be line 1";
  EXPECT_EQ(result.err, "spyglass: error: " + message + "\n");
  EXPECT_TRUE(result.out.ends_with("::error title=spyglass::" + message + "\n")) << result.out;
  EXPECT_TRUE(m_github.requests().empty());
  EXPECT_EQ(outputs().at("regressions"), "1");
  EXPECT_EQ(read_text(summary_path()), "1 regressed\n\n");
}

// GitHub's 65,536 characters through the action: a comment of exactly that many is posted as
// rendered; one more and the raw table (shown by "!"), the first part to go, is dropped. The
// marker line is 26 characters with its newline, the final newline one more.
TEST_F(DocumentedInputs, PostsACommentOfExactlyGithubsLimitUnchanged) {
  constexpr std::size_t k_filler = 65536 - 26 - 1 - 1;
  auto env = small_pair_env();
  const auto write_template = [&](std::size_t filler) {
    return m_dir.write("sized.mustache", "{{{marker}}}\n" + std::string(filler, 'x') +
                                             "{{#raw_table.any}}!{{/raw_table.any}}\n");
  };
  env["INPUT_TEMPLATE"] = write_template(k_filler);
  auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(the_comment().body, std::string(k_marker) + "\n" + std::string(k_filler, 'x') + "!\n");

  env["INPUT_TEMPLATE"] = write_template(k_filler + 1);
  result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(the_comment().body,
            std::string(k_marker) + "\n" + std::string(k_filler + 1, 'x') + "\n");
}

TEST_F(DocumentedInputs, DashboardUrlIsLinkedFromTheComment) {
  auto env = small_pair_env();
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  EXPECT_EQ(the_comment().body.find("[dashboard]("), std::string::npos);

  env["INPUT_DASHBOARD-URL"] = "https://octo.github.io/bench/";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(the_comment().body.find(" · [dashboard](https://octo.github.io/bench/)</sub>\n"),
            std::string::npos)
      << the_comment().body;
}

TEST_F(DocumentedInputs, ChartFalseLeavesOutTheMermaidChart) {
  auto env = small_pair_env();
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  EXPECT_NE(the_comment().body.find("```mermaid\n"), std::string::npos);

  env["INPUT_CHART"] = "false";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(the_comment().body.find("```mermaid"), std::string::npos) << the_comment().body;
}

// One comment per id: a second id adds a comment beside the first, marked with its id, and its
// report goes to spyglass-<id>.md.
TEST_F(DocumentedInputs, CommentIdKeepsOneCommentPerId) {
  auto env = small_pair_env();
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  env["INPUT_COMMENT-ID"] = "perf";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ours().size(), 1u);
  const auto perf = ours(k_pr, "<!-- spyglass:perf -->");
  ASSERT_EQ(perf.size(), 1u);
  const auto out = outputs();
  EXPECT_EQ(out.at("comment-id"), std::to_string(perf[0].id));
  EXPECT_EQ(out.at("body-path"), (m_dir.path() / "spyglass-perf.md").string());
  EXPECT_TRUE(read_text(m_dir.path() / "spyglass-perf.md").starts_with("<!-- spyglass:perf -->"));
}

// --- Where it goes ---

TEST_F(DocumentedInputs, PrNumberBeatsTheEvent) {
  add_open_pull(9, "9999999999999999999999999999999999999999");
  auto env = small_pair_env();  // a pull_request event of #7
  env["INPUT_PR-NUMBER"] = "9";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(ours(k_pr).empty());
  EXPECT_EQ(ours(9).size(), 1u);
  EXPECT_EQ(outputs().at("pr-number"), "9");
}

// post-comment: false only writes the summary, the outputs and body-path: GitHub is not asked.
TEST_F(DocumentedInputs, PostCommentFalseSendsNoRequest) {
  auto env = small_pair_env();
  env["INPUT_POST-COMMENT"] = "false";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(m_github.requests().empty());
  EXPECT_TRUE(m_github.comments(k_repo, k_pr).empty());
  const auto out = outputs();
  EXPECT_EQ(out.at("comment-id"), "");
  EXPECT_EQ(out.at("comment-url"), "");
  EXPECT_EQ(out.at("regressions"), "1");
  EXPECT_TRUE(read_text(summary_path()).starts_with(k_marker));
  EXPECT_TRUE(read_text(out.at("body-path")).starts_with(k_marker));
}

TEST_F(DocumentedInputs, JobSummaryFalseWritesNoSummary) {
  auto env = small_pair_env();
  env["INPUT_JOB-SUMMARY"] = "false";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_FALSE(std::filesystem::exists(summary_path()));
  EXPECT_EQ(ours().size(), 1u);
  EXPECT_TRUE(read_text(outputs().at("body-path")).starts_with(k_marker));
}

// recreate deletes the earlier comment and posts anew (at the bottom of the conversation).
TEST_F(DocumentedInputs, CommentModeRecreateDeletesAndPostsAnew) {
  auto env = small_pair_env();
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  const auto first = the_comment();
  m_github.add_comment(k_repo, k_pr, "someone", "a reply in between");
  m_github.clear_requests();

  env["INPUT_COMMENT-MODE"] = "recreate";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto all = m_github.comments(k_repo, k_pr);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].body, "a reply in between");
  EXPECT_TRUE(all[1].body.starts_with(k_marker));
  EXPECT_NE(all[1].id, first.id);
  EXPECT_EQ(count_requests("DELETE"), 1);
  EXPECT_EQ(count_requests("PATCH"), 0);
  EXPECT_EQ(outputs().at("comment-id"), std::to_string(all[1].id));
}

// new posts another comment and hides the older ones as outdated.
TEST_F(DocumentedInputs, CommentModeNewPostsAndHidesTheOlder) {
  auto env = small_pair_env();
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  const auto first = the_comment();

  env["INPUT_COMMENT-MODE"] = "new";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto comments = ours();
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].id, first.id);
  EXPECT_TRUE(comments[0].minimized);
  EXPECT_EQ(comments[0].minimized_reason, "outdated");
  EXPECT_FALSE(comments[1].minimized);
  EXPECT_EQ(outputs().at("comment-id"), std::to_string(comments[1].id));
}

TEST_F(DocumentedInputs, CommentModeReplaceIsABadInput) {
  auto env = small_pair_env();
  env["INPUT_COMMENT-MODE"] = "replace";
  const auto result = run_cli({"action"}, env);
  EXPECT_EQ(result.exit_code, 2);
  const std::string message = "input comment-mode: 'replace' is not one of update, recreate, new";
  EXPECT_EQ(result.out, "::error title=spyglass::" + message + "\n");
  EXPECT_EQ(result.err, "spyglass: error: " + message + "\n");
  EXPECT_TRUE(m_github.requests().empty());
}

// "A bad value fails the step with exit 2 and an ::error annotation naming the input", also for
// values that are wrong only together with others or past a limit.
TEST_F(DocumentedInputs, BadValuesNameTheirInput) {
  const std::vector<std::pair<CliEnv, std::string>> cases = {
      {{{"INPUT_COMPARISON-MODE", "compare-many"},
        {"INPUT_BASELINE-FILE", k_small_m1},
        {"INPUT_CONTENDER-FILES", k_small_m2 + "," + k_format1},
        {"INPUT_CONTENDER-LABELS", "gcc"}},
       "input contender-labels: 'gcc' is not one label per contender file (2 files)"},
      {{{"INPUT_GITHUB-TIMEOUT", "86401"}},
       "input github-timeout: '86401' is not a number of seconds up to 86400"},
      {{{"INPUT_SECTION", "gcc"}, {"INPUT_COMMENT-MODE", "new"}},
       "input comment-mode: 'new' is not update, which section needs (the jobs share one comment)"},
  };
  for (const auto& [inputs, message] : cases) {
    auto env = small_pair_env();
    for (const auto& [name, value] : inputs) {
      env[name] = value;
    }
    const auto result = run_cli({"action"}, env);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(result.out, "::error title=spyglass::" + message + "\n");
    EXPECT_EQ(result.err, "spyglass: error: " + message + "\n");
  }
  EXPECT_TRUE(m_github.requests().empty());
}

// A comment that starts with our marker but that someone else wrote is not ours: it stays as it
// is and ours is posted beside it.
TEST_F(DocumentedInputs, AnotherAuthorsCommentWithOurMarkerIsLeftAlone) {
  const std::string theirs = std::string(k_marker) + "\nquoted from an earlier run";
  const auto their_id = m_github.add_comment(k_repo, k_pr, "octocat", theirs);
  const auto result = run_cli({"action"}, small_pair_env());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto comments = ours();
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].id, their_id);
  EXPECT_EQ(comments[0].body, theirs);
  EXPECT_EQ(comments[1].login, k_bot);
  EXPECT_EQ(count_requests("PATCH"), 0);
}

// --- Gates: small.time_a's ratio is exactly 2 ---

struct GateRun {
  int exit_code;
  std::string regression_detected;
  bool draft;
};

class DocumentedGates : public DocumentedInputs {
 protected:
  GateRun run_gates(const CliEnv& inputs) {
    auto env = small_pair_env();
    for (const auto& [name, value] : inputs) {
      env[name] = value;
    }
    const auto result = run_cli({"action"}, env);
    EXPECT_EQ(ours().size(), 1u) << result.err;  // the comment is posted whatever the gates say
    return {result.exit_code, outputs().at("regression-detected"), is_draft()};
  }
};

TEST_F(DocumentedGates, FailThresholdJustUnderTheRatioFails) {
  const auto run =
      run_gates({{"INPUT_FAIL-ON-REGRESSION", "true"}, {"INPUT_FAIL-THRESHOLD", "1.99"}});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.regression_detected, "true");
}

// "at least this ratio": the ratio itself fails.
TEST_F(DocumentedGates, FailThresholdEqualToTheRatioFails) {
  const auto run = run_gates({{"INPUT_FAIL-ON-REGRESSION", "true"}, {"INPUT_FAIL-THRESHOLD", "2"}});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.regression_detected, "true");
}

TEST_F(DocumentedGates, FailThresholdJustOverTheRatioPasses) {
  const auto run =
      run_gates({{"INPUT_FAIL-ON-REGRESSION", "true"}, {"INPUT_FAIL-THRESHOLD", "2.01"}});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.regression_detected, "false");
}

// The draft gate reads draft-threshold, not fail-threshold: a draft-threshold under the ratio
// converts although fail-threshold is over it ...
TEST_F(DocumentedGates, DraftThresholdJustUnderTheRatioConverts) {
  const auto run = run_gates({{"INPUT_DRAFT-ON-REGRESSION", "true"},
                              {"INPUT_DRAFT-THRESHOLD", "1.99"},
                              {"INPUT_FAIL-THRESHOLD", "2.01"}});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_TRUE(run.draft);
}

TEST_F(DocumentedGates, DraftThresholdEqualToTheRatioConverts) {
  const auto run =
      run_gates({{"INPUT_DRAFT-ON-REGRESSION", "true"}, {"INPUT_DRAFT-THRESHOLD", "2"}});
  EXPECT_TRUE(run.draft);
}

// ... and one over the ratio does not, although fail-threshold is under it (and fails the job).
TEST_F(DocumentedGates, DraftThresholdJustOverTheRatioLeavesThePullRequest) {
  const auto run = run_gates({{"INPUT_DRAFT-ON-REGRESSION", "true"},
                              {"INPUT_DRAFT-THRESHOLD", "2.01"},
                              {"INPUT_FAIL-ON-REGRESSION", "true"},
                              {"INPUT_FAIL-THRESHOLD", "1.99"}});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_FALSE(run.draft);
}

// --- The same gates and modes from `spyglass comment` ---

class CommentFlags : public DocumentedInputs {
 protected:
  // `spyglass comment` posting to the fake's pull request with `flags`, the small pair unless
  // `flags` names another comparison.
  CliResult comment(std::vector<std::string> flags) {
    auto env = small_pair_env();
    env.erase("INPUT_GITHUB-TOKEN");
    env.erase("GITHUB_REPOSITORY");
    std::vector<std::string> args = {"comment",     "--token",           k_token, "--repo", k_repo,
                                     "--pr-number", std::to_string(k_pr)};
    const bool other = std::find(flags.begin(), flags.end(), "--table") != flags.end();
    if (!other) {
      args.insert(args.end(), {"--base", k_small_m1, "--pr", k_small_m2});
    }
    args.insert(args.end(), flags.begin(), flags.end());
    return run_cli(args, env);
  }
};

TEST_F(CommentFlags, DraftThresholdNotFailThresholdDecidesTheDraft) {
  auto result = comment({"--draft-on-regression", "--draft-threshold", "2.01",
                         "--fail-on-regression", "--fail-threshold", "1.99"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_FALSE(is_draft());
  result = comment({"--draft-on-regression", "--draft-threshold", "1.99", "--fail-on-regression",
                    "--fail-threshold", "2.01"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(is_draft());
}

// A new failure converts to draft unless --ignore-failures.
TEST_F(CommentFlags, IgnoreFailuresKeepsANewFailureFromTheDraftGate) {
  const auto table = m_dir.write("failing.txt",
                                 "| Change | Before | After | Ratio | Benchmark (Parameter) |\n"
                                 "|--------|--------|-------|-------|-----------------------|\n"
                                 "| ! | 1.00s | failed | n/a | broken.time_x |\n");
  auto result = comment({"--table", table, "--draft-on-regression", "--ignore-failures"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_FALSE(is_draft());
  result = comment({"--table", table, "--draft-on-regression"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(is_draft());
}

TEST_F(CommentFlags, CommentModeRecreateAndNew) {
  ASSERT_EQ(comment({}).exit_code, 0);
  const auto first = the_comment();
  auto result = comment({"--comment-mode", "recreate"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto second = the_comment();
  EXPECT_NE(second.id, first.id);
  result = comment({"--comment-mode", "new"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto comments = ours();
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].id, second.id);
  EXPECT_TRUE(comments[0].minimized);
  EXPECT_FALSE(comments[1].minimized);
}

// --- Annotations ---

// asv result files of `regressed` benchmarks, each 1 ms before and 2 ms after, with their
// benchmarks.json beside the machine folder; returns the before and after paths.
std::pair<std::string, std::string> write_regressions(const TempDir& dir, int regressed) {
  nlohmann::json catalog = {{"version", 2}};
  nlohmann::json before = {{"results", nlohmann::json::object()}};
  nlohmann::json after = {{"results", nlohmann::json::object()}};
  for (int i = 0; i < regressed; ++i) {
    const std::string name = "cap.time_" + std::to_string(100 + i);
    catalog[name] = time_benchmark_entry(name);
    before["results"][name] = {{0.001}, nlohmann::json::array(), "1"};
    after["results"][name] = {{0.002}, nlohmann::json::array(), "1"};
  }
  for (auto* file : {&before, &after}) {
    (*file)["commit_hash"] = std::string(40, file == &before ? 'a' : 'b');
    (*file)["env_name"] = "e1";
    (*file)["date"] = 1700000000000;
    (*file)["params"] = {{"machine", "m1"}};
    (*file)["python"] = "3.12";
    (*file)["requirements"] = nlohmann::json::object();
    (*file)["result_columns"] = {"result", "params", "version"};
    (*file)["version"] = 2;
  }
  const auto folder = "cap" + std::to_string(regressed) + "/results/";
  dir.write(folder + "benchmarks.json", catalog.dump());
  return {dir.write(folder + "m1/aaaaaaaa-e1.json", before.dump()),
          dir.write(folder + "m1/bbbbbbbb-e1.json", after.dump())};
}

// "Each regression also gets a ::warning annotation (at most 10)".
TEST_F(DocumentedInputs, AtMostTenRegressionAnnotations) {
  for (const int regressed : {9, 10, 11, 14}) {
    SCOPED_TRACE(regressed);
    const auto [before, after] = write_regressions(m_dir, regressed);
    auto env = small_pair_env();
    env["INPUT_BASE-FILE"] = before;
    env["INPUT_PR-FILE"] = after;
    std::filesystem::remove(output_path());
    const auto result = run_cli({"action"}, env);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(outputs().at("regressions"), std::to_string(regressed));
    const auto warnings = lines_starting_with(result.out, "::warning ");
    ASSERT_EQ(warnings.size(), static_cast<std::size_t>(std::min(regressed, 10)));
    EXPECT_EQ(warnings[0],
              "::warning title=Benchmark regression::cap.time_100: 1.00ms -> 2.00ms (2.00)");
  }
}

}  // namespace
}  // namespace spyglass::test
