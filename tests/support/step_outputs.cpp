#include "support/step_outputs.hpp"

#include <gtest/gtest.h>

namespace spyglass::test {

std::map<std::string, std::string> parse_outputs(const std::string& text) {
  std::map<std::string, std::string> outputs;
  std::size_t at = 0;
  auto next_line = [&] {
    const auto end = text.find('\n', at);
    std::string line = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
    at = end == std::string::npos ? text.size() : end + 1;
    return line;
  };
  while (at < text.size()) {
    const std::string line = next_line();
    const auto heredoc = line.find("<<");
    const auto equals = line.find('=');
    if (heredoc != std::string::npos && (equals == std::string::npos || heredoc < equals)) {
      const std::string delimiter = line.substr(heredoc + 2);
      std::string value;
      bool first = true;
      for (std::string body = next_line(); body != delimiter && at <= text.size();
           body = next_line()) {
        value += (first ? "" : "\n") + body;
        first = false;
        if (at == text.size()) {
          ADD_FAILURE() << "heredoc " << delimiter << " is not closed";
          break;
        }
      }
      outputs[line.substr(0, heredoc)] = value;
    } else if (equals != std::string::npos) {
      outputs[line.substr(0, equals)] = line.substr(equals + 1);
    } else {
      ADD_FAILURE() << "not an output line: '" << line << "'";
    }
  }
  return outputs;
}

}  // namespace spyglass::test
