#pragma once

#include <string>
#include <string_view>

namespace spyglass::util {

// What a secret is replaced with in anything spyglass prints.
inline constexpr std::string_view k_redacted_secret = "***";

// The fewest leading characters of a secret that are redacted when they stand alone: a server
// that echoes a token cut short still must not show its start, while ordinary text rarely shares
// eight characters with a token's start. A secret shorter than this is redacted only whole.
inline constexpr std::size_t k_min_redacted_prefix = 8;

// `text` with `secret` replaced by k_redacted_secret: every occurrence, every run of at least
// k_min_redacted_prefix of its leading characters, and likewise for each part of it between
// control characters and spaces that is at least that long (a token with a line break in it is
// refused, but a message about it must not show its pieces). An empty `secret` leaves `text`
// unchanged.
std::string redact_secret(std::string text, std::string_view secret);

// `text`, an answer from a server, with the credential after every `Bearer ` or `token `
// (any case; at least k_min_redacted_prefix token characters) replaced by k_redacted_secret: a
// server that echoes an Authorization header must not get a token printed, whichever it is.
std::string redact_authorization_values(std::string text);

}  // namespace spyglass::util
