#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spyglass/model/asv_results.hpp"
#include "spyglass/model/benchmark_catalog.hpp"

// What the non-asv readers share: a measurement as asv's runner would have recorded it.
namespace spyglass::ingest {

// A timed benchmark measured as `samples` (seconds), each the mean of `number` calls, as asv's
// runner records it: two samples or more give the samples and compute_stats' median and stats;
// one sample is the value alone (a one-sample confidence interval is infinite, which would hide
// every change); none is a failed benchmark (value nullopt). `params` are the combination's values.
model::BenchmarkResult sampled_result(const std::string& key, std::vector<std::string> params,
                                      std::vector<double> samples, double number);

// A benchmark whose value the file states without samples (nullopt: failed).
model::BenchmarkResult stated_result(const std::string& key, std::optional<double> value);

// The unit of a time benchmark (asv's, which the tables format as a time).
inline constexpr std::string_view k_seconds_unit = "seconds";

// Seconds per time unit `unit` (ns, us, ms or s, as Google Benchmark and github-action-benchmark
// write them); nullopt for any other unit.
std::optional<double> seconds_per_unit(std::string_view unit);

// The file's name without its folders and its extension: "base" for "out/base.json".
std::string file_stem(const std::string& path);

// Record `key` in `catalog` as a benchmark measured in `unit` (a time benchmark for "seconds",
// else a track benchmark) that is better in `direction`, with `param_names`, if any.
void add_benchmark(model::BenchmarkCatalog& catalog, const std::string& key, std::string unit,
                   model::Direction direction, std::vector<std::string> param_names = {});

// Record `key` in `catalog` as a time benchmark in seconds (with `param_names`, if any).
void add_time_benchmark(model::BenchmarkCatalog& catalog, const std::string& key,
                        std::vector<std::string> param_names = {});

}  // namespace spyglass::ingest
