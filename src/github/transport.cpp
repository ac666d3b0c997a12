#include "spyglass/github/transport.hpp"

#include <algorithm>
#include <cctype>

namespace spyglass::github {

std::string lower_header_name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

}  // namespace spyglass::github
