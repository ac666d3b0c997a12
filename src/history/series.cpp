#include "spyglass/history/series.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <system_error>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "spyglass/ingest/asv_results.hpp"
#include "spyglass/ingest/benchmarks_json.hpp"
#include "spyglass/ingest/unroll.hpp"
#include "spyglass/model/benchmark_catalog.hpp"
#include "spyglass/util/error.hpp"

namespace spyglass::history {

namespace {

namespace fs = std::filesystem;

constexpr double k_missing = std::numeric_limits<double>::quiet_NaN();

// The result files of an asv results folder: `<machine>/*.json` except machine.json, sorted.
// (asv skips a machine folder without machine.json; spyglass reads it too.)
std::vector<std::string> result_files(const fs::path& folder) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& machine : fs::directory_iterator(folder, error)) {
    if (!machine.is_directory(error)) {
      continue;
    }
    for (const auto& entry : fs::directory_iterator(machine.path(), error)) {
      const fs::path& path = entry.path();
      if (path.extension() == ".json" && path.filename() != "machine.json" &&
          path.filename() != "benchmarks.json" && !entry.is_directory(error)) {
        files.push_back(path.string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// asv publish's weight of a measurement: 2 / |ci_99_b − ci_99_a|, missing without two finite,
// different bounds (spec 2.5).
double weight_of(const std::optional<model::Stats>& stats) {
  if (!stats || !stats->ci_99_a || !stats->ci_99_b || !std::isfinite(*stats->ci_99_a) ||
      !std::isfinite(*stats->ci_99_b) || *stats->ci_99_a == *stats->ci_99_b) {
    return k_missing;
  }
  return 2 / std::fabs(*stats->ci_99_b - *stats->ci_99_a);
}

// The mean of the non-missing numbers of `values` (NaN when none), as asv averages the values
// and weights that fall on one commit of one series (spec 2.4).
double mean_of_present(const std::vector<double>& values) {
  double sum = 0.0;
  std::size_t count = 0;
  for (const double value : values) {
    if (!std::isnan(value)) {
      sum += value;
      ++count;
    }
  }
  return count == 0 ? k_missing : sum / static_cast<double>(count);
}

// Sort a series' points by (date, commit) and average the points of one commit into one.
void order_points(std::vector<Point>& points) {
  std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
    return std::tie(a.date, a.commit) < std::tie(b.date, b.commit);
  });
  std::vector<Point> merged;
  for (std::size_t i = 0; i < points.size();) {
    std::size_t end = i + 1;
    while (end < points.size() && points[end].commit == points[i].commit) {
      ++end;
    }
    if (end == i + 1) {
      merged.push_back(std::move(points[i]));
    } else {
      std::vector<double> values;
      std::vector<double> weights;
      for (std::size_t k = i; k < end; ++k) {
        values.push_back(points[k].value);
        weights.push_back(points[k].weight);
      }
      merged.push_back(
          {points[i].commit, points[i].date, mean_of_present(values), mean_of_present(weights)});
    }
    i = end;
  }
  points = std::move(merged);
}

// The series being built, found by machine and env, then by benchmark name.
class SeriesBuilder {
 public:
  using ByName = std::unordered_map<std::string, std::size_t, model::StringHash, std::equal_to<>>;

  ByName& group(const std::string& machine, const std::string& env) {
    return m_groups[{machine, env}];
  }

  Series& series(ByName& group, const std::string& benchmark, const std::string& machine,
                 const std::string& env, const std::optional<std::string>& unit) {
    auto [it, inserted] = group.try_emplace(benchmark, m_series.size());
    if (inserted) {
      m_series.push_back({benchmark, machine, env, unit, {}});
    }
    return m_series[it->second];
  }

  std::vector<Series> take() { return std::move(m_series); }

 private:
  std::map<std::pair<std::string, std::string>, ByName> m_groups;
  std::vector<Series> m_series;
};

// Add the results of one folder to `builder`.
void load_folder(const std::string& folder, const SeriesFilter& filter,
                 std::uint64_t max_input_size, SeriesBuilder& builder) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    throw_input_error(folder,
                      "not a folder (give asv's results folder: benchmarks.json and one "
                      "folder of result files per machine)");
  }
  const fs::path benchmarks_json = fs::path(folder) / "benchmarks.json";
  if (!fs::exists(benchmarks_json, error)) {
    throw_input_error(folder,
                      "no benchmarks.json (give asv's results folder: benchmarks.json and "
                      "one folder of result files per machine)");
  }
  const model::BenchmarkCatalog catalog =
      ingest::load_benchmarks_json(benchmarks_json.string(), max_input_size);
  // Every parameter combination benchmarks.json has, by its display name (spec 2.1).
  std::unordered_set<std::string> combinations;
  for (const auto& [key, info] : catalog.by_name) {
    for (const auto& combination : ingest::param_combinations(info.params)) {
      combinations.insert(ingest::unrolled_name(key, combination));
    }
  }

  const std::vector<std::string> files = result_files(folder);
  if (files.empty()) {
    throw_input_error(folder, "no result files (asv writes them to <machine>/<commit>-<env>.json)");
  }
  for (const std::string& path : files) {
    const model::ResultFile file = ingest::load_asv_results(path, max_input_size);
    if (!file.date) {
      throw_input_error(path, "no commit date (`date`): the history orders results by it");
    }
    if ((filter.machine && *filter.machine != file.machine) ||
        (filter.env && *filter.env != file.env_name)) {
      continue;
    }
    auto& group = builder.group(file.machine, file.env_name);
    for (const model::BenchmarkResult& result : file.results) {
      const model::BenchmarkInfo* info = catalog.find(result.key);
      // asv ignores results of benchmarks it no longer has, of another version of the
      // benchmark, and of combinations benchmarks.json does not list.
      if (info == nullptr || (result.version && result.version != info->version) ||
          !combinations.contains(result.name) ||
          (filter.benchmark && !filter.benchmark->search(result.name))) {
        continue;
      }
      const bool measured = result.value && !std::isnan(result.value->value);
      builder.series(group, result.name, file.machine, file.env_name, info->unit)
          .points.push_back({file.commit_hash, *file.date,
                             measured ? result.value->value : k_missing, weight_of(result.stats)});
    }
  }
}

}  // namespace

std::vector<Series> load_series(const std::vector<std::string>& folders, const SeriesFilter& filter,
                                std::uint64_t max_input_size) {
  SeriesBuilder builder;
  for (const std::string& folder : folders) {
    load_folder(folder, filter, max_input_size, builder);
  }
  std::vector<Series> all = builder.take();
  std::vector<Series> measured;
  for (Series& series : all) {
    if (std::any_of(series.points.begin(), series.points.end(),
                    [](const Point& point) { return !std::isnan(point.value); })) {
      order_points(series.points);
      measured.push_back(std::move(series));
    }
  }
  std::sort(measured.begin(), measured.end(), [](const Series& a, const Series& b) {
    return std::tie(a.benchmark, a.machine, a.env) < std::tie(b.benchmark, b.machine, b.env);
  });
  return measured;
}

}  // namespace spyglass::history
