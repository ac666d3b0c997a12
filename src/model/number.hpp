#pragma once

#include <cstdint>
#include <optional>

namespace spyglass::model {

// A measured value as the result file wrote it. asv prints an integer literal and a float
// literal differently (`42` vs `42.0`), so the literal's kind travels with the value.
struct Number {
  double value = 0.0;
  bool is_integer = false;

  // The value as a 64-bit integer: nullopt for a float literal, and for an integer literal out
  // of that range (a table cell may hold any number of digits; converting those is undefined).
  std::optional<std::int64_t> as_int64() const {
    constexpr double k_two_to_63 = 9223372036854775808.0;
    if (!is_integer || !(value >= -k_two_to_63 && value < k_two_to_63)) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(value);
  }
};

}  // namespace spyglass::model
