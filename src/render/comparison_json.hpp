#pragma once

#include <string>
#include <vector>

#include "spyglass/model/comparison.hpp"
#include "spyglass/render/asv_table.hpp"

namespace spyglass::render {

// `spyglass compare --format json`: the rows `filter` and `sort` keep, each with its name, params,
// both sides (value, status, err, display text), unit, ratio, mark, change, section and the
// evidence behind it, plus counts per change. Documented in docs/json-format.md.
std::string render_compare_json(const model::Comparison& comparison, const RowFilter& filter,
                                SortOrder sort);

// `spyglass compare-many --format json`: one entry per benchmark with the baseline and one cell
// per contender. `labels` as for render_compare_many_text.
std::string render_compare_many_json(const model::MultiComparison& comparison,
                                     const std::vector<std::string>& labels);

}  // namespace spyglass::render
