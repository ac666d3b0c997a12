#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "spyglass/model/asv_results.hpp"

namespace spyglass::ingest {

// Parse an asv result file (format 2, or format 1 converted as `asv update` does: benchmarks
// sorted by name, stats rounded to 5 significant digits, a missing env_name derived) and unroll
// its parameterized benchmarks. Throws Error(k_bad_input) "`display_name`: what is wrong" for
// malformed JSON, a missing or unsupported `version`, a missing required key, an unknown result
// column, a row whose shape does not match its params, or a value of the wrong JSON type (the
// message names its JSON path, e.g. `results["b.time_x"][0][1]`). `results: {}` is no error.
model::ResultFile parse_asv_results(std::string_view contents, const std::string& display_name);

// Read and parse the result file at `path`, at most `max_size` bytes.
model::ResultFile load_asv_results(const std::string& path, std::uint64_t max_size);

}  // namespace spyglass::ingest
