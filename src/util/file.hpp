#pragma once

#include <string>
#include <string_view>

namespace spyglass::util {

// Read the whole file at `path`; throws Error(k_bad_input) naming the file when it cannot.
std::string read_file(const std::string& path);

// Write `text` to the file at `path`, replacing it; throws Error(k_bad_input) "PATH: cannot write".
void write_file(const std::string& path, std::string_view text);

// True when `path` names an existing regular file.
bool is_regular_file(const std::string& path);

}  // namespace spyglass::util
