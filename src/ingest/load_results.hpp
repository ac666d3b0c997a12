#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "spyglass/ingest/input_format.hpp"

namespace spyglass::ingest {

// Each format's name on the command line and in the action, "auto" first.
const std::vector<std::pair<std::string, InputFormat>>& input_format_names();

// The name of `format` in input_format_names().
std::string_view input_format_name(InputFormat format);

// Parse `text` as `format` (k_auto: detect_format). A text no reader matches is an error
// "`display_name`: not a benchmark result file spyglass reads (asv, gbench, pytest-benchmark,
// hyperfine, ptjb, github-action-benchmark's custom JSON)", or the JSON parser's message when it is
// not well-formed JSON; a format forced where the text is plainly another one is "`display_name`:
// --input-format FORMAT does not match the file (it looks like OTHER: ...)". Every other error is
// the reader's.
LoadedResults parse_results(std::string_view text, const std::string& display_name,
                            InputFormat format, const ReadOptions& options);

// Map and parse the file at `path`, at most `max_size` bytes (util::MappedFile: "-" is not
// special here).
LoadedResults load_results(const std::string& path, InputFormat format, const ReadOptions& options,
                           std::uint64_t max_size);

}  // namespace spyglass::ingest
