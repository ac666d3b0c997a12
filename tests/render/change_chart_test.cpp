// The comment's Mermaid chart: which changes it shows, its exact text, and labels that no
// benchmark name can break out of.
#include "spyglass/render/change_chart.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace spyglass::test {
namespace {

using model::Change;

model::ComparisonRow row(const std::string& name, double ratio, Change change,
                         bool insignificant = false) {
  model::ComparisonRow out;
  out.name = name;
  out.key = name;
  out.ratio = ratio;
  out.change = change;
  out.insignificant = insignificant;
  return out;
}

// Two regressions and an improvement, among rows the chart must leave out: unchanged, `~`, a new
// failure (no ratio), and a peak-memory regression measured in bytes.
model::Comparison known_comparison() {
  model::Comparison comparison;
  comparison.rows = {
      row("a.time_slow", 2.5, Change::k_regressed),
      row("b.time_fast", 0.25, Change::k_improved),
      row("c.time_bit", 1.2, Change::k_regressed),
      row("d.time_same", 1.0, Change::k_none),
      row("e.time_noisy", 3.0, Change::k_none, true),
      row("f.time_fail", NAN, Change::k_failure_introduced),
      row("g.peakmem_big", 1.5, Change::k_regressed),
  };
  comparison.rows.back().unit = "bytes";
  return comparison;
}

TEST(ChangeChart, ShowsTheLargestSignificantChangesOnALogScaleWhatGrewFirst) {
  const auto comparison = known_comparison();
  const auto bars =
      render::largest_changes(render::chart_bars(comparison, render::ChartRows::k_significant));
  ASSERT_EQ(bars.size(), 4U);
  EXPECT_EQ(bars.front().name, "b.time_fast");  // the largest change, a quartering
  // log2: 2.5 -> 1.322, 1.5 -> 0.585, 1.2 -> 0.263, 0.25 -> 2 (the second series); the axis
  // ends at the next whole number past 2.
  EXPECT_EQ(render::mermaid_change_chart(bars),
            "```mermaid\n"
            "xychart-beta horizontal\n"
            "  title \"Largest changes, log scale\"\n"
            "  x-axis [\"a.time_slow (2.50\u00D7 slower)\", \"g.peakmem_big (+50.0%)\", "
            "\"c.time_bit (+20.0%)\", \"b.time_fast (4.00\u00D7 faster)\"]\n"
            "  y-axis \"log2 of the factor of change: 1 = 2\u00D7, 10 = 1024\u00D7\" 0 --> 3\n"
            "  bar [1.322, 0.585, 0.263, 0]\n"
            "  bar [0, 0, 0, 2.000]\n"
            "```\n");
}

// The Google Benchmark pair's span (fixtures/other/google-benchmark/itsy_bitsy): from 1.05x to
// 2.6e11x. On a linear axis to 255251125589 only the largest bar could be seen; on log2 the
// largest is 37.9 of an axis to 38, and the smallest gets the shortest visible bar, 38/40.
TEST(ChangeChart, EveryBarIsVisibleAcrossElevenOrdersOfMagnitude) {
  const std::vector<render::ChartBar> bars = {
      {"equal_bitset", 255251125588.57, Change::k_regressed, {"slower", "faster"}},
      {"equal_vector_bool_operator", 1.0 / 318.74, Change::k_improved, {"slower", "faster"}},
      {"fill_itsy_bitsy_smart", 1.05, Change::k_regressed, {"slower", "faster"}},
  };
  EXPECT_EQ(
      render::mermaid_change_chart(bars),
      "```mermaid\n"
      "xychart-beta horizontal\n"
      "  title \"Largest changes, log scale\"\n"
      "  x-axis [\"equal_bitset (255,251,125,589\u00D7 slower)\", "
      "\"fill_itsy_bitsy_smart (+5.0%)\", \"equal_vector_bool_operator (319\u00D7 faster)\"]\n"
      "  y-axis \"log2 of the factor of change: 1 = 2\u00D7, 10 = 1024\u00D7\" 0 --> 38\n"
      "  bar [37.893, 0.950, 0]\n"
      "  bar [0, 0, 8.316]\n"
      "```\n");
}

// Changes all below a doubling get an axis of tenths, so they are not squeezed against 0.
TEST(ChangeChart, SmallChangesGetAnAxisOfTenths) {
  const auto chart = render::mermaid_change_chart({{"a", 1.25}, {"b", 0.9}});
  EXPECT_NE(chart.find("\" 0 --> 0.4\n  bar [0.322, 0]\n  bar [0, 0.152]\n"), std::string::npos)
      << chart;
}

TEST(ChangeChart, KeepsAtMostTheFixedNumberOfBars) {
  model::Comparison comparison;
  for (int i = 1; i <= 12; ++i) {
    comparison.rows.push_back(row("b" + std::to_string(i), 1.0 + i, Change::k_regressed));
  }
  const auto bars =
      render::largest_changes(render::chart_bars(comparison, render::ChartRows::k_significant));
  ASSERT_EQ(bars.size(), render::k_chart_bars);
  EXPECT_EQ(bars.front().name, "b12");
  EXPECT_EQ(bars.back().name, "b5");
}

TEST(ChangeChart, NothingChangedMeansNoChart) {
  model::Comparison comparison;
  comparison.rows = {row("d.time_same", 1.0, Change::k_none),
                     row("e.time_noisy", 3.0, Change::k_none, true),
                     row("f.time_fail", NAN, Change::k_failure_introduced)};
  EXPECT_TRUE(render::chart_bars(comparison, render::ChartRows::k_significant).empty());
  EXPECT_EQ(render::mermaid_change_chart({}), "");
}

TEST(ChangeChart, LabelsOfHostileNamesStayInsideTheirQuotes) {
  // The hostile fixture's names (fixtures/handmade/hostile) and worse.
  EXPECT_EQ(render::mermaid_label("pipe.time_a|b"), "pipe.time_a|b");
  EXPECT_EQ(render::mermaid_label("tick.time_`x`"), "tick.time__x_");
  EXPECT_EQ(render::mermaid_label("h.<script>x</script>"), "h._script_x_/script_");
  EXPECT_EQ(render::mermaid_label("ent.time_&amp;"), "ent.time__amp;");
  EXPECT_EQ(render::mermaid_label("q.time_\"quoted\", [x]"), "q.time_'quoted', [x]");
  EXPECT_EQ(render::mermaid_label("nl.time_a\nb\tc%%{init}"), "nl.time_a b c__{init}");
  EXPECT_EQ(render::mermaid_label("\u00FCn\u00EF.time_x"), "\u00FCn\u00EF.time_x");
  EXPECT_EQ(render::mermaid_label("bad.time_\xFF\xC2\x85"), "bad.time_  ");
  // A name wider than 30 letters keeps the end that fits after an ellipsis: 29 lower-case
  // letters, or fewer wide ones.
  EXPECT_EQ(render::mermaid_label("module.sub.Class.time_" + std::string(38, 'x')),
            "\u2026" + std::string(29, 'x'));
  EXPECT_EQ(render::mermaid_label(std::string(30, 'x')), std::string(30, 'x'));
  EXPECT_EQ(render::mermaid_label("a." + std::string(30, 'W')), "\u2026" + std::string(14, 'W'));
  EXPECT_EQ(render::mermaid_label("a." + std::string(30, 'T')), "\u2026" + std::string(19, 'T'));
  EXPECT_EQ(render::mermaid_label("a." + std::string(25, 'x') + "\u6E2C\u5B9A\u00FC"),
            "\u2026" + std::string(23, 'x') + "\u6E2C\u5B9A\u00FC");
}

TEST(ChangeChart, RepeatedLabelsAreNumbered) {
  const std::string prefix(30, 'p');
  const auto chart = render::mermaid_change_chart(
      {{prefix + ".time_the_same_end", 2.0}, {"other" + prefix + ".time_the_same_end", 2.0}});
  const auto label = "\u2026" + prefix.substr(0, 11) + ".time_the_same_end (2.00\u00D7 larger)";
  EXPECT_NE(chart.find("[\"" + label + "\", \"" + label + " (2)\"]"), std::string::npos) << chart;
}

}  // namespace
}  // namespace spyglass::test
