#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "spyglass/history/history.hpp"

namespace spyglass::render {

// The most characters a history sparkline has.
constexpr std::size_t k_sparkline_width = 24;

// `values` (NaN: missing, skipped) as a line of ▁▂▃▄▅▆▇█ from their lowest to their highest; more
// than `width` values are cut into `width` runs of consecutive values, each drawn as its mean.
// Empty for no values; all equal values draw ▁.
std::string sparkline(std::span<const double> values, std::size_t width = k_sparkline_width);

// `history --format markdown` (docs/history.md): asv's regressions worst first (benchmark, machine
// and env, commit range, before → after, factor, the series' sparkline), then the improvements
// folded in <details>. Names from the result files are escaped.
std::string render_history_markdown(const std::vector<history::SeriesHistory>& histories,
                                    double threshold);

}  // namespace spyglass::render
