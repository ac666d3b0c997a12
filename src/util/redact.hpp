#pragma once

#include <string>
#include <string_view>

namespace spyglass::util {

// What a secret is replaced with in anything spyglass prints.
inline constexpr std::string_view k_redacted_secret = "***";

// `text` with every occurrence of `secret` replaced by k_redacted_secret; the last guard before a
// line is printed. An empty `secret` leaves `text` unchanged.
std::string redact_secret(std::string text, std::string_view secret);

}  // namespace spyglass::util
