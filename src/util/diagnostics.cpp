#include "spyglass/util/diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace spyglass::util {
namespace {

void write_line(std::ostream& err, std::string_view prefix, std::string_view message) {
  err << prefix << escape_control_characters(message) << '\n';
}

}  // namespace

std::string escape_control_characters(std::string_view text) {
  // Names in a 1M-row table pass here: text without a control character is copied as it is.
  const bool has_control = std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f || byte == 0xc2;
  });
  if (!has_control) {
    return std::string(text);
  }
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      escaped += "\\n";
    } else if (byte == '\r') {
      escaped += "\\r";
    } else if (byte == '\t') {
      escaped += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      escaped += fmt::format("\\x{:02x}", byte);
    } else if (byte == 0xc2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      escaped += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else {
      escaped += text[i];
    }
  }
  return escaped;
}

void write_error(std::ostream& err, std::string_view message) {
  write_line(err, "spyglass: error: ", message);
}

void write_warning(std::ostream& err, std::string_view message) {
  write_line(err, "spyglass: warning: ", message);
}

void write_note(std::ostream& err, std::string_view message) {
  write_line(err, "spyglass: ", message);
}

}  // namespace spyglass::util
