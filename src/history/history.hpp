#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "spyglass/history/series.hpp"
#include "spyglass/history/step_detect.hpp"

namespace spyglass::history {

// asv's regression threshold when asv.conf.json sets none (spec history.md 5).
constexpr double k_default_threshold = 0.05;

// One series and what asv publish finds in it. Steps and jumps count in the series' points
// (`series.points[i]`): a one-point step spans one revision either way (spec 2.3).
struct SeriesHistory {
  Series series;
  std::size_t measured = 0;  // points with a value
  std::vector<Step> steps;
  std::optional<Regressions> regressions;  // nullopt: asv reports nothing
};

// A drop between two adjacent steps: the later level is below the earlier one by more than
// max(both errs, threshold × later level), asv's margin turned around. spyglass's own
// definition (asv reports no improvements).
struct Improvement {
  std::size_t before = 0;  // the last point of the higher step
  std::size_t after = 0;   // the first point of the lower step
  double value_before = 0.0;
  double value_after = 0.0;
};

// Detect the steps and regressions of each series with regression threshold `threshold`.
std::vector<SeriesHistory> analyse(std::vector<Series> series, double threshold);

// The improvements between adjacent steps of `history`.
std::vector<Improvement> improvements(const SeriesHistory& history, double threshold);

}  // namespace spyglass::history
