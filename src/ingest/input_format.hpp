#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "spyglass/model/asv_results.hpp"
#include "spyglass/model/benchmark_catalog.hpp"

namespace spyglass::ingest {

// The benchmark result formats spyglass reads; k_auto detects the format from the content.
// github-action-benchmark's custom JSON comes in two, as the action's `tool:` names it: the file
// does not say which way is better.
enum class InputFormat {
  k_auto,
  k_asv,
  k_gbench,
  k_pytest_benchmark,
  k_hyperfine,
  k_ptjb,
  k_custom_smaller_is_better,
  k_custom_bigger_is_better,
};

// Choices a format leaves open, set from the command line.
struct ReadOptions {
  // gbench: "real_time" or "cpu_time", else a counter's name ("items_per_second").
  std::string metric = "real_time";
  std::optional<std::string> run;  // ptjb: the run (or commit) of the file this side takes
};

// ReadOptions::run naming the run before a file's latest: the base side's default when both
// sides of a comparison are the same ptjb file.
inline constexpr std::string_view k_previous_run = "previous";

// One side of a comparison, whatever format it came from: its results in asv's model, and the
// catalog (units, types) a non-asv format records in the file itself. asv files leave the catalog
// empty: theirs is benchmarks.json.
struct LoadedResults {
  model::ResultFile file;
  model::BenchmarkCatalog catalog;
};

}  // namespace spyglass::ingest
