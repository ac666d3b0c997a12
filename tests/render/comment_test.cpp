// Golden pull-request comments: `spyglass comment --print-only` run in-process with a fixed
// environment. Each tests/golden/comment-*.md was read by hand as a reviewer reads it: the alert
// and headline agree with the tables, regressions lead, hostile names stay inside their code
// spans, and what is left out is said. Beyond the bytes, every comment is parsed with cmark-gfm
// and must have the expected tables, no raw HTML but the marker, <details>, <summary> and <sub>,
// the marker on line 1, at most 65,536 characters, and headline counts that equal its rows.
#include "spyglass/render/comment.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/asv_json.hpp"
#include "support/gfm_inspect.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

// The rows (header not counted) and columns of one table.
struct TableShape {
  std::size_t rows;
  std::size_t columns;

  bool operator==(const TableShape&) const = default;
};

std::ostream& operator<<(std::ostream& os, const TableShape& shape) {
  return os << shape.rows << "x" << shape.columns;
}

struct CommentCase {
  std::string name;
  std::vector<std::string> args;   // after `spyglass comment`
  std::string golden;              // in tests/golden/
  std::vector<TableShape> tables;  // every table of the comment, in order
  CliEnv env = {};
  std::string id = "default";
  bool default_layout = true;  // tables with the verdict emoji first and the benchmark second
};

std::ostream& operator<<(std::ostream& os, const CommentCase& c) { return os << c.name; }

const std::string k_up = "@F/asv-spyglass-upstream/asv_spyglass/tests/data/";
const std::string k_cheetah = "@F/asv-spyglass-upstream/asv/test/example_results/cheetah/";
const std::string k_cheetah_before = k_cheetah + "22b920c6-py2.7-Cython-numpy1.8.json";
const std::string k_cheetah_after = k_cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json";
const std::string k_hostile = "@F/handmade/hostile/box/";
const std::string k_improved = "@F/handmade/improved/m1/";
const std::string k_infinite = "@F/handmade/infinite/results/m1/";
const std::string k_bartz = "@F/asv/bartz/.asv/results/gattocrucco-m1/";

// The verdicts of each group of the comment, as the truncation note names the group.
const std::map<std::string, std::vector<std::string>> k_groups = {
    {"regression", {"regressed", "failing"}},
    {"improvement", {"improved", "fixed"}},
    {"other", {"insignificant", "within_factor", "unchanged", "not_comparable"}},
};

constexpr std::size_t k_compare_columns = 6;
constexpr std::size_t k_environment_columns = 5;

const CommentCase k_cases[] = {
    // Google Benchmark JSON (fixtures/other/generated/, -O2 then -O0 builds of one program): the
    // repetitions are samples, so the regressions are significant; one machine, no environments.
    {"GbenchPair",
     {"--base", "@F/other/generated/gbench-O2.json", "--pr", "@F/other/generated/gbench-O0.json"},
     "comment-gbench.md",
     {{3, k_compare_columns}}},
    // Improvements only: a TIP, one open table, the environments' differences and the raw table
    // folded.
    {"UpstreamCompare",
     {"--base", k_up + "a0f29428-conda-py3.11-numpy.json", "--pr",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json", "--bconf",
      k_up + "asv_samples_a0f29428_benchmarks.json"},
     "comment-upstream-a0f29428.md",
     {{1, k_compare_columns}, {2, k_environment_columns}}},
    // 6 regressed, 5 improved, 5 unchanged: three tables, worst first.
    {"UpstreamSplitPair",
     {"--base", k_up + "d6b286b8-virtualenv-py3.12-numpy.json", "--pr",
      k_up + "d6b286b8-rattler-py3.12-numpy.json", "--bconf",
      k_up + "d6b286b8_asv_samples_benchmarks.json"},
     "comment-upstream-d6b286b8.md",
     {{6, k_compare_columns},
      {5, k_compare_columns},
      {5, k_compare_columns},
      {1, k_environment_columns}}},
    // The same with --no-chart: exactly the comment before the chart existed.
    {"UpstreamSplitPairNoChart",
     {"--no-chart", "--base", k_up + "d6b286b8-virtualenv-py3.12-numpy.json", "--pr",
      k_up + "d6b286b8-rattler-py3.12-numpy.json", "--bconf",
      k_up + "d6b286b8_asv_samples_benchmarks.json"},
     "comment-upstream-d6b286b8-no-chart.md",
     {{6, k_compare_columns},
      {5, k_compare_columns},
      {5, k_compare_columns},
      {1, k_environment_columns}}},
    // asv's reference results: new failures lead the regressions, `~` and `x` rows fold away.
    {"AsvExampleFactor2WithFailures",
     {"--factor", "2", "--base", k_cheetah_before, "--pr", k_cheetah_after},
     "comment-asv-example-factor2.md",
     {{11, k_compare_columns}, {1, k_compare_columns}, {12, k_compare_columns}}},
    // One benchmark, two contenders: a column per contender with its own verdict.
    {"CompareManyWithLabels",
     {"--baseline", k_up + "a0f29428-conda-py3.11-numpy.json", "--contender",
      k_up + "a0f29428-conda-py3.11.json", "--contender",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json", "--bconf",
      k_up + "asv_samples_a0f29428_benchmarks.json", "-l", "conda-numpy", "-l", "conda", "-l",
      "venv-numpy"},
     "comment-many-upstream-a0f29428.md",
     {{1, 5}}},
    // Improvements and a fixed failure, nothing worse: a TIP naming both.
    {"OnlyImprovements",
     {"--base", k_improved + "eeeeeeee-e1.json", "--pr", k_improved + "ffffffff-e1.json"},
     "comment-only-improvements.md",
     {{4, k_compare_columns}, {3, k_compare_columns}}},
    // The same file twice: a NOTE and only the folded table.
    {"NothingChanged",
     {"--base", k_cheetah_before, "--pr", k_cheetah_before},
     "comment-nothing-changed.md",
     {{23, k_compare_columns}}},
    // compare --only-changed's output when nothing changed: a lone newline (issue 10, item 13).
    {"EmptyTable", {"--table", "@F/handmade/empty-comparison.txt"}, "comment-empty-table.md", {}},
    // Infinite values (issue 10, item 8): not comparable, neither improved nor regressed.
    {"InfiniteValues",
     {"--base", k_infinite + "eeeeeeee-e1.json", "--pr", k_infinite + "ffffffff-e1.json"},
     "comment-infinite-values.md",
     {{6, k_compare_columns}}},
    // Names with | ` <script> &amp; *bold* _x_ --> @someone [link](http://x), a newline in a
    // param, and a hostile machine name and commit: all stay text.
    {"HostileNames",
     {"--base", k_hostile + "hhhhhhhh-py.json", "--pr", k_hostile + "iiiiiiii-py.json"},
     "comment-hostile-names.md",
     {{5, k_compare_columns}, {2, k_compare_columns}, {5, k_compare_columns}}},
    {"HostileNamesAndLabelsCompareMany",
     {"--baseline", k_hostile + "hhhhhhhh-py.json", "--contender", k_hostile + "iiiiiiii-py.json",
      "-l", "base|<b>", "-l", "@pr_*x*"},
     "comment-hostile-many.md",
     {{5, 4}, {2, 4}, {5, 4}}},
    // On a runner: commits, the workflow run and the dashboard are links; a custom id.
    {"GithubLinks",
     {"--id", "perf", "--dashboard-url", "https://octo.github.io/bench/", "--factor", "2", "--base",
      k_cheetah_before, "--pr", k_cheetah_after},
     "comment-github-links.md",
     {{11, k_compare_columns}, {1, k_compare_columns}, {12, k_compare_columns}},
     {{"GITHUB_SERVER_URL", "https://github.com"},
      {"GITHUB_REPOSITORY", "octo/bench"},
      {"GITHUB_RUN_ID", "42"}},
     "perf"},
    // Google Benchmark, libstdc++ against MSVC's STL (fixtures/other/google-benchmark/itsy_bitsy):
    // changes from 1.1x to 2.6e11x. A 318x speed-up reads `319× faster` (it read `0.00×` and
    // `-100%`), and every bar of the chart is visible on its log2 axis (a linear one ran to
    // 255251125589, showing one bar).
    {"GbenchElevenOrdersOfMagnitude",
     {"--base",
      "@F/other/google-benchmark/itsy_bitsy/benchmarks/results/"
      "libstdc++.itsy.bitsy.benchmarks.json",
      "--pr",
      "@F/other/google-benchmark/itsy_bitsy/benchmarks/results/vc++.itsy.bitsy.benchmarks.json"},
     "comment-gbench-itsy-bitsy.md",
     {{27, k_compare_columns}, {15, k_compare_columns}, {16, k_compare_columns}}},
    // eOn's results from its GitHub Actions runs (fixtures/asv/eOn): one repeat, no samples or
    // statistics, so the factor alone marks a change. The comment says so, with how to test them.
    {"NoStatisticsSaysSignificanceWasNotTested",
     {"--base",
      "@F/asv/eOn/.asv/results/github-actions/"
      "5b0968bc-existing-py_home_runner_work_eOn_eOn_src_.pixi_envs_default_bin_python.json",
      "--pr",
      "@F/asv/eOn/.asv/results/github-actions/"
      "574468eb-existing-py_home_runner_work_eOn_eOn_src_.pixi_envs_default_bin_python.json"},
     "comment-eon-no-statistics.md",
     {{3, k_compare_columns}, {5, k_compare_columns}}},
    // Three commits of one machine and env (fixtures/asv/bartz), no labels: the raw table's
    // headers are all `gattocrucco-m1/virtualenv-py3.14` (asv-spyglass's), the comment's columns
    // add each file's short commit.
    {"CompareManyOneMachineThreeCommits",
     {"--baseline", k_bartz + "764ffbde-virtualenv-py3.14.json", "--contender",
      k_bartz + "c0940a3a-virtualenv-py3.14.json", "--contender",
      k_bartz + "d549d06f-virtualenv-py3.14.json"},
     "comment-many-bartz-three-commits.md",
     {{25, 5}, {5, 5}, {99, 5}}},
    // One machine and env with --label-before/--label-after: the raw table has no suffix to put
    // them in (asv-spyglass), the footer names the sides by them.
    {"LabelsOfOneMachineAndEnv",
     {"--label-before", "main", "--label-after", "pr", "--base",
      "@F/handmade/results/m1/aaaaaaaa-e1.json", "--pr", "@F/handmade/results/m1/bbbbbbbb-e1.json"},
     "comment-labels-one-machine.md",
     {{8, k_compare_columns}, {5, k_compare_columns}, {21, k_compare_columns}}},
    // docs/templates.md's example: lists instead of tables, the default table for the rest.
    {"CustomTemplate",
     {"--template", source_dir() + "/tests/golden/custom-template.mustache", "--factor", "2",
      "--base", k_cheetah_before, "--pr", k_cheetah_after},
     "comment-custom-template.md",
     {{12, k_compare_columns}},
     {},
     "default",
     false},
};

// tests/golden/`name`; empty when missing (a new case fails and saves its output for review).
std::string read_golden(const std::string& name) {
  const auto path = source_dir() + "/tests/golden/" + name;
  return std::filesystem::exists(path) ? read_fixture("../tests/golden/" + name) : std::string();
}

// Where a mismatching output is written, for a look (and, once checked, to replace the golden).
std::string save_actual(const std::string& golden, const std::string& actual) {
  const auto dir = std::filesystem::temp_directory_path() / "spyglass-golden-actual";
  std::filesystem::create_directories(dir);
  const auto path = (dir / golden).string();
  std::ofstream(path, std::ios::binary) << actual;
  return path;
}

// `actual` equals the golden file byte for byte; else the first differing line is reported and
// `actual` saved for review (a whole 64 KB comment in the failure message helps no one).
void expect_golden(const std::string& actual, const std::string& golden) {
  const auto expected = read_golden(golden);
  if (actual == expected) {
    return;
  }
  std::istringstream actual_lines(actual);
  std::istringstream expected_lines(expected);
  std::string a;
  std::string e;
  std::size_t line = 0;
  while (true) {
    ++line;
    const bool more_actual = static_cast<bool>(std::getline(actual_lines, a));
    const bool more_expected = static_cast<bool>(std::getline(expected_lines, e));
    if (a != e || more_actual != more_expected || (!more_actual && !more_expected)) {
      break;
    }
  }
  ADD_FAILURE() << golden << " differs from line " << line << ":\n  expected: " << e
                << "\n  actual:   " << a << "\nactual output: " << save_actual(golden, actual);
}

// The benchmark names and the verdict behind each row emoji, from the (untruncated) model.
struct ModelRows {
  std::set<std::string> names;  // as a code span shows them: line breaks as spaces
  std::map<std::string, std::string> verdict_of_emoji;
};

ModelRows model_rows(const nlohmann::json& model) {
  ModelRows out;
  for (const auto* group : {"regressions", "improvements", "others"}) {
    for (const auto& row : model[group]["rows"]) {
      auto name = row["name"].get<std::string>();
      for (auto& c : name) {
        c = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
      }
      out.names.insert(name);
      out.verdict_of_emoji[row["emoji"].get<std::string>()] = row["verdict"].get<std::string>();
    }
  }
  return out;
}

// What the truncation note ("…, leaving out 12 of 20 regression rows, all 3 other rows and the
// comparison table. …") says was left out, per group ("regression", "improvement", "other").
std::map<std::string, std::size_t> left_out(const std::string& comment) {
  std::map<std::string, std::size_t> out;
  const std::string lead = "leaving out ";
  const auto start = comment.find(lead);
  if (start == std::string::npos) {
    return out;
  }
  auto list = comment.substr(start + lead.size());
  list = list.substr(0, list.find(". "));
  for (auto at = list.find(" and "); at != std::string::npos; at = list.find(" and ")) {
    list.replace(at, 5, ", ");
  }
  std::istringstream parts(list);
  for (std::string part; std::getline(parts, part, ',');) {
    std::istringstream words(part);
    std::string first;
    std::string count;
    std::string group;
    words >> first;
    if (first == "all") {
      words >> count >> group;
    } else {
      count = first;
      std::string of;
      std::string total;
      words >> of >> total >> group;
    }
    if (k_groups.count(group) == 1) {
      out[group] += std::stoul(count);
    }
  }
  return out;
}

// Every raw HTML fragment is one of the allowed tags (and the marker, first); no '<' is left over.
void expect_only_allowed_html(const GfmSummary& summary, const std::string& marker) {
  static const std::set<std::string> k_allowed = {"<details>",  "</details>", "<summary>",
                                                  "</summary>", "<sub>",      "</sub>"};
  ASSERT_FALSE(summary.raw_html.empty());
  EXPECT_EQ(summary.raw_html.front(), marker + "\n");
  for (std::size_t i = 1; i < summary.raw_html.size(); ++i) {
    const auto& fragment = summary.raw_html[i];
    std::string rest;
    for (std::size_t at = 0; at < fragment.size();) {
      const auto open = fragment.find('<', at);
      const auto close = fragment.find('>', open);
      if (open == std::string::npos || close == std::string::npos) {
        rest += fragment.substr(at);
        break;
      }
      rest += fragment.substr(at, open - at);
      const auto tag = fragment.substr(open, close - open + 1);
      EXPECT_EQ(k_allowed.count(tag), 1U) << "stray HTML " << tag << " in " << fragment;
      at = close + 1;
    }
    EXPECT_EQ(rest.find('<'), std::string::npos) << fragment;
    EXPECT_EQ(rest.find("-->"), std::string::npos) << fragment;
  }
}

// The headline counts equal the rows of each verdict in the tables plus the rows the comment
// says it left out.
void expect_counts_match_rows(const std::string& comment, const GfmSummary& summary,
                              const nlohmann::json& model) {
  const auto rows = model_rows(model);
  std::map<std::string, std::size_t> in_tables;
  for (const auto& table : summary.tables) {
    if (table.header.size() < 2 || table.header[1] != "Benchmark") {
      continue;  // the environment section's table
    }
    for (const auto& row : table.rows) {
      ASSERT_EQ(row.size(), table.header.size());
      const auto verdict = rows.verdict_of_emoji.find(row[0]);
      ASSERT_NE(verdict, rows.verdict_of_emoji.end()) << "no verdict shows as " << row[0];
      ++in_tables[verdict->second];
      EXPECT_EQ(rows.names.count(row[1]), 1U) << "the table names no benchmark " << row[1];
    }
  }
  const auto missing = left_out(comment);
  const auto& counts = model["counts"];
  std::size_t total = 0;
  for (const auto& [group, verdicts] : k_groups) {
    const std::size_t group_left_out = missing.count(group) ? missing.at(group) : 0;
    std::size_t group_count = 0;
    std::size_t group_rows = 0;
    for (const auto& verdict : verdicts) {
      group_count += counts[verdict].get<std::size_t>();
      group_rows += in_tables[verdict];
      if (group_left_out == 0) {
        EXPECT_EQ(in_tables[verdict], counts[verdict].get<std::size_t>()) << verdict;
      }
    }
    EXPECT_EQ(group_rows + group_left_out, group_count) << group;
    total += group_count;
  }
  EXPECT_EQ(total, counts["total"].get<std::size_t>());
}

// The checks every comment passes, whatever its input.
void expect_valid_comment(const std::string& comment, const std::string& id,
                          const std::vector<TableShape>& tables, const nlohmann::json* model) {
  const std::string marker = "<!-- spyglass:" + id + " -->";
  EXPECT_EQ(comment.substr(0, comment.find('\n')), marker);
  EXPECT_LE(render::count_code_points(comment), render::k_github_comment_limit);
  const auto summary = inspect_gfm(comment);
  expect_only_allowed_html(summary, marker);
  std::vector<TableShape> shapes;
  for (const auto& table : summary.tables) {
    shapes.push_back({table.rows.size(), table.header.size()});
  }
  EXPECT_EQ(shapes, tables);
  if (model != nullptr) {
    expect_counts_match_rows(comment, summary, *model);
  }
}

// The model `--print-model` prints for the same arguments.
nlohmann::json print_model(std::vector<std::string> args, const CliEnv& env) {
  args.insert(args.begin(), {"comment", "--print-model"});
  const auto result = run_cli(args, env);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return nlohmann::json::parse(result.out);
}

class CommentGolden : public testing::TestWithParam<CommentCase> {};

TEST_P(CommentGolden, MatchesByteForByteAndPassesEveryCheck) {
  const auto& c = GetParam();
  std::vector<std::string> args = {"comment", "--print-only"};
  args.insert(args.end(), c.args.begin(), c.args.end());
  const auto result = run_cli(args, c.env);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  expect_golden(result.out, c.golden);

  const auto model = print_model(c.args, c.env);
  expect_valid_comment(result.out, c.id, c.tables, c.default_layout ? &model : nullptr);
}

INSTANTIATE_TEST_SUITE_P(Comment, CommentGolden, testing::ValuesIn(k_cases),
                         [](const auto& test_info) { return test_info.param.name; });

// Shortened step by step, the comment drops the chart after the improvements and before any
// regression row: at the smallest --max-chars that still shows the chart, every regression is
// listed and the improvements are gone; one character less drops the chart and nothing else.
TEST(CommentFit, DropsTheChartBeforeAnyRegression) {
  const std::vector<std::string> args = {"comment", "--print-only",
                                         "--base",  k_up + "d6b286b8-virtualenv-py3.12-numpy.json",
                                         "--pr",    k_up + "d6b286b8-rattler-py3.12-numpy.json",
                                         "--bconf", k_up + "d6b286b8_asv_samples_benchmarks.json"};
  auto comment_at = [&](std::size_t max_chars) {
    auto with_max = args;
    with_max.insert(with_max.end(), {"--max-chars", std::to_string(max_chars)});
    const auto result = run_cli(with_max);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  };
  const auto has_chart = [](const std::string& comment) {
    return comment.find("```mermaid\n") != std::string::npos;
  };
  std::size_t low = 1000;  // shows no chart
  std::size_t high = render::count_code_points(comment_at(render::k_github_comment_limit));
  ASSERT_TRUE(has_chart(comment_at(high)));
  ASSERT_FALSE(has_chart(comment_at(low)));
  while (high - low > 1) {
    const std::size_t mid = low + (high - low) / 2;
    (has_chart(comment_at(mid)) ? high : low) = mid;
  }
  const auto with_chart = comment_at(high);
  const auto without_chart = comment_at(low);
  EXPECT_NE(with_chart.find("leaving out all 5 improvement rows, all 5 other rows, the "
                            "environment section and the comparison table."),
            std::string::npos)
      << with_chart;
  EXPECT_NE(without_chart.find("leaving out all 5 improvement rows, all 5 other rows, the "
                               "environment section, the comparison table and the chart."),
            std::string::npos)
      << without_chart;
  for (const auto& comment : {with_chart, without_chart}) {
    const auto tables = inspect_gfm(comment).tables;
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].rows.size(), 6u);
  }
}

// asv result files for `count` benchmarks in `dir`/results (with benchmarks.json beside the
// machine folder): every 10th regressed, every 20th from the 5th improved, every 400th from the
// 3rd failing now, the rest unchanged.
std::pair<std::string, std::string> write_large_comparison(const TempDir& dir, std::size_t count) {
  nlohmann::json before = {{"results", nlohmann::json::object()}};
  nlohmann::json after = {{"results", nlohmann::json::object()}};
  nlohmann::json catalog = {{"version", 2}};
  for (std::size_t i = 0; i < count; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "gen.suite_%05zu.time_case", i);
    const double base = 1e-3 * (1 + static_cast<double>(i % 97) / 100.0);
    nlohmann::json changed = nlohmann::json::array({base});
    if (i % 400 == 3) {
      changed = nullptr;
    } else if (i % 10 == 0) {
      changed = {base * (1.2 + static_cast<double>(i % 50) / 10.0)};
    } else if (i % 20 == 5) {
      changed = {base / (1.5 + static_cast<double>(i % 7))};
    }
    before["results"][name] = {{base}, nlohmann::json::array(), "1"};
    after["results"][name] = {changed, nlohmann::json::array(), "1"};
    catalog[name] = time_benchmark_entry(name);
  }
  for (auto [file, commit] : {std::pair{&before, 'a'}, std::pair{&after, 'b'}}) {
    (*file)["commit_hash"] = std::string(40, commit);
    (*file)["env_name"] = "e1";
    (*file)["date"] = 1700000000000;
    (*file)["params"] = {{"machine", "m1"}, {"python", "3.12"}};
    (*file)["python"] = "3.12";
    (*file)["requirements"] = nlohmann::json::object();
    (*file)["result_columns"] = {"result", "params", "version"};
    (*file)["version"] = 2;
  }
  dir.write("results/benchmarks.json", catalog.dump());
  return {dir.write("results/m1/aaaaaaaa-e1.json", before.dump()),
          dir.write("results/m1/bbbbbbbb-e1.json", after.dump())};
}

// GitHub refuses a comment body over 65,536 characters ("Body is too long (maximum is 65536
// characters)"), so that is the default --max-chars.
TEST(CommentFit, GitHubsLimitIs65536Characters) {
  EXPECT_EQ(render::k_github_comment_limit, std::size_t{65536});
}

// The regression listing stops at the last row that fits: one character less than a comment
// listing k regression rows gives a comment within that limit listing k - 1.
TEST(CommentFit, OneCharacterLessListsOneRegressionRowLess) {
  const TempDir dir("spyglass-fit");
  // A pair, not a structured binding: clang 14 cannot capture one in a lambda.
  const auto files = write_large_comparison(dir, 2000);
  auto comment_at = [&files](std::size_t max_chars) {
    const auto result = run_cli({"comment", "--print-only", "--base", files.first, "--pr",
                                 files.second, "--max-chars", std::to_string(max_chars)});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  };
  const auto wide = comment_at(8000);
  const std::size_t size = render::count_code_points(wide);
  const std::size_t rows = inspect_gfm(wide).tables.at(0).rows.size();
  ASSERT_GT(rows, 1u);
  const auto narrow = comment_at(size - 1);
  EXPECT_LE(render::count_code_points(narrow), size - 1);
  EXPECT_EQ(inspect_gfm(narrow).tables.at(0).rows.size(), rows - 1);
}

// The footer's lead names what the inputs record, with no separator before it: a head without a
// base, or nothing at all for a table that names no commit or environment.
TEST(CommentFooter, LeadsWithOnlyTheProvenanceTheInputsHave) {
  const TempDir dir("spyglass-footer");
  const auto [before, after] = write_large_comparison(dir, 3);
  nlohmann::json without_commit = nlohmann::json::parse(dir.read("results/m1/aaaaaaaa-e1.json"));
  without_commit["commit_hash"] = "";
  dir.write("results/m1/aaaaaaaa-e1.json", without_commit.dump());
  EXPECT_EQ(print_model({"--base", before, "--pr", after}, {})["meta"]["provenance_md"],
            "head `bbbbbbbb` · m1/e1");

  const std::string table =
      dir.write("table.md",
                "| Change | Before | After | Ratio | Benchmark (Parameter) |\n"
                "|--------|--------|-------|-------|-----------------------|\n"
                "|        | 1.00s  | 1.00s | 1.00  | a.time_x              |\n");
  const auto result = run_cli({"comment", "--print-only", "--table", table});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("\n<sub>factor 1.1 · spyglass "), std::string::npos) << result.out;
}

// A result file's commit hash is a fork's text: only a commit id (hex digits) becomes a link, so
// a hash holding a space and HTML cannot end the link early and land as the comment's markup.
// A hash with multi-byte characters is shortened by code points, never inside one.
TEST(CommentFooter, LinksOnlyACommitId) {
  const TempDir dir("spyglass-footer-hash");
  const auto [before, after] = write_large_comparison(dir, 3);
  nlohmann::json hostile = nlohmann::json::parse(dir.read("results/m1/bbbbbbbb-e1.json"));
  hostile["commit_hash"] = "fedcba97530 <!-- spyglass:default -->";
  dir.write("results/m1/bbbbbbbb-e1.json", hostile.dump());
  const CliEnv runner = {{"GITHUB_SERVER_URL", "https://github.com"},
                         {"GITHUB_REPOSITORY", "octo/bench"}};
  EXPECT_EQ(print_model({"--base", before, "--pr", after}, runner)["meta"]["provenance_md"],
            "base [`aaaaaaaa`](https://github.com/octo/bench/commit/" + std::string(40, 'a') +
                ") → head `fedcba97` · m1/e1");

  hostile["commit_hash"] = "\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4";
  dir.write("results/m1/bbbbbbbb-e1.json", hostile.dump());
  EXPECT_EQ(print_model({"--base", before, "--pr", after}, runner)["meta"]["head"]["short"],
            "\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4");
}

// 20,000 rows (2,000 regressed, 50 newly failing, 1,000 improved): the comment is cut below
// GitHub's limit, lists the worst regressions first and as many as fit, and says what is left out.
TEST(CommentGoldenLarge, TwentyThousandRowsKeepEveryRegressionThatFits) {
  const TempDir dir("spyglass-comment");
  const auto [before, after] = write_large_comparison(dir, 20000);
  const std::vector<std::string> args = {"--base", before, "--pr", after};
  const auto result = run_cli({"comment", "--print-only", "--base", before, "--pr", after});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  expect_golden(result.out, "comment-20000-rows.md");

  const auto model = print_model(args, {});
  EXPECT_EQ(model["counts"]["regressed"], 2000);
  EXPECT_EQ(model["counts"]["failing"], 50);
  expect_valid_comment(result.out, "default", {{847, k_compare_columns}}, &model);
  EXPECT_TRUE(result.out.find("leaving out 1203 of 2050 regression rows, all 1000 improvement "
                              "rows, all 16950 other rows, the comparison table and the chart.") !=
              std::string::npos);
  // The listed rows are the worst ones, in order; one more would not have fit.
  const auto listed = inspect_gfm(result.out).tables.at(0).rows;
  const auto& worst = model["regressions"]["rows"];
  for (std::size_t i = 0; i < listed.size(); ++i) {
    ASSERT_EQ(listed[i][1], worst[i]["name"]) << "row " << i;
  }
  const std::size_t room = render::k_github_comment_limit - render::count_code_points(result.out);
  EXPECT_LT(room, render::count_code_points(
                      "| 🔴 | `gen.suite_00000.time_case` | 1.00ms | 1.20ms | +20.0% | ▌ |\n"));
}

}  // namespace
}  // namespace spyglass::test
