#include "spyglass/util/python_repr.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace spyglass::util {
namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();
constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

TEST(PythonFloatRepr, MatchesPythonRepr) {
  struct Case {
    double value;
    const char* repr;
  };
  const Case cases[] = {
      {42.0, "42.0"},
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {0.1, "0.1"},
      {1.0 / 3.0, "0.3333333333333333"},
      {2.5000000000000004, "2.5000000000000004"},
      {0.0001, "0.0001"},
      {1e-05, "1e-05"},
      {-1.234567e-06, "-1.234567e-06"},
      {1e-07, "1e-07"},
      {123456.789, "123456.789"},
      {1234567890123456.0, "1234567890123456.0"},
      {9007199254740993.0, "9007199254740992.0"},
      {1e16, "1e+16"},
      {1.5e16, "1.5e+16"},
      {-1e22, "-1e+22"},
      {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {k_infinity, "Infinity"},
      {-k_infinity, "-Infinity"},
      {k_nan, "NaN"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(python_float_repr(c.value), c.repr) << "input: " << c.repr;
  }
}

}  // namespace
}  // namespace spyglass::util
