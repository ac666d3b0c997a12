#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "spyglass/model/comparison.hpp"
#include "spyglass/render/change_text.hpp"

namespace spyglass::render {

// How many changes the comment's chart shows at most: enough to see the shape, few enough to read.
inline constexpr std::size_t k_chart_bars = 8;

// One change a chart may show.
struct ChartBar {
  std::string name;  // the benchmark, with the contender's label in a compare-many
  double ratio;      // after/before, finite and positive
  model::Change change = model::Change::k_none;
  ChangeWords words = {};  // how its change reads ("slower"/"faster" for a timing)
};

// Which rows of a comparison become bars.
enum class ChartRows {
  k_significant,  // regressions and improvements, not those on the ignore list: the comment's chart
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

// A Mermaid `xychart-beta` horizontal bar chart of `bars` in a ```mermaid block, labelled with the
// name and its change_text. Bars are log2 of the factor by which the benchmark changed (ratio or
// 1/ratio; the axis starts at 0 = unchanged, as Mermaid draws bars from the axis minimum), at least
// 1/40 of the axis so that a 1.05x change shows beside a 1e9x one. What grew (slower, larger) comes
// first, in the first bar series, then what shrank in the second, which Mermaid colours apart;
// each part in the order given. Empty when `bars` is.
std::string mermaid_change_chart(const std::vector<ChartBar>& bars);

}  // namespace spyglass::render
