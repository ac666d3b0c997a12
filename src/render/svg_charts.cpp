#include "spyglass/render/svg_charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>

#include "spyglass/render/human_format.hpp"
#include "spyglass/render/markdown.hpp"

namespace spyglass::render {
namespace {

constexpr double k_name_width = 320.0;    // the ratio chart's label column
constexpr double k_half_plot = 280.0;     // from 1.0 to the scale's end, either way
constexpr double k_bar_row = 20.0;        // height of one bar's row
constexpr double k_axis_height = 24.0;    // the tick labels under the bars
constexpr std::size_t k_name_chars = 44;  // longer names are shortened in the label column

const char* bar_class(model::Change change) {
  switch (change) {
    case model::Change::k_regressed:
      return "bar-regressed";
    case model::Change::k_improved:
      return "bar-improved";
    default:
      return "bar-other";
  }
}

// `name`'s last `k_name_chars` code points after "…" when it is longer: the end tells benchmarks
// of one suite apart (UTF-8 sequences kept whole).
std::string short_name(const std::string& name) {
  std::size_t points = 0;
  for (std::size_t i = name.size(); i > 0; --i) {
    if ((static_cast<unsigned char>(name[i - 1]) & 0xC0) != 0x80 && ++points > k_name_chars) {
      return "\u2026" + name.substr(i);
    }
  }
  return name;
}

// The tick label of 2^`power`: ×4, ×1, ×1/4.
std::string power_label(int power) {
  return power >= 0 ? fmt::format("\u00D7{}", 1LL << power)
                    : fmt::format("\u00D71/{}", 1LL << -power);
}

// The `fraction` quantile of sorted `values`, interpolated linearly (numpy's default).
double quantile(const std::vector<double>& values, double fraction) {
  const double position = fraction * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const auto above = std::min(below + 1, values.size() - 1);
  return values[below] + (values[above] - values[below]) * (position - std::floor(position));
}

}  // namespace

std::string ratio_chart_svg(const std::vector<ChartBar>& bars) {
  double largest = 2.0;
  for (const auto& bar : bars) {
    largest = std::max({largest, bar.ratio, 1.0 / bar.ratio});
  }
  // The scale ends at a power of two (at most 2^62, so the tick labels stay integers).
  const int end_power = std::min(62, static_cast<int>(std::ceil(std::log2(largest) - 1e-9)));
  const double centre = k_name_width + k_half_plot;
  auto x_of = [&](double ratio) {
    const double power = std::clamp(std::log2(ratio), -double(end_power), double(end_power));
    return centre + power / end_power * k_half_plot;
  };
  const double plot_height = k_bar_row * static_cast<double>(bars.size());
  std::string svg = fmt::format(
      "<svg class=\"ratio-chart\" role=\"img\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\"><title>Ratio after/before, log scale</title>\n",
      k_name_width + 2 * k_half_plot + 20, plot_height + k_axis_height);
  const int step = std::max(1, (end_power + 3) / 4);
  for (int power = -end_power; power <= end_power; power += step) {
    const double x = x_of(std::exp2(power));
    svg += fmt::format(
        "<line class=\"tick\" x1=\"{0:.1f}\" y1=\"0\" x2=\"{0:.1f}\" y2=\"{1:.0f}\"/>"
        "<text class=\"tick-label\" x=\"{0:.1f}\" y=\"{2:.0f}\">{3}</text>\n",
        x, plot_height, plot_height + 16, power_label(power));
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& bar = bars[i];
    const double y = k_bar_row * static_cast<double>(i);
    const double x = x_of(bar.ratio);
    svg += fmt::format(
        "<g class=\"bar\"><title>{0} {1:.4g}\u00D7</title>"
        "<text class=\"bar-name\" x=\"{2:.0f}\" y=\"{3:.0f}\">{4}</text>"
        "<rect class=\"{5}\" x=\"{6:.1f}\" y=\"{7:.0f}\" width=\"{8:.1f}\" height=\"{9:.0f}\"/>"
        "</g>\n",
        escape_html(bar.name), bar.ratio, k_name_width - 8, y + 14,
        escape_html(short_name(bar.name)), bar_class(bar.change), std::min(x, centre), y + 3,
        std::max(std::fabs(x - centre), 1.0), k_bar_row - 6);
  }
  svg += fmt::format("<line class=\"one\" x1=\"{0:.0f}\" y1=\"0\" x2=\"{0:.0f}\" y2=\"{1:.0f}\"/>",
                     centre, plot_height);
  return svg + "</svg>";
}

std::string sample_plot_svg(const std::vector<double>& before, const std::vector<double>& after,
                            const std::optional<std::string>& unit) {
  constexpr double k_left = 80.0;
  constexpr double k_width = 520.0;
  // Only finite samples can be placed (asv stores a failed repeat as NaN).
  auto finite = [](const std::vector<double>& values) {
    std::vector<double> kept;
    std::copy_if(values.begin(), values.end(), std::back_inserter(kept),
                 [](double value) { return std::isfinite(value); });
    std::sort(kept.begin(), kept.end());
    return kept;
  };
  const std::array<std::vector<double>, 2> sides = {finite(before), finite(after)};
  std::vector<double> all = sides[0];
  all.insert(all.end(), sides[1].begin(), sides[1].end());
  const auto [low_it, high_it] = std::minmax_element(all.begin(), all.end());
  double low = all.empty() ? 0.0 : *low_it;
  double high = all.empty() ? 1.0 : *high_it;
  const double pad = high > low ? (high - low) * 0.05 : std::max(std::fabs(low) * 0.05, 1e-12);
  low -= pad;
  high += pad;
  auto x_of = [&](double value) { return k_left + (value - low) / (high - low) * k_width; };
  auto value_text = [&](double value) {
    return escape_html(human_value_fallback(model::Number{value, false}, unit));
  };
  std::string svg = fmt::format(
      "<svg class=\"samples\" role=\"img\" width=\"{0:.0f}\" height=\"92\" "
      "viewBox=\"0 0 {0:.0f} 92\">\n",
      k_left + k_width + 20);
  const char* names[] = {"before", "after"};
  for (std::size_t side = 0; side < 2; ++side) {
    const auto& values = sides[side];
    const double y = 22.0 + 34.0 * static_cast<double>(side);
    svg += fmt::format("<text class=\"lane\" x=\"{:.0f}\" y=\"{:.0f}\">{} ({})</text>", k_left - 8,
                       y + 4, names[side], values.size());
    if (values.empty()) {
      continue;
    }
    const double q1 = x_of(quantile(values, 0.25));
    const double q3 = x_of(quantile(values, 0.75));
    svg += fmt::format(
        "<rect class=\"box-{0}\" x=\"{1:.1f}\" y=\"{2:.0f}\" width=\"{3:.1f}\" height=\"16\"/>"
        "<line class=\"median\" x1=\"{4:.1f}\" y1=\"{2:.0f}\" x2=\"{4:.1f}\" y2=\"{5:.0f}\"/>",
        names[side], q1, y - 8, std::max(q3 - q1, 1.0), x_of(quantile(values, 0.5)), y + 8);
    for (const double value : values) {
      svg += fmt::format("<circle class=\"dot-{}\" cx=\"{:.1f}\" cy=\"{:.0f}\" r=\"2.5\"/>",
                         names[side], x_of(value), y);
    }
    svg += "\n";
  }
  svg += fmt::format(
      "<text class=\"tick-label\" x=\"{:.1f}\" y=\"88\">{}</text>"
      "<text class=\"tick-label\" x=\"{:.1f}\" y=\"88\">{}</text>\n",
      x_of(low + pad), value_text(low + pad), x_of(high - pad), value_text(high - pad));
  return svg + "</svg>";
}

}  // namespace spyglass::render
