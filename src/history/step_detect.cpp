#include "spyglass/history/step_detect.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace spyglass::history {

namespace {

// asv's `max_size` for `min_size` 1: the longest segment of the windowed fit and the farthest a
// boundary moves in the refinement (spec 3.3).
constexpr std::size_t k_window = 20;

using ValueWeight = std::pair<double, double>;

// asv's order of (value, weight) pairs: by value, then by weight. Values are never NaN; a weight
// is NaN only when most weights are infinite (their median too), and sorts last, so the order
// stays a strict weak order (std::sort on an inconsistent order may read out of bounds).
// (A function object, not a function: std::sort inlines it.)
constexpr auto value_weight_less = [](const ValueWeight& a, const ValueWeight& b) {
  if (a.first != b.first) {
    return a.first < b.first;
  }
  return !std::isnan(a.second) && (std::isnan(b.second) || a.second < b.second);
};

// The weighted median of pairs sorted by value then weight (spec 3.2).
double sorted_weighted_median(const std::vector<ValueWeight>& sorted) {
  double half = 0.0;
  for (const auto& pair : sorted) {
    half += pair.second;
  }
  half /= 2;
  double sum = 0.0;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    sum += sorted[i].second;
    if (sum >= half) {
      if (sum == half && i + 1 < sorted.size()) {
        return (sorted[i].first + sorted[i + 1].first) / 2;
      }
      return sorted[i].first;
    }
  }
  return sorted.back().first;
}

// Σ weight·|value − median| in index order, each term rounded on its own.
double l1_distance(std::span<const double> values, std::span<const double> weights, double median) {
  double distance = 0.0;
  for (std::size_t k = 0; k < values.size(); ++k) {
    distance += weights[k] * std::fabs(values[k] - median);
  }
  return distance;
}

// weighted_median_distance with `scratch` as the room to sort in.
MedianDistance median_distance(std::span<const double> values, std::span<const double> weights,
                               std::vector<ValueWeight>& scratch) {
  scratch.clear();
  for (std::size_t k = 0; k < values.size(); ++k) {
    scratch.emplace_back(values[k], weights[k]);
  }
  std::sort(scratch.begin(), scratch.end(), value_weight_less);
  const double median = sorted_weighted_median(scratch);
  return {median, l1_distance(values, weights, median)};
}

// asv's `RangeMedian`: the median and distance of every segment [left, right] the solver asks
// for. The segments of the windowed fit are computed once, in one pass that keeps each right
// end's window sorted; the γ trials all read them. Longer segments are cached as asked for.
class SegmentCosts {
 public:
  SegmentCosts(std::span<const double> values, std::span<const double> weights)
      : m_values(values), m_weights(weights), m_window(values.size() * k_window) {
    std::vector<ValueWeight> sorted;
    sorted.reserve(k_window);
    for (std::size_t right = 0; right < values.size(); ++right) {
      sorted.clear();
      for (std::size_t length = 1; length <= k_window && length <= right + 1; ++length) {
        const std::size_t left = right + 1 - length;
        const ValueWeight pair{values[left], weights[left]};
        sorted.insert(std::upper_bound(sorted.begin(), sorted.end(), pair, value_weight_less),
                      pair);
        const double median = sorted_weighted_median(sorted);
        m_window[right * k_window + length - 1] = {
            median,
            l1_distance(values.subspan(left, length), weights.subspan(left, length), median)};
      }
    }
  }

  // The segment [left, right], both inclusive.
  const MedianDistance& get(std::size_t left, std::size_t right) {
    const std::size_t length = right - left + 1;
    if (length <= k_window) {
      return m_window[right * k_window + length - 1];
    }
    const std::uint64_t key = static_cast<std::uint64_t>(left) * m_values.size() + right;
    auto [it, inserted] = m_long.try_emplace(key);
    if (inserted) {
      // Sorting a segment costs about length·log2(length) comparisons, picking its points out of
      // the series sorted once about one pass over the series.
      it->second = length * k_sort_cost < m_values.size()
                       ? median_distance(m_values.subspan(left, length),
                                         m_weights.subspan(left, length), m_scratch)
                       : median_from_sorted_series(left, right);
    }
    return it->second;
  }

  double distance(std::size_t left, std::size_t right) { return get(left, right).distance; }

 private:
  static constexpr std::size_t k_sort_cost = 16;

  // One point of the series sorted by (value, weight).
  struct SortedPoint {
    double value;
    double weight;
    std::size_t index;
  };

  // The segment [left, right] from the points of the whole series in sorted order, the ones
  // outside the segment skipped: the same pairs in the same order as sorting the segment (equal
  // pairs are interchangeable), so the same sums and the same median.
  MedianDistance median_from_sorted_series(std::size_t left, std::size_t right) {
    if (m_sorted.empty()) {
      for (std::size_t k = 0; k < m_values.size(); ++k) {
        m_sorted.push_back({m_values[k], m_weights[k], k});
      }
      std::sort(m_sorted.begin(), m_sorted.end(), [](const SortedPoint& a, const SortedPoint& b) {
        return value_weight_less({a.value, a.weight}, {b.value, b.weight});
      });
    }
    const auto inside = [left, right](const SortedPoint& point) {
      return point.index >= left && point.index <= right;
    };
    double half = 0.0;
    for (const SortedPoint& point : m_sorted) {
      if (inside(point)) {
        half += point.weight;
      }
    }
    half /= 2;
    double sum = 0.0;
    double median = 0.0;
    for (std::size_t i = 0; i < m_sorted.size(); ++i) {
      if (!inside(m_sorted[i])) {
        continue;
      }
      median = m_sorted[i].value;
      sum += m_sorted[i].weight;
      if (sum >= half) {
        if (sum == half) {
          const auto next = std::find_if(m_sorted.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                         m_sorted.end(), inside);
          if (next != m_sorted.end()) {
            median = (m_sorted[i].value + next->value) / 2;
          }
        }
        break;
      }
    }
    const std::size_t length = right - left + 1;
    return {median,
            l1_distance(m_values.subspan(left, length), m_weights.subspan(left, length), median)};
  }

  std::span<const double> m_values;
  std::span<const double> m_weights;
  std::vector<MedianDistance> m_window;  // [right * k_window + length - 1]
  std::unordered_map<std::uint64_t, MedianDistance> m_long;
  std::vector<SortedPoint> m_sorted;  // filled on the first long segment
  std::vector<ValueWeight> m_scratch;
};

// A fit: the exclusive right ends of its segments, their medians and distances.
struct Segmentation {
  std::vector<std::size_t> right;
  std::vector<double> values;
  std::vector<double> distances;
};

// (a) The windowed dynamic programme: exclusive right ends of the segments (spec 3.3 a).
std::vector<std::size_t> windowed_fit(SegmentCosts& costs, std::size_t n, double gamma) {
  std::vector<double> best_cost(n + 1);
  std::vector<std::size_t> start(n);
  best_cost[0] = -gamma;
  for (std::size_t r = 0; r < n; ++r) {
    double best = std::numeric_limits<double>::infinity();
    start[r] = r;
    for (std::size_t s = r + 1 > k_window ? r + 1 - k_window : 0; s <= r; ++s) {
      const double cost = (best_cost[s] + gamma) + costs.distance(s, r);
      if (cost <= best) {
        best = cost;
        start[r] = s;
      }
    }
    best_cost[r + 1] = best;
  }
  std::vector<std::size_t> right;
  for (std::size_t end = n; end > 0; end = start[end - 1]) {
    right.push_back(end);
  }
  std::reverse(right.begin(), right.end());
  return right;
}

// (b) Greedy merging of adjacent segments while it lowers the cost (spec 3.3 b). The distances
// of the segments and of each adjacent pair merged are kept beside `right`.
void merge_segments(SegmentCosts& costs, std::vector<std::size_t>& right, double gamma) {
  const auto start_of = [&right](std::size_t i) { return i == 0 ? 0 : right[i - 1]; };
  std::vector<double> segment(right.size());
  std::vector<double> merged(right.size() - 1);
  for (std::size_t i = 0; i < right.size(); ++i) {
    segment[i] = costs.distance(start_of(i), right[i] - 1);
    if (i + 1 < right.size()) {
      merged[i] = costs.distance(start_of(i), right[i + 1] - 1);
    }
  }
  while (true) {
    double best = 0.0;
    std::optional<std::size_t> candidate;
    for (std::size_t i = 0; i + 1 < right.size(); ++i) {
      if (candidate && *candidate + 1 < i) {
        break;
      }
      const double change = merged[i] - ((segment[i] + segment[i + 1]) + gamma);
      if (change <= best) {
        best = change;
        candidate = i;
      }
    }
    if (!candidate) {
      return;
    }
    const std::size_t c = *candidate;
    right.erase(right.begin() + static_cast<std::ptrdiff_t>(c));
    segment[c] = merged[c];
    segment.erase(segment.begin() + static_cast<std::ptrdiff_t>(c) + 1);
    merged.erase(merged.begin() + static_cast<std::ptrdiff_t>(c));
    if (c > 0) {
      merged[c - 1] = costs.distance(start_of(c - 1), right[c] - 1);
    }
    if (c + 1 < right.size()) {
      merged[c] = costs.distance(start_of(c), right[c + 1] - 1);
    }
  }
}

// (c) One left-to-right pass moving each internal boundary where the two segments beside it
// cost strictly less (spec 3.3 c).
void refine_boundaries(SegmentCosts& costs, std::vector<std::size_t>& right) {
  constexpr auto k_reach = static_cast<std::int64_t>(k_window);
  std::int64_t left = 0;
  for (std::size_t j = 1; j < right.size(); ++j) {
    const auto boundary = static_cast<std::int64_t>(right[j - 1]);
    const auto end = static_cast<std::int64_t>(right[j]);
    const auto score = [&](std::int64_t split) {
      return costs.distance(static_cast<std::size_t>(left), static_cast<std::size_t>(split - 1)) +
             costs.distance(static_cast<std::size_t>(split), static_cast<std::size_t>(end - 1));
    };
    double best = score(boundary);
    std::int64_t best_offset = 0;
    for (std::int64_t offset = -k_reach; offset <= k_reach; ++offset) {
      if (boundary + offset - 1 < left || boundary + offset > end - 1 || offset == 0) {
        continue;
      }
      const double candidate = score(boundary + offset);
      if (candidate < best) {
        best_offset = offset;
        best = candidate;
      }
    }
    right[j - 1] = static_cast<std::size_t>(boundary + best_offset);
    left = static_cast<std::int64_t>(right[j - 1]);
  }
}

// asv's `solve_potts_approx` at penalty `gamma` (spec 3.3).
Segmentation fit_at_penalty(SegmentCosts& costs, std::size_t n, double gamma) {
  Segmentation fit;
  fit.right = windowed_fit(costs, n, gamma);
  merge_segments(costs, fit.right, gamma);
  refine_boundaries(costs, fit.right);
  std::size_t left = 0;
  for (const std::size_t right : fit.right) {
    const MedianDistance& cost = costs.get(left, right - 1);
    fit.values.push_back(cost.median);
    fit.distances.push_back(cost.distance);
    left = right;
  }
  return fit;
}

// asv's `golden_search` with expanded bounds (spec 3.5); returns its answer.
template <typename Function>
double golden_search(const Function& f, double a, double b, double xatol, double ftol) {
  const double ratio = 2 / (1 + std::sqrt(5.0));
  double x0 = (ratio * a - (1 - ratio) * b) / (2 * ratio - 1);
  double x3 = (ratio * b - (1 - ratio) * a) / (2 * ratio - 1);
  double x1 = ratio * x0 + (1 - ratio) * x3;
  double x2 = (1 - ratio) * x0 + ratio * x3;
  double f1 = f(x1);
  double f2 = f(x2);
  const double f0 = std::max(std::fabs(f1), std::fabs(f2));
  while (!(std::fabs(x0 - x3) < xatol || std::fabs(f1 - f2) < ftol * f0)) {
    if (f2 < f1) {
      x0 = x1;
      x1 = x2;
      x2 = ratio * x1 + (1 - ratio) * x3;
      f1 = f2;
      f2 = f(x2);
    } else {
      x3 = x2;
      x2 = x1;
      x1 = ratio * x2 + (1 - ratio) * x0;
      f2 = f1;
      f1 = f(x1);
    }
  }
  return f2 < f1 ? x2 : x1;
}

// |e_0|·w_0 + Σ |e_k − ρ·e_{k−1}|·w_k over the residuals, in index order (asv's `sigma_star`).
double correlated_deviation(const std::vector<double>& residuals, std::span<const double> weights,
                            double rho) {
  double sum = std::fabs(residuals[0]) * weights[0];
  for (std::size_t k = 1; k < residuals.size(); ++k) {
    sum += std::fabs(residuals[k] - rho * residuals[k - 1]) * weights[k];
  }
  return sum;
}

// Python's min() of a non-empty list: the first element unless a later one is smaller.
double python_min(const std::vector<double>& values) {
  return *std::min_element(values.begin(), values.end());
}

// asv's objective of one fit: β·m + ln(σ0 + S*) (spec 3.4).
double fit_objective(const Segmentation& fit, std::span<const double> values,
                     std::span<const double> weights, double beta) {
  std::vector<double> residuals(values.size());
  std::size_t left = 0;
  for (std::size_t j = 0; j < fit.right.size(); ++j) {
    for (std::size_t k = left; k < fit.right[j]; ++k) {
      residuals[k] = values[k] - fit.values[j];
    }
    left = fit.right[j];
  }
  const auto deviation = [&](double rho) { return correlated_deviation(residuals, weights, rho); };
  const double rho = golden_search(deviation, -1, 1, 0.05, 1e-8);

  std::vector<double> gaps;
  if (fit.values.size() > 2) {
    for (std::size_t j = 0; j + 1 < fit.values.size(); ++j) {
      gaps.push_back(std::fabs(fit.values[j + 1] - fit.values[j]));
    }
  } else {
    for (const double level : fit.values) {
      gaps.push_back(std::fabs(level));
    }
  }
  const double noise_floor =
      std::max(1e-300, (fit.values.size() > 2 ? 0.1 : 0.001) * python_min(gaps));
  return beta * static_cast<double>(fit.right.size()) + std::log(noise_floor + deviation(rho));
}

// The median of the weights that are numbers (spec 3.1), 1.0 when there are none or it is 0.
double weight_median(std::span<const double> weights) {
  std::vector<double> valid;
  for (const double weight : weights) {
    if (!std::isnan(weight)) {
      valid.push_back(weight);
    }
  }
  if (valid.empty()) {
    return 1.0;
  }
  std::sort(valid.begin(), valid.end());
  const std::size_t middle = valid.size() / 2;
  const double median =
      valid.size() % 2 == 1 ? valid[middle] : (valid[middle - 1] + valid[middle]) / 2;
  return median == 0 ? 1.0 : median;
}

}  // namespace

MedianDistance weighted_median_distance(std::span<const double> values,
                                        std::span<const double> weights) {
  std::vector<ValueWeight> scratch;
  return median_distance(values, weights, scratch);
}

StepFit detect_steps(std::span<const double> values, std::span<const double> weights) {
  // The kept points, their values and normalised weights (spec 3.1).
  std::vector<std::size_t> kept;
  std::vector<double> y;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isnan(values[i]) && (weights.empty() || !(weights[i] <= 0))) {
      kept.push_back(i);
      y.push_back(values[i]);
    }
  }
  std::vector<double> w(y.size(), 1.0);
  if (!weights.empty()) {
    const double median = weight_median(weights);
    for (std::size_t k = 0; k < kept.size(); ++k) {
      if (!std::isnan(weights[kept[k]])) {
        w[k] = weights[kept[k]] / median;
      }
    }
  }
  StepFit result;
  const std::size_t n = y.size();
  if (n == 0) {
    return result;
  }

  // The γ search (spec 3.4): the best trial evaluated is kept, not the search's answer.
  SegmentCosts costs(y, w);
  const double beta = 4 * std::log(static_cast<double>(n)) / static_cast<double>(n);
  double gamma0 = costs.distance(0, n - 1);
  if (gamma0 == 0) {
    gamma0 = 1.0;
  }
  std::optional<double> best_objective;
  Segmentation best;
  const auto trial = [&](double x) {
    const double gamma = gamma0 * std::exp(x);
    Segmentation fit = fit_at_penalty(costs, n, gamma);
    const double objective = fit_objective(fit, y, w, beta);
    result.trials.push_back({gamma, fit.right.size()});
    if (!best_objective || *best_objective > objective) {
      best_objective = objective;
      best = std::move(fit);
      result.gamma = gamma;
    }
    return objective;
  };
  const double low = std::log(0.1 / static_cast<double>(n));
  golden_search(trial, low, 0.0, std::fabs(low) * 0.1, 0.0);

  std::size_t left = 0;
  for (std::size_t j = 0; j < best.right.size(); ++j) {
    const std::size_t right = best.right[j];
    double lowest = y[left];
    for (std::size_t k = left + 1; k < right; ++k) {
      lowest = y[k] < lowest ? y[k] : lowest;
    }
    result.steps.push_back({static_cast<std::int64_t>(kept[left]),
                            static_cast<std::int64_t>(kept[right - 1] + 1), best.values[j], lowest,
                            std::fabs(best.distances[j] / static_cast<double>(right - left))});
    left = right;
  }
  return result;
}

std::optional<Regressions> detect_regressions(std::span<const Step> steps, double threshold,
                                              std::int64_t min_size) {
  if (steps.empty()) {
    return std::nullopt;
  }
  // A level: its value and error.
  struct Level {
    double value;
    double err;
  };
  Level reference{steps.back().value, steps.back().err};
  double best = steps.back().value;
  std::optional<std::int64_t> next_left;
  std::optional<Level> pending;
  Regressions result;
  for (auto step = steps.rbegin(); step != steps.rend(); ++step) {
    // Python's max(a, b, c): the first of the largest.
    double margin = step->err;
    margin = reference.err > margin ? reference.err : margin;
    margin = threshold * step->value > margin ? threshold * step->value : margin;
    if (reference.value > step->value + margin) {
      if (step->right_excl - step->left < min_size) {
        pending = reference;
      }
      // The last step never jumps (its margin is at least its own err), so next_left is set.
      result.jumps.push_back(
          {step->right_excl - 1, next_left.value_or(step->right_excl), step->value, best});
      reference = {step->value, step->err};
    } else if (pending) {
      if (pending->value <= step->value + margin) {
        result.jumps.pop_back();
        reference = *pending;
      }
      pending.reset();
    }
    next_left = step->left;
    best = step->value < best ? step->value : best;
  }
  if (result.jumps.empty()) {
    return std::nullopt;
  }
  std::reverse(result.jumps.begin(), result.jumps.end());
  result.last_value = steps.back().value;
  result.best_value = best;
  return result;
}

}  // namespace spyglass::history
