#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

namespace spyglass::util {

// Read the whole file at `path` (a regular file of at most `max_size` bytes: MappedFile's
// checks); throws Error(k_bad_input) naming the file when it cannot.
std::string read_file(const std::string& path, std::uint64_t max_size);

// Read `in` to its end, named `name` in errors; throws Error(k_bad_input) "`name`: is larger than
// the input limit ..." as soon as it passes `max_size` bytes, having buffered no more than that.
std::string read_stream(std::istream& in, const std::string& name, std::uint64_t max_size);

// Write `text` to the file at `path`, replacing it; throws Error(k_bad_input) "PATH: cannot write".
void write_file(const std::string& path, std::string_view text);

// True when `path` names an existing regular file.
bool is_regular_file(const std::string& path);

}  // namespace spyglass::util
