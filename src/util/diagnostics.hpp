#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace spyglass::util {

// `text` on one line and free of terminal controls: each C0 control character, DEL and C1
// control (U+0080–U+009F) is written as a visible escape (`\n`, `\r`, `\t`, `\x1b`, `\u0085`).
// Messages quote names and keys from input files, and a line break in one would let a fork start
// a line of its own in the log.
std::string escape_control_characters(std::string_view text);

// Print `spyglass: error: <message>` on one line.
void write_error(std::ostream& err, std::string_view message);

// Print `spyglass: warning: <message>` on one line.
void write_warning(std::ostream& err, std::string_view message);

// Print `spyglass: <message>` on one line (verbose and progress lines).
void write_note(std::ostream& err, std::string_view message);

}  // namespace spyglass::util
