#include "spyglass/util/regex.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "spyglass/util/error.hpp"

namespace spyglass::util {
namespace {

// Like asv's `-b` (Python's re.search): a match anywhere in the name counts.
TEST(Regex, SearchesAnywhereInTheText) {
  const Regex time_io("time_io", "--bench");
  EXPECT_TRUE(time_io.search("bench.TimeSuite.time_io(10)"));
  EXPECT_FALSE(time_io.search("bench.TimeSuite.time_cpu"));
  EXPECT_TRUE(Regex("^bench\\.", "--bench").search("bench.x"));
  EXPECT_FALSE(Regex("^x$", "--bench").search("bench.x"));
  EXPECT_EQ(time_io.pattern(), "time_io");
}

TEST(Regex, ABadPatternIsAOneLineErrorNamingWhereItCameFrom) {
  try {
    Regex("time_(io", ".spyglass.toml:3");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    EXPECT_EQ(std::string(error.what()),
              ".spyglass.toml:3: `time_(io` is not a regular expression: missing ): time_(io");
  }
}

// A pattern that makes a backtracking engine take exponential time on a hostile name.
TEST(Regex, TakesLinearTimeOnAPatternThatBacktracks) {
  const Regex nested("(a*)*b", "--skip");
  const std::string name(100000, 'a');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(nested.search(name));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

}  // namespace
}  // namespace spyglass::util
