#include "spyglass/model/number.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace spyglass::model {
namespace {

TEST(Number, IsAnInt64OnlyForAnIntegerLiteralInRange) {
  EXPECT_EQ((Number{42.0, true}.as_int64()), 42);
  EXPECT_EQ((Number{-9223372036854775808.0, true}.as_int64()),
            std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ((Number{9223372036854774784.0, true}.as_int64()), 9223372036854774784);  // below 2^63
  EXPECT_FALSE((Number{9223372036854775808.0, true}.as_int64()));                    // 2^63
  EXPECT_FALSE((Number{1.1e123, true}.as_int64()));
  EXPECT_FALSE((Number{-1.1e123, true}.as_int64()));
  EXPECT_FALSE((Number{std::nan(""), true}.as_int64()));
  EXPECT_FALSE((Number{42.0, false}.as_int64()));
}

}  // namespace
}  // namespace spyglass::model
