#pragma once

#include <string>
#include <string_view>

#include "spyglass/ingest/input_format.hpp"

namespace spyglass::ingest {

// Parse `hyperfine --export-json` output. Each result is a benchmark named by its `command`
// (with its `parameters`' values as asv-style params, `command(v1, v2)`) whose `times` (seconds)
// are the samples; a non-zero exit code makes it failed. The machine is "hyperfine", the
// environment the file's name without its folder and extension. Throws Error(k_bad_input)
// "`display_name`: ..." for malformed JSON, a missing key or a wrong type.
LoadedResults parse_hyperfine(std::string_view text, const std::string& display_name,
                              const ReadOptions& options);

}  // namespace spyglass::ingest
