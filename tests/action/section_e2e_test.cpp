// `spyglass comment --section` end to end: several jobs of a matrix, each a thread running the CLI
// in-process with its own results and section, posting over libcurl to the fake GitHub at once.
// Their waits are real but a fifth as long, so that jobs interleave as they would.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "spyglass/render/comment_sections.hpp"
#include "support/fake_github.hpp"
#include "support/gfm_inspect.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

constexpr const char* k_repo = "octo/widgets";
constexpr const char* k_token = "ghs_sectionsSecretToken0123456789";
constexpr const char* k_bot = "github-actions[bot]";
constexpr std::size_t k_jobs = 8;

// Sleeps a fifth of each wait asked for (the 2-4 s re-read pause becomes 400-800 ms): long
// against a request to the fake even on a loaded machine under sanitizers, short enough for a
// quick test.
class ShortClock final : public util::Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
  void sleep_for(std::chrono::milliseconds duration) override {
    std::this_thread::sleep_for(duration / 5);
  }
};

// A matrix job's section name: compiler, device and Python.
std::string section_name(std::size_t job) {
  return std::string(job % 2 == 0 ? "gcc" : "clang") + (job / 2 % 2 == 0 ? "/cpu" : "/gpu") +
         (job / 4 == 0 ? "/py3.11" : "/py3.12");
}

// Job `job`'s comparison: `job` regressions, an improvement for even jobs, two unchanged.
std::string table_of(std::size_t job) {
  std::string table =
      "All benchmarks:\n\n| Change | Before | After | Ratio | Benchmark (Parameter) |\n"
      "|--------|--------|-------|-------|-----------------------|\n";
  for (std::size_t i = 0; i < job; ++i) {
    table += "| + | 1.00s | 2.00s | 2.00 | job" + std::to_string(job) + ".time_slow_" +
             std::to_string(i) + " |\n";
  }
  if (job % 2 == 0) {
    table += "| - | 2.00s | 1.00s | 0.50 | job" + std::to_string(job) + ".time_fast |\n";
  }
  table += "| | 1.00s | 1.00s | 1.00 | job" + std::to_string(job) + ".time_same_1 |\n";
  table += "| | 1.00s | 1.00s | 1.00 | job" + std::to_string(job) + ".time_same_2 |\n";
  return table;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class SectionE2e : public ::testing::Test {
 protected:
  SectionE2e() : m_github(options()) {
    FakePull pull;
    pull.repo = k_repo;
    pull.number = 7;
    m_github.add_pull(pull);
    for (std::size_t job = 0; job < k_jobs; ++job) {
      m_tables.push_back(m_dir.write("job" + std::to_string(job) + ".txt", table_of(job)));
    }
  }

  static FakeGithubOptions options() {
    FakeGithubOptions options;
    options.token = k_token;
    options.login = k_bot;
    return options;
  }

  std::vector<std::string> args(std::size_t job, const std::vector<std::string>& more = {}) const {
    std::vector<std::string> args = {"comment",         "--table", m_tables[job], "--section",
                                     section_name(job), "--id",    "matrix"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
  }

  // What job `job` posts: its section as `--print-only` shows it.
  render::CommentSection printed_section(std::size_t job) const {
    const auto result = run_cli(args(job, {"--print-only"}));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const auto sections = render::parse_sections(result.out);
    EXPECT_EQ(sections.size(), 1u);
    return sections.empty() ? render::CommentSection{} : sections[0];
  }

  CliEnv github_env() const {
    return {{"GITHUB_API_URL", m_github.api_url()}, {"GITHUB_GRAPHQL_URL", m_github.graphql_url()}};
  }

  CliResult post(std::size_t job, const CliEnv& extra = {}) const {
    CliEnv env = github_env();
    env.insert(extra.begin(), extra.end());
    ShortClock clock;
    return run_cli(args(job, {"--repo", k_repo, "--pr-number", "7", "--token", k_token}), env,
                   &clock);
  }

  // Run every job at once; each must succeed.
  void post_all_at_once() {
    std::vector<CliResult> results(k_jobs);
    std::vector<std::thread> threads;
    for (std::size_t job = 0; job < k_jobs; ++job) {
      threads.emplace_back([&, job] { results[job] = post(job); });
    }
    for (auto& thread : threads) {
      thread.join();
    }
    for (std::size_t job = 0; job < k_jobs; ++job) {
      EXPECT_EQ(results[job].exit_code, 0) << section_name(job) << ": " << results[job].err;
    }
  }

  // The one comment must hold every job's section as the job wrote it, and a headline over all.
  void expect_every_section() const {
    const auto comments = m_github.comments(k_repo, 7);
    ASSERT_EQ(comments.size(), 1u);
    const auto& body = comments[0].body;
    EXPECT_TRUE(body.starts_with(
        "<!-- spyglass:matrix -->\n## Benchmark results\n\n> [!CAUTION]\n> **28** benchmarks "
        "regressed.\n\n**28** regressed · **4** improved · **16** unchanged\n\n"))
        << body.substr(0, 300);
    const auto sections = render::parse_sections(body);
    ASSERT_EQ(sections.size(), k_jobs);
    const std::vector<std::string> sorted = {
        "clang/cpu/py3.11", "clang/cpu/py3.12", "clang/gpu/py3.11", "clang/gpu/py3.12",
        "gcc/cpu/py3.11",   "gcc/cpu/py3.12",   "gcc/gpu/py3.11",   "gcc/gpu/py3.12"};
    for (std::size_t i = 0; i < k_jobs; ++i) {
      EXPECT_EQ(sections[i].name, sorted[i]);
    }
    for (std::size_t job = 0; job < k_jobs; ++job) {
      const auto expected = printed_section(job);
      EXPECT_NE(body.find(expected.block), std::string::npos) << section_name(job);
    }
    EXPECT_EQ(render::assemble_sections("matrix", sections), body);
  }

  TempDir m_dir{"spyglass-section-e2e"};
  FakeGithub m_github;
  std::vector<std::string> m_tables;
};

TEST_F(SectionE2e, PrintOnlyShowsTheCommentAsIfThisJobWereAlone) {
  const auto result = run_cli(args(2, {"--print-only"}));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "<!-- spyglass:matrix -->\n## Benchmark results\n\n> [!CAUTION]\n> **2** benchmarks "
            "regressed.\n\n**2** regressed · **1** improved · **2** unchanged\n\n"
            "<!-- spyglass:section:gcc%2Fgpu%2Fpy3.11:begin regressed=2 improved=1 unchanged=2 "
            "-->\n"
            "## gcc/gpu/py3.11\n\n> [!CAUTION]\n> **2** benchmarks regressed.\n\n"
            "**2** regressed · **1** improved · **2** unchanged\n\n"
            "```mermaid\nxychart-beta horizontal\n  title \"Largest changes, log scale\"\n"
            "  x-axis [\"job2.time_slow_0 (2.00× slower)\", \"job2.time_slow_1 (2.00× slower)\", "
            "\"job2.time_fast (2.00× faster)\"]\n"
            "  y-axis \"log2 of the factor of change: 1 = 2×, 10 = 1024×\" 0 --> 2\n"
            "  bar [1.000, 1.000, 0]\n  bar [0, 0, 1.000]\n```\n\n"
            "### Regressions\n\n"
            "| | Benchmark | Before | After | Change | |\n"
            "|:-:|:--|--:|--:|--:|:--|\n"
            "| 🔴 | `job2.time_slow_0` | 1.00s | 2.00s | 2.00× slower | ██ |\n"
            "| 🔴 | `job2.time_slow_1` | 1.00s | 2.00s | 2.00× slower | ██ |\n\n"
            "### Improvements\n\n"
            "| | Benchmark | Before | After | Change | |\n"
            "|:-:|:--|--:|--:|--:|:--|\n"
            "| 🟢 | `job2.time_fast` | 2.00s | 1.00s | 2.00× faster | ██ |\n\n"
            "<details>\n<summary>2 unchanged</summary>\n\n"
            "| | Benchmark | Before | After | Change | |\n"
            "|:-:|:--|--:|--:|--:|:--|\n"
            "| 🟰 | `job2.time_same_1` | 1.00s | 1.00s | 0% |  |\n"
            "| 🟰 | `job2.time_same_2` | 1.00s | 1.00s | 0% |  |\n\n"
            "</details>\n\n<details>\n<summary>Comparison table</summary>\n\n```\n" +
                table_of(2) +
                "```\n\n</details>\n\n<sub>factor 1.1 · spyglass " SPYGLASS_VERSION
                "</sub>\n"
                "<!-- spyglass:section:gcc%2Fgpu%2Fpy3.11:end -->\n");
}

TEST_F(SectionE2e, EightJobsAtOnceLeaveOneCommentWithEverySection) {
  post_all_at_once();
  expect_every_section();
  // GitHub's parser sees each marker line as a hidden HTML block of its own (none swallows the
  // markdown after it), and every job's tables: 7 of regressions, 4 of improvements, 8 others.
  const auto summary = inspect_gfm(m_github.comments(k_repo, 7).at(0).body);
  std::vector<std::string> markers;
  for (const auto& html : summary.raw_html) {
    if (html.starts_with("<!--")) {
      markers.push_back(html);
    }
  }
  ASSERT_EQ(markers.size(), 1 + 2 * k_jobs);
  EXPECT_EQ(markers[0], "<!-- spyglass:matrix -->\n");
  EXPECT_EQ(markers[1],
            render::section_begin_line("clang/cpu/py3.11", {1, 0, 0, 0, 0, 0, 2, 0}) + "\n");
  EXPECT_EQ(markers[2], render::section_end_line("clang/cpu/py3.11") + "\n");
  EXPECT_EQ(markers[16], render::section_end_line("gcc/gpu/py3.12") + "\n");
  EXPECT_EQ(summary.tables.size(), 19u);
}

TEST_F(SectionE2e, EightJobsAtOnceSurviveServerErrorsAndALostResponse) {
  m_github.push_fault(Fault::server_errors(4, 503));
  m_github.push_fault(Fault::drop_after_handling().on("PATCH", ""));
  post_all_at_once();
  expect_every_section();
  EXPECT_EQ(m_github.pending_faults(), 0);
}

TEST_F(SectionE2e, ARerunReplacesOnlyItsOwnSection) {
  post_all_at_once();
  const auto before = render::parse_sections(m_github.comments(k_repo, 7).at(0).body);
  // Job 1 reruns with its regression fixed.
  std::ofstream(m_tables[1], std::ios::trunc) << table_of(0);
  const auto result = post(1);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto comments = m_github.comments(k_repo, 7);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_TRUE(comments[0].body.find("**27** regressed · **5** improved · **16** unchanged\n") !=
              std::string::npos);
  const auto after = render::parse_sections(comments[0].body);
  ASSERT_EQ(after.size(), k_jobs);
  for (std::size_t i = 0; i < k_jobs; ++i) {
    if (after[i].name == section_name(1)) {
      EXPECT_EQ(after[i].block, printed_section(1).block);
      EXPECT_NE(after[i].block, before[i].block);
    } else {
      EXPECT_EQ(after[i].block, before[i].block);
    }
  }
}

TEST_F(SectionE2e, TheStepSummaryGetsOnlyTheJobsOwnSection) {
  post_all_at_once();
  const auto summary = m_dir.path() / "summary.md";
  const auto result = post(3, {{"GITHUB_STEP_SUMMARY", summary.string()}});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto text = read_text(summary);
  EXPECT_TRUE(
      text.starts_with("<!-- spyglass:matrix -->\n## clang/gpu/py3.11\n\n> [!CAUTION]\n> "
                       "**3** benchmarks regressed.\n"))
      << text;
  EXPECT_EQ(text.find("spyglass:section:"), std::string::npos);
  EXPECT_EQ(text.find("job0."), std::string::npos);
}

TEST_F(SectionE2e, SaysSoWhenTheOtherSectionsLeaveNoRoom) {
  const auto big = render::make_section("aaa", {}, std::string(65200, 'x') + "\n");
  m_github.add_comment(k_repo, 7, k_bot, render::splice_section("matrix", "", big));
  const auto result = post(7);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "spyglass: error: comment 'matrix': the other sections ('aaa') leave 10 of 65536 "
            "characters, too few for section 'clang/gpu/py3.12' (raise --max-chars, or give this "
            "job its own --id)\n");
  EXPECT_EQ(m_github.comments(k_repo, 7).at(0).body, render::splice_section("matrix", "", big));
}

TEST_F(SectionE2e, RejectsABadNameAndOtherCommentModes) {
  auto result = run_cli({"comment", "--print-only", "--table", m_tables[0], "--section", "a\nb"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "spyglass: error: section '(unprintable)' must be 1-64 characters of UTF-8 without "
            "control characters\n");
  result = run_cli(args(0, {"--print-only", "--comment-mode", "new"}));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "spyglass: error: comment: --section needs --comment-mode update (the jobs share one "
            "comment)\n");
}

TEST_F(SectionE2e, TheActionReadsTheSectionInput) {
  CliEnv env = github_env();
  env["INPUT_GITHUB-TOKEN"] = k_token;
  env["INPUT_COMPARISON-TEXT-FILE"] = m_tables[4];
  env["INPUT_COMMENT-ID"] = "matrix";
  env["INPUT_SECTION"] = section_name(4);
  env["INPUT_PR-NUMBER"] = "7";
  env["GITHUB_REPOSITORY"] = k_repo;
  ShortClock clock;
  const auto result = run_cli({"action"}, env, &clock);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto sections = render::parse_sections(m_github.comments(k_repo, 7).at(0).body);
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(sections[0].block, printed_section(4).block);
}

}  // namespace
}  // namespace spyglass::test
