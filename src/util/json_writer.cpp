#include "spyglass/util/json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

#include "spyglass/util/utf8.hpp"

namespace spyglass::util {

namespace {

constexpr std::size_t k_indent = 2;
constexpr std::string_view k_replacement_character = "\xEF\xBF\xBD";  // U+FFFD

// The bytes written as they are without a look: ASCII but for the quote, the backslash and the
// control characters.
constexpr std::array<bool, 256> k_plain_byte = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) {
    plain[c] = true;
  }
  plain['"'] = false;
  plain['\\'] = false;
  return plain;
}();

// The escape nlohmann writes for the ASCII byte `c` (a quote, a backslash or a control character).
std::string escape(char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      break;
  }
  constexpr std::string_view k_hex = "0123456789abcdef";
  const auto byte = static_cast<unsigned char>(c);
  return {'\\', 'u', '0', '0', k_hex[byte >> 4], k_hex[byte & 0xF]};
}

}  // namespace

void JsonWriter::key(std::string_view name) {
  next_line();
  write_escaped(name);
  m_out += ": ";
}

void JsonWriter::string(std::string_view text) {
  begin_value();
  write_escaped(text);
}

void JsonWriter::floating(double value) {
  begin_value();
  if (!std::isfinite(value)) {
    m_out += "null";
    return;
  }
  // The formatter nlohmann's dump() calls (without its per-value setup, which cost more than the
  // digits): its Grisu2 digits differ from the shortest ones std::to_chars picks for about one
  // double in 300, and the output must not change.
  std::array<char, 64> buffer{};
  char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  m_out.append(buffer.data(), end);
}

void JsonWriter::integer(std::int64_t value) {
  begin_value();
  std::array<char, 24> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  m_out.append(buffer.data(), result.ptr);
}

void JsonWriter::boolean(bool value) {
  begin_value();
  m_out += value ? "true" : "false";
}

void JsonWriter::null() {
  begin_value();
  m_out += "null";
}

std::string JsonWriter::take() {
  std::string text = std::move(m_out);
  m_out.clear();
  m_levels.clear();
  return text;
}

void JsonWriter::open(char bracket) {
  begin_value();
  m_out += bracket;
  m_levels.push_back({bracket == '{', 0});
}

void JsonWriter::close(char bracket) {
  const bool empty = m_levels.back().count == 0;
  m_levels.pop_back();
  if (!empty) {
    m_out += '\n';
    m_out.append(k_indent * m_levels.size(), ' ');
  }
  m_out += bracket;
}

void JsonWriter::begin_value() {
  if (!m_levels.empty() && !m_levels.back().is_object) {
    next_line();
  }
}

void JsonWriter::next_line() {
  Level& level = m_levels.back();
  m_out += level.count == 0 ? "\n" : ",\n";
  ++level.count;
  m_out.append(k_indent * m_levels.size(), ' ');
}

void JsonWriter::write_escaped(std::string_view text) {
  m_out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t run = i;
    while (i < text.size() && k_plain_byte[static_cast<unsigned char>(text[i])]) {
      ++i;
    }
    m_out.append(text, run, i - run);
    if (i == text.size()) {
      break;
    }
    // A quote, a backslash, a control character, or the first byte of a multi-byte character.
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      m_out += escape(text[i]);
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text.substr(i));
    if (length == 0 || length > text.size() - i) {
      m_out += k_replacement_character;
      ++i;
    } else {
      m_out.append(text, i, length);
      i += length;
    }
  }
  m_out += '"';
}

}  // namespace spyglass::util
