#include "spyglass/compare/compare.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

#include "spyglass/stats/sample_stats.hpp"
#include "spyglass/stats/significance.hpp"

namespace spyglass::compare {
namespace {

using model::BenchmarkResult;
using model::Change;
using model::ComparisonRow;
using model::Evidence;
using model::ResultFile;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// A file's results by unrolled name; a name repeated in a file keeps its last entry, as the
// dict assignment in asv-spyglass does.
using ResultIndex = std::unordered_map<std::string_view, const BenchmarkResult*>;

ResultIndex index_results(const ResultFile& file) {
  ResultIndex index;
  index.reserve(file.results.size());
  for (const auto& result : file.results) {
    index[result.name] = &result;
  }
  return index;
}

const BenchmarkResult* find(const ResultIndex& index, std::string_view name) {
  auto it = index.find(name);
  return it == index.end() ? nullptr : it->second;
}

// The sorted union of the names in all `indexes` (Python's sorted(): code-point order, which is
// byte order for UTF-8).
std::vector<std::string_view> joint_names(std::span<const ResultIndex> indexes) {
  std::vector<std::string_view> names;
  for (const auto& index : indexes) {
    for (const auto& entry : index) {
      names.push_back(entry.first);
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

// One side's value: nullopt when the benchmark failed, NaN when skipped or absent.
std::optional<double> time_of(const BenchmarkResult* result) {
  if (result == nullptr) {
    return k_nan;
  }
  if (!result->value) {
    return std::nullopt;
  }
  return result->value->value;
}

model::Measurement measurement_of(const BenchmarkResult* result) {
  model::Measurement side;
  if (result == nullptr) {
    side.value = model::Number{k_nan, false};
    return side;
  }
  side.present = true;
  side.value = result->value;
  // asv-spyglass shows an error bar whenever the stats dict is non-empty.
  if (result->stats && !result->stats->empty()) {
    side.err = stats::half_iqr(*result->stats);
  }
  return side;
}

stats::SampleStats sample_stats_of(const BenchmarkResult* result) {
  stats::SampleStats ss;
  if (result != nullptr) {
    ss.stats = result->stats ? &*result->stats : nullptr;
    ss.samples = result->samples ? &*result->samples : nullptr;
  }
  return ss;
}

// asv-spyglass's Ratio: after/before, NaN when either is missing or failed, inf for a zero base.
double ratio_of(std::optional<double> t1, std::optional<double> t2) {
  if (!t1 || !t2 || std::isnan(*t1) || std::isnan(*t2)) {
    return k_nan;
  }
  if (*t1 == 0.0) {
    return std::numeric_limits<double>::infinity();
  }
  return *t2 / *t1;
}

// Classify one benchmark in asv's precedence order (spec 3.4) and fill the change, evidence,
// p-value and `~` flag of `row`.
void classify(const BenchmarkResult* before, const BenchmarkResult* after, double factor,
              ComparisonRow& row) {
  const auto t1 = time_of(before);
  const auto t2 = time_of(after);
  const auto* v1 = before != nullptr && before->version ? &*before->version : nullptr;
  const auto* v2 = after != nullptr && after->version ? &*after->version : nullptr;

  if (v1 != nullptr && v2 != nullptr && *v1 != *v2) {
    row.change = Change::k_incomparable;
    return;
  }
  if (t1 && !t2) {
    row.change = Change::k_failure_introduced;
    return;
  }
  if (!t1 && t2) {
    row.change = Change::k_failure_fixed;
    return;
  }
  if (!t1 || std::isnan(*t1) || std::isnan(*t2)) {
    return;  // both failed, or skipped/missing on a side: nothing to compare
  }

  const auto ss1 = sample_stats_of(before);
  const auto ss2 = sample_stats_of(after);
  const auto better = stats::is_result_better(*t2, *t1, ss2, ss1, factor);
  row.evidence = better.evidence;
  row.p_value = better.p_value;
  if (better.result) {
    row.change = Change::k_improved;
    return;
  }
  const auto worse = stats::is_result_better(*t1, *t2, ss1, ss2, factor);
  row.evidence = worse.evidence;
  row.p_value = worse.p_value;
  if (worse.result) {
    row.change = Change::k_regressed;
    return;
  }
  // Beyond the factor but statistically insignificant: asv's `~` (spec 3.5).
  row.insignificant =
      std::isfinite(row.ratio) && (*t1 < *t2 / factor || *t2 < *t1 / factor);
}

ComparisonRow compare_one(std::string_view name, const BenchmarkResult* before,
                          const BenchmarkResult* after, const model::BenchmarkCatalog& catalog,
                          double factor) {
  const auto* any = before != nullptr ? before : after;
  ComparisonRow row;
  row.name = std::string(name);
  if (any != nullptr) {
    row.key = any->key;
    row.params = any->params;
    if (const auto* info = catalog.find(any->key)) {
      row.unit = info->unit;
    }
  }
  row.before = measurement_of(before);
  row.after = measurement_of(after);
  row.ratio = ratio_of(time_of(before), time_of(after));
  classify(before, after, factor, row);
  return row;
}

model::Source source_of(const ResultFile& file) {
  return {file.path, file.machine, file.env_name, file.commit_hash};
}

model::Comparison compare_on_names(const ResultFile& before, const ResultIndex& before_index,
                                   const ResultFile& after, const ResultIndex& after_index,
                                   std::span<const std::string_view> names,
                                   const model::BenchmarkCatalog& catalog, double factor) {
  model::Comparison comparison;
  comparison.before = source_of(before);
  comparison.after = source_of(after);
  comparison.factor = factor;
  comparison.rows.reserve(names.size());
  for (auto name : names) {
    comparison.rows.push_back(
        compare_one(name, find(before_index, name), find(after_index, name), catalog, factor));
  }
  return comparison;
}

}  // namespace

model::Comparison compare_results(const ResultFile& before, const ResultFile& after,
                                  const model::BenchmarkCatalog& catalog, double factor) {
  const ResultIndex indexes[] = {index_results(before), index_results(after)};
  const auto names = joint_names(indexes);
  return compare_on_names(before, indexes[0], after, indexes[1], names, catalog, factor);
}

model::MultiComparison compare_many(const ResultFile& baseline,
                                    std::span<const ResultFile> contenders,
                                    const model::BenchmarkCatalog& catalog, double factor) {
  std::vector<ResultIndex> indexes;
  indexes.reserve(contenders.size() + 1);
  indexes.push_back(index_results(baseline));
  for (const auto& contender : contenders) {
    indexes.push_back(index_results(contender));
  }
  const auto names = joint_names(indexes);

  model::MultiComparison result;
  result.baseline = source_of(baseline);
  result.factor = factor;
  for (std::size_t i = 0; i < contenders.size(); ++i) {
    result.contenders.push_back(compare_on_names(baseline, indexes[0], contenders[i],
                                                 indexes[i + 1], names, catalog, factor));
  }
  return result;
}

}  // namespace spyglass::compare
