#include "spyglass/ingest/sampled_result.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "spyglass/ingest/unroll.hpp"
#include "spyglass/stats/sample_stats.hpp"

namespace spyglass::ingest {

model::BenchmarkResult sampled_result(const std::string& key, std::vector<std::string> params,
                                      std::vector<double> samples, double number) {
  model::BenchmarkResult result;
  result.key = key;
  result.name = unrolled_name(key, params);
  result.params = std::move(params);
  if (samples.size() == 1) {
    result.value = model::Number{samples.front(), false};
  } else if (const auto computed = stats::compute_stats(samples, number)) {
    result.value = model::Number{computed->result, false};
    result.stats = computed->stats;
    result.samples = std::move(samples);
  }
  return result;
}

model::BenchmarkResult stated_result(const std::string& key, std::optional<double> value) {
  model::BenchmarkResult result;
  result.key = key;
  result.name = key;
  if (value) {
    result.value = model::Number{*value, false};
  }
  return result;
}

std::optional<double> seconds_per_unit(std::string_view unit) {
  constexpr std::array<std::pair<std::string_view, double>, 4> k_units = {
      {{"ns", 1e-9}, {"us", 1e-6}, {"ms", 1e-3}, {"s", 1.0}}};
  for (const auto& [name, factor] : k_units) {
    if (unit == name) {
      return factor;
    }
  }
  return std::nullopt;
}

std::string file_stem(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const auto dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

void add_benchmark(model::BenchmarkCatalog& catalog, const std::string& key, std::string unit,
                   model::Direction direction, std::vector<std::string> param_names) {
  model::BenchmarkInfo info;
  info.name = key;
  info.type = unit == k_seconds_unit ? "time" : "track";
  info.unit = std::move(unit);
  info.param_names = std::move(param_names);
  info.direction = direction;
  catalog.by_name.insert_or_assign(key, std::move(info));
}

void add_time_benchmark(model::BenchmarkCatalog& catalog, const std::string& key,
                        std::vector<std::string> param_names) {
  add_benchmark(catalog, key, std::string(k_seconds_unit), model::Direction::k_smaller_is_better,
                std::move(param_names));
}

}  // namespace spyglass::ingest
