#pragma once

#include <optional>
#include <string>
#include <vector>

#include "spyglass/model/asv_results.hpp"
#include "spyglass/model/benchmark_catalog.hpp"
#include "spyglass/util/io.hpp"

namespace spyglass::action {

// The text of the file at `path`, or of standard input when `path` is "-".
std::string read_input(const std::string& path, util::Io& io);

// How messages name `path`: "<stdin>" for "-".
std::string input_name(const std::string& path);

// Load the result file at `path`, warning on `io.err` when it holds no benchmark results.
model::ResultFile load_results(const std::string& path, util::Io& io);

// The benchmarks.json to use: `explicit_path` when given and not empty, else the one asv's layout
// puts beside `first_result` (if any), else an empty catalog (values then print without units).
model::BenchmarkCatalog load_catalog(const std::optional<std::string>& explicit_path,
                                     const std::string& first_result);

}  // namespace spyglass::action
