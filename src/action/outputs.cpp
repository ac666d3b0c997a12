#include "spyglass/action/outputs.hpp"

#include <fmt/format.h>

namespace spyglass::action {
namespace {

bool has_line(std::string_view text, std::string_view line) {
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    const auto current =
        text.substr(start, end == std::string_view::npos ? text.npos : end - start);
    if (current == line) {
      return true;
    }
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return false;
}

// Workflow-command escaping: data escapes %, CR, LF; properties also `:` and `,`.
std::string escape_command(std::string_view text, bool property) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string output_entry(std::string_view name, std::string_view value,
                         std::string_view delimiter_seed) {
  if (value.find('\n') == std::string_view::npos && value.find('\r') == std::string_view::npos) {
    return fmt::format("{}={}\n", name, value);
  }
  std::string delimiter = fmt::format("spyglass_{}", delimiter_seed);
  while (has_line(value, delimiter)) {
    delimiter += "_";
  }
  const bool ends_with_newline = value.back() == '\n';
  return fmt::format("{}<<{}\n{}{}{}\n", name, delimiter, value, ends_with_newline ? "" : "\n",
                     delimiter);
}

std::string annotation(std::string_view level, std::string_view title, std::string_view message) {
  return fmt::format("::{} title={}::{}\n", level, escape_command(title, true),
                     escape_command(message, false));
}

}  // namespace spyglass::action
