#pragma once

#include <string>

namespace spyglass::util {

// Python's `repr` of a float as `json.dumps` prints it: `42.0`, `1e-07`, `1.5e+16`, `Infinity`.
std::string python_float_repr(double value);

}  // namespace spyglass::util
