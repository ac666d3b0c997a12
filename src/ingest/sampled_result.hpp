#pragma once

#include <optional>
#include <string>
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

// Record `key` in `catalog` as a time benchmark in seconds (with `param_names`, if any).
void add_time_benchmark(model::BenchmarkCatalog& catalog, const std::string& key,
                        std::vector<std::string> param_names = {});

}  // namespace spyglass::ingest
