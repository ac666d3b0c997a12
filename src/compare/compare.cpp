#include "spyglass/compare/compare.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string_view>
#include <vector>

#include "spyglass/stats/sample_stats.hpp"
#include "spyglass/stats/significance.hpp"
#include "spyglass/util/parallel.hpp"

namespace spyglass::compare {
namespace {

using model::BenchmarkResult;
using model::Change;
using model::ComparisonRow;
using model::Direction;
using model::Evidence;
using model::ResultFile;

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// One result and its unrolled name, kept side by side so that sorting reads no result.
struct NamedResult {
  std::string_view name;
  const BenchmarkResult* result;
};

// A file's results sorted by unrolled name (Python's sorted(): code-point order, which is byte
// order for UTF-8). Of a name repeated in a file only the last entry stays, as the dict
// assignment in asv-spyglass keeps it.
using SortedResults = std::vector<NamedResult>;

SortedResults sorted_results(const ResultFile& file) {
  SortedResults sorted;
  sorted.reserve(file.results.size());
  for (const auto& result : file.results) {
    sorted.push_back({result.name, &result});
  }
  // Equal names sort their last entry first (the results are one array, so addresses give the
  // file order), and std::unique keeps the first of equal neighbours.
  std::sort(sorted.begin(), sorted.end(), [](const NamedResult& a, const NamedResult& b) {
    const int order = a.name.compare(b.name);
    return order != 0 ? order < 0 : a.result > b.result;
  });
  sorted.erase(
      std::unique(sorted.begin(), sorted.end(),
                  [](const NamedResult& a, const NamedResult& b) { return a.name == b.name; }),
      sorted.end());
  return sorted;
}

// The sorted union of the names in several files, and each file's result for each name.
struct JointResults {
  std::vector<std::string_view> names;
  // Per file, one entry per name: its result, or nullptr when the file lacks the name.
  std::vector<std::vector<const BenchmarkResult*>> by_file;
};

// Merge the sorted lists of `files` into their union.
JointResults join(std::span<const SortedResults> files) {
  JointResults joint;
  joint.by_file.resize(files.size());
  std::vector<std::size_t> next(files.size(), 0);
  const auto head = [&](std::size_t f) -> const NamedResult* {
    return next[f] < files[f].size() ? &files[f][next[f]] : nullptr;
  };
  for (;;) {
    const NamedResult* first = nullptr;
    for (std::size_t f = 0; f < files.size(); ++f) {
      if (const auto* candidate = head(f); candidate != nullptr) {
        if (first == nullptr || candidate->name < first->name) {
          first = candidate;
        }
      }
    }
    if (first == nullptr) {
      return joint;
    }
    const std::string_view name = first->name;
    joint.names.push_back(name);
    for (std::size_t f = 0; f < files.size(); ++f) {
      const auto* candidate = head(f);
      const bool has_name = candidate != nullptr && candidate->name == name;
      joint.by_file[f].push_back(has_name ? candidate->result : nullptr);
      next[f] += has_name ? 1 : 0;
    }
  }
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
void classify_as_asv(const BenchmarkResult* before, const BenchmarkResult* after, double factor,
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
  // asv's `_is_result_better(a, b)` asks whether `a` is smaller than `b` by more than the factor.
  // For a bigger-is-better row the sides swap: "before is smaller than after" is "after grew",
  // an improvement. That is the same verdict as comparing the inverted values (after > before *
  // factor), without touching the values, and the statistical test is symmetric in its sides.
  const bool bigger = row.direction == Direction::k_bigger_is_better;
  const auto verdicts = bigger
                            ? stats::is_result_better_either_way(*t1, *t2, sample_stats_of(before),
                                                                 sample_stats_of(after), factor)
                            : stats::is_result_better_either_way(*t2, *t1, sample_stats_of(after),
                                                                 sample_stats_of(before), factor);
  const auto& better = verdicts.a_better;
  row.evidence = better.evidence;
  row.p_value = better.p_value;
  if (better.result) {
    row.change = Change::k_improved;
    return;
  }
  const auto& worse = verdicts.b_better;
  row.evidence = worse.evidence;
  row.p_value = worse.p_value;
  if (worse.result) {
    row.change = Change::k_regressed;
    return;
  }
  // Beyond the factor but statistically insignificant: asv's `~` (spec 3.5).
  row.insignificant = std::isfinite(row.ratio) && (*t1 < *t2 / factor || *t2 < *t1 / factor);
}

// Classify as asv does; then a row with an infinite side keeps asv's mark for the table only. asv
// ranks any finite value above an infinite one, but an infinite time is a broken measurement, not
// a speed: spyglass's verdict is "not comparable", so it trips no exit code, gate or output
// (docs/compatibility.md).
void classify(const BenchmarkResult* before, const BenchmarkResult* after, double factor,
              ComparisonRow& row) {
  classify_as_asv(before, after, factor, row);
  const auto t1 = time_of(before);
  const auto t2 = time_of(after);
  if (t1 && t2 && (std::isinf(*t1) || std::isinf(*t2))) {
    row.asv_table_change = row.change;
    row.change = Change::k_incomparable;
    row.evidence = Evidence::k_none;
    row.p_value.reset();
    row.insignificant = false;
  }
}

// What a comparison needs beyond the two files: the catalog, the factor, and the rules (factors by
// pattern, which rows are bigger-is-better).
struct CompareSettings {
  const model::BenchmarkCatalog& catalog;
  double factor;
  const NoiseRules& rules;
};

// Fill the empty `row` with `after` compared with `before`.
void compare_one(std::string_view name, const BenchmarkResult* before, const BenchmarkResult* after,
                 const CompareSettings& settings, ComparisonRow& row) {
  const auto* any = before != nullptr ? before : after;
  row.name = std::string(name);
  if (any != nullptr) {
    row.key = any->key;
    row.params = any->params;
    if (const auto* info = settings.catalog.find(any->key)) {
      row.unit = info->unit;
      row.direction = info->direction;
    }
  }
  if (settings.rules.bigger(row.name)) {
    row.direction = Direction::k_bigger_is_better;
  }
  row.before = measurement_of(before);
  row.after = measurement_of(after);
  row.ratio = ratio_of(time_of(before), time_of(after));
  classify(before, after, settings.rules.factor_of(name, settings.factor), row);
}

model::Source source_of(const ResultFile& file) {
  return {file.path, file.machine, file.env_name, file.commit_hash};
}

// `after` compared with `before` on `names`, given each file's result for each name.
model::Comparison compare_on_names(const ResultFile& before,
                                   std::span<const BenchmarkResult* const> before_results,
                                   const ResultFile& after,
                                   std::span<const BenchmarkResult* const> after_results,
                                   std::span<const std::string_view> names,
                                   const CompareSettings& settings) {
  model::Comparison comparison;
  comparison.before = source_of(before);
  comparison.after = source_of(after);
  comparison.factor = settings.factor;
  // Rows are independent, so thousands of them are filled on every usable CPU.
  comparison.rows.resize(names.size());
  util::parallel_for(
      names.size(), util::k_rows_per_thread, [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
          compare_one(names[i], before_results[i], after_results[i], settings, comparison.rows[i]);
        }
      });
  return comparison;
}

}  // namespace

model::Comparison compare_results(const ResultFile& before, const ResultFile& after,
                                  const model::BenchmarkCatalog& catalog, double factor,
                                  const NoiseRules& rules) {
  const CompareSettings settings{catalog, factor, rules};
  const std::array<SortedResults, 2> sorted = {sorted_results(before), sorted_results(after)};
  const JointResults joint = join(sorted);
  auto comparison =
      compare_on_names(before, joint.by_file[0], after, joint.by_file[1], joint.names, settings);
  apply_noise_rules(comparison, rules, Marks::k_compared);
  return comparison;
}

model::MultiComparison compare_many(const ResultFile& baseline,
                                    std::span<const ResultFile> contenders,
                                    const model::BenchmarkCatalog& catalog, double factor,
                                    const NoiseRules& rules) {
  const CompareSettings settings{catalog, factor, rules};
  std::vector<SortedResults> sorted;
  sorted.reserve(contenders.size() + 1);
  sorted.push_back(sorted_results(baseline));
  for (const auto& contender : contenders) {
    sorted.push_back(sorted_results(contender));
  }
  const JointResults joint = join(sorted);

  model::MultiComparison result;
  result.baseline = source_of(baseline);
  result.factor = factor;
  result.contenders.reserve(contenders.size());
  for (std::size_t i = 0; i < contenders.size(); ++i) {
    result.contenders.push_back(compare_on_names(baseline, joint.by_file[0], contenders[i],
                                                 joint.by_file[i + 1], joint.names, settings));
  }
  apply_noise_rules(result, rules, Marks::k_compared);
  return result;
}

}  // namespace spyglass::compare
