#include "spyglass/ingest/unroll.hpp"

#include <cstddef>

namespace spyglass::ingest {

namespace {

// The byte length of the whitespace character at `text[i]` by Python's `str.isspace` (ASCII
// whitespace, the information separators and the Unicode spaces, in UTF-8), or 0.
std::size_t whitespace_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0U;
  };
  const unsigned lead = byte(i);
  if (lead == ' ' || (lead >= '\t' && lead <= '\r') || (lead >= 0x1c && lead <= 0x1f)) {
    return 1;
  }
  if (lead == 0xc2) {  // U+0085 NEL, U+00A0 NO-BREAK SPACE
    return byte(i + 1) == 0x85 || byte(i + 1) == 0xa0 ? 2 : 0;
  }
  if (lead == 0xe1) {  // U+1680 OGHAM SPACE MARK
    return byte(i + 1) == 0x9a && byte(i + 2) == 0x80 ? 3 : 0;
  }
  if (lead == 0xe2) {
    const unsigned second = byte(i + 1);
    const unsigned third = byte(i + 2);
    const bool spaces = second == 0x80 && ((third >= 0x80 && third <= 0x8a) ||  // U+2000..U+200A
                                           third == 0xa8 || third == 0xa9 ||    // U+2028, U+2029
                                           third == 0xaf);                      // U+202F
    return spaces || (second == 0x81 && third == 0x9f) ? 3 : 0;                 // U+205F
  }
  if (lead == 0xe3) {  // U+3000 IDEOGRAPHIC SPACE
    return byte(i + 1) == 0x80 && byte(i + 2) == 0x80 ? 3 : 0;
  }
  return 0;
}

}  // namespace

std::vector<std::vector<std::string>> param_combinations(
    const std::vector<std::vector<std::string>>& params) {
  std::size_t count = 1;
  for (const auto& values : params) {
    count *= values.size();
  }
  std::vector<std::vector<std::string>> combinations;
  combinations.reserve(count);
  // An odometer over the value indices, the last parameter turning fastest.
  std::vector<std::size_t> odometer(params.size(), 0);
  for (std::size_t n = 0; n < count; ++n) {
    std::vector<std::string>& combination = combinations.emplace_back();
    combination.reserve(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      combination.push_back(params[i][odometer[i]]);
    }
    for (std::size_t i = params.size(); i-- > 0;) {
      if (++odometer[i] < params[i].size()) {
        break;
      }
      odometer[i] = 0;
    }
  }
  return combinations;
}

std::string collapse_whitespace(std::string_view text) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t space = whitespace_length(text, i); space > 0) {
      pending_space = !collapsed.empty();
      i += space;
      continue;
    }
    if (pending_space) {
      collapsed.push_back(' ');
      pending_space = false;
    }
    collapsed.push_back(text[i]);
    ++i;
  }
  return collapsed;
}

std::string unrolled_name(std::string_view key, const std::vector<std::string>& combination) {
  std::string name(key);
  if (combination.empty()) {
    return name;
  }
  name.push_back('(');
  for (std::size_t i = 0; i < combination.size(); ++i) {
    if (i > 0) {
      name += ", ";
    }
    name += collapse_whitespace(combination[i]);
  }
  name.push_back(')');
  return name;
}

}  // namespace spyglass::ingest
