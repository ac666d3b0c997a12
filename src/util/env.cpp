#include "spyglass/util/env.hpp"

#include <cstdlib>

namespace spyglass::util {

std::optional<std::string> ProcessEnv::get(std::string_view name) const {
  const char* value = std::getenv(std::string(name).c_str());
  if (value == nullptr || *value == '\0') {
    return std::nullopt;
  }
  return std::string(value);
}

}  // namespace spyglass::util
