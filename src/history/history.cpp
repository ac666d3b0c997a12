#include "spyglass/history/history.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace spyglass::history {

std::vector<SeriesHistory> analyse(std::vector<Series> series, double threshold) {
  std::vector<SeriesHistory> histories;
  histories.reserve(series.size());
  std::vector<double> values;
  std::vector<double> weights;
  for (Series& one : series) {
    values.clear();
    weights.clear();
    for (const Point& point : one.points) {
      values.push_back(point.value);
      weights.push_back(point.weight);
    }
    SeriesHistory history;
    history.measured = static_cast<std::size_t>(
        std::count_if(values.begin(), values.end(), [](double v) { return !std::isnan(v); }));
    history.steps = detect_steps(values, weights).steps;
    history.regressions = detect_regressions(history.steps, threshold);
    history.series = std::move(one);
    histories.push_back(std::move(history));
  }
  return histories;
}

std::vector<Improvement> improvements(const SeriesHistory& history, double threshold) {
  std::vector<Improvement> found;
  for (std::size_t i = 0; i + 1 < history.steps.size(); ++i) {
    const Step& higher = history.steps[i];
    const Step& lower = history.steps[i + 1];
    const double margin = std::max({higher.err, lower.err, threshold * lower.value});
    if (higher.value > lower.value + margin) {
      found.push_back({static_cast<std::size_t>(higher.right_excl - 1),
                       static_cast<std::size_t>(lower.left), higher.value, lower.value});
    }
  }
  return found;
}

}  // namespace spyglass::history
