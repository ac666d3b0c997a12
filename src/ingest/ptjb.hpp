#pragma once

#include <string>
#include <string_view>

#include "spyglass/ingest/input_format.hpp"

namespace spyglass::ingest {

// STUB until the ptjb reader is merged: always throws Error(k_bad_input).
LoadedResults parse_ptjb(std::string_view text, const std::string& display_name,
                         const ReadOptions& options);

}  // namespace spyglass::ingest
