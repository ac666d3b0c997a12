#pragma once

#include <optional>
#include <string>

#include "spyglass/model/comparison.hpp"

namespace spyglass::render {

enum class SortOrder { k_default, k_ratio, k_name };

// Which rows a compare table keeps (asv-spyglass's --only-* flags; they combine).
struct RowFilter {
  bool only_changed = false;    // drop ' ', '*' and 'x' rows (and the section titles)
  bool only_improved = false;   // keep the improved section only
  bool only_regressed = false;  // keep the regressed section only
};

// How `spyglass compare` lays out its output.
struct CompareTableOptions {
  bool split = false;  // one table per section, each after its title
  RowFilter filter;
  SortOrder sort = SortOrder::k_default;
  std::optional<std::string> label_before;  // replaces the before machine/env in the suffix
  std::optional<std::string> label_after;
  bool no_env_label = false;
};

// The rows of `comparison` that `options` keep, in output order: sorted (stable; ratio order
// is numeric descending with n/a first and ties by name), then filtered.
std::vector<const model::ComparisonRow*> select_rows(const model::Comparison& comparison,
                                                     const RowFilter& filter, SortOrder sort);

// The whole stdout of `spyglass compare`: asv-spyglass v0.3.1's text byte for byte, except that
// with --split each section title stands directly before its own table (spec 3.1, section 0).
std::string render_compare_text(const model::Comparison& comparison,
                                const CompareTableOptions& options);

// The whole stdout of `spyglass compare-many` (spec 3.8). `labels` is empty or has one label per
// file, baseline first; the caller checks the count.
std::string render_compare_many_text(const model::MultiComparison& comparison,
                                     const std::vector<std::string>& labels);

// The Change/Before/After/Ratio cells of one compare row, as asv-spyglass prints them.
struct CompareCells {
  std::string mark;
  std::string before;
  std::string after;
  std::string ratio;
};
CompareCells compare_cells(const model::ComparisonRow& row);

// compare-many's baseline cell: only the baseline's own unit applies, so a benchmark the baseline
// lacks prints `nan`.
std::string baseline_value_text(const model::ComparisonRow& row);

// compare-many's contender value, before its `(mark ratio)` part.
std::string contender_value_text(const model::ComparisonRow& row);

}  // namespace spyglass::render
