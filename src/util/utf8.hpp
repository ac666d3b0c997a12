#pragma once

#include <cstddef>
#include <string_view>

namespace spyglass::util {

// True when `text` is well-formed UTF-8 (RFC 3629: no overlong forms, surrogates, or code points
// past U+10FFFF) — what a JSON writer accepts.
bool is_valid_utf8(std::string_view text);

// The byte length (1 to 4) of the UTF-8 sequence that non-empty `text` starts with, or 0 when it
// starts with a malformed one. A sequence cut short by the end of `text` counts by its full
// length, so a result above text.size() means truncated rather than malformed.
std::size_t utf8_sequence_length(std::string_view text);

// The first `count` code points of `text` (all of it when shorter): a prefix that never ends
// inside a multi-byte sequence, for a short form of untrusted text such as a commit hash.
std::string_view first_code_points(std::string_view text, std::size_t count);

}  // namespace spyglass::util
