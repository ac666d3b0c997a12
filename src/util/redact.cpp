#include "spyglass/util/redact.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace spyglass::util {
namespace {

bool separates_secret_parts(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= ' ' || byte == 0x7f;
}

// The parts of `secret` between control characters and spaces; the whole of it for a token.
std::vector<std::string_view> secret_parts(std::string_view secret) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= secret.size(); ++i) {
    if (i == secret.size() || separates_secret_parts(secret[i])) {
      if (i > start) {
        parts.push_back(secret.substr(start, i - start));
      }
      start = i + 1;
    }
  }
  return parts;
}

// Replace each run of `text` that is the whole of `part` or at least k_min_redacted_prefix of its
// leading characters.
void redact_part(std::string& text, std::string_view part) {
  const std::string_view lead = part.substr(0, std::min(part.size(), k_min_redacted_prefix));
  std::size_t at = text.find(lead);
  while (at != std::string::npos) {
    std::size_t matched = lead.size();
    while (matched < part.size() && at + matched < text.size() &&
           text[at + matched] == part[matched]) {
      ++matched;
    }
    text.replace(at, matched, k_redacted_secret);
    at = text.find(lead, at + k_redacted_secret.size());
  }
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

// Characters a token or an Authorization credential is made of.
bool is_credential_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return std::isalnum(byte) != 0 || c == '_' || c == '-' || c == '.' || c == '~' || c == '+' ||
         c == '/' || c == '=';
}

}  // namespace

std::string redact_secret(std::string text, std::string_view secret) {
  const auto parts = secret_parts(secret);
  if (parts.size() == 1 && parts.front() == secret) {
    redact_part(text, secret);
    return text;
  }
  // A secret in pieces: the whole of it, then each piece long enough to be told from ordinary
  // text (a one-letter piece would take every such letter out of every line).
  if (!secret.empty()) {
    redact_part(text, secret);
  }
  for (const auto part : parts) {
    if (part.size() >= k_min_redacted_prefix) {
      redact_part(text, part);
    }
  }
  return text;
}

std::string redact_authorization_values(std::string text) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    const std::string_view rest = std::string_view(text).substr(at);
    std::size_t scheme = 0;
    if (starts_with_ignoring_case(rest, "bearer ")) {
      scheme = 7;
    } else if (starts_with_ignoring_case(rest, "token ")) {
      scheme = 6;
    } else {
      continue;
    }
    std::size_t end = at + scheme;
    while (end < text.size() && is_credential_char(text[end])) {
      ++end;
    }
    if (end - (at + scheme) >= k_min_redacted_prefix) {
      text.replace(at + scheme, end - (at + scheme), k_redacted_secret);
    }
    at += scheme;
  }
  return text;
}

}  // namespace spyglass::util
