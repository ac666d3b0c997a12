#pragma once

#include <map>
#include <string>

namespace spyglass::test {

// $GITHUB_OUTPUT parsed as the runner does: `name=value` lines and `name<<DELIM` heredocs. A line
// of neither shape, or a heredoc left open, fails the current test.
std::map<std::string, std::string> parse_outputs(const std::string& text);

}  // namespace spyglass::test
