#include "spyglass/render/tabulate_github.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "support/paths.hpp"

namespace spyglass::render {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// The headers asv-spyglass's `compare` passes to tabulate.
const std::vector<std::string> k_compare_headers = {"Change", "Before", "After", "Ratio",
                                                    "Benchmark (Parameter)"};

// `text` cut at every `delimiter`.
std::vector<std::string> split(std::string_view text, std::string_view delimiter) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  for (std::size_t found = text.find(delimiter); found != std::string_view::npos;
       found = text.find(delimiter, start)) {
    pieces.emplace_back(text.substr(start, found - start));
    start = found + delimiter.size();
  }
  pieces.emplace_back(text.substr(start));
  return pieces;
}

// `text` without surrounding ASCII spaces.
std::string trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) {
    return "";
  }
  return std::string(text.substr(first, text.find_last_not_of(' ') - first + 1));
}

// The trimmed cells of a rendered `| a | b |` line.
std::vector<std::string> cells_of(std::string_view line) {
  std::vector<std::string> cells;
  for (const std::string& piece : split(line.substr(2, line.size() - 4), " | ")) {
    cells.push_back(trim(piece));
  }
  return cells;
}

// A table rendered by tabulate, with the headers and rows it was rendered from read back out.
struct ParsedTable {
  std::string m_text;
  std::vector<std::string> m_headers;
  Rows m_rows;
};

// The tables of an approved file: joined by blank lines, with one trailing newline.
std::vector<ParsedTable> approved_tables(const std::string& file) {
  std::string text =
      test::read_fixture("asv-spyglass-upstream/asv_spyglass/tests/approved_files/" + file);
  EXPECT_EQ(text.back(), '\n') << file;
  text.pop_back();
  std::vector<ParsedTable> tables;
  for (const std::string& table : split(text, "\n\n")) {
    const std::vector<std::string> lines = split(table, "\n");
    ParsedTable parsed{table, cells_of(lines[0]), {}};
    for (std::size_t line = 2; line < lines.size(); ++line) {
      parsed.m_rows.push_back(cells_of(lines[line]));
    }
    tables.push_back(parsed);
  }
  return tables;
}

TEST(TabulateGithub, MatchesEveryReferenceVector) {
  const nlohmann::json& vectors = test::spec_vectors().at("tabulate_0.9.0_github");
  ASSERT_FALSE(vectors.empty());
  for (const nlohmann::json& entry : vectors) {
    const auto headers = entry.contains("headers")
                             ? entry.at("headers").get<std::vector<std::string>>()
                             : k_compare_headers;
    EXPECT_EQ(tabulate_github(headers, entry.at("rows").get<Rows>()),
              entry.at("github_table").get<std::string>())
        << "rows: " << entry.at("rows").dump();
  }
}

TEST(TabulateGithub, ReproducesUpstreamApprovedTables) {
  const std::vector<std::string> files = {
      "test_results.test_do_compare.approved.txt",
      "test_results.test_do_compare_split.approved.txt",
      "test_results.test_do_compare_many_approval.approved.txt"};
  std::size_t tables = 0;
  for (const std::string& file : files) {
    for (const ParsedTable& table : approved_tables(file)) {
      EXPECT_EQ(tabulate_github(table.m_headers, table.m_rows), table.m_text) << file;
      ++tables;
    }
  }
  EXPECT_EQ(tables, 5U);
}

TEST(TabulateGithub, KeepsIntColumnCellsAsWritten) {
  EXPECT_EQ(tabulate_github({"n"}, {{"+7"}, {"1_000"}, {"-5"}}),
            "|     n |\n"
            "|-------|\n"
            "|    +7 |\n"
            "| 1_000 |\n"
            "|    -5 |");
}

TEST(TabulateGithub, KeepsWhitespaceAroundIntCells) {
  EXPECT_EQ(tabulate_github({"n"}, {{" 3 "}, {"10"}}),
            "|   n |\n"
            "|-----|\n"
            "|  3  |\n"
            "|  10 |");
}

TEST(TabulateGithub, ReformatsFloatColumnWithPercentGAndAlignsPoints) {
  EXPECT_EQ(tabulate_github({"Ratio"}, {{"1.50"}, {"5000000.00"}, {"0.25"}, {"+7"}}),
            "|   Ratio |\n"
            "|---------|\n"
            "|   1.5   |\n"
            "|   5e+06 |\n"
            "|   0.25  |\n"
            "|   7     |");
}

TEST(TabulateGithub, AcceptsNanAndInfSpelledPlainlyInFloatColumns) {
  EXPECT_EQ(tabulate_github({"x"}, {{"nan"}, {"-inf"}, {"INF"}, {"1.5"}}),
            "|      x |\n"
            "|--------|\n"
            "|  nan   |\n"
            "| -inf   |\n"
            "|  inf   |\n"
            "|    1.5 |");
}

TEST(TabulateGithub, TreatsOtherInfinitySpellingsAsStrings) {
  EXPECT_EQ(tabulate_github({"x"}, {{"Infinity"}, {"1.5"}}),
            "| x        |\n|----------|\n| Infinity |\n| 1.5      |");
  EXPECT_EQ(tabulate_github({"x"}, {{"+inf"}, {"1.5"}}), "| x    |\n|------|\n| +inf |\n| 1.5  |");
  EXPECT_EQ(tabulate_github({"x"}, {{"1e999"}, {"1.5"}}),
            "| x     |\n|-------|\n| 1e999 |\n| 1.5   |");
}

TEST(TabulateGithub, FormatsUnderflowAsZero) {
  EXPECT_EQ(tabulate_github({"x"}, {{"1e-400"}, {"1.5"}}), "|   x |\n|-----|\n| 0   |\n| 1.5 |");
}

TEST(TabulateGithub, RejectsDoubledUnderscoresAsNumbers) {
  EXPECT_EQ(tabulate_github({"n"}, {{"1__0"}, {"10"}}), "| n    |\n|------|\n| 1__0 |\n| 10   |");
}

TEST(TabulateGithub, ReadsUnicodeDigitsAndSpacesAsIntsAndCountsCodePoints) {
  EXPECT_EQ(tabulate_github({"n"}, {{"\u0661\u0662"}, {"\u00a07"}, {"3"}}),
            "|   n |\n"
            "|-----|\n"
            "|  \u0661\u0662 |\n"
            "|  \u00a07 |\n"
            "|   3 |");
}

TEST(TabulateGithub, TreatsMicroAndPlusMinusCellsAsStrings) {
  EXPECT_EQ(tabulate_github({"t"}, {{"1.5\u03bcs"}, {"2"}}),
            "| t     |\n|-------|\n| 1.5\u03bcs |\n| 2     |");
  EXPECT_EQ(tabulate_github({"h"}, {{"\u03bcs\u00b1"}, {"ab"}}),
            "| h   |\n|-----|\n| \u03bcs\u00b1 |\n| ab  |");
}

TEST(TabulateGithub, StripsUnicodeWhitespaceFromStringCells) {
  EXPECT_EQ(tabulate_github({"s"}, {{"  a  "}, {"\u3000b"}}), "| s   |\n|-----|\n| a   |\n| b   |");
}

TEST(TabulateGithub, LeftAlignsBoolColumnsAndRightAlignsBoolsAmongInts) {
  EXPECT_EQ(tabulate_github({"b"}, {{"True"}, {"False"}}),
            "| b     |\n|-------|\n| True  |\n| False |");
  EXPECT_EQ(tabulate_github({"b"}, {{"True"}, {"12"}}), "|    b |\n|------|\n| True |\n|   12 |");
}

TEST(TabulateGithub, PrependsBlankHeadersWhenFewerThanColumns) {
  EXPECT_EQ(tabulate_github({"b"}, {{"x", "1"}, {"yy", "2"}}),
            "|    |   b |\n"
            "|----|-----|\n"
            "| x  |   1 |\n"
            "| yy |   2 |");
}

TEST(TabulateGithub, DropsHeadersBeyondTheColumns) {
  EXPECT_EQ(tabulate_github({"a", "b", "c"}, {{"x"}}), "| a   |\n|-----|\n| x   |");
}

TEST(TabulateGithub, RendersHeadersAloneWithoutRows) {
  EXPECT_EQ(tabulate_github({"Change", "Ratio"}, {}),
            "| Change   | Ratio   |\n|----------|---------|");
}

TEST(TabulateGithub, DrawsLineAboveRowsWithoutHeaders) {
  EXPECT_EQ(tabulate_github({}, {{"a", "1.5"}, {"bb", "10"}}),
            "|----|------|\n"
            "| a  |  1.5 |\n"
            "| bb | 10   |");
  EXPECT_EQ(tabulate_github({}, {}), "");
}

TEST(TabulateGithub, LeavesMissingCellsOfShortRowsEmpty) {
  EXPECT_EQ(tabulate_github({"c1", "c2", "c3"}, {{"a", "1.5", "x"}, {"b"}}),
            "| c1   |   c2 | c3   |\n"
            "|------|------|------|\n"
            "| a    |  1.5 | x    |\n"
            "| b    |      |      |");
}

TEST(TabulateGithub, RendersOneHundredThousandRows) {
  Rows rows;
  for (int row = 0; row < 100000; ++row) {
    rows.push_back({"-", "94.8\u00b130\u03bcs", "28.4\u00b10.2\u03bcs",
                    row == 0 ? "115.90" : "0.30",
                    "benchmarks.time_add(" + std::to_string(row) + ")"});
  }
  const std::string table = tabulate_github(k_compare_headers, rows);
  const std::vector<std::string> lines = split(table, "\n");
  ASSERT_EQ(lines.size(), 100002U);
  EXPECT_EQ(lines[0],
            "| Change   | Before    | After      |   Ratio | Benchmark (Parameter)      |");
  EXPECT_EQ(lines[2],
            "| -        | 94.8\u00b130\u03bcs | 28.4\u00b10.2\u03bcs |   115.9 | "
            "benchmarks.time_add(0)     |");
  EXPECT_EQ(lines.back(),
            "| -        | 94.8\u00b130\u03bcs | 28.4\u00b10.2\u03bcs |     0.3 | "
            "benchmarks.time_add(99999) |");
}

}  // namespace
}  // namespace spyglass::render
