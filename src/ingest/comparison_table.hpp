#pragma once

#include <string>
#include <string_view>

#include "spyglass/model/comparison.hpp"

namespace spyglass::ingest {

// --- Interface ---

// Which printed table a ParsedTable holds.
enum class TableKind { k_compare, k_compare_many };

// The tool whose output a table is.
enum class TableFormat {
  k_spyglass_compare,       // asv-spyglass / spyglass `compare` (also asv-perch's fixtures)
  k_spyglass_compare_many,  // asv-spyglass / spyglass `compare-many`
  k_asv_compare,            // `asv compare` >= 0.6: a pipe table with `Before [hash]` headers
  k_asv_compare_legacy,     // older `asv compare`: space-aligned `before after ratio` columns
};

// A human name for `format`, e.g. "asv-spyglass compare".
const char* table_format_name(TableFormat format);

// A comparison read back from a printed table. `comparison` is filled for k_compare and
// `multi` for k_compare_many; the other stays empty.
struct ParsedTable {
  TableKind kind = TableKind::k_compare;
  TableFormat format = TableFormat::k_spyglass_compare;
  model::Comparison comparison;
  model::MultiComparison multi;
};

// Read the comparison table(s) in `text`: asv-spyglass/spyglass `compare` (plain or `--split`,
// titles before each table or all first) and `compare-many` output, `asv compare` output (pipe or
// legacy space-aligned), hand-edited or tabulate-0.11 (`|:--|--:|`) variants; prose, blank lines
// and ``` fences around them are skipped. Several tables (split output) merge into one model, in
// the order printed (rows are not re-sorted). Every cell keeps its text in Measurement::text.
// Labels: a `[a -> b]` name suffix (the same on every row) becomes the before/after Source, split
// at the first `/` into machine and env (a label without `/` is all machine); a `[machine/env]`
// suffix shared by every row is stripped (compare: it is both Sources' machine/env); differing
// one-sided suffixes (asv compare with several envs) stay in the names. asv's `[hash]` headers
// give Source::commit_hash; revision names (`<v0.1>`) and the factor are not in the table and are
// not kept. A `|` inside a name cannot be told from a separator: extra cells are joined back into
// the name column (the last column of compare, the first of compare-many). A name is opaque: one
// whose parameters are not well-formed is all key (split_benchmark_name). Text of only blank
// lines (compare's output when no row is left, e.g. `--only-changed` with nothing changed) is an
// empty compare comparison; an empty (0-byte) text is not: a step that failed leaves one. Throws
// Error(k_bad_input) "`display_name`:LINE: what is wrong" for a missing table, an unknown header,
// a missing separator row, too few cells, an unreadable mark, value or ratio, conflicting units
// or labels, or a repeated benchmark.
ParsedTable parse_comparison_table(std::string_view text, const std::string& display_name);

}  // namespace spyglass::ingest
