#pragma once

// Invariants the fuzz targets check on what they parse, compare and render: each one holds for
// every input the product accepts, so a failure is a bug. A broken invariant prints what broke
// and traps, which libFuzzer reports as a crash with the input kept.

#include <string_view>
#include <vector>

#include "spyglass/model/comparison.hpp"
#include "spyglass/render/asv_table.hpp"

namespace spyglass::fuzz {

// --- Interface ---

// Print `what` (and `context`, the output it was found in) to stderr and trap unless `holds`.
void require(bool holds, std::string_view what, std::string_view context = {});

// Every row's name starts with its key (`key` or `key(params...)`).
void check_names_start_with_keys(const model::Comparison& comparison);

// Every contender of `multi` has the rows of `reference` (their names, in order): compare-many
// compares on the sorted union of the names in all files, as compare does on two.
void check_contenders_have_rows(const model::MultiComparison& multi,
                                const model::Comparison& reference);

// The marks agree with the values (spec 3.4, 3.5): the ratio is after/before; a failure mark
// has the failed side; with both sides positive and finite, `+` has a ratio of at least the
// factor, `-` at most its inverse, and an unmarked row without `~` lies within the factor.
void check_marks_agree_with_values(const model::Comparison& comparison);

// `comparison`, a file compared with itself at the default factor, changed nothing: no row has a
// mark or `~` but `x` for an infinite side (negative times, which asv ranks as it ranks any number,
// are left out).
void check_nothing_changed(const model::Comparison& comparison);

// render_compare_json's output is JSON whose benchmarks are the rows select_rows keeps, in order,
// each with its row's mark, and whose counts are those of its benchmarks' changes.
void check_compare_json(const model::Comparison& comparison, const render::RowFilter& filter,
                        render::SortOrder sort);

// render_compare_many_json's output is JSON with one benchmark per row, one cell per contender,
// each with its row's mark.
void check_compare_many_json(const model::MultiComparison& comparison,
                             const std::vector<std::string>& labels);

// `text`, printed by render_compare_text with `options`, reads back (when it does) into a
// comparison that prints as `text` again with those options but the labels, which the text
// holds as environments (with labels, the text read back once is printed the same).
void check_compare_text_round_trip(std::string_view text,
                                   const render::CompareTableOptions& options);

// The same for render_compare_many_text: its labels read back as the environments.
void check_compare_many_text_round_trip(std::string_view text);

// The number of `|` in `line` that separate GFM table cells: those not escaped by a backslash.
std::size_t count_cell_separators(std::string_view line);

// Every line of every GFM table in `markdown` (a run of lines starting with `|` outside fenced
// code blocks) has as many cell separators as the table's header.
void check_table_columns(std::string_view markdown);

}  // namespace spyglass::fuzz
