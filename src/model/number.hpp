#pragma once

namespace spyglass::model {

// A measured value as the result file wrote it. asv prints an integer literal and a float
// literal differently (`42` vs `42.0`), so the literal's kind travels with the value.
struct Number {
  double value = 0.0;
  bool is_integer = false;
};

}  // namespace spyglass::model
