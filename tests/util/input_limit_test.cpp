#include "spyglass/util/input_limit.hpp"

#include <gtest/gtest.h>

#include <optional>

#include "spyglass/util/error.hpp"

namespace spyglass::util {
namespace {

TEST(InputLimit, DefaultsToOneGibibyte) { EXPECT_EQ(k_default_max_input_size, 1073741824U); }

TEST(InputLimit, ParsesAByteCountWithAnOptionalBinarySuffix) {
  EXPECT_EQ(parse_byte_size("1"), 1U);
  EXPECT_EQ(parse_byte_size("4096"), 4096U);
  EXPECT_EQ(parse_byte_size("2KiB"), 2048U);
  EXPECT_EQ(parse_byte_size("64MiB"), 67108864U);
  EXPECT_EQ(parse_byte_size("3GiB"), 3221225472U);
  EXPECT_EQ(parse_byte_size("17179869184GiB"), std::nullopt);  // 2^64: does not fit
  for (const char* bad : {"", "0", "0KiB", "KiB", "12MB", "12 MiB", "12mib", "-1", "+1", "1.5GiB",
                          "1KiBKiB", "0x10", "99999999999999999999"}) {
    EXPECT_EQ(parse_byte_size(bad), std::nullopt) << bad;
  }
}

TEST(InputLimit, RefusesOnlyWhatIsOverTheLimit) {
  EXPECT_NO_THROW(check_input_size("f.json", 100, 100));
  try {
    check_input_size("f.json", 101, 100);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    EXPECT_STREQ(error.what(),
                 "f.json: is larger than the input limit (100 bytes; --max-input-size)");
  }
}

}  // namespace
}  // namespace spyglass::util
