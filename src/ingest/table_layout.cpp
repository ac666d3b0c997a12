#include "spyglass/ingest/table_layout.hpp"

#include <algorithm>

#include "spyglass/ingest/table_cells.hpp"

namespace spyglass::ingest {
namespace {

constexpr std::string_view k_utf8_bom = "\xef\xbb\xbf";

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return lower(x) == lower(y); });
}

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && iequals(text.substr(text.size() - suffix.size()), suffix);
}

// The commit hash in a `Before`/`After` heading: "" for a bare word, the text inside `[...]` for
// asv's `Before [22b920c6] <name>`; nullopt when `cell` is not that heading.
std::optional<std::string> heading_hash(std::string_view cell, std::string_view word) {
  if (!istarts_with(cell, word)) {
    return std::nullopt;
  }
  auto rest = trim(cell.substr(word.size()));
  std::string hash;
  if (rest.starts_with('[')) {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) {
      return std::nullopt;
    }
    hash = std::string(rest.substr(1, close - 1));
    rest = trim(rest.substr(close + 1));
  }
  if (!rest.empty() && !(rest.starts_with('<') && rest.ends_with('>'))) {
    return std::nullopt;
  }
  return hash;
}

}  // namespace

std::vector<Line> split_lines(std::string_view text) {
  if (text.starts_with(k_utf8_bom)) {
    text.remove_prefix(k_utf8_bom.size());
  }
  // A table printed where the Actions runner reads commands may hold `::stop-commands::<token>`
  // and `::<token>::` around a row the runner must not obey (util::WorkflowCommandGuard); the
  // two frame lines are not the table's.
  constexpr std::string_view k_stop_commands = "::stop-commands::";
  bool in_frame = false;
  std::string_view frame_token;
  std::vector<Line> lines;
  std::size_t number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    auto line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    if (!in_frame && line.starts_with(k_stop_commands)) {
      in_frame = true;
      frame_token = line.substr(k_stop_commands.size());
      continue;
    }
    if (in_frame && line.size() == frame_token.size() + 4 && line.starts_with("::") &&
        line.ends_with("::") && line.substr(2, frame_token.size()) == frame_token) {
      in_frame = false;
      continue;
    }
    lines.push_back({line, number});
  }
  return lines;
}

bool is_title(std::string_view text) {
  return text == "All benchmarks:" || (text.starts_with("Benchmarks that ") && text.ends_with(':'));
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (true) {
    i = text.find_first_not_of(" \t", i);
    if (i == std::string_view::npos) {
      return out;
    }
    const auto end = std::min(text.find_first_of(" \t", i), text.size());
    out.push_back(text.substr(i, end - i));
    i = end;
  }
}

bool is_legacy_header(std::string_view text) {
  const auto parts = split_words(text);
  return parts.size() == 3 && parts[0] == "before" && parts[1] == "after" && parts[2] == "ratio";
}

void split_pipe_cells(std::string_view line, std::vector<std::string_view>& cells) {
  line.remove_prefix(1);
  if (line.ends_with('|')) {
    line.remove_suffix(1);
  }
  cells.clear();
  std::size_t start = 0;
  while (true) {
    const auto bar = line.find('|', start);
    if (bar == std::string_view::npos) {
      cells.push_back(line.substr(start));
      return;
    }
    cells.push_back(line.substr(start, bar - start));
    start = bar + 1;
  }
}

bool is_separator_cell(std::string_view cell) {
  cell = trim(cell);
  if (cell.starts_with(':')) {
    cell.remove_prefix(1);
  }
  if (cell.ends_with(':')) {
    cell.remove_suffix(1);
  }
  return !cell.empty() && cell.find_first_not_of('-') == std::string_view::npos;
}

std::optional<Header> compare_header(const std::vector<std::string_view>& cells) {
  if (cells.size() != 5 || !iequals(cells[0], "Change") || !iequals(cells[3], "Ratio") ||
      !istarts_with(cells[4], "Benchmark")) {
    return std::nullopt;
  }
  const auto before = heading_hash(cells[1], "Before");
  const auto after = heading_hash(cells[2], "After");
  if (!before || !after) {
    return std::nullopt;
  }
  Header header;
  header.format = before->empty() && after->empty() ? TableFormat::k_spyglass_compare
                                                    : TableFormat::k_asv_compare;
  header.sources.resize(2);
  header.sources[0].commit_hash = *before;
  header.sources[1].commit_hash = *after;
  return header;
}

std::optional<Header> compare_many_header(const std::vector<std::string_view>& cells) {
  constexpr std::string_view k_baseline = "Baseline (";
  constexpr std::string_view k_ratio = " (Ratio)";
  if (cells.size() < 3 || !istarts_with(cells[0], "Benchmark") ||
      !istarts_with(cells[1], k_baseline) || !cells[1].ends_with(')')) {
    return std::nullopt;
  }
  Header header;
  header.kind = TableKind::k_compare_many;
  header.format = TableFormat::k_spyglass_compare_many;
  header.sources.push_back(source_from_label(
      cells[1].substr(k_baseline.size(), cells[1].size() - k_baseline.size() - 1)));
  for (std::size_t i = 2; i < cells.size(); ++i) {
    if (!iends_with(cells[i], k_ratio)) {
      return std::nullopt;
    }
    header.sources.push_back(
        source_from_label(trim(cells[i].substr(0, cells[i].size() - k_ratio.size()))));
  }
  return header;
}

}  // namespace spyglass::ingest
