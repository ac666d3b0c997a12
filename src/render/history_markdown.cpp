#include "spyglass/render/history_markdown.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

#include "spyglass/model/number.hpp"
#include "spyglass/render/human_format.hpp"
#include "spyglass/render/markdown.hpp"
#include "spyglass/util/utf8.hpp"

namespace spyglass::render {

namespace {

constexpr std::array<std::string_view, 8> k_bars = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
// How many characters of a commit hash the table shows (git's short form).
constexpr std::size_t k_short_commit = 7;

// One change between two levels of a series, as a table row shows it.
struct Change {
  const history::SeriesHistory* history;
  std::size_t before;  // point indexes
  std::size_t after;
  double value_before;
  double value_after;

  // after / before; +inf where the ratio means nothing (a level at or below zero), so such a
  // change sorts as the worst.
  double factor() const {
    return value_before > 0 ? value_after / value_before : std::numeric_limits<double>::infinity();
  }
};

std::string value_text(double value, const std::optional<std::string>& unit) {
  return human_value_fallback(model::Number{value, false}, unit);
}

std::string commit_range(const Change& change) {
  const auto& points = change.history->series.points;
  const std::string range =
      std::string(util::first_code_points(points[change.before].commit, k_short_commit)) + ".." +
      std::string(util::first_code_points(points[change.after].commit, k_short_commit));
  return code_span(range, SpanPlace::k_table_cell);
}

std::vector<double> point_values(const history::Series& series) {
  std::vector<double> values;
  values.reserve(series.points.size());
  for (const history::Point& point : series.points) {
    values.push_back(point.value);
  }
  return values;
}

// One row: benchmark, machine / env, commits, before → after, factor (and the sparkline).
std::string change_row(const Change& change, bool with_sparkline) {
  const history::Series& series = change.history->series;
  std::string row = "| " + escape_markdown(series.benchmark) + " | " +
                    escape_markdown(series.machine) + " / " + escape_markdown(series.env) + " | " +
                    commit_range(change) + " | " + value_text(change.value_before, series.unit) +
                    " → " + value_text(change.value_after, series.unit) + " | ";
  row += change.value_before > 0 ? fmt::format("{:.2f}x", change.factor()) : "n/a";
  if (with_sparkline) {
    row += " | " + sparkline(point_values(series));
  }
  return row + " |\n";
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

}  // namespace

std::string sparkline(std::span<const double> values, std::size_t width) {
  std::vector<double> present;
  for (const double value : values) {
    if (std::isfinite(value)) {
      present.push_back(value);
    }
  }
  if (present.empty() || width == 0) {
    return "";
  }
  const std::size_t count = std::min(width, present.size());
  std::vector<double> means(count);
  for (std::size_t b = 0; b < count; ++b) {
    const std::size_t begin = b * present.size() / count;
    const std::size_t end = (b + 1) * present.size() / count;
    double sum = 0.0;
    for (std::size_t i = begin; i < end; ++i) {
      sum += present[i];
    }
    means[b] = sum / static_cast<double>(end - begin);
  }
  const auto [low, high] = std::minmax_element(means.begin(), means.end());
  const double span = *high - *low;
  std::string line;
  for (const double mean : means) {
    const double scaled = span > 0 && std::isfinite(span) ? (mean - *low) / span : 0.0;
    const auto level = static_cast<std::size_t>(std::lround(scaled * (k_bars.size() - 1)));
    line += k_bars[std::min(level, k_bars.size() - 1)];
  }
  return line;
}

std::string render_history_markdown(const std::vector<history::SeriesHistory>& histories,
                                    double threshold) {
  std::vector<Change> regressions;
  std::vector<Change> improvements;
  std::size_t regressed_series = 0;
  for (const history::SeriesHistory& history : histories) {
    if (history.regressions) {
      ++regressed_series;
      for (const history::Jump& jump : history.regressions->jumps) {
        regressions.push_back({&history, static_cast<std::size_t>(jump.before),
                               static_cast<std::size_t>(jump.after), jump.value_before,
                               jump.value_after});
      }
    }
    for (const history::Improvement& drop : history::improvements(history, threshold)) {
      improvements.push_back(
          {&history, drop.before, drop.after, drop.value_before, drop.value_after});
    }
  }
  // Worst first: the largest factor, the smallest for improvements; ties in series order then
  // time order.
  std::stable_sort(regressions.begin(), regressions.end(),
                   [](const Change& a, const Change& b) { return a.factor() > b.factor(); });
  std::stable_sort(improvements.begin(), improvements.end(),
                   [](const Change& a, const Change& b) { return a.factor() < b.factor(); });

  std::string out = "## Benchmark history\n\n";
  const std::string series_count = plural(histories.size(), "series", "series");
  if (regressions.empty()) {
    out += fmt::format("No regressions in {} (threshold {:g}).\n", series_count, threshold);
  } else {
    out += fmt::format("**{}** in {} of {} (threshold {:g}).\n\n",
                       plural(regressions.size(), "regression", "regressions"), regressed_series,
                       series_count, threshold);
    out += "| Benchmark | Machine / env | Commits | Before → after | Factor | History |\n";
    out += "|---|---|---|---|---|---|\n";
    for (const Change& change : regressions) {
      out += change_row(change, true);
    }
  }
  if (!improvements.empty()) {
    out += fmt::format("\n<details>\n<summary>{}</summary>\n\n",
                       plural(improvements.size(), "improvement", "improvements"));
    out += "| Benchmark | Machine / env | Commits | Before → after | Factor |\n";
    out += "|---|---|---|---|---|\n";
    for (const Change& change : improvements) {
      out += change_row(change, false);
    }
    out += "\n</details>\n";
  }
  return out;
}

}  // namespace spyglass::render
