#include "spyglass/ingest/comparison_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <deque>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "spyglass/ingest/table_cells.hpp"
#include "spyglass/ingest/table_layout.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/utf8.hpp"

namespace spyglass::ingest {
namespace {

using model::Change;
using model::ComparisonRow;

constexpr std::string_view k_improved_title = "Benchmarks that have improved:";

// A row's name as printed (after the label step) and without any `[...]` label, for key/params.
struct RowName {
  std::string_view name;
  std::string_view base;
};

// One data row, before the steps that need every row (labels, names, duplicates).
struct PendingRow {
  std::size_t line = 0;
  std::string_view name_cell;        // into the text being parsed
  std::vector<ComparisonRow> sides;  // one per contender; one for compare
};

class TableReader {
 public:
  TableReader(std::string_view text, const std::string& display_name)
      : m_display_name(display_name),
        m_lines(split_lines(text)),
        m_blank(!text.empty() && text.find_first_not_of(" \t\r\n") == std::string_view::npos) {}

  ParsedTable read() {
    std::deque<bool> pending_titles;  // true for "improved"; asv-spyglass may print all first
    std::size_t i = 0;
    while (i < m_lines.size()) {
      const auto text = trim(m_lines[i].text);
      const bool table = text.starts_with('|') || is_legacy_header(text);
      if (table) {
        const bool improved = !pending_titles.empty() && pending_titles.front();
        if (!pending_titles.empty()) {
          pending_titles.pop_front();
        }
        i = text.starts_with('|') ? read_pipe_table(i, improved) : read_legacy_table(i, improved);
      } else {
        if (is_title(text)) {
          pending_titles.push_back(text == k_improved_title);
        }
        ++i;
      }
    }
    if (!m_header && m_blank) {
      return {};  // compare's output when no row is left to print (`--only-changed`)
    }
    if (!m_header) {
      throw Error(ExitCode::k_bad_input,
                  m_display_name +
                      ": no comparison table found (expected the output of asv-spyglass compare "
                      "or compare-many, or asv compare)");
    }
    return finish();
  }

 private:
  [[noreturn]] void fail(std::size_t line, const std::string& what) const {
    throw Error(ExitCode::k_bad_input, fmt::format("{}:{}: {}", m_display_name, line, what));
  }

  // `line`, once checked to be UTF-8: a table line's text ends up in the model and its JSON.
  const Line& table_line(std::size_t index) const {
    const auto& line = m_lines[index];
    if (!util::is_valid_utf8(line.text)) {
      fail(line.number, "not valid UTF-8");
    }
    return line;
  }

  // Parse the pipe table whose header is line `i`; return the index of the line after it.
  std::size_t read_pipe_table(std::size_t i, bool improved) {
    const auto& header_line = table_line(i);
    split_pipe_cells(trim(header_line.text), m_raw_cells);
    std::vector<std::string_view> cells;
    for (const auto cell : m_raw_cells) {
      cells.push_back(trim(cell));
    }
    auto header = compare_header(cells);
    if (!header) {
      header = compare_many_header(cells);
    }
    if (!header) {
      fail(header_line.number,
           fmt::format("unknown table header `{}` (expected `Change | Before | After | Ratio | "
                       "Benchmark (Parameter)` or `Benchmark | Baseline (...) | ... (Ratio)`)",
                       trim(header_line.text)));
    }
    header->line = header_line.number;
    header->signature.assign(cells.begin(), cells.end());
    header->columns = header->signature;
    accept_header(std::move(*header));

    const auto next = i + 1;
    const auto separator = next < m_lines.size() ? trim(m_lines[next].text) : std::string_view();
    if (separator.starts_with('|')) {
      split_pipe_cells(separator, m_raw_cells);
    }
    if (!separator.starts_with('|') ||
        !std::all_of(m_raw_cells.begin(), m_raw_cells.end(), is_separator_cell)) {
      fail(next < m_lines.size() ? m_lines[next].number : header_line.number + 1,
           "expected the separator row (|---|---|) under the table header");
    }
    std::size_t row = next + 1;
    for (; row < m_lines.size(); ++row) {
      const auto text = trim(m_lines[row].text);
      if (!text.starts_with('|')) {
        break;
      }
      split_pipe_cells(text, m_raw_cells);
      read_pipe_row(table_line(row).number, m_raw_cells, improved);
    }
    return row;
  }

  void read_pipe_row(std::size_t line, const std::vector<std::string_view>& raw, bool improved) {
    const bool many = m_header->kind == TableKind::k_compare_many;
    const std::size_t expected = m_header->columns.size();
    if (raw.size() < expected) {
      fail(line, fmt::format("expected {} cells, found {}", expected, raw.size()));
    }
    // A `|` in a name splits it: join the surplus cells back into the name column.
    const std::size_t name_at = many ? 0 : expected - 1;
    const std::size_t surplus = raw.size() - expected;
    auto& cells = m_cells;
    cells.clear();
    for (std::size_t c = 0; c < raw.size(); ++c) {
      if (c == name_at) {
        const auto& last = raw[c + surplus];
        cells.push_back(
            trim(std::string_view(raw[c].data(), last.data() + last.size() - raw[c].data())));
        c += surplus;
      } else {
        cells.push_back(trim(raw[c]));
      }
    }
    if (many) {
      read_compare_many_row(line, cells);
    } else {
      read_compare_row(line, cells[0], {cells[1], cells[2], cells[3]}, cells[4], improved);
    }
  }

  // Parse the legacy space-aligned table whose `before after ratio` header is line `i`.
  std::size_t read_legacy_table(std::size_t i, bool improved) {
    Header header;
    header.format = TableFormat::k_asv_compare_legacy;
    header.line = m_lines[i].number;
    header.columns = {"change", "before", "after", "ratio", "benchmark"};
    header.signature = header.columns;
    header.sources.resize(2);
    std::size_t row = i + 1;
    if (row < m_lines.size() && trim(m_lines[row].text).starts_with('[')) {
      const auto hashes = split_words(table_line(row).text);
      if (hashes.size() != 2 || !std::all_of(hashes.begin(), hashes.end(), [](auto word) {
            return word.size() >= 2 && word.front() == '[' && word.back() == ']';
          })) {
        fail(m_lines[row].number, "expected the two commit hashes `[before] [after]`");
      }
      for (std::size_t side = 0; side < 2; ++side) {
        header.sources[side].commit_hash =
            std::string(hashes[side].substr(1, hashes[side].size() - 2));
        header.signature.push_back(header.sources[side].commit_hash);
      }
      ++row;
    }
    if (row < m_lines.size() && trim(m_lines[row].text).starts_with('<')) {
      ++row;  // the revision names: not kept
    }
    accept_header(std::move(header));
    for (; row < m_lines.size() && !trim(m_lines[row].text).empty(); ++row) {
      read_legacy_row(table_line(row), improved);
    }
    return row;
  }

  // `[mark] before after ratio name`: a lone `+ - ! * x` word first is the mark.
  void read_legacy_row(const Line& line, bool improved) {
    const auto parts = split_words(line.text);
    const bool marked = !parts.empty() && parts[0].size() == 1 && parse_change_mark(parts[0]);
    const std::size_t first = marked ? 1 : 0;
    if (parts.size() < first + 4) {
      fail(line.number, "expected `[mark] before after ratio benchmark` in the legacy asv table");
    }
    const auto& name_word = parts[first + 3];
    const auto name =
        trim(line.text.substr(static_cast<std::size_t>(name_word.data() - line.text.data())));
    read_compare_row(line.number, marked ? parts[0] : std::string_view(),
                     {parts[first], parts[first + 1], parts[first + 2]}, name, improved);
  }

  void accept_header(Header header) {
    if (!m_header) {
      m_header = std::move(header);
      return;
    }
    if (header.signature != m_header->signature) {
      fail(header.line,
           fmt::format("table header differs from the first table's (line {})", m_header->line));
    }
  }

  ValueCell read_value(std::size_t line, std::string_view text, const std::string& column) const {
    auto value = parse_value_cell(text);
    if (!value) {
      fail(line, fmt::format("cannot read `{}` as a value in column `{}`", text, column));
    }
    return std::move(*value);
  }

  RatioCell read_ratio(std::size_t line, std::string_view text, const std::string& column) const {
    const auto ratio = parse_ratio_cell(text);
    if (!ratio) {
      fail(line, fmt::format("cannot read `{}` as a ratio in column `{}`", text, column));
    }
    return *ratio;
  }

  // Fold `other` into the row's `unit`; a benchmark has one unit.
  void merge_unit(std::size_t line, std::optional<std::string>& unit,
                  const std::optional<std::string>& other) const {
    if (!other) {
      return;
    }
    if (unit && *unit != *other) {
      fail(line, fmt::format("cells disagree on the unit (`{}` and `{}`)", *unit, *other));
    }
    unit = other;
  }

  // `values` are the Before, After and Ratio cells.
  void read_compare_row(std::size_t line, std::string_view mark_text,
                        const std::array<std::string_view, 3>& values, std::string_view name,
                        bool improved) {
    const auto change = parse_change_mark(mark_text);
    if (!change) {
      fail(line,
           fmt::format("unknown change mark `{}` (expected blank, -, +, !, * or x)", mark_text));
    }
    const auto& columns = m_header->columns;
    auto before = read_value(line, values[0], columns[1]);
    auto after = read_value(line, values[1], columns[2]);
    const auto ratio = read_ratio(line, values[2], columns[3]);
    ComparisonRow row;
    row.before = std::move(before.measurement);
    row.after = std::move(after.measurement);
    merge_unit(line, row.unit, before.unit);
    merge_unit(line, row.unit, after.unit);
    row.ratio = ratio.ratio;
    row.insignificant = ratio.insignificant;
    // asv-spyglass v0.3.1 marks a fixed failure ` ` and files it under "improved".
    row.change = (*change == Change::k_none && improved) ? Change::k_failure_fixed : *change;
    auto& pending = m_rows.emplace_back(PendingRow{line, name, {}});
    pending.sides.push_back(std::move(row));
  }

  void read_compare_many_row(std::size_t line, const std::vector<std::string_view>& cells) {
    const auto& columns = m_header->columns;
    auto baseline = read_value(line, cells[1], columns[1]);
    std::optional<std::string> unit;
    merge_unit(line, unit, baseline.unit);
    PendingRow pending{line, cells[0], {}};
    for (std::size_t c = 2; c < cells.size(); ++c) {
      const auto parts = split_contender_cell(cells[c]);
      if (!parts) {
        fail(line, fmt::format("expected `value (mark ratio)` in column `{}`, found `{}`",
                               columns[c], cells[c]));
      }
      auto value = read_value(line, parts->value, columns[c]);
      const auto ratio = read_ratio(line, parts->ratio, columns[c]);
      merge_unit(line, unit, value.unit);
      ComparisonRow row;
      row.before = baseline.measurement;
      row.after = std::move(value.measurement);
      row.ratio = ratio.ratio;
      row.insignificant = ratio.insignificant;
      row.change = parts->change;
      pending.sides.push_back(std::move(row));
    }
    for (auto& row : pending.sides) {
      row.unit = unit;
    }
    m_rows.push_back(std::move(pending));
  }

  // The name each row keeps after the `[...]` label step; sets the Sources the labels name.
  std::vector<RowName> resolve_labels(std::vector<model::Source>& sources) const {
    std::vector<NameAndLabel> split;
    split.reserve(m_rows.size());
    for (const auto& row : m_rows) {
      split.push_back(split_env_label(row.name_cell));
    }
    std::vector<RowName> names;
    names.reserve(m_rows.size());
    const bool compare = m_header->kind == TableKind::k_compare;
    const auto paired = std::find_if(split.begin(), split.end(), [](const auto& s) {
      return s.label && split_label_pair(*s.label);
    });
    if (compare && paired != split.end()) {
      const auto& first_line = m_rows[static_cast<std::size_t>(paired - split.begin())].line;
      for (std::size_t r = 0; r < split.size(); ++r) {
        if (!split[r].label) {
          fail(m_rows[r].line, fmt::format("benchmark `{}` has no `[before -> after]` label, "
                                           "unlike line {}",
                                           split[r].name, first_line));
        }
        if (*split[r].label != *paired->label) {
          fail(m_rows[r].line, fmt::format("label `[{}]` differs from line {}'s `[{}]`",
                                           *split[r].label, first_line, *paired->label));
        }
        names.push_back({split[r].name, split[r].name});
      }
      const auto [before, after] = *split_label_pair(*paired->label);
      set_label(sources[0], before);
      set_label(sources[1], after);
      return names;
    }
    const bool shared = !split.empty() && paired == split.end() &&
                        std::all_of(split.begin(), split.end(), [&](const auto& s) {
                          return s.label && *s.label == *split.front().label;
                        });
    for (std::size_t r = 0; r < split.size(); ++r) {
      names.push_back({shared ? split[r].name : m_rows[r].name_cell, split[r].name});
    }
    if (shared && compare) {
      set_label(sources[0], *split.front().label);
      set_label(sources[1], *split.front().label);
    }
    return names;
  }

  static void set_label(model::Source& source, std::string_view label) {
    const auto labelled = source_from_label(label);
    source.machine = labelled.machine;
    source.env_name = labelled.env_name;
  }

  ParsedTable finish() {
    auto sources = m_header->sources;
    const auto names = resolve_labels(sources);
    std::unordered_map<std::string_view, std::size_t> seen;
    seen.reserve(names.size());
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
      auto& pending = m_rows[r];
      const auto name = names[r].name;
      if (name.empty()) {
        fail(pending.line, "empty benchmark name");
      }
      const auto [it, inserted] = seen.emplace(name, pending.line);
      if (!inserted) {
        fail(pending.line,
             fmt::format("benchmark `{}` already appeared on line {}", name, it->second));
      }
      const auto parts = split_benchmark_name(names[r].base);
      for (auto& row : pending.sides) {
        row.name = std::string(name);
        row.key = parts.key;
        row.params = parts.params;
      }
    }
    return m_header->kind == TableKind::k_compare ? compare_table(sources)
                                                  : compare_many_table(sources);
  }

  ParsedTable compare_table(const std::vector<model::Source>& sources) {
    ParsedTable out;
    out.kind = TableKind::k_compare;
    out.format = m_header->format;
    out.comparison.before = sources[0];
    out.comparison.after = sources[1];
    out.comparison.rows.reserve(m_rows.size());
    for (auto& pending : m_rows) {
      out.comparison.rows.push_back(std::move(pending.sides.front()));
    }
    return out;
  }

  ParsedTable compare_many_table(const std::vector<model::Source>& sources) {
    ParsedTable out;
    out.kind = TableKind::k_compare_many;
    out.format = m_header->format;
    out.multi.baseline = sources[0];
    out.multi.contenders.resize(sources.size() - 1);
    for (std::size_t c = 0; c < out.multi.contenders.size(); ++c) {
      auto& contender = out.multi.contenders[c];
      contender.before = sources[0];
      contender.after = sources[c + 1];
      contender.rows.reserve(m_rows.size());
      for (auto& pending : m_rows) {
        contender.rows.push_back(std::move(pending.sides[c]));
      }
    }
    return out;
  }

  std::string m_display_name;
  std::vector<Line> m_lines;
  bool m_blank;  // only blank lines, as compare prints an empty comparison
  std::optional<Header> m_header;
  std::vector<PendingRow> m_rows;
  std::vector<std::string_view> m_raw_cells;  // scratch: one line's cells as split
  std::vector<std::string_view> m_cells;      // scratch: one row's cells, trimmed and joined
};

}  // namespace

const char* table_format_name(TableFormat format) {
  switch (format) {
    case TableFormat::k_spyglass_compare:
      return "asv-spyglass compare";
    case TableFormat::k_spyglass_compare_many:
      return "asv-spyglass compare-many";
    case TableFormat::k_asv_compare:
      return "asv compare";
    case TableFormat::k_asv_compare_legacy:
      return "asv compare (legacy layout)";
  }
  return "asv-spyglass compare";
}

ParsedTable parse_comparison_table(std::string_view text, const std::string& display_name) {
  return TableReader(text, display_name).read();
}

}  // namespace spyglass::ingest
