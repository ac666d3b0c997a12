// Reading printed comparison tables back: every layout asv, asv-spyglass and asv-perch print,
// exact values for chosen rows, the errors, and a round trip through the text renderers.
#include "spyglass/ingest/comparison_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "spyglass/ingest/table_cells.hpp"
#include "spyglass/render/asv_table.hpp"
#include "spyglass/util/error.hpp"
#include "support/paths.hpp"

namespace spyglass::test {
namespace {

using ingest::parse_comparison_table;
using ingest::TableFormat;
using ingest::TableKind;
using model::Change;

const std::string k_perch = "asv-spyglass-upstream/asv-perch/test/fixtures/";
const std::string k_approved = "asv-spyglass-upstream/asv_spyglass/tests/approved_files/";

std::string read_golden(const std::string& name) { return read_fixture("../tests/golden/" + name); }

ingest::ParsedTable parse_fixture(const std::string& relative) {
  return parse_comparison_table(read_fixture(relative), relative);
}

// The message parse_comparison_table throws for `text`, or "" when it parses.
std::string parse_error(const std::string& text) {
  try {
    parse_comparison_table(text, "t.md");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::k_bad_input);
    return e.what();
  }
  return "";
}

void expect_side(const model::Measurement& side, const std::string& text, double value,
                 std::optional<double> err, const std::string& context) {
  SCOPED_TRACE(context + " " + text);
  EXPECT_EQ(side.text, text);
  EXPECT_TRUE(side.present);
  ASSERT_TRUE(side.value.has_value());
  EXPECT_DOUBLE_EQ(side.value->value, value);
  ASSERT_EQ(side.err.has_value(), err.has_value());
  if (err) {
    EXPECT_DOUBLE_EQ(*side.err, *err);
  }
}

// --- Cells -----------------------------------------------------------------------------------

struct ValueCase {
  std::string text;
  std::optional<double> value;  // nullopt: failed
  std::optional<double> err;
  std::optional<std::string> unit;
  bool present;
  bool is_integer;
};

TEST(TableCells, ReadsEveryValueShapeAsvPrints) {
  const double nan = std::nan("");
  const double inf = INFINITY;
  const std::vector<ValueCase> cases = {
      {"94.8±30μs", 9.48e-5, 3e-5, "seconds", true, false},
      {"94.8+/-30us", 9.48e-5, 3e-5, "seconds", true, false},
      {"94.8±30µs", 9.48e-5, 3e-5, "seconds", true, false},
      {"123M", 123e6, std::nullopt, "bytes", true, false},
      {"3.6k", 3600.0, std::nullopt, "bytes", true, false},
      {"1.5±0.1G", 1.5e9, 0.1e9, "bytes", true, false},
      {"2T", 2e12, std::nullopt, "bytes", true, false},
      {"2P", 2e15, std::nullopt, "bytes", true, false},
      {"2E", 2e18, std::nullopt, "bytes", true, false},
      {"1.00s", 1.0, std::nullopt, "seconds", true, false},
      {"0s", 0.0, std::nullopt, "seconds", true, false},
      {"0±0s", 0.0, 0.0, "seconds", true, false},
      {"5.73m", 5.73 * 60, std::nullopt, "seconds", true, false},
      {"2.00h", 7200.0, std::nullopt, "seconds", true, false},
      {"1.50d", 1.5 * 86400, std::nullopt, "seconds", true, false},
      {"2.00w", 2 * 604800.0, std::nullopt, "seconds", true, false},
      {"1.00y", 31449600.0, std::nullopt, "seconds", true, false},
      {"157±3ns", 1.57e-7, 3e-9, "seconds", true, false},
      {"1000ns", 1e-6, std::nullopt, "seconds", true, false},
      {"1.75ms", 1.75e-3, std::nullopt, "seconds", true, false},
      {"-5.000e+09ns", -5.0, std::nullopt, "seconds", true, false},
      {"0.100±1.0e+08ns", 1e-10, 0.1, "seconds", true, false},
      {"~0", inf, std::nullopt, "seconds", true, false},
      {"42", 42.0, std::nullopt, std::nullopt, true, true},
      {"42.0", 42.0, std::nullopt, std::nullopt, true, false},
      {"-6", -6.0, std::nullopt, std::nullopt, true, true},
      {"1e-06", 1e-6, std::nullopt, std::nullopt, true, false},
      {"9.48e-05±3e-05", 9.48e-5, 3e-5, std::nullopt, true, false},
      {"Infinity", inf, std::nullopt, std::nullopt, true, false},
      {"-inf", -inf, std::nullopt, std::nullopt, true, false},
      {"n/a", nan, std::nullopt, std::nullopt, true, false},
      {"nan", nan, std::nullopt, std::nullopt, false, false},
      {"failed", std::nullopt, std::nullopt, std::nullopt, true, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto cell = ingest::parse_value_cell(c.text);
    ASSERT_TRUE(cell.has_value());
    EXPECT_EQ(cell->measurement.text, c.text);
    EXPECT_EQ(cell->measurement.present, c.present);
    EXPECT_EQ(cell->unit, c.unit);
    ASSERT_EQ(cell->measurement.value.has_value(), c.value.has_value());
    if (c.value) {
      const auto& number = *cell->measurement.value;
      if (std::isnan(*c.value)) {
        EXPECT_TRUE(std::isnan(number.value));
      } else {
        EXPECT_DOUBLE_EQ(number.value, *c.value);
      }
      EXPECT_EQ(number.is_integer, c.is_integer);
    }
    ASSERT_EQ(cell->measurement.err.has_value(), c.err.has_value());
    if (c.err) {
      EXPECT_DOUBLE_EQ(*cell->measurement.err, *c.err);
    }
  }
}

TEST(TableCells, ScalesPowersOfTenWithoutRoundingTwice) {
  EXPECT_EQ(ingest::parse_value_cell("94.8±30μs")->measurement.value->value, 9.48e-05);
  EXPECT_EQ(ingest::parse_value_cell("94.8±30μs")->measurement.err, 3e-05);
  EXPECT_EQ(ingest::parse_value_cell("2.84e-05±2e-07")->measurement.value->value, 2.84e-05);
}

TEST(TableCells, RejectsTextThatIsNoValue) {
  for (const std::string text :
       {"", "abc", "1.2.3", "1e", "1e+", "1e+-5", "-", ".", "s", "12 s", "1.0x", "±1s", "1±",
        "1±2±3s", "NaN", "nan(1)", "+1", "1..0ms", "1e99999999999999999999"}) {
    EXPECT_FALSE(ingest::parse_value_cell(text).has_value()) << text;
  }
}

TEST(TableCells, ReadsRatios) {
  EXPECT_DOUBLE_EQ(ingest::parse_ratio_cell("0.87")->ratio, 0.87);
  EXPECT_FALSE(ingest::parse_ratio_cell("0.87")->insignificant);
  EXPECT_DOUBLE_EQ(ingest::parse_ratio_cell("~3.00")->ratio, 3.0);
  EXPECT_TRUE(ingest::parse_ratio_cell("~3.00")->insignificant);
  EXPECT_DOUBLE_EQ(ingest::parse_ratio_cell("5e+06")->ratio, 5e6);
  EXPECT_TRUE(std::isnan(ingest::parse_ratio_cell("n/a")->ratio));
  EXPECT_FALSE(ingest::parse_ratio_cell("~n/a").has_value());
  EXPECT_FALSE(ingest::parse_ratio_cell("1.0x").has_value());
}

TEST(TableCells, ReadsChangeMarks) {
  EXPECT_EQ(ingest::parse_change_mark(""), Change::k_none);
  EXPECT_EQ(ingest::parse_change_mark("-"), Change::k_improved);
  EXPECT_EQ(ingest::parse_change_mark("+"), Change::k_regressed);
  EXPECT_EQ(ingest::parse_change_mark("!"), Change::k_failure_introduced);
  EXPECT_EQ(ingest::parse_change_mark("*"), Change::k_failure_fixed);
  EXPECT_EQ(ingest::parse_change_mark("x"), Change::k_incomparable);
  EXPECT_FALSE(ingest::parse_change_mark("?").has_value());
  EXPECT_FALSE(ingest::parse_change_mark("+-").has_value());
}

TEST(TableCells, SplitsCompareManyCells) {
  struct Case {
    std::string text, value;
    Change change;
    std::string ratio;
  };
  const std::vector<Case> cases = {
      {"34.0±0.1μs (-  0.36)", "34.0±0.1μs", Change::k_improved, "0.36"},
      {"2.5M (+2500.00)", "2.5M", Change::k_regressed, "2500.00"},
      {"n/a ( n/a)", "n/a", Change::k_none, "n/a"},
      {"1.00μs (+n/a)", "1.00μs", Change::k_regressed, "n/a"},
      {"1.00s (x  1.00)", "1.00s", Change::k_incomparable, "1.00"},
      {"2.00±0.8μs ( ~2.00)", "2.00±0.8μs", Change::k_none, "~2.00"},
      {"123M (   1.00)", "123M", Change::k_none, "1.00"},
      {"failed (!n/a)", "failed", Change::k_failure_introduced, "n/a"},
      {"1.05+/-0us (  ~1.05)", "1.05+/-0us", Change::k_none, "~1.05"},
      {"1.00s (1.00)", "1.00s", Change::k_none, "1.00"},
  };
  for (const auto& c : cases) {
    const auto cell = ingest::split_contender_cell(c.text);
    ASSERT_TRUE(cell.has_value()) << c.text;
    EXPECT_EQ(cell->value, c.value) << c.text;
    EXPECT_EQ(cell->change, c.change) << c.text;
    EXPECT_EQ(cell->ratio, c.ratio) << c.text;
  }
  EXPECT_FALSE(ingest::split_contender_cell("1.00s").has_value());
  EXPECT_FALSE(ingest::split_contender_cell("1.00s (+ 1.00").has_value());
}

TEST(TableCells, SplitsParametersOutsideQuotesAndBrackets) {
  const auto parts = ingest::split_benchmark_name(
      R"(b.S.time_x(10, 'a, b', [1, 2], {'k': (3, 4)}, "it's, ok", 'q\', r'))");
  EXPECT_EQ(parts.key, "b.S.time_x");
  EXPECT_EQ(parts.params, (std::vector<std::string>{"10", "'a, b'", "[1, 2]", "{'k': (3, 4)}",
                                                    "\"it's, ok\"", R"('q\', r')"}));
  EXPECT_EQ(ingest::split_benchmark_name("b.time_y").params, std::vector<std::string>{});
  EXPECT_EQ(ingest::split_benchmark_name("b.time_y()").key, "b.time_y");
  EXPECT_EQ(ingest::split_benchmark_name("b.time_y()").params, std::vector<std::string>{});
  EXPECT_EQ(ingest::split_benchmark_name("b.t(<class 'x.Y'>)").params,
            std::vector<std::string>{"<class 'x.Y'>"});
  // An odd repr with an unmatched bracket only stops the splitting.
  EXPECT_EQ(ingest::split_benchmark_name("b.t(a], b)").params,
            (std::vector<std::string>{"a]", "b"}));
}

TEST(TableCells, KeepsANameWithoutClosingParenthesisWholeAsTheKey) {
  for (const std::string name : {"b.t(1, 2", "b.time_<script>alert(1)</script>", "b.t(", "(x"}) {
    const auto parts = ingest::split_benchmark_name(name);
    EXPECT_EQ(parts.key, name);
    EXPECT_EQ(parts.params, std::vector<std::string>{}) << name;
  }
}

TEST(TableCells, SplitsEnvLabels) {
  const auto pair = ingest::split_env_label("b.t(1) [m/e1 -> m/e2]");
  EXPECT_EQ(pair.name, "b.t(1)");
  EXPECT_EQ(pair.label, "m/e1 -> m/e2");
  EXPECT_EQ(ingest::split_label_pair(*pair.label),
            (std::pair<std::string_view, std::string_view>{"m/e1", "m/e2"}));
  EXPECT_EQ(ingest::split_env_label("b.t [m/e]").label, "m/e");
  EXPECT_FALSE(ingest::split_label_pair("m/e").has_value());
  EXPECT_FALSE(ingest::split_env_label("b.t([1, 2])").label.has_value());
  EXPECT_FALSE(ingest::split_env_label("b.t []").label.has_value());
}

TEST(TableCells, SplitsLabelsIntoMachineAndEnv) {
  const auto source = ingest::source_from_label("rgx1gen11/conda-py3.11-numpy");
  EXPECT_EQ(source.machine, "rgx1gen11");
  EXPECT_EQ(source.env_name, "conda-py3.11-numpy");
  EXPECT_EQ(source.machine_env(), "rgx1gen11/conda-py3.11-numpy");
  const auto label = ingest::source_from_label("py311");
  EXPECT_EQ(label.machine, "py311");
  EXPECT_EQ(label.env_name, "");
}

// --- Real tables -----------------------------------------------------------------------------

TEST(ComparisonTable, ReadsAsvSpyglassReadmeTableWithLongEnvLabels) {
  const auto table = parse_fixture("tables/asv-spyglass-readme/asv_spyglass-README-74887fa73f.txt");
  ASSERT_EQ(table.kind, TableKind::k_compare);
  EXPECT_EQ(table.format, TableFormat::k_spyglass_compare);
  const auto& c = table.comparison;
  EXPECT_EQ(c.before.machine, "rgx1gen11");
  EXPECT_EQ(c.before.env_name, "existing-py_home_asv_samples_.tmp_1_bin_python");
  EXPECT_EQ(c.after.env_name, "existing-py_home_asv_samples_.tmp_2_bin_python");
  EXPECT_EQ(c.before.commit_hash, "");
  ASSERT_EQ(c.rows.size(), 4u);
  const auto& row = c.rows[1];
  EXPECT_EQ(row.name, "benchmarks.time_ranges_multi(10, 'range')");
  EXPECT_EQ(row.key, "benchmarks.time_ranges_multi");
  EXPECT_EQ(row.params, (std::vector<std::string>{"10", "'range'"}));
  EXPECT_EQ(row.change, Change::k_improved);
  expect_side(row.before, "324±2ns", 3.24e-7, 2e-9, "before");
  expect_side(row.after, "197±1ns", 1.97e-7, 1e-9, "after");
  EXPECT_DOUBLE_EQ(row.ratio, 0.61);
  EXPECT_FALSE(row.insignificant);
  EXPECT_EQ(row.unit, "seconds");
  EXPECT_EQ(c.rows[0].change, Change::k_none);
  expect_side(c.rows[0].before, "1.09±0μs", 1.09e-6, 0.0, "row 0 before");
}

// A name is opaque text (issue 10, item 12): one whose `(` is not closed at its end is read whole,
// as the key, rather than failing the job.
TEST(ComparisonTable, KeepsANameWithUnbalancedParenthesesWhole) {
  const auto table = parse_comparison_table(
      "| Change | Before | After | Ratio | Benchmark (Parameter) |\n"
      "|--------|--------|-------|-------|-----------------------|\n"
      "| +      | 1.00s  | 2.00s | 2.00  | b.time_<script>alert(1)</script> |\n"
      "|        | 1.00s  | 1.00s | 1.00  | b.t(1 |\n",
      "t.md");
  ASSERT_EQ(table.comparison.rows.size(), 2U);
  EXPECT_EQ(table.comparison.rows[0].name, "b.time_<script>alert(1)</script>");
  EXPECT_EQ(table.comparison.rows[0].key, "b.time_<script>alert(1)</script>");
  EXPECT_EQ(table.comparison.rows[0].params, std::vector<std::string>{});
  EXPECT_EQ(table.comparison.rows[1].name, "b.t(1");
  EXPECT_EQ(table.comparison.rows[1].key, "b.t(1");
}

// compare's output when no row is left (issue 10, item 13): an empty comparison.
TEST(ComparisonTable, ReadsBlankTextAsAnEmptyComparison) {
  for (const std::string text : {"\n", "\n\n", " \r\n"}) {
    const auto table = parse_comparison_table(text, "t.md");
    EXPECT_EQ(table.kind, TableKind::k_compare);
    EXPECT_TRUE(table.comparison.rows.empty());
  }
}

TEST(ComparisonTable, ReadsHandEditedTableWhoseColumnsDoNotLineUp) {
  const auto table = parse_fixture(
      "tables/asv-spyglass-readme/asv_spyglass-README-37e66f808d-hand-edited-labels.txt");
  const auto& c = table.comparison;
  EXPECT_EQ(c.before.machine, "py311");
  EXPECT_EQ(c.before.env_name, "");
  EXPECT_EQ(c.after.machine, "py312");
  ASSERT_EQ(c.rows.size(), 4u);
  EXPECT_EQ(c.rows[3].name, "benchmarks.time_ranges_multi(100, 'range')");
  expect_side(c.rows[3].after, "535±0.8ns", 5.35e-7, 8e-10, "after");
  EXPECT_DOUBLE_EQ(c.rows[3].ratio, 0.73);
}

TEST(ComparisonTable, ReadsAsvComparePullRequestTableWithCommitHashes) {
  const auto table =
      parse_fixture("tables/asv-compare-pr-comment/uxarray-pr955-comment-improved.txt");
  EXPECT_EQ(table.format, TableFormat::k_asv_compare);
  const auto& c = table.comparison;
  EXPECT_EQ(c.before.commit_hash, "c66286bb");
  EXPECT_EQ(c.after.commit_hash, "906f0fcb");
  EXPECT_EQ(c.before.machine_env(), "");
  ASSERT_EQ(c.rows.size(), 1u);
  const auto& row = c.rows[0];
  EXPECT_EQ(row.name, "mpas_ocean.Integrate.peakmem_integrate('480km')");
  EXPECT_EQ(row.key, "mpas_ocean.Integrate.peakmem_integrate");
  EXPECT_EQ(row.params, std::vector<std::string>{"'480km'"});
  expect_side(row.before, "406M", 406e6, std::nullopt, "before");
  expect_side(row.after, "354M", 354e6, std::nullopt, "after");
  EXPECT_EQ(row.unit, "bytes");
  EXPECT_EQ(row.change, Change::k_improved);
  EXPECT_DOUBLE_EQ(row.ratio, 0.87);
}

TEST(ComparisonTable, ReadsLegacySpaceAlignedAsvLayoutKeepingEnvsApart) {
  const auto table =
      parse_fixture("tables/asv-compare-legacy/asv-docs-using-rst-compare-v0.1-v0.2.txt");
  EXPECT_EQ(table.format, TableFormat::k_asv_compare_legacy);
  const auto& c = table.comparison;
  EXPECT_EQ(c.before.commit_hash, "3bfda9c6");
  EXPECT_EQ(c.after.commit_hash, "bf719488");
  EXPECT_EQ(c.before.machine, "");
  ASSERT_EQ(c.rows.size(), 10u);
  const auto& failed = c.rows[1];
  EXPECT_EQ(failed.name,
            "benchmarks.MemSuite.mem_list [amulet.localdomain/virtualenv-py3.12-numpy]");
  EXPECT_EQ(failed.key, "benchmarks.MemSuite.mem_list");
  EXPECT_TRUE(failed.params.empty());
  EXPECT_FALSE(failed.before.value.has_value());
  EXPECT_TRUE(failed.before.present);
  EXPECT_EQ(failed.before.text, "failed");
  expect_side(failed.after, "35.2m", 35.2 * 60, std::nullopt, "after");
  EXPECT_TRUE(std::isnan(failed.ratio));
  EXPECT_EQ(failed.change, Change::k_none);
  EXPECT_EQ(failed.unit, "seconds");
  expect_side(c.rows[2].before, "11.5±0.08μs", 1.15e-5, 8e-8, "row 2 before");
  EXPECT_DOUBLE_EQ(c.rows[2].ratio, 0.96);
}

TEST(ComparisonTable, ReadsAsvComparesOwnMarksAndFailedCells) {
  // Rows of asv's test_compare.py references (spec 3.10), under its hash headers.
  const std::string text =
      "| Change   | Before [22b920c6]    | After [fcf8c079]    | Ratio   | Benchmark (Parameter) "
      "  |\n"
      "|----------|----------------------|---------------------|---------|-----------------------"
      "--|\n"
      "| !        | 454μs                | failed              | n/a     | "
      "time_coordinates.time_latitude |\n"
      "| *        | failed               |               1e-06 | n/a     | b.t_fails_after |\n"
      "|          | 1.00±1s              | 3.00±1s             | ~3.00   | time_ci_big |\n";
  const auto table = parse_comparison_table(text, "asv.txt");
  EXPECT_EQ(table.format, TableFormat::k_asv_compare);
  const auto& rows = table.comparison.rows;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].change, Change::k_failure_introduced);
  EXPECT_FALSE(rows[0].after.value.has_value());
  EXPECT_EQ(rows[1].change, Change::k_failure_fixed);
  expect_side(rows[1].after, "1e-06", 1e-6, std::nullopt, "fixed");
  EXPECT_FALSE(rows[1].unit.has_value());
  EXPECT_TRUE(rows[2].insignificant);
  EXPECT_DOUBLE_EQ(rows[2].ratio, 3.0);
}

TEST(ComparisonTable, ReadsAsvPerchFixturesWithAsciiPlusMinusAndUs) {
  const auto table = parse_fixture(k_perch + "comparison.txt");
  const auto& c = table.comparison;
  ASSERT_EQ(c.rows.size(), 10u);
  EXPECT_EQ(c.before.machine_env(), "rgx1gen11/conda-py3.11-numpy");
  EXPECT_EQ(c.after.machine_env(), "rgx1gen11/conda-py3.11-numpy");
  expect_side(c.rows[4].before, "94.8+/-30us", 9.48e-5, 3e-5, "add_arr");
  EXPECT_EQ(c.rows[4].name, "benchmarks.TimeSuite.time_add_arr");
  EXPECT_TRUE(c.rows[5].insignificant);
  EXPECT_DOUBLE_EQ(c.rows[5].ratio, 0.91);

  const auto split = parse_fixture(k_perch + "compare_split.txt");
  ASSERT_EQ(split.comparison.rows.size(), 6u);
  EXPECT_EQ(split.comparison.rows[0].change, Change::k_improved);
  EXPECT_EQ(split.comparison.rows[2].change, Change::k_regressed);
  EXPECT_EQ(split.comparison.rows[5].change, Change::k_none);
}

TEST(ComparisonTable, ReadsAsvPerchCompareManyWithLowercaseBaselineAndEnvSuffixes) {
  const auto table = parse_fixture(k_perch + "compare_many.txt");
  ASSERT_EQ(table.kind, TableKind::k_compare_many);
  const auto& m = table.multi;
  EXPECT_EQ(m.baseline.machine, "py311");
  ASSERT_EQ(m.contenders.size(), 2u);
  EXPECT_EQ(m.contenders[0].after.machine, "opt-build");
  EXPECT_EQ(m.contenders[1].after.machine, "debug-build");
  ASSERT_EQ(m.contenders[0].rows.size(), 8u);
  const auto& broken = m.contenders[0].rows[7];
  EXPECT_EQ(broken.name, "benchmarks.TimeSuite.time_broken");
  EXPECT_EQ(broken.change, Change::k_incomparable);
  EXPECT_TRUE(std::isnan(broken.ratio));
  expect_side(broken.before, "50+/-2ns", 5e-8, 2e-9, "baseline");
  const auto& near = m.contenders[1].rows[2];
  EXPECT_EQ(near.change, Change::k_none);
  EXPECT_TRUE(near.insignificant);
  EXPECT_DOUBLE_EQ(near.ratio, 1.05);
  EXPECT_EQ(near.params, std::vector<std::string>{"1000"});
}

TEST(ComparisonTable, ReadsCompareManyCellsExactly) {
  const auto table = parse_comparison_table(read_golden("compare-many-upstream-a0f29428.out"),
                                            "compare-many-upstream-a0f29428.out");
  EXPECT_EQ(table.format, TableFormat::k_spyglass_compare_many);
  const auto& m = table.multi;
  EXPECT_EQ(m.baseline.machine_env(), "rgx1gen11/conda-py3.11-numpy");
  ASSERT_EQ(m.contenders.size(), 2u);
  EXPECT_EQ(m.contenders[0].after.machine_env(), "rgx1gen11/conda-py3.11");
  const auto& row = m.contenders[0].rows.at(0);
  expect_side(row.before, "94.8±30μs", 9.48e-5, 3e-5, "baseline");
  expect_side(row.after, "34.0±0.1μs", 3.4e-5, 1e-7, "contender");
  EXPECT_EQ(row.change, Change::k_improved);
  EXPECT_DOUBLE_EQ(row.ratio, 0.36);
  EXPECT_EQ(m.contenders[1].rows.at(0).after.text, "28.4±0.2μs");

  const std::string cells =
      "| Benchmark | Baseline (m/a) | m/b (Ratio) |\n"
      "|---|---|---|\n"
      "| t.a | 1k | 2.5M (+2500.00) |\n"
      "| t.b | 1.00s | n/a ( n/a) |\n"
      "| t.c | 0s | 1.00μs (+n/a) |\n"
      "| t.d | 1.00s | 1.00s (x  1.00) |\n"
      "| t.e | 1.00±0.8μs | 2.00±0.8μs ( ~2.00) |\n"
      "| t.f | nan | 1.00ms ( n/a) |\n";
  const auto many = parse_comparison_table(cells, "many.md").multi;
  const auto& rows = many.contenders.at(0).rows;
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0].unit, "bytes");
  EXPECT_DOUBLE_EQ(rows[0].ratio, 2500.0);
  EXPECT_EQ(rows[0].change, Change::k_regressed);
  EXPECT_TRUE(rows[1].after.present);
  EXPECT_TRUE(std::isnan(rows[1].after.value->value));
  EXPECT_EQ(rows[2].change, Change::k_regressed);
  EXPECT_TRUE(std::isnan(rows[2].ratio));
  EXPECT_EQ(rows[3].change, Change::k_incomparable);
  EXPECT_TRUE(rows[4].insignificant);
  EXPECT_FALSE(rows[5].before.present);
  EXPECT_TRUE(std::isnan(rows[5].before.value->value));
  EXPECT_EQ(rows[5].unit, "seconds");
}

TEST(ComparisonTable, ReadsSpyglassOutputsExactly) {
  const auto table = parse_comparison_table(read_golden("compare-asv-example-factor2.out"), "g");
  const auto& rows = table.comparison.rows;
  ASSERT_EQ(rows.size(), 24u);
  EXPECT_EQ(rows[0].name, "params_examples.ParamSuite.track_value");
  EXPECT_EQ(rows[0].change, Change::k_failure_introduced);
  EXPECT_TRUE(rows[0].before.present);
  EXPECT_TRUE(std::isnan(rows[0].before.value->value));
  EXPECT_FALSE(rows[0].after.value.has_value());
  EXPECT_EQ(rows[14].name, "time_secondary.track_value");
  expect_side(rows[14].before, "42", 42.0, std::nullopt, "track");
  EXPECT_TRUE(rows[14].before.value->is_integer);
  EXPECT_FALSE(rows[14].unit.has_value());
  expect_side(rows[15].before, "5.73m", 343.8, std::nullopt, "mem_unit");
  EXPECT_EQ(rows[3].name, "time_ci_big");
  EXPECT_TRUE(rows[3].insignificant);
  EXPECT_EQ(rows[23].change, Change::k_incomparable);

  const auto plain =
      parse_comparison_table(read_golden("compare-upstream-a0f29428-no-bconf.out"), "g");
  const auto& row = plain.comparison.rows.at(0);
  expect_side(row.before, "9.48e-05±3e-05", 9.48e-05, 3e-05, "no unit");
  EXPECT_FALSE(row.unit.has_value());
  EXPECT_DOUBLE_EQ(row.ratio, 0.3);
  EXPECT_EQ(plain.comparison.after.env_name, "virtualenv-py3.12-numpy");
}

TEST(ComparisonTable, MergesSplitTablesWithTitlesBeforeEachTable) {
  const auto table =
      parse_comparison_table(read_golden("compare-upstream-d6b286b8-split.out"), "g");
  const auto& rows = table.comparison.rows;
  ASSERT_EQ(rows.size(), 16u);
  EXPECT_EQ(rows[0].change, Change::k_improved);
  EXPECT_EQ(rows[5].change, Change::k_none);
  EXPECT_EQ(rows[10].change, Change::k_regressed);
  EXPECT_EQ(rows[10].name, "benchmarks.TimeSuiteDecoratorSingle.time_values(10)");
}

TEST(ComparisonTable, MergesSplitTablesWithAllTitlesFirstAsV031PrintsThem) {
  // asv-spyglass v0.3.1's `compare --split` stdout (spec 3.1): every title, then every table.
  const std::string text =
      "\nBenchmarks that have improved:\n\n\nBenchmarks that have stayed the same:\n\n"
      "\nBenchmarks that have got worse:\n\n" +
      read_fixture(k_approved + "test_results.test_do_compare_split.approved.txt") + "\n";
  const auto rows = parse_comparison_table(text, "split.txt").comparison.rows;
  ASSERT_EQ(rows.size(), 16u);
  EXPECT_EQ(rows[4].change, Change::k_improved);
  EXPECT_EQ(rows[4].name, "benchmarks.time_sort(100)");
  // A blank mark under "improved" would be a fixed failure; these blanks are under "same".
  EXPECT_EQ(rows[5].change, Change::k_none);
}

TEST(ComparisonTable, ReadsBlankMarkUnderImprovedTitleAsFixedFailure) {
  const std::string text =
      "\nBenchmarks that have improved:\n\n\nBenchmarks that have stayed the same:\n\n"
      "| Change   | Before   | After   | Ratio   | Benchmark (Parameter)   |\n"
      "|----------|----------|---------|---------|-------------------------|\n"
      "|          | failed   | 1.00ms  | n/a     | fail.time_fixed         |\n"
      "| -        | 2.00ms   | 1.00ms  | 0.50    | t.time_faster           |\n"
      "\n"
      "| Change   | Before   | After   | Ratio   | Benchmark (Parameter)   |\n"
      "|----------|----------|---------|---------|-------------------------|\n"
      "|          | failed   | failed  | n/a     | fail.time_both          |\n";
  const auto rows = parse_comparison_table(text, "fixed.txt").comparison.rows;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].change, Change::k_failure_fixed);
  EXPECT_EQ(rows[1].change, Change::k_improved);
  EXPECT_EQ(rows[2].change, Change::k_none);
}

TEST(ComparisonTable, ReadsTabulate011SeparatorsInsideProseAndFences) {
  const std::string text =
      "## Benchmark results\r\n"
      "Some prose | with a bar, not a table.\r\n"
      "```\r\n"
      "| Change   | Before   | After   |   Ratio | Benchmark (Parameter)   |\r\n"
      "|:---------|:---------|:--------|--------:|:------------------------|\r\n"
      "| +        | 1.00ms   | 2.00ms  |     2   | small.time_a            |\r\n"
      "```\r\n"
      "Thanks!\r\n";
  const auto rows = parse_comparison_table(text, "comment.md").comparison.rows;
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].name, "small.time_a");
  EXPECT_DOUBLE_EQ(rows[0].ratio, 2.0);
  EXPECT_EQ(rows[0].change, Change::k_regressed);
}

TEST(ComparisonTable, JoinsABarInsideTheNameColumnBackIntoTheName) {
  const std::string compare =
      "| Change | Before | After | Ratio | Benchmark (Parameter) |\n"
      "|---|---|---|---|---|\n"
      "|  | 1.00s | 1.00s | 1.00 | b.t('a | b') |\n";
  const auto row = parse_comparison_table(compare, "t").comparison.rows.at(0);
  EXPECT_EQ(row.name, "b.t('a | b')");
  EXPECT_EQ(row.params, std::vector<std::string>{"'a | b'"});
  const std::string many =
      "| Benchmark | Baseline (m/a) | m/b (Ratio) |\n"
      "|---|---|---|\n"
      "| b.t('x|y') | 1.00s | 1.00s (   1.00) |\n";
  EXPECT_EQ(parse_comparison_table(many, "t").multi.contenders.at(0).rows.at(0).name, "b.t('x|y')");
}

TEST(ComparisonTable, StripsAnEnvSuffixEveryRowShares) {
  const std::string text =
      "| Change | Before | After | Ratio | Benchmark (Parameter) |\n"
      "|---|---|---|---|---|\n"
      "|  | 1.00s | 1.00s | 1.00 | b.t(1) [m/e] |\n"
      "|  | 1.00s | 1.00s | 1.00 | b.t(2) [m/e] |\n";
  const auto c = parse_comparison_table(text, "t").comparison;
  EXPECT_EQ(c.rows.at(1).name, "b.t(2)");
  EXPECT_EQ(c.before.machine_env(), "m/e");
  EXPECT_EQ(c.after.machine_env(), "m/e");
}

TEST(ComparisonTable, KeepsTheTableOrderAndSortsNothing) {
  const auto rows =
      parse_comparison_table(read_golden("compare-asv-example-factor2-only-changed-ratio.out"), "g")
          .comparison.rows;
  ASSERT_EQ(rows.size(), 12u);
  EXPECT_EQ(rows[3].name, "time_quantity.time_quantity_init_array");
  EXPECT_DOUBLE_EQ(rows[3].ratio, 115.9);
}

TEST(ComparisonTable, ParsesTenThousandRowsQuickly) {
  std::string text =
      "| Change   | Before      | After       |   Ratio | Benchmark (Parameter) |\n"
      "|----------|-------------|-------------|---------|-----------------------|\n";
  constexpr int k_rows = 10000;
  for (int i = 0; i < k_rows; ++i) {
    text += "| +        | 1.17±0.01μs | 1.37±0.01μs |    1.17 | benchmarks.Suite.time_ranges(" +
            std::to_string(i) +
            ", 'arange') [rgx1gen11/virtualenv-py3.12 -> rgx1gen11/rattler] |\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const auto table = parse_comparison_table(text, "big.md");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(table.comparison.rows.size(), static_cast<std::size_t>(k_rows));
  // The 20 ms budget holds in optimized builds; sanitizer and debug builds only report.
  RecordProperty(
      "parse_ms",
      static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()));
}

// --- Errors ----------------------------------------------------------------------------------

const std::string k_head =
    "| Change | Before | After | Ratio | Benchmark (Parameter) |\n|---|---|---|---|---|\n";

TEST(ComparisonTableErrors, NameTheFileLineAndProblem) {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"",
       "t.md: no comparison table found (expected the output of asv-spyglass compare or "
       "compare-many, or asv compare)"},
      {"just prose\n\n",
       "t.md: no comparison table found (expected the output of asv-spyglass "
       "compare or compare-many, or asv compare)"},
      {"\n| a | b |\n|---|---|\n",
       "t.md:2: unknown table header `| a | b |` (expected `Change | Before | After | Ratio | "
       "Benchmark (Parameter)` or `Benchmark | Baseline (...) | ... (Ratio)`)"},
      {"| Change | Before | After | Ratio | Benchmark (Parameter) |\n| + | 1s | 2s | 2 | b.t |\n",
       "t.md:2: expected the separator row (|---|---|) under the table header"},
      {"| Change | Before | After | Ratio | Benchmark (Parameter) |\n",
       "t.md:2: expected the separator row (|---|---|) under the table header"},
      {k_head + "| + | 1.00s | 2.00s | 2.00 |\n", "t.md:3: expected 5 cells, found 4"},
      {k_head + "| ? | 1.00s | 2.00s | 2.00 | b.t |\n",
       "t.md:3: unknown change mark `?` (expected blank, -, +, !, * or x)"},
      {k_head + "| + | 1.00 s | 2.00s | 2.00 | b.t |\n",
       "t.md:3: cannot read `1.00 s` as a value in column `Before`"},
      {k_head + "| + | 1.00s | 2.00s | 2.0x | b.t |\n",
       "t.md:3: cannot read `2.0x` as a ratio in column `Ratio`"},
      {k_head + "| + | 1.00s | 2M | 2.00 | b.t |\n",
       "t.md:3: cells disagree on the unit (`seconds` and `bytes`)"},
      {k_head + "| + | 1.00s | 2.00s | 2.00 | b.t |\n| + | 1.00s | 2.00s | 2.00 | b.t |\n",
       "t.md:4: benchmark `b.t` already appeared on line 3"},
      {k_head + "| + | 1.00s | 2.00s | 2.00 |  |\n", "t.md:3: empty benchmark name"},
      {k_head + "| + | 1.00s | 2.00s | 2.00 | b.t [a/b -> c/d] |\n"
                "| + | 1.00s | 2.00s | 2.00 | b.u [a/b -> c/e] |\n",
       "t.md:4: label `[a/b -> c/e]` differs from line 3's `[a/b -> c/d]`"},
      {k_head + "| + | 1.00s | 2.00s | 2.00 | b.t |\n"
                "| + | 1.00s | 2.00s | 2.00 | b.u [a/b -> c/d] |\n",
       "t.md:3: benchmark `b.t` has no `[before -> after]` label, unlike line 4"},
      {k_head + "\n| Benchmark | Baseline (a) | b (Ratio) |\n|---|---|---|\n",
       "t.md:4: table header differs from the first table's (line 1)"},
      {"| Benchmark | Baseline (a) | b (Ratio) |\n|---|---|---|\n| b.t | 1.00s | 2.00s |\n",
       "t.md:3: expected `value (mark ratio)` in column `b (Ratio)`, found `2.00s`"},
      {"| Benchmark | Baseline (a) | b (Ratio) |\n|---|---|---|\n| b.t | 1.00s | 2.00s (+ 2.0x) "
       "|\n",
       "t.md:3: cannot read `2.0x` as a ratio in column `b (Ratio)`"},
      {"| Benchmark | Baseline (a) | b (Ratio) |\n|---|---|---|\n| b.t | 1.00q | 2.00s (+ 2.00) "
       "|\n",
       "t.md:3: cannot read `1.00q` as a value in column `Baseline (a)`"},
      {"       before           after         ratio\n"
       "     [3bfda9c6]       [bf719488]\n"
       "            40.4m            40.4m     1.00\n",
       "t.md:3: expected `[mark] before after ratio benchmark` in the legacy asv table"},
      {"       before           after         ratio\n     [3bfda9c6]\n",
       "t.md:2: expected the two commit hashes `[before] [after]`"},
      {k_head + "| + | 1.00s | 2.00s | 2.00 | b.t\xe9 |\n", "t.md:3: not valid UTF-8"},
      {"| Change | Before | After | Ratio | Benchmark (Parameter) \xed\xa0\x80|\n",
       "t.md:1: not valid UTF-8"},
      {"       before           after         ratio\n"
       "   ?    1.00s    1.00s   1.00  b.t\n",
       "t.md:2: cannot read `?` as a value in column `before`"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(parse_error(c.text), c.message) << c.text;
  }
}

// --- Round trip through the renderers ----------------------------------------------------------

// The tables and data rows in a printed output (each table has a header and a separator line).
struct TableCounts {
  std::size_t tables = 0;
  std::size_t rows = 0;
};

TableCounts count_tables(const std::string& text) {
  std::size_t table_lines = 0;
  TableCounts counts;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    const auto line = std::string_view(text).substr(start, end - start);
    table_lines += line.starts_with('|') ? 1 : 0;
    counts.tables += line.starts_with("|-") ? 1 : 0;
    start = end + 1;
  }
  counts.rows = table_lines - 2 * counts.tables;
  return counts;
}

// What a user re-rendering the parsed model passes: the labels a `[a -> b]` suffix or a
// compare-many header held when they were not `machine/env` (the model keeps them as machines).
std::optional<std::string> label_of(const model::Source& source) {
  if (source.env_name.empty() && !source.machine.empty()) {
    return source.machine;
  }
  return std::nullopt;
}

std::string render_again(const ingest::ParsedTable& table, const std::string& original) {
  if (table.kind == TableKind::k_compare_many) {
    std::vector<std::string> labels;
    if (label_of(table.multi.baseline)) {
      labels.push_back(*label_of(table.multi.baseline));
      for (const auto& contender : table.multi.contenders) {
        labels.push_back(label_of(contender.after).value_or(contender.after.machine_env()));
      }
    }
    return render::render_compare_many_text(table.multi, labels);
  }
  render::CompareTableOptions options;
  options.label_before = label_of(table.comparison.before);
  options.label_after = label_of(table.comparison.after);
  // The layout the original was printed with, read off its titles (only --only-changed drops
  // them) and its table count.
  const bool titled = original.starts_with("\n");
  options.split =
      titled ? !original.starts_with("\nAll benchmarks:\n") : count_tables(original).tables > 1;
  options.filter.only_changed = !titled;
  return render::render_compare_text(table.comparison, options);
}

TEST(ComparisonTableRoundTrip, EveryGoldenOutputParsesAndRendersBackByteForByte) {
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/tests/golden")) {
    const auto path = entry.path();
    if (path.extension() != ".out") {
      continue;
    }
    SCOPED_TRACE(path.filename().string());
    // A lone newline (nothing to show) is an empty comparison, and renders back as one.
    const auto original = read_golden(path.filename().string());
    const auto table = parse_comparison_table(original, path.filename().string());
    const auto rows = table.kind == TableKind::k_compare ? table.comparison.rows.size()
                                                         : table.multi.contenders.at(0).rows.size();
    EXPECT_EQ(rows, count_tables(original).rows);
    EXPECT_EQ(render_again(table, original), original);
    ++checked;
  }
  EXPECT_GE(checked, 7u);
}

TEST(ComparisonTableRoundTrip, UpstreamApprovedTablesRenderBack) {
  for (const std::string name : {"test_results.test_do_compare.approved.txt"}) {
    const auto original = read_fixture(k_approved + name);
    const auto table = parse_comparison_table(original, name);
    EXPECT_EQ(render::render_compare_text(table.comparison, {}),
              "\nAll benchmarks:\n\n" + original);
  }
  const auto many_text =
      read_fixture(k_approved + "test_results.test_do_compare_many_approval.approved.txt");
  const auto many = parse_comparison_table(many_text, "many");
  EXPECT_EQ(render::render_compare_many_text(many.multi, {}), many_text);
}

}  // namespace
}  // namespace spyglass::test
