#include "spyglass/render/asv_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "spyglass/render/human_format.hpp"
#include "spyglass/render/tabulate_github.hpp"
#include "spyglass/util/diagnostics.hpp"
#include "spyglass/util/parallel.hpp"

namespace spyglass::render {
namespace {

using model::ComparisonRow;
using model::Section;

// A unit applies to a cell only when some file that the cell reads has the benchmark: that is
// how asv-spyglass looks units up (per file), and why an absent name prints `nan`, not `n/a`.
std::optional<std::string> unit_if(bool present, const ComparisonRow& row) {
  return present ? row.unit : std::nullopt;
}

// A cell's text: as a parsed table printed it, else formatted the way asv-spyglass does.
std::string value_text(const model::Measurement& side, const std::optional<std::string>& unit) {
  return side.text ? *side.text : human_value_fallback(side.value, unit, side.err);
}

bool ratio_is_na(double ratio) { return !std::isfinite(ratio); }

// The ratio column's text: `n/a`, `~1.23`, or `fixed` formatted by `format_plain`.
template <typename Format>
std::string ratio_text(const ComparisonRow& row, Format format_plain) {
  if (ratio_is_na(row.ratio)) {
    return "n/a";
  }
  if (row.insignificant) {
    return fmt::format("~{:.2f}", row.ratio);
  }
  return format_plain(row.ratio);
}

// The section title asv prints above each table.
const char* section_title(Section section) {
  switch (section) {
    case Section::k_improved:
      return "Benchmarks that have improved:";
    case Section::k_unchanged:
      return "Benchmarks that have stayed the same:";
    case Section::k_regressed:
      return "Benchmarks that have got worse:";
    case Section::k_incomparable:
      return "Benchmarks that are not comparable:";
  }
  return "";
}

// The order asv prints the split sections in.
constexpr std::array<Section, 4> k_split_order = {Section::k_improved, Section::k_unchanged,
                                                  Section::k_regressed, Section::k_incomparable};

bool keep_row(const ComparisonRow& row, const RowFilter& filter) {
  const char mark = model::change_mark(row.table_change());
  const Section section = model::section_of(row.table_change());
  // asv hides a fixed failure (`*`) under --only-changed too, as asv-spyglass's blank mark did.
  if (filter.only_changed && (mark == ' ' || mark == 'x' || mark == '*')) {
    return false;
  }
  if (filter.only_improved && section != Section::k_improved) {
    return false;
  }
  if (filter.only_regressed && section != Section::k_regressed) {
    return false;
  }
  return true;
}

// asv-spyglass sorts n/a ratios as 1e9 so they come first in descending order.
double ratio_sort_key(double ratio) { return ratio_is_na(ratio) ? 1e9 : ratio; }

// A cell of text from the inputs (a name, a machine or a label). A control character would split
// the row or rewrite the line on a terminal, so it is shown as an escape (`\n`): asv-spyglass
// prints it raw, but no real benchmark has one, and the table must read back.
std::string text_cell(std::string_view text) { return util::escape_control_characters(text); }

std::string name_cell(const ComparisonRow& row, const model::Comparison& comparison,
                      const CompareTableOptions& options) {
  const auto before = comparison.before.machine_env();
  const auto after = comparison.after.machine_env();
  if (options.no_env_label || before == after) {
    return text_cell(row.name);
  }
  return text_cell(fmt::format("{} [{} -> {}]", row.name, options.label_before.value_or(before),
                               options.label_after.value_or(after)));
}

const std::vector<std::string> k_compare_headers = {"Change", "Before", "After", "Ratio",
                                                    "Benchmark (Parameter)"};

}  // namespace

CompareCells compare_cells(const ComparisonRow& row) {
  const auto unit = unit_if(row.before.present || row.after.present, row);
  return CompareCells{
      std::string(1, model::change_mark(row.table_change())),
      value_text(row.before, unit),
      value_text(row.after, unit),
      // `details.split()` strips the `%6.2f` padding.
      ratio_text(row, [](double ratio) { return fmt::format("{:.2f}", ratio); }),
  };
}

std::string baseline_value_text(const ComparisonRow& row) {
  return value_text(row.before, unit_if(row.before.present, row));
}

std::string contender_value_text(const ComparisonRow& row) {
  return value_text(row.after, unit_if(row.after.present || row.before.present, row));
}

std::vector<const ComparisonRow*> select_rows(const model::Comparison& comparison,
                                              const RowFilter& filter, SortOrder sort) {
  std::vector<const ComparisonRow*> rows;
  rows.reserve(comparison.rows.size());
  for (const auto& row : comparison.rows) {
    if (keep_row(row, filter)) {
      rows.push_back(&row);
    }
  }
  // Rows arrive sorted by name, so a stable sort breaks ratio ties by name; k_name and
  // k_default are that order already.
  if (sort == SortOrder::k_ratio) {
    std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
      return ratio_sort_key(a->ratio) > ratio_sort_key(b->ratio);
    });
  }
  return rows;
}

std::string render_compare_text(const model::Comparison& comparison,
                                const CompareTableOptions& options) {
  const auto rows = select_rows(comparison, options.filter, options.sort);
  // Formatting the numbers is most of a large table's cost, and rows format independently.
  std::vector<std::vector<std::string>> row_cells(rows.size());
  util::parallel_for(rows.size(), util::k_rows_per_thread, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      auto cells = compare_cells(*rows[i]);
      row_cells[i] = {std::move(cells.mark), std::move(cells.before), std::move(cells.after),
                      std::move(cells.ratio), name_cell(*rows[i], comparison, options)};
    }
  });
  std::vector<std::pair<const char*, std::vector<std::vector<std::string>>>> tables;
  if (options.split) {
    for (auto section : k_split_order) {
      std::vector<std::vector<std::string>> table;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        if (model::section_of(rows[i]->table_change()) == section) {
          table.push_back(std::move(row_cells[i]));
        }
      }
      if (!table.empty()) {
        tables.emplace_back(section_title(section), std::move(table));
      }
    }
  } else if (!rows.empty()) {
    tables.emplace_back("All benchmarks:", std::move(row_cells));
  }

  if (tables.empty()) {
    return "\n";
  }
  std::string out;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (options.filter.only_changed) {
      out += i == 0 ? "" : "\n\n";
    } else {
      out += fmt::format("{}\n{}\n\n", i == 0 ? "" : "\n", tables[i].first);
    }
    out += tabulate_github(k_compare_headers, tables[i].second);
  }
  out += "\n";
  return out;
}

std::string render_compare_many_text(const model::MultiComparison& comparison,
                                     const std::vector<std::string>& labels) {
  std::vector<std::string> headers = {"Benchmark"};
  headers.push_back(text_cell(fmt::format(
      "Baseline ({})", labels.empty() ? comparison.baseline.machine_env() : labels[0])));
  for (std::size_t i = 0; i < comparison.contenders.size(); ++i) {
    const auto& name =
        labels.empty() ? comparison.contenders[i].after.machine_env() : labels[i + 1];
    headers.push_back(text_cell(fmt::format("{} (Ratio)", name)));
  }

  const std::size_t row_count =
      comparison.contenders.empty() ? 0 : comparison.contenders.front().rows.size();
  std::vector<std::vector<std::string>> table;
  table.reserve(row_count);
  for (std::size_t r = 0; r < row_count; ++r) {
    const auto& first = comparison.contenders.front().rows[r];
    std::vector<std::string> cells;
    cells.reserve(headers.size());
    cells.push_back(text_cell(first.name));
    cells.push_back(baseline_value_text(first));
    for (const auto& contender : comparison.contenders) {
      const auto& row = contender.rows[r];
      // compare-many keeps the `%6.2f` padding: `(-  0.36)`.
      cells.push_back(fmt::format("{} ({}{})", contender_value_text(row),
                                  model::change_mark(row.table_change()),
                                  ratio_text(row, format_ratio_6_2f)));
    }
    table.push_back(std::move(cells));
  }
  if (table.empty()) {
    return "\n";
  }
  return tabulate_github(headers, table) + "\n";
}

}  // namespace spyglass::render
