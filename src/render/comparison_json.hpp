#pragma once

#include <string>
#include <vector>

#include "spyglass/model/comparison.hpp"
#include "spyglass/render/asv_table.hpp"

namespace spyglass::render {

// The `schema_version` of both documents: raised when a member is renamed, removed or changes
// meaning (added members keep it). Documented in docs/json-output.md.
inline constexpr int k_json_schema_version = 2;

// `spyglass compare --format json`: the rows `filter` and `sort` keep, each with its name, params,
// both sides (value, status, err, display text), unit, ratio, mark, verdict (`change`, in the
// comment's words), section and the evidence behind it, plus the rows per verdict.
std::string render_compare_json(const model::Comparison& comparison, const RowFilter& filter,
                                SortOrder sort);

// `spyglass compare-many --format json`: one entry per benchmark with the baseline and one cell
// per contender. `labels` as for render_compare_many_text.
std::string render_compare_many_json(const model::MultiComparison& comparison,
                                     const std::vector<std::string>& labels);

}  // namespace spyglass::render
