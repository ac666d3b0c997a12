#include "spyglass/util/file.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <sstream>
#include <string>

#include "spyglass/util/error.hpp"
#include "support/endless_stream.hpp"

namespace spyglass::util {
namespace {

// The message of the Error reading `in` with `max_size` throws, or "" when it reads.
std::string read_error(std::istream& in, std::uint64_t max_size) {
  try {
    read_stream(in, "<stdin>", max_size);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    return error.what();
  }
  return "";
}

TEST(ReadStream, ReadsAStreamExactlyAtTheLimit) {
  std::istringstream in(std::string(100, 'a'));
  EXPECT_EQ(read_stream(in, "<stdin>", 100), std::string(100, 'a'));
}

TEST(ReadStream, RefusesAStreamOneByteOverTheLimit) {
  std::istringstream in(std::string(101, 'a'));
  EXPECT_EQ(read_error(in, 100),
            "<stdin>: is larger than the input limit (100 bytes; --max-input-size)");
}

TEST(ReadStream, StopsReadingAnEndlessStreamSoonAfterTheLimit) {
  test::EndlessBuffer endless;
  std::istream in(&endless);
  EXPECT_EQ(read_error(in, 1000000),
            "<stdin>: is larger than the input limit (1000000 bytes; --max-input-size)");
  EXPECT_LT(endless.handed_out(), 1000000U + 2 * 65536U);
}

}  // namespace
}  // namespace spyglass::util
