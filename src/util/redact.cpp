#include "spyglass/util/redact.hpp"

namespace spyglass::util {

std::string redact_secret(std::string text, std::string_view secret) {
  if (secret.empty()) {
    return text;
  }
  for (std::size_t at = text.find(secret); at != std::string::npos;
       at = text.find(secret, at + k_redacted_secret.size())) {
    text.replace(at, secret.size(), k_redacted_secret);
  }
  return text;
}

}  // namespace spyglass::util
