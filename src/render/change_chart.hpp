#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "spyglass/model/comparison.hpp"

namespace spyglass::render {

// How many changes the comment's chart shows at most: enough to see the shape, few enough to read.
inline constexpr std::size_t k_chart_bars = 8;

// One change a chart may show.
struct ChartBar {
  std::string name;  // the benchmark, with the contender's label in a compare-many
  double ratio;      // after/before, finite and positive
  model::Change change = model::Change::k_none;
  bool timed = false;  // a timing (unit seconds, or no unit and asv's `time` prefix): "slower"
};

// Which rows of a comparison become bars.
enum class ChartRows {
  k_significant,  // regressions and improvements: the comment's chart
  k_all,          // every row with a ratio: the HTML report's charts
};

// The rows of `comparison` with a finite positive ratio, of the kind `rows` says, each name
// followed by `suffix`; failures and missing rows have no ratio and so no bar.
std::vector<ChartBar> chart_bars(const model::Comparison& comparison, ChartRows rows,
                                 std::string_view suffix = "");

// The `limit` largest of `changes` by |log ratio|, largest first (ties by name), so a halving
// weighs as much as a doubling.
std::vector<ChartBar> largest_changes(std::vector<ChartBar> changes,
                                      std::size_t limit = k_chart_bars);

// `name` as a quoted Mermaid label: about 30 letters wide at most (capitals count 1.5, W, M and
// non-ASCII 2; longer names keep their end, which tells benchmarks apart, after "…"), with no
// `"` (Mermaid strings have no escape: it becomes `'`), and none of the characters Mermaid or the
// HTML it renders into would read as markup or entities (`` ` `` `<` `>` `&` `#` `%` `\`, and
// control characters, become `_` or a space).
std::string mermaid_label(std::string_view name);

// A Mermaid `xychart-beta` horizontal bar chart of `bars` in a ```mermaid block, each bar as long
// as the factor by which its benchmark got slower or faster (ratio or 1/ratio; the axis starts at
// 1 = unchanged, as Mermaid draws bars from the axis minimum), labelled with the name, the factor
// and "slower"/"faster" for a timing, else "larger"/"smaller".
// Empty when `bars` is.
std::string mermaid_change_chart(const std::vector<ChartBar>& bars);

}  // namespace spyglass::render
