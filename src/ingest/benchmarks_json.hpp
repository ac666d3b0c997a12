#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "spyglass/model/benchmark_catalog.hpp"

namespace spyglass::ingest {

// Parse asv's benchmarks.json (format 2; format 1 is read the same way). Throws
// Error(k_bad_input) naming `display_name` on malformed input.
model::BenchmarkCatalog parse_benchmarks_json(std::string_view contents,
                                              const std::string& display_name);

// Read and parse the benchmarks.json at `path`, at most `max_size` bytes.
model::BenchmarkCatalog load_benchmarks_json(const std::string& path, std::uint64_t max_size);

// asv's layout puts results in `results/<machine>/<file>.json` beside `results/benchmarks.json`.
// Returns asv-spyglass's `Path(result_path).parent.parent / "benchmarks.json"` when that file
// exists and `result_path` names both directories: after dropping "." and empty components (as
// pathlib does), it needs at least two directory components (`results/m/A.json` gives
// `results/benchmarks.json`) or one under the root (`/m/A.json` gives `/benchmarks.json`).
// `A.json`, `m/A.json`, `./m/A.json`, `../A.json` and `/A.json` give nullopt, where asv-spyglass
// would read `./benchmarks.json` from the working directory by accident (spec 0.5).
std::optional<std::string> discover_benchmarks_json(const std::string& result_path);

}  // namespace spyglass::ingest
