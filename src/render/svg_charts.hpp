#pragma once

#include <optional>
#include <string>
#include <vector>

#include "spyglass/render/change_chart.hpp"

namespace spyglass::render {

// An inline SVG (no namespace URL: HTML parses it) of `bars` in the order given, one horizontal bar
// each from 1.0 to its ratio on a log2 scale symmetric around 1.0, red for a regression, green for
// an improvement, grey otherwise; the name (shortened, full in a tooltip) on the left. Every
// text is HTML-escaped.
std::string ratio_chart_svg(const std::vector<ChartBar>& bars);

// An inline SVG strip plot with box (quartiles and median) of the `before` and `after` samples of
// one benchmark on a shared linear axis, its ends labelled in `unit` (asv's human formatting);
// samples that are not finite are left out.
std::string sample_plot_svg(const std::vector<double>& before, const std::vector<double>& after,
                            const std::optional<std::string>& unit);

}  // namespace spyglass::render
