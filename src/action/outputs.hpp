#pragma once

#include <string>
#include <string_view>

namespace spyglass::action {

// One `name=value` entry for the `$GITHUB_OUTPUT` file. A value with a newline is written as a
// heredoc `name<<DELIM` … `DELIM` whose delimiter (from `delimiter_seed`) is not a line of it.
std::string output_entry(std::string_view name, std::string_view value,
                         std::string_view delimiter_seed);

// A workflow command `::LEVEL title=TITLE::MESSAGE` (LEVEL warning, error or notice), escaped so
// the message cannot end the command or start another.
std::string annotation(std::string_view level, std::string_view title, std::string_view message);

}  // namespace spyglass::action
