#include "support/text_lines.hpp"

namespace spyglass::test {

std::vector<std::string> lines_starting_with(const std::string& text, const std::string& prefix) {
  std::vector<std::string> found;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end;
    if (text.compare(start, prefix.size(), prefix) == 0) {
      found.push_back(text.substr(start, end - start));
    }
    start = end + 1;
  }
  return found;
}

}  // namespace spyglass::test
