#pragma once

#include <optional>
#include <string>
#include <vector>

#include "spyglass/cli/io.hpp"
#include "spyglass/model/asv_results.hpp"
#include "spyglass/model/benchmark_catalog.hpp"

namespace spyglass::cli {

// Load the result file at `path`, warning on `io.err` when it holds no benchmark results.
model::ResultFile load_results(const std::string& path, Io& io);

// The benchmarks.json to use: `explicit_path` when given and not empty, else the one asv's layout puts beside
// `first_result` (if any), else an empty catalog (values then print without units).
model::BenchmarkCatalog load_catalog(const std::optional<std::string>& explicit_path,
                                     const std::string& first_result);

}  // namespace spyglass::cli
