#include "spyglass/ingest/table_layout.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace spyglass::ingest {
namespace {

std::vector<std::string> texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const auto& line : lines) {
    out.emplace_back(line.text);
  }
  return out;
}

std::vector<std::string> pipe_cells(std::string_view line) {
  std::vector<std::string_view> cells;
  split_pipe_cells(line, cells);
  return {cells.begin(), cells.end()};
}

TEST(TableLayout, SplitsLinesOfEveryEndingAndDropsTheByteOrderMark) {
  const auto lines = split_lines("\xef\xbb\xbf| a |\r\n\nlast");
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"| a |", "", "last"}));
  EXPECT_EQ(lines[2].number, 3U);
  EXPECT_EQ(texts(split_lines("one\n")), (std::vector<std::string>{"one"}));
  EXPECT_TRUE(split_lines("").empty());
}

TEST(TableLayout, DropsTheFramesThatStopWorkflowCommands) {
  const auto lines =
      split_lines("| a |\n::stop-commands::t0k\n| ##[x] |\n::other::\n::t0k::\n| b |\n::t0k::\n");
  EXPECT_EQ(texts(lines),
            (std::vector<std::string>{"| a |", "| ##[x] |", "::other::", "| b |", "::t0k::"}));
  EXPECT_EQ(lines[3].number, 6U);
}

TEST(TableLayout, SplitsPipeCellsWithOrWithoutTheClosingBar) {
  EXPECT_EQ(pipe_cells("| + | 1s |  name |"), (std::vector<std::string>{" + ", " 1s ", "  name "}));
  EXPECT_EQ(pipe_cells("| a | b"), (std::vector<std::string>{" a ", " b"}));
  EXPECT_EQ(pipe_cells("||"), (std::vector<std::string>{""}));
}

TEST(TableLayout, RecognizesSeparatorsTitlesAndTheLegacyHeader) {
  for (const std::string_view cell : {"---", " :--- ", "---:", ":-:"}) {
    EXPECT_TRUE(is_separator_cell(cell)) << cell;
  }
  for (const std::string_view cell : {"", "::", " - x", "==="}) {
    EXPECT_FALSE(is_separator_cell(cell)) << cell;
  }
  EXPECT_TRUE(is_title("All benchmarks:"));
  EXPECT_TRUE(is_title("Benchmarks that have got worse:"));
  EXPECT_FALSE(is_title("Benchmarks that have got worse"));
  EXPECT_TRUE(is_legacy_header("       before           after         ratio"));
  EXPECT_FALSE(is_legacy_header("before after ratio name"));
  EXPECT_EQ(split_words(" \ta  b\t"), (std::vector<std::string_view>{"a", "b"}));
}

TEST(TableLayout, ReadsCompareHeadersOfSpyglassAndAsv) {
  const auto spyglass =
      compare_header({"Change", "Before", "After", "Ratio", "Benchmark (Parameter)"});
  ASSERT_TRUE(spyglass);
  EXPECT_EQ(spyglass->kind, TableKind::k_compare);
  EXPECT_EQ(spyglass->format, TableFormat::k_spyglass_compare);

  const auto asv = compare_header(
      {"Change", "Before [22b920c6] <main>", "After [3f2a9c1d]", "Ratio", "Benchmark (Parameter)"});
  ASSERT_TRUE(asv);
  EXPECT_EQ(asv->format, TableFormat::k_asv_compare);
  ASSERT_EQ(asv->sources.size(), 2U);
  EXPECT_EQ(asv->sources[0].commit_hash, "22b920c6");
  EXPECT_EQ(asv->sources[1].commit_hash, "3f2a9c1d");

  EXPECT_FALSE(compare_header({"Change", "Before [22b920c6", "After", "Ratio", "Benchmark"}));
  EXPECT_FALSE(compare_header({"Change", "Before", "After", "Ratio"}));
  EXPECT_FALSE(compare_header({"Change", "Before x", "After", "Ratio", "Benchmark"}));
}

TEST(TableLayout, ReadsCompareManyHeadersWithTheirLabels) {
  const auto header = compare_many_header({"Benchmark", "Baseline (gcc)", "clang (Ratio)"});
  ASSERT_TRUE(header);
  EXPECT_EQ(header->kind, TableKind::k_compare_many);
  ASSERT_EQ(header->sources.size(), 2U);
  EXPECT_EQ(header->sources[0].machine_env(), "gcc");
  EXPECT_EQ(header->sources[1].machine_env(), "clang");
  EXPECT_FALSE(compare_many_header({"Benchmark", "Baseline (gcc)", "clang"}));
  EXPECT_FALSE(compare_many_header({"Benchmark", "Baseline (gcc)"}));
}

}  // namespace
}  // namespace spyglass::ingest
