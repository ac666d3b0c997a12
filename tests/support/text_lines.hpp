#pragma once

#include <string>
#include <vector>

namespace spyglass::test {

// The lines of `text` that start with `prefix` (annotations in a log, warnings on stderr).
std::vector<std::string> lines_starting_with(const std::string& text, const std::string& prefix);

}  // namespace spyglass::test
