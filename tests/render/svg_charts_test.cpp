// The report's SVG charts: bars on a log scale around 1.0, and sample strip/box plots, checked at
// positions worked out by hand.
#include "spyglass/render/svg_charts.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "support/html_inspect.hpp"

namespace spyglass::test {
namespace {

TEST(SvgCharts, RatioBarsGrowBothWaysFromOneOnALogScale) {
  // The scale ends at ×2 either way: 1.0 at x = 320 + 280, ×2 at 880, ×1/2 at 320.
  const auto svg = render::ratio_chart_svg(
      {{"slow<er>", 2.0, model::Change::k_regressed}, {"fast", 0.5, model::Change::k_improved}});
  EXPECT_NE(svg.find("<rect class=\"bar-regressed\" x=\"600.0\" y=\"3\" width=\"280.0\" "
                     "height=\"14\"/>"),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<rect class=\"bar-improved\" x=\"320.0\" y=\"23\" width=\"280.0\" "
                     "height=\"14\"/>"),
            std::string::npos);
  EXPECT_NE(svg.find(">\u00D71/2</text>"), std::string::npos);
  EXPECT_NE(svg.find(">\u00D71</text>"), std::string::npos);
  EXPECT_NE(svg.find(">\u00D72</text>"), std::string::npos);
  EXPECT_NE(svg.find("<title>slow&lt;er&gt; 2\u00D7</title>"), std::string::npos);
  EXPECT_EQ(svg.find("<er>"), std::string::npos);
}

TEST(SvgCharts, LongNamesKeepTheirEnd) {
  const std::string name = "suite.module.Class." + std::string(40, 'x') + "_end";
  const auto svg = render::ratio_chart_svg({{name, 1.5, model::Change::k_none}});
  EXPECT_NE(svg.find(">\u2026" + std::string(40, 'x') + "_end</text>"), std::string::npos);
}

TEST(SvgCharts, SamplePlotShowsFiniteSamplesAndQuartiles) {
  // Samples 1, 2, 3 (and a NaN, left out) before, 2 and 4 after: the axis runs from 0.85 to 4.15
  // (5% padding), x = 80 + (v - 0.85) / 3.3 * 520. Before: quartiles 1.5 and 2.5 (x 182.4 and
  // 340.0), median 2 (x 261.2); after: quartiles 2.5 and 3.5, median 3.
  const auto svg = render::sample_plot_svg({3.0, 1.0, NAN, 2.0}, {4.0, 2.0}, "seconds");
  EXPECT_NE(svg.find(">before (3)</text>"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">after (2)</text>"), std::string::npos);
  EXPECT_NE(svg.find("<rect class=\"box-before\" x=\"182.4\" y=\"14\" width=\"157.6\" "
                     "height=\"16\"/><line class=\"median\" x1=\"261.2\" y1=\"14\" x2=\"261.2\" "
                     "y2=\"30\"/>"),
            std::string::npos);
  EXPECT_NE(svg.find("<rect class=\"box-after\" x=\"340.0\" y=\"48\" width=\"157.6\""),
            std::string::npos);
  EXPECT_EQ(occurrences(svg, "<circle class=\"dot-before\""), 3u);
  EXPECT_EQ(occurrences(svg, "<circle class=\"dot-after\""), 2u);
  EXPECT_NE(svg.find("<circle class=\"dot-before\" cx=\"103.6\" cy=\"22\" r=\"2.5\"/>"),
            std::string::npos);
  EXPECT_NE(svg.find("x=\"103.6\" y=\"88\">1.00s</text>"), std::string::npos);
  EXPECT_NE(svg.find("x=\"576.4\" y=\"88\">4.00s</text>"), std::string::npos);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
}

}  // namespace
}  // namespace spyglass::test
