#include "spyglass/util/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace spyglass::util {

bool is_valid_utf8(std::string_view text) {
  constexpr std::uint64_t k_high_bits = 0x8080808080808080ULL;
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint64_t chunk = 0;
    if (i + sizeof chunk <= text.size()) {
      std::memcpy(&chunk, text.data() + i, sizeof chunk);
      if ((chunk & k_high_bits) == 0) {  // eight ASCII bytes at once
        i += sizeof chunk;
        continue;
      }
    }
    const std::size_t length = utf8_sequence_length(text.substr(i));
    if (length == 0 || length > text.size() - i) {
      return false;
    }
    i += length;
  }
  return true;
}

std::size_t utf8_sequence_length(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text.front());
  std::size_t length = 0;
  unsigned char low = 0x80;  // the allowed range of the second byte
  unsigned char high = 0xBF;
  if (lead < 0x80) {
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    low = lead == 0xE0 ? 0xA0 : 0x80;
    high = lead == 0xED ? 0x9F : 0xBF;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    low = lead == 0xF0 ? 0x90 : 0x80;
    high = lead == 0xF4 ? 0x8F : 0xBF;
  } else {
    return 0;
  }
  for (std::size_t k = 1; k < std::min(length, text.size()); ++k) {
    const auto next = static_cast<unsigned char>(text[k]);
    const bool in_range = k == 1 ? (next >= low && next <= high) : (next >= 0x80 && next <= 0xBF);
    if (!in_range) {
      return 0;
    }
  }
  return length;
}

std::string_view first_code_points(std::string_view text, std::size_t count) {
  std::size_t end = 0;
  for (std::size_t taken = 0; end < text.size() && taken < count; ++taken) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      ++end;
    }
  }
  return text.substr(0, end);
}

}  // namespace spyglass::util
