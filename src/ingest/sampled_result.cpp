#include "spyglass/ingest/sampled_result.hpp"

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

void add_time_benchmark(model::BenchmarkCatalog& catalog, const std::string& key,
                        std::vector<std::string> param_names) {
  model::BenchmarkInfo info;
  info.name = key;
  info.type = "time";
  info.unit = "seconds";
  info.param_names = std::move(param_names);
  catalog.by_name.insert_or_assign(key, std::move(info));
}

}  // namespace spyglass::ingest
