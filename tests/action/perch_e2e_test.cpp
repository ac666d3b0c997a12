// asv-perch v1 workflows switched to spyglass by their `uses:` line alone: the `with:` blocks of
// asv-perch's documented examples (its migration guide's eOn "After" step, its configuration
// reference's two-way and multi-way examples) run through `spyglass action` against the fake
// GitHub, over a pull request that already holds asv-perch's comment. Data: asv-perch's own test
// fixtures (fixtures/asv-spyglass-upstream/asv-perch/test/fixtures/: comparison.txt, 3 regressions
// of ratios 1.12, 1.75 and 15.00, 2 improvements, 5 unchanged; three result files of one commit
// a0f29428 in three environments) and the handmade result folder (fixtures/handmade/results/: the
// pair 11111111 -> 22222222 has one regression of ratio 2 and one improvement).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/action_runner.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/step_outputs.hpp"

namespace spyglass::test {
namespace {

const std::string k_perch_marker = "<!-- asv-benchmark-result -->";
const std::string k_perch_fixtures = fixture_path("asv-spyglass-upstream/asv-perch/test/fixtures");
const std::string k_handmade_results = fixture_path("handmade/results");
const std::string k_main_sha = "1111111100000000000000000000000000000000";
const std::string k_pr_sha = "2222222200000000000000000000000000000000";
const std::string k_old_sha = "3333333300000000000000000000000000000000";
const std::string k_shared_sha = "a0f29428eeb7563d7d5ab8385c722e8d5560bd06";
const std::string k_old_body = k_perch_marker + "\n## Benchmark Results\n\nold table\n";

class PerchE2e : public ActionRunner {
 protected:
  // The runner's variables for a pull_request run of a workflow that names only asv-perch's
  // inputs: spyglass's own are at their action.yml defaults.
  CliEnv perch_env() const {
    auto env = pull_request_env();
    env.erase("INPUT_BASE-FILE");
    env.erase("INPUT_PR-FILE");
    env["INPUT_FACTOR"] = "1.1";
    return env;
  }

  // The handmade pair found by its commits under the handmade results folder.
  CliEnv handmade_pair_env() const {
    auto env = perch_env();
    env["INPUT_RESULTS-PATH"] = k_handmade_results;
    env["INPUT_BASE-SHA"] = k_main_sha;
    env["INPUT_PR-SHA"] = k_pr_sha;
    return env;
  }

  // An artifact as asv-perch's eOn workflow downloads it: comparison.txt and metadata.txt.
  std::string eon_artifact() const {
    m_dir.write("results/comparison.txt", read_fixture("asv-spyglass-upstream/asv-perch/test/"
                                                       "fixtures/comparison.txt"));
    m_dir.write("results/metadata.txt", "main_sha=" + k_main_sha + "\npr_sha=" + k_pr_sha + "\n");
    return (m_dir.path() / "results").string() + "/";
  }

  // asv-perch's migration guide, eOn's "After" step.
  CliEnv eon_after_env() const {
    auto env = perch_env();
    const auto results = eon_artifact();
    env["INPUT_RESULTS-PATH"] = results;
    env["INPUT_METADATA-FILE"] = results + "metadata.txt";
    env["INPUT_REGRESSION-THRESHOLD"] = "10";
    env["INPUT_AUTO-DRAFT-ON-REGRESSION"] = "true";
    env["INPUT_RUNNER-INFO"] = "ubuntu-22.04";
    return env;
  }

  std::int64_t add_perch_comment() { return m_github.add_comment(k_repo, k_pr, k_bot, k_old_body); }

  std::map<std::string, std::string> outputs() const {
    return parse_outputs(read_text(output_path()));
  }

  bool is_draft() const { return m_github.pull(k_repo, k_pr).value_or(FakePull{}).draft; }

  // Runs the action; expects it to refuse its inputs with exactly `message` (one line).
  void expect_refused(const CliEnv& env, const std::string& message) {
    const auto result = run_cli({"action"}, env);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find(message + "\n"), std::string::npos) << result.err;
    EXPECT_TRUE(m_github.comments(k_repo, k_pr).empty());
  }
};

TEST_F(PerchE2e, EonAfterStepEditsAsvPerchsCommentAndGatesAtItsThreshold) {
  const auto old_id = add_perch_comment();
  const auto result = run_cli({"action"}, eon_after_env());
  ASSERT_EQ(result.exit_code, 0) << result.err;

  const auto comments = m_github.comments(k_repo, k_pr);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].id, old_id);
  EXPECT_TRUE(comments[0].body.starts_with(std::string(k_marker) + "\n" + k_perch_marker + "\n"))
      << comments[0].body;
  EXPECT_EQ(comments[0].body.find("old table"), std::string::npos);
  EXPECT_NE(comments[0].body.find("Runner: `ubuntu-22.04`"), std::string::npos);
  EXPECT_EQ(count_requests("POST"), 1);  // the draft conversion (GraphQL); no new comment

  const auto out = outputs();
  EXPECT_EQ(out.at("comment-id"), std::to_string(old_id));
  EXPECT_EQ(out.at("pr-number"), "7");
  EXPECT_EQ(out.at("regression-detected"), "true");  // 15.00 >= 10
  EXPECT_EQ(out.at("regressions"), "3");
  EXPECT_EQ(out.at("improvements"), "2");
  EXPECT_EQ(out.at("comparison") + "\n",
            read_fixture("asv-spyglass-upstream/asv-perch/test/fixtures/comparison.txt"));
  EXPECT_TRUE(is_draft());
}

TEST_F(PerchE2e, LaterRunsKeepEditingTheSameCommentWithBothMarkersOnce) {
  const auto old_id = add_perch_comment();
  ASSERT_EQ(run_cli({"action"}, eon_after_env()).exit_code, 0);
  const auto first = m_github.comments(k_repo, k_pr).at(0).body;
  const auto result = run_cli({"action"}, eon_after_env());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto comments = m_github.comments(k_repo, k_pr);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].id, old_id);
  EXPECT_EQ(comments[0].body, first);
  EXPECT_EQ(comments[0].body.find(k_perch_marker), comments[0].body.rfind(k_perch_marker));
}

// Without an asv-perch comment to take over, the comment is spyglass's alone.
TEST_F(PerchE2e, APullRequestWithoutAsvPerchsCommentGetsSpyglassMarkerOnly) {
  ASSERT_EQ(run_cli({"action"}, eon_after_env()).exit_code, 0);
  const auto comments = m_github.comments(k_repo, k_pr);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_TRUE(comments[0].body.starts_with(k_marker));
  EXPECT_EQ(comments[0].body.find(k_perch_marker), std::string::npos);
}

// asv-perch's author rule is spyglass's: another user's comment with the marker is not taken.
TEST_F(PerchE2e, AnotherUsersCommentWithTheMarkerIsLeftAlone) {
  const auto theirs = m_github.add_comment(k_repo, k_pr, "someone", k_old_body);
  ASSERT_EQ(run_cli({"action"}, eon_after_env()).exit_code, 0);
  const auto comments = m_github.comments(k_repo, k_pr);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].id, theirs);
  EXPECT_EQ(comments[0].body, k_old_body);
  EXPECT_TRUE(comments[1].body.starts_with(k_marker));
}

// asv-perch's regression-threshold counts a ratio at least the threshold (`>=`).
TEST_F(PerchE2e, RegressionThresholdCountsRatiosAtLeastIt) {
  auto env = eon_after_env();
  env["INPUT_REGRESSION-THRESHOLD"] = "15";
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  EXPECT_EQ(outputs().at("regression-detected"), "true");
  EXPECT_TRUE(is_draft());
}

TEST_F(PerchE2e, RegressionThresholdAboveEveryRatioNeitherDetectsNorDrafts) {
  auto env = eon_after_env();
  env["INPUT_REGRESSION-THRESHOLD"] = "15.01";
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  EXPECT_EQ(outputs().at("regression-detected"), "false");
  EXPECT_FALSE(is_draft());
}

// Without regression-threshold, auto-draft-on-regression drafts at asv-perch's default 10 only.
TEST_F(PerchE2e, AutoDraftWithoutThresholdUsesAsvPerchsTen) {
  m_dir.write("small/comparison.txt",
              "| Change | Before | After | Ratio | Benchmark (Parameter) |\n"
              "|--------|--------|-------|-------|-----------------------|\n"
              "| +      | 1.00s  | 9.00s | 9.00  | bench.time_slow       |\n");
  auto env = perch_env();
  env["INPUT_RESULTS-PATH"] = (m_dir.path() / "small").string();
  env["INPUT_AUTO-DRAFT-ON-REGRESSION"] = "true";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_FALSE(is_draft());
  EXPECT_EQ(outputs().at("regressions"), "1");
}

// asv-perch's configuration reference, "Two-Way Comparison", with result files found by SHA
// (its asv-spyglass-ref line is refused: see RefusesEachBenchmarkRunningInput).
TEST_F(PerchE2e, TwoWayExampleFindsResultFilesBySha) {
  const auto old_id = add_perch_comment();
  m_dir.write("metadata.txt", "base_sha=" + k_main_sha + "\npr_sha=" + k_pr_sha + "\n");
  auto env = perch_env();
  env["INPUT_RESULTS-PATH"] = k_handmade_results + "/";
  env["INPUT_METADATA-FILE"] = (m_dir.path() / "metadata.txt").string();
  env["INPUT_REGRESSION-THRESHOLD"] = "10";
  env["INPUT_AUTO-DRAFT-ON-REGRESSION"] = "true";
  env["INPUT_LABEL-BEFORE"] = "main";
  env["INPUT_LABEL-AFTER"] = "pr";
  env["INPUT_RUNNER-INFO"] = "ubuntu-22.04";
  env["INPUT_DASHBOARD-URL"] = "https://my-project.github.io/benchmarks/";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto comments = m_github.comments(k_repo, k_pr);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].id, old_id);
  EXPECT_NE(comments[0].body.find("https://my-project.github.io/benchmarks/"), std::string::npos);
  const auto out = outputs();
  EXPECT_EQ(out.at("regressions"), "1");
  EXPECT_EQ(out.at("improvements"), "1");
  EXPECT_EQ(out.at("regression-detected"), "false");  // ratio 2 < 10
  EXPECT_NE(out.at("comparison").find(" [main -> pr] |"), std::string::npos)
      << out.at("comparison");
  EXPECT_FALSE(is_draft());
}

// base-sha and pr-sha win over metadata-file.
TEST_F(PerchE2e, ShaInputsWinOverTheMetadataFile) {
  m_dir.write("metadata.txt", "main_sha=" + k_old_sha + "\npr_sha=" + k_old_sha + "\n");
  auto env = handmade_pair_env();
  env["INPUT_METADATA-FILE"] = (m_dir.path() / "metadata.txt").string();
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  EXPECT_EQ(outputs().at("regressions"), "1");
  // asv-perch's default labels, since results-path named the files.
  EXPECT_NE(outputs().at("comparison").find(" [main -> pr]"), std::string::npos);
}

// asv-perch's configuration reference, "Multi-Way Comparison".
TEST_F(PerchE2e, MultiWayExampleFindsBaselineAndContendersBySha) {
  auto env = perch_env();
  env["INPUT_RESULTS-PATH"] = k_handmade_results + "/";
  env["INPUT_COMPARISON-MODE"] = "compare-many";
  env["INPUT_BASELINE-SHA"] = k_main_sha;
  env["INPUT_CONTENDER-SHAS"] = k_pr_sha + ", " + k_old_sha;
  env["INPUT_BASELINE-LABEL"] = "default";
  env["INPUT_CONTENDER-LABELS"] = "opt-build,debug-build";
  env["INPUT_RUNNER-INFO"] = "ubuntu-22.04";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto table = outputs().at("comparison");
  EXPECT_NE(table.find("opt-build"), std::string::npos) << table;
  EXPECT_NE(table.find("debug-build"), std::string::npos) << table;
  EXPECT_EQ(m_github.comments(k_repo, k_pr).size(), 1u);
}

TEST_F(PerchE2e, AShaWithSeveralResultFilesIsAnErrorListingThem) {
  auto env = perch_env();
  env["INPUT_RESULTS-PATH"] = k_perch_fixtures;
  env["INPUT_COMPARISON-MODE"] = "compare-many";
  env["INPUT_BASELINE-SHA"] = k_shared_sha;
  env["INPUT_CONTENDER-SHAS"] = k_pr_sha;
  expect_refused(env,
                 "spyglass: error: input baseline-sha: 3 result files named a0f29428*.json under "
                 "results-path '" +
                     k_perch_fixtures + "' (one commit run in several environments): " +
                     k_perch_fixtures + "/a0f29428-conda-py3.11-numpy.json, " + k_perch_fixtures +
                     "/a0f29428-virtualenv-py3.12-numpy.json, " + k_perch_fixtures +
                     "/a0f29428-virtualenv-py3.12.json; pass the one to compare as a file input "
                     "instead");
}

TEST_F(PerchE2e, AShaWithoutResultFileIsAnError) {
  auto env = handmade_pair_env();
  env["INPUT_PR-SHA"] = "4444444400000000000000000000000000000000";
  expect_refused(env,
                 "spyglass: error: input pr-sha: no result file named 44444444*.json under "
                 "results-path '" +
                     k_handmade_results + "'");
}

// Each asv-perch input that makes it run the benchmarks is refused, never ignored.
TEST_F(PerchE2e, RefusesEachBenchmarkRunningInput) {
  for (const std::string name :
       {"benchmark-command", "init-command", "baseline", "contenders", "preserve-paths"}) {
    SCOPED_TRACE(name);
    auto env = eon_after_env();
    std::string upper = name;
    for (auto& c : upper) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    env["INPUT_" + upper] = "asv run {sha}^!";
    expect_refused(env, "spyglass: error: input " + name +
                            ": spyglass does not run benchmarks (a container action cannot run "
                            "them in the project's environment); run asv in a step before this "
                            "one and pass its results (results-path with base-sha and pr-sha, or "
                            "base-file and pr-file), see docs/migrating-from-asv-perch.md");
  }
  auto env = eon_after_env();
  env["INPUT_ASV-SPYGLASS-REF"] = "main";
  expect_refused(
      env,
      "spyglass: error: input asv-spyglass-ref: spyglass compares the results itself and "
      "installs nothing; remove the input, see docs/migrating-from-asv-perch.md");
}

TEST_F(PerchE2e, SameValuesUnderBothNamesAreAccepted) {
  auto env = eon_after_env();
  env["INPUT_FAIL-THRESHOLD"] = "10";
  env["INPUT_DRAFT-ON-REGRESSION"] = "true";
  const auto result = run_cli({"action"}, env);
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

// Each asv-perch name and its spyglass name given with different values: an error naming both.
TEST_F(PerchE2e, EachAliasConflictIsAnErrorNamingBoth) {
  struct Conflict {
    std::map<std::string, std::string> inputs;  // set over the eOn step's
    std::string names;                          // the message's start
  };
  const std::vector<Conflict> conflicts = {
      {{{"INPUT_FAIL-THRESHOLD", "2"}},
       "input regression-threshold '10' and input fail-threshold '2'"},
      {{{"INPUT_DRAFT-THRESHOLD", "3"}},
       "input regression-threshold '10' and input draft-threshold '3'"},
      {{{"INPUT_AUTO-DRAFT-ON-REGRESSION", "false"}, {"INPUT_DRAFT-ON-REGRESSION", "true"}},
       "input auto-draft-on-regression 'false' and input draft-on-regression 'true'"},
      {{{"INPUT_COMMENT-MARKER", "<!-- bench-gcc -->"}, {"INPUT_COMMENT-ID", "clang"}},
       "input comment-marker '<!-- bench-gcc -->' and input comment-id 'clang'"},
      {{{"INPUT_ASV-SPYGLASS-ARGS", "--factor 1.5"}, {"INPUT_FACTOR", "2"}},
       "input asv-spyglass-args 'factor 1.5' and input factor '2'"},
  };
  for (const auto& conflict : conflicts) {
    SCOPED_TRACE(conflict.names);
    auto env = eon_after_env();
    for (const auto& [name, value] : conflict.inputs) {
      env[name] = value;
    }
    expect_refused(env, "spyglass: error: " + conflict.names +
                            " set the same thing to different values; give one of them");
  }
}

// A project whose asv-perch comments carried its own comment-marker keeps that comment.
TEST_F(PerchE2e, CommentMarkerTakesOverTheCommentItMarks) {
  m_github.add_comment(k_repo, k_pr, k_bot, k_old_body);
  const auto custom = m_github.add_comment(k_repo, k_pr, k_bot, "<!-- bench-gcc -->\nold");
  auto env = eon_after_env();
  env["INPUT_COMMENT-MARKER"] = "<!-- bench-gcc -->";
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  const auto comments = m_github.comments(k_repo, k_pr);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].body, k_old_body);
  EXPECT_EQ(comments[1].id, custom);
  EXPECT_TRUE(comments[1].body.starts_with(std::string(k_marker) + "\n<!-- bench-gcc -->\n"));
}

TEST_F(PerchE2e, UnsupportedAsvSpyglassArgIsAnErrorNamingIt) {
  auto env = eon_after_env();
  env["INPUT_ASV-SPYGLASS-ARGS"] = "--factor 1.2 --record-samples";
  expect_refused(env,
                 "spyglass: error: input asv-spyglass-args: spyglass does not support "
                 "'--record-samples' (it takes asv-spyglass compare's flags factor, label-before, "
                 "label-after, sort, split, only-changed, only-improved, only-regressed and "
                 "no-env-label); remove it, see docs/migrating-from-asv-perch.md");
}

// The table flags shape the `comparison` output as `spyglass compare` prints it; the comment's
// counts still see every row.
TEST_F(PerchE2e, AsvSpyglassArgsTableFlagsShapeTheComparisonOutput) {
  auto env = handmade_pair_env();
  env["INPUT_ASV-SPYGLASS-ARGS"] = "--only-regressed --sort ratio --no-env-label";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto expected = run_cli({"compare", "--factor", "1.1", "--only-regressed", "--sort",
                                 "ratio", "--no-env-label", "--label-before", "main",
                                 "--label-after", "pr", k_handmade_results + "/m1/11111111-e1.json",
                                 k_handmade_results + "/m2/22222222-e2.json"});
  auto table = expected.out;
  while (!table.empty() && table.back() == '\n') {
    table.pop_back();
  }
  const auto out = outputs();
  EXPECT_EQ(out.at("comparison"), table);
  EXPECT_NE(out.at("comparison").find("small.time_a"), std::string::npos);
  EXPECT_EQ(out.at("comparison").find("small.time_b"), std::string::npos);
  EXPECT_EQ(out.at("improvements"), "1");
}

TEST_F(PerchE2e, AsvSpyglassArgsBadSortIsAnError) {
  auto env = eon_after_env();
  env["INPUT_ASV-SPYGLASS-ARGS"] = "--sort size";
  expect_refused(env,
                 "spyglass: error: input asv-spyglass-args: its sort 'size' is not default, ratio "
                 "or name");
}

// asv-spyglass-args' --factor is the factor: at 2.5 the ratio-2 regression is not significant.
TEST_F(PerchE2e, AsvSpyglassArgsFactorAndLabelsApply) {
  auto env = handmade_pair_env();
  env["INPUT_ASV-SPYGLASS-ARGS"] = "--factor 2.5 --label-before=trunk";
  const auto result = run_cli({"action"}, env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto out = outputs();
  EXPECT_EQ(out.at("regressions"), "0");
  EXPECT_NE(out.at("comparison").find("trunk"), std::string::npos) << out.at("comparison");
}

TEST_F(PerchE2e, CommentArtifactIsWrittenAndNamed) {
  auto env = eon_after_env();
  const auto path = (m_dir.path() / "comment.md").string();
  env["INPUT_UPLOAD-COMMENT-ARTIFACT"] = "true";
  env["INPUT_COMMENT-ARTIFACT-NAME"] = "bench-comment";
  env["INPUT_COMMENT-ARTIFACT-PATH"] = path;
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  const auto out = outputs();
  EXPECT_EQ(out.at("comment-body-path"), path);
  EXPECT_EQ(out.at("comment-artifact-name"), "bench-comment");
  const auto artifact = read_text(path);
  EXPECT_TRUE(artifact.starts_with(k_marker));
  EXPECT_NE(artifact.find("Runner: `ubuntu-22.04`"), std::string::npos);
}

// Without comment-artifact-path the artifact is <comment-artifact-name>.md in RUNNER_TEMP.
TEST_F(PerchE2e, CommentArtifactDefaultsToRunnerTemp) {
  auto env = eon_after_env();
  env["INPUT_UPLOAD-COMMENT-ARTIFACT"] = "true";
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  const auto path = (m_dir.path() / "benchmark-comment.md").string();
  const auto out = outputs();
  EXPECT_EQ(out.at("comment-body-path"), path);
  EXPECT_EQ(out.at("comment-artifact-name"), "benchmark-comment");
  EXPECT_TRUE(read_text(path).starts_with(k_marker));
}

TEST_F(PerchE2e, AnArtifactNameThatIsNoFileNameIsRefused) {
  auto env = eon_after_env();
  env["INPUT_UPLOAD-COMMENT-ARTIFACT"] = "true";
  env["INPUT_COMMENT-ARTIFACT-NAME"] = "../escape";
  expect_refused(env,
                 "spyglass: error: input comment-artifact-name: '../escape' is not an "
                 "artifact name of letters, digits, '-', '_' and '.' (not starting with '.')");
}

// asv-perch ignored a metadata file it could not find, and then found no commits.
TEST_F(PerchE2e, AMissingMetadataFileIsAnError) {
  auto env = perch_env();
  env["INPUT_RESULTS-PATH"] = k_handmade_results;
  env["INPUT_METADATA-FILE"] = (m_dir.path() / "missing.txt").string();
  const auto result = run_cli({"action"}, env);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("missing.txt"), std::string::npos) << result.err;
  EXPECT_TRUE(m_github.comments(k_repo, k_pr).empty());
}

// metadata.txt comes in an artifact a fork's run may have written: its commits are checked, and
// the message names the file they came from.
TEST_F(PerchE2e, AMetadataCommitThatIsNoHashIsRefusedNamingTheFile) {
  m_dir.write("metadata.txt", "main_sha=../../etc\npr_sha=" + k_pr_sha + "\n");
  auto env = perch_env();
  env["INPUT_RESULTS-PATH"] = k_handmade_results;
  env["INPUT_METADATA-FILE"] = (m_dir.path() / "metadata.txt").string();
  expect_refused(env,
                 "spyglass: error: input metadata-file: '../../etc' is not a commit hash (8 "
                 "to 40 hexadecimal digits)");
}

TEST_F(PerchE2e, WithoutArtifactCommentBodyPathIsTheReport) {
  ASSERT_EQ(run_cli({"action"}, eon_after_env()).exit_code, 0);
  const auto out = outputs();
  EXPECT_EQ(out.at("comment-body-path"), out.at("body-path"));
  EXPECT_FALSE(out.at("body-path").empty());
  EXPECT_EQ(out.at("comment-artifact-name"), "");
}

// The handmade pair ran in environments e1 and e2: the environment section shows it, unless
// env-diff is false.
TEST_F(PerchE2e, EnvDiffFalseDropsTheEnvironmentSection) {
  auto env = handmade_pair_env();
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  EXPECT_NE(m_github.comments(k_repo, k_pr).at(0).body.find("<summary>Environment</summary>"),
            std::string::npos);
  env["INPUT_ENV-DIFF"] = "false";
  ASSERT_EQ(run_cli({"action"}, env).exit_code, 0);
  EXPECT_EQ(m_github.comments(k_repo, k_pr).at(0).body.find("<summary>Environment</summary>"),
            std::string::npos);
}

}  // namespace
}  // namespace spyglass::test
