#pragma once

#include <string>

namespace spyglass::util {

// Read the whole file at `path`; throws Error(k_bad_input) naming the file when it cannot.
std::string read_file(const std::string& path);

// True when `path` names an existing regular file.
bool is_regular_file(const std::string& path);

}  // namespace spyglass::util
