#include "spyglass/render/change_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "spyglass/util/utf8.hpp"

namespace spyglass::render {
namespace {

// How wide a label's name may be, in widths of a lower-case letter: Mermaid hides every label of
// an axis when the widest does not fit (at its default 700 px width, about 50 letters with the
// " (2.50× slower)" after the name).
constexpr int k_label_width = 60;  // in halves, so that capitals can count 1.5

// The code points of `text` as UTF-8 pieces; a malformed byte is one piece of its own.
std::vector<std::string_view> code_points(std::string_view text) {
  std::vector<std::string_view> pieces;
  while (!text.empty()) {
    const auto length = std::clamp<std::size_t>(util::utf8_sequence_length(text), 1, text.size());
    pieces.push_back(text.substr(0, length));
    text.remove_prefix(length);
  }
  return pieces;
}

// `piece` (one code point) as the label shows it.
std::string_view label_piece(std::string_view piece) {
  if (piece.size() > 1) {
    // C1 controls (U+0080-U+009F) and malformed bytes show as a space; other code points are text.
    const bool c1 =
        piece.size() == 2 && piece[0] == '\xC2' && static_cast<unsigned char>(piece[1]) < 0xA0;
    return c1 || util::utf8_sequence_length(piece) != piece.size() ? " " : piece;
  }
  const char c = piece[0];
  if (c == '"') {
    return "'";
  }
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F || (c & 0x80) != 0) {
    return " ";
  }
  return std::string_view("`<>&#%\\").find(c) != std::string_view::npos ? "_" : piece;
}

// The shortest bar, as a part of the axis: long enough to see.
constexpr double k_shortest_bar = 1.0 / 40.0;

}  // namespace

std::vector<ChartBar> chart_bars(const model::Comparison& comparison, ChartRows rows,
                                 std::string_view suffix) {
  std::vector<ChartBar> bars;
  for (const auto& row : comparison.rows) {
    // A row on the ignore list keeps its mark but is no change the comment reports.
    const bool changed = !row.ignored && (row.change == model::Change::k_regressed ||
                                          row.change == model::Change::k_improved);
    if ((changed || rows == ChartRows::k_all) && std::isfinite(row.ratio) && row.ratio > 0.0) {
      bars.push_back({row.name + std::string(suffix), row.ratio, row.change, change_words(row)});
    }
  }
  return bars;
}

std::vector<ChartBar> largest_changes(std::vector<ChartBar> changes, std::size_t limit) {
  std::stable_sort(changes.begin(), changes.end(), [](const ChartBar& a, const ChartBar& b) {
    const double size_a = std::fabs(std::log(a.ratio));
    const double size_b = std::fabs(std::log(b.ratio));
    return size_a != size_b ? size_a > size_b : a.name < b.name;
  });
  changes.resize(std::min(changes.size(), limit));
  return changes;
}

std::string mermaid_label(std::string_view name) {
  const auto pieces = code_points(name);
  // A piece's width in halves of a lower-case letter: W and M two letters, other capitals one and
  // a half, anything beyond ASCII (perhaps a wide CJK character) two.
  auto width = [](std::string_view piece) {
    const char c = piece[0];
    if (piece.size() > 1 || c == 'W' || c == 'M') {
      return 4;
    }
    return c >= 'A' && c <= 'Z' ? 3 : 2;
  };
  std::size_t first = pieces.size();
  int used = 2;  // the ellipsis
  int total = 0;
  for (const auto piece : pieces) {
    total += width(piece);
  }
  if (total > k_label_width) {
    while (first > 0 && used + width(pieces[first - 1]) <= k_label_width) {
      used += width(pieces[--first]);
    }
  } else {
    first = 0;
  }
  std::string label = first > 0 ? "\u2026" : "";
  for (std::size_t i = first; i < pieces.size(); ++i) {
    label += label_piece(pieces[i]);
  }
  return label;
}

std::string mermaid_change_chart(const std::vector<ChartBar>& bars) {
  if (bars.empty()) {
    return "";
  }
  std::vector<ChartBar> ordered = bars;
  std::stable_partition(ordered.begin(), ordered.end(),
                        [](const ChartBar& bar) { return bar.ratio > 1.0; });
  std::vector<std::string> labels;
  std::set<std::string> seen;
  double longest = 0.0;
  for (const auto& bar : ordered) {
    const auto base =
        fmt::format("{} ({})", mermaid_label(bar.name), change_text(bar.ratio, bar.words));
    auto label = base;
    // Mermaid merges equal categories into one band, so a repeated label gets a number.
    for (int n = 2; !seen.insert(label).second; ++n) {
      label = fmt::format("{} ({})", base, n);
    }
    labels.push_back(fmt::format("\"{}\"", label));
    longest = std::max(longest, std::fabs(std::log2(bar.ratio)));
  }
  // The axis ends at the next tenth (below a doubling) or whole number past the longest bar, so
  // that bar never touches the edge.
  const double axis_end =
      longest < 1.0 ? std::floor(longest * 10.0 + 1.0) / 10.0 : std::floor(longest) + 1.0;
  std::vector<std::string> grew;
  std::vector<std::string> shrank;
  for (const auto& bar : ordered) {
    const auto length =
        fmt::format("{:.3f}", std::max(std::fabs(std::log2(bar.ratio)), axis_end * k_shortest_bar));
    grew.push_back(bar.ratio > 1.0 ? length : "0");
    shrank.push_back(bar.ratio > 1.0 ? "0" : length);
  }
  return fmt::format(
      "```mermaid\n"
      "xychart-beta horizontal\n"
      "  title \"Largest changes, log scale\"\n"
      "  x-axis [{}]\n"
      "  y-axis \"log2 of the factor of change: 1 = 2\u00D7, 10 = 1024\u00D7\" 0 --> {}\n"
      "  bar [{}]\n"
      "  bar [{}]\n"
      "```\n",
      fmt::join(labels, ", "), axis_end, fmt::join(grew, ", "), fmt::join(shrank, ", "));
}

}  // namespace spyglass::render
