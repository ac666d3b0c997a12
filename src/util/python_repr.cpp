#include "spyglass/util/python_repr.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <string_view>

namespace spyglass::util {

std::string python_float_repr(double value) {
  if (std::isnan(value)) {
    return "NaN";
  }
  if (std::isinf(value)) {
    return value > 0 ? "Infinity" : "-Infinity";
  }
  // Shortest round-trip digits as `[-]d[.ddd]e±XX`, which is already Python's exponent form.
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                    std::chars_format::scientific);
  const std::string_view scientific(buffer.data(), result.ptr);
  const std::size_t e_at = scientific.find('e');
  int exponent = 0;
  std::from_chars(scientific.data() + e_at + (scientific[e_at + 1] == '+' ? 2 : 1),
                  scientific.data() + scientific.size(), exponent);
  if (exponent < -4 || exponent >= 16) {
    return std::string(scientific);
  }
  const bool negative = scientific.front() == '-';
  std::string digits;
  for (const char c : scientific.substr(negative ? 1 : 0, e_at - (negative ? 1 : 0))) {
    if (c != '.') {
      digits += c;
    }
  }
  std::string out = negative ? "-" : "";
  if (exponent < 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-exponent - 1), '0');
    out += digits;
    return out;
  }
  const auto whole_digits = static_cast<std::size_t>(exponent) + 1;
  if (digits.size() <= whole_digits) {
    out += digits;
    out.append(whole_digits - digits.size(), '0');
    out += ".0";
    return out;
  }
  out += std::string_view(digits).substr(0, whole_digits);
  out += '.';
  out += std::string_view(digits).substr(whole_digits);
  return out;
}

}  // namespace spyglass::util
