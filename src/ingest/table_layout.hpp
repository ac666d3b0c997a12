#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spyglass/ingest/comparison_table.hpp"
#include "spyglass/model/comparison.hpp"

// The layout of a printed comparison table: its lines, the cells of a pipe-table line, and what
// a header line says. The table parser (comparison_table.cpp) reads rows with these; single cells
// are read by table_cells.hpp.
namespace spyglass::ingest {

// One line of the input, without its line end; `number` counts from 1.
struct Line {
  std::string_view text;
  std::size_t number = 0;
};

// The lines of `text` without their `\n` / `\r\n` ends (and without a leading BOM).
std::vector<Line> split_lines(std::string_view text);

// A section title asv or asv-spyglass prints above a table (asv-perch invents more of them).
bool is_title(std::string_view text);

// The whitespace-separated words of `text`, as views into it.
std::vector<std::string_view> split_words(std::string_view text);

// The `before after ratio` header of the space-aligned tables older asv versions print.
bool is_legacy_header(std::string_view text);

// The cells of a pipe-table line (trimmed, starting with `|`), untrimmed, into `cells` (a buffer
// reused across rows).
void split_pipe_cells(std::string_view line, std::vector<std::string_view>& cells);

// A separator cell: dashes with optional alignment colons (`---`, `:---`, `---:`).
bool is_separator_cell(std::string_view cell);

// What a table's header says. Every table of one input must have the same signature.
struct Header {
  TableKind kind = TableKind::k_compare;
  TableFormat format = TableFormat::k_spyglass_compare;
  std::size_t line = 0;
  std::vector<std::string> signature;
  std::vector<std::string> columns;    // column names, for messages
  std::vector<model::Source> sources;  // before (baseline), then after (each contender)
};

// The header of a `compare` table (`Change | Before | After | Ratio | Benchmark (Parameter)`,
// with asv's `Before [hash] <name>` headings), from its trimmed cells; nullopt for any other.
std::optional<Header> compare_header(const std::vector<std::string_view>& cells);

// The header of a `compare-many` table (`Benchmark | Baseline (label) | label (Ratio) ...`).
std::optional<Header> compare_many_header(const std::vector<std::string_view>& cells);

}  // namespace spyglass::ingest
