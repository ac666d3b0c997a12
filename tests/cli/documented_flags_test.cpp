// CLI flags of README.md, docs/templates.md and docs/exit-codes.md that no golden pins, observed by
// their effect: the size limit at its boundary (docs/templates.md "Fitting GitHub's size limit"),
// `comment --output`, `--ignore-failures`, `report --title`, the base and PR runs of a ptjb file,
// and exit code 4 for an unexpected exception.
#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "spyglass/cli/cli.hpp"
#include "spyglass/util/env.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

constexpr const char* k_marker = "<!-- spyglass:default -->";
const std::string k_cheetah = "@F/asv-spyglass-upstream/asv/test/example_results/cheetah/";
const std::string k_cheetah_before = k_cheetah + "22b920c6-py2.7-Cython-numpy1.8.json";
const std::string k_cheetah_after = k_cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json";
const std::string k_small_m1 = "@F/handmade/results/m1/11111111-e1.json";
const std::string k_small_m2 = "@F/handmade/results/m2/22222222-e2.json";

// GitHub's limit, written out rather than taken from the code under test.
constexpr std::size_t k_github_limit = 65536;

// --- The comment's size at the limit ---

// The marker line, `filler` `count` times, `tail` and a newline: a template whose rendering is
// exactly that long (25 + 1 + count * 1 + tail + 1 code points for a one-character filler).
// `tail` may show a part of the model the fitter drops.
std::string filler_template(std::size_t count, const std::string& filler, const std::string& tail) {
  std::string text = "{{{marker}}}\n";
  for (std::size_t i = 0; i < count; ++i) {
    text += filler;
  }
  return text + tail + "\n";
}

class CommentSize : public ::testing::Test {
 protected:
  // `spyglass comment --print-only` of the small pair with `template_text` and `extra` flags.
  CliResult print(const std::string& template_text, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {
        "comment", "--print-only", "--template", m_dir.write("t.mustache", template_text),
        "--base",  k_small_m1,     "--pr",       k_small_m2};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
  }

  // The marker line (25 characters and a newline) and the final newline.
  static constexpr std::size_t k_frame = 27;
  // Shown while the raw comparison table is, which is the first thing dropped to fit.
  static constexpr const char* k_while_raw_table = "{{#raw_table.any}}!{{/raw_table.any}}";

  TempDir m_dir{"spyglass-comment-size"};
};

// Exactly the limit (the default, GitHub's) is posted as rendered; one more character and the
// comment drops the raw table, the first part to go, and is again exactly the limit.
TEST_F(CommentSize, ExactlyTheDefaultLimitIsKeptAndOneMoreDropsTheRawTable) {
  const std::size_t x_count = k_github_limit - k_frame - 1;  // one for the "!"
  const auto at_limit = print(filler_template(x_count, "x", k_while_raw_table));
  ASSERT_EQ(at_limit.exit_code, 0) << at_limit.err;
  EXPECT_EQ(at_limit.out, std::string(k_marker) + "\n" + std::string(x_count, 'x') + "!\n");

  const auto over = print(filler_template(x_count + 1, "x", k_while_raw_table));
  ASSERT_EQ(over.exit_code, 0) << over.err;
  EXPECT_EQ(over.out, std::string(k_marker) + "\n" + std::string(x_count + 1, 'x') + "\n");
}

// A comment that cannot shrink is refused one character over the limit, not at it.
TEST_F(CommentSize, AnUnshrinkableCommentFitsAtTheDefaultLimitAndIsRefusedOneOver) {
  const std::size_t x_count = k_github_limit - k_frame;
  const auto at_limit = print(filler_template(x_count, "x", ""));
  ASSERT_EQ(at_limit.exit_code, 0) << at_limit.err;
  EXPECT_EQ(at_limit.out.size(), k_github_limit);

  const auto over = print(filler_template(x_count + 1, "x", ""));
  EXPECT_EQ(over.exit_code, 2);
  EXPECT_EQ(over.out, "");
  EXPECT_EQ(over.err,
            "spyglass: error: the comment does not fit in 65536 characters even without any "
            "table rows (raise --max-chars)\n");
}

// --max-chars moves the same boundaries.
TEST_F(CommentSize, MaxCharsIsTheLimitAtBothBoundaries) {
  for (const std::size_t limit : {std::size_t{1000}, std::size_t{4321}}) {
    SCOPED_TRACE(limit);
    const std::vector<std::string> flag = {"--max-chars", std::to_string(limit)};
    const std::size_t x_count = limit - k_frame - 1;
    auto result = print(filler_template(x_count, "x", k_while_raw_table), flag);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, std::string(k_marker) + "\n" + std::string(x_count, 'x') + "!\n");
    result = print(filler_template(x_count + 1, "x", k_while_raw_table), flag);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, std::string(k_marker) + "\n" + std::string(x_count + 1, 'x') + "\n");

    result = print(filler_template(x_count + 1, "x", ""), flag);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out.size(), limit);
    result = print(filler_template(x_count + 2, "x", ""), flag);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(result.err, "spyglass: error: the comment does not fit in " + std::to_string(limit) +
                              " characters even without any table rows (raise --max-chars)\n");
  }
}

// GitHub counts characters, not bytes: 65,536 two-byte characters are within the limit.
TEST_F(CommentSize, TheLimitCountsCharactersNotBytes) {
  const std::size_t count = k_github_limit - k_frame - 1;
  const auto result = print(filler_template(count, "é", k_while_raw_table));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.ends_with("é!\n"));
  EXPECT_EQ(result.out.size(), k_github_limit + count);  // one more byte per "é"
}

// --- comment --output ---

// The comment shrinks to --max-chars; --output gets the whole report, which for asv's example at
// factor 2 is tests/golden/comment-asv-example-factor2.md (read by hand; nothing left out).
TEST(CommentOutput, WritesTheFullReportWhateverTheCommentLeavesOut) {
  const TempDir dir("spyglass-comment-output");
  const auto path = (dir.path() / "report.md").string();
  const auto result =
      run_cli({"comment", "--print-only", "--max-chars", "1000", "--output", path, "--factor", "2",
               "--base", k_cheetah_before, "--pr", k_cheetah_after});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(dir.read("report.md"), read_fixture("../tests/golden/comment-asv-example-factor2.md"));
  EXPECT_NE(result.out, dir.read("report.md"));
  EXPECT_NE(result.out.find("leaving out"), std::string::npos) << result.out;
}

// --- --ignore-failures ---

// A printed comparison with `regressed` regressions and `failing` new failures.
std::string table_with(int regressed, int failing) {
  std::string table =
      "| Change | Before | After | Ratio | Benchmark (Parameter) |\n"
      "|--------|--------|-------|-------|-----------------------|\n";
  for (int i = 0; i < regressed; ++i) {
    table += "| + | 1.00s | 2.00s | 2.00 | slow.time_" + std::to_string(i) + " |\n";
  }
  for (int i = 0; i < failing; ++i) {
    table += "| ! | 1.00s | failed | n/a | broken.time_" + std::to_string(i) + " |\n";
  }
  return table + "| | 1.00s | 1.00s | 1.00 | same.time_x |\n";
}

// "--ignore-failures: newly failing benchmarks do not trip the gates"; regressions still do.
TEST(IgnoreFailures, NewFailuresAloneNoLongerFailTheJob) {
  const TempDir dir("spyglass-ignore-failures");
  const auto failing_only = dir.write("failing.txt", table_with(0, 2));
  const auto both = dir.write("both.txt", table_with(1, 2));
  auto gate = [](const std::string& table, std::vector<std::string> extra) {
    std::vector<std::string> args = {"comment", "--print-only", "--fail-on-regression", "--table",
                                     table};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args).exit_code;
  };
  EXPECT_EQ(gate(failing_only, {}), 1);
  EXPECT_EQ(gate(failing_only, {"--ignore-failures"}), 0);
  EXPECT_EQ(gate(both, {"--ignore-failures"}), 1);
  EXPECT_EQ(gate(both, {"--ignore-failures", "--fail-threshold", "2.01"}), 0);
}

// --- report --title ---

TEST(ReportTitle, NamesThePageEscaped) {
  const TempDir dir("spyglass-report-title");
  const auto path = (dir.path() / "report.html").string();
  auto result = run_cli({"report", "--html", path, "--base", k_small_m1, "--pr", k_small_m2});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(dir.read("report.html").find("<title>Benchmark report</title>"), std::string::npos);

  result = run_cli({"report", "--html", path, "--title", "Nightly <gcc> & \"clang\"", "--base",
                    k_small_m1, "--pr", k_small_m2});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto page = dir.read("report.html");
  const std::string escaped = "Nightly &lt;gcc&gt; &amp; &quot;clang&quot;";
  EXPECT_NE(page.find("<title>" + escaped + "</title>"), std::string::npos);
  EXPECT_NE(page.find("<h1>" + escaped + "</h1>"), std::string::npos);
  EXPECT_EQ(page.find("Benchmark report"), std::string::npos);
}

// --- --base-run / --pr-run ---

// The clean run of 3f2a9c1 against the latest of 8d4e0b7 is tests/golden/compare-ptjb.out (read
// by hand); without the flags one file gives its previous run against its latest, which differs.
TEST(PtjbRuns, BaseRunAndPrRunPickTheRunsCompared) {
  const std::string file =
      "@F/other/generated/ptjb/benchmarks/tests-test_fft.py--test_fft/n-64.csv";
  const auto result =
      run_cli({"compare", "--base-run", "3f2a9c1", "--pr-run", "8d4e0b7", file, file});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.out, read_fixture("../tests/golden/compare-ptjb.out"));

  // Run 2 is 8d4e0b7's first: jit_mean_ms 1.11ms -> 2.43ms (ratio 2.19) and compile_ms
  // 41.24 -> 43.87 (1.06) instead of 2.41ms (2.17) and 44.02 (1.07).
  const auto second = run_cli({"compare", "--base-run", "3f2a9c1", "--pr-run", "2", file, file});
  EXPECT_EQ(second.exit_code, 1) << second.err;
  EXPECT_NE(second.out.find("| +        | 1.11ms   | 2.43ms  | 2.19    |"), std::string::npos)
      << second.out;
  EXPECT_NE(second.out.find("|          | 41.2ms   | 43.9ms  | 1.06    |"), std::string::npos)
      << second.out;
}

// --- compare-many: --factor, and the exit code over every contender ---

// small.time_a doubles and small.time_b halves from m1 to m2: significant at the default factor
// 1.1, within a factor of 2.5 (no mark, so nothing regressed).
TEST(CompareManyFactor, DecidesWhatIsSignificant) {
  EXPECT_EQ(run_cli({"compare-many", k_small_m1, k_small_m2}).exit_code, 1);
  const auto result = run_cli({"compare-many", "--factor", "2.5", k_small_m1, k_small_m2});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("| 2.00ms (   2.00) |"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("| 1.00ms (   0.50) |"), std::string::npos) << result.out;
}

// docs/exit-codes.md: "compare-many counts every contender". The format 1 file measures what the
// baseline does (1 ms, 2 ms); only the second contender regressed.
TEST(CompareManyExitCode, ARegressionInALaterContenderExitsOne) {
  const std::string format1 = "@F/handmade/results/m1/33333333-e1.json";
  EXPECT_EQ(run_cli({"compare-many", k_small_m1, format1}).exit_code, 0);
  EXPECT_EQ(run_cli({"compare-many", k_small_m1, format1, k_small_m2}).exit_code, 1);
}

// --- Exit code 4 ---

// An environment that fails when `name` is read, as a bug inside spyglass would throw.
class FailingEnv final : public util::Env {
 public:
  explicit FailingEnv(std::string name) : m_name(std::move(name)) {}
  std::optional<std::string> get(std::string_view name) const override {
    if (name == m_name) {
      throw std::logic_error("no environment for " + m_name);
    }
    return std::nullopt;
  }

 private:
  std::string m_name;
};

// docs/exit-codes.md: 4 is a bug in spyglass, reported with its message. cli::run catches an
// exception that is not spyglass::Error once and maps it to 4; the injected environment is the
// seam that lets one reach it (GITHUB_SERVER_URL is read when the comment's links are made).
TEST(InternalError, AnUnexpectedExceptionExitsFourWithItsMessage) {
  const FailingEnv env("GITHUB_SERVER_URL");
  std::ostringstream out;
  std::ostringstream err;
  util::Io io{out, err, nullptr, &env, nullptr};
  const std::vector<std::string> args = {"spyglass",
                                         "comment",
                                         "--print-only",
                                         "--base",
                                         fixture_path("handmade/results/m1/11111111-e1.json"),
                                         "--pr",
                                         fixture_path("handmade/results/m2/22222222-e2.json")};
  std::vector<const char*> argv;
  for (const auto& arg : args) {
    argv.push_back(arg.c_str());
  }
  const int code = cli::run(static_cast<int>(argv.size()), argv.data(), io);
  EXPECT_EQ(code, 4);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(err.str(), "spyglass: error: internal error: no environment for GITHUB_SERVER_URL\n");
}

}  // namespace
}  // namespace spyglass::test
