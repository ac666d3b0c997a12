#include "spyglass/util/redact.hpp"

#include <gtest/gtest.h>

namespace spyglass::util {
namespace {

TEST(RedactSecret, ReplacesEveryOccurrence) {
  EXPECT_EQ(redact_secret("Bearer ghs_abc and again ghs_abcghs_abc", "ghs_abc"),
            "Bearer *** and again ******");
}

TEST(RedactSecret, LeavesTextWithoutTheSecretAlone) {
  EXPECT_EQ(redact_secret("GET /repos/o/r -> 200 (3 ms)", "ghs_abc"),
            "GET /repos/o/r -> 200 (3 ms)");
}

TEST(RedactSecret, LeavesTextAloneForAnEmptySecret) {
  EXPECT_EQ(redact_secret("anything", ""), "anything");
}

TEST(RedactSecret, HandlesASecretThatContainsTheReplacement) {
  EXPECT_EQ(redact_secret("a**** b", "****"), "a*** b");
  EXPECT_EQ(redact_secret("x*y*x*y", "*"), "x***y***x***y");
}

}  // namespace
}  // namespace spyglass::util
