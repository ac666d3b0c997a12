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

TEST(RedactSecret, RedactsALeadingPieceOfEightOrMoreCharacters) {
  EXPECT_EQ(redact_secret("echo: ghs_0123456789abcdef", "ghs_0123456789abcdef"), "echo: ***");
  EXPECT_EQ(redact_secret("echo: ghs_0123 cut", "ghs_0123456789abcdef"), "echo: *** cut");
  EXPECT_EQ(redact_secret("echo: ghs_012 short", "ghs_0123456789abcdef"), "echo: ghs_012 short");
}

TEST(RedactSecret, RedactsEachPartOfASecretWithALineBreak) {
  EXPECT_EQ(redact_secret("sent ghs_firstpart, then X-Injected: secondpart",
                          "ghs_firstpart\r\n"
                          "X-Injected: secondpart"),
            "sent ***, then *** ***");
}

TEST(RedactSecret, LeavesShortPartsOfASecretWithALineBreakAlone) {
  // Found by the action fuzzer: the one-letter piece `g` took every g out of `spyglass`.
  EXPECT_EQ(redact_secret("spyglass: error: 1 file", std::string_view("g\0\r\nX-Injected: 1", 17)),
            "spyglass: error: 1 file");
}

TEST(RedactAuthorizationValues, RedactsBearerAndTokenCredentials) {
  EXPECT_EQ(redact_authorization_values("Authorization: Bearer abcdefgh12 was bad"),
            "Authorization: Bearer *** was bad");
  EXPECT_EQ(redact_authorization_values("header TOKEN gho_16C7e42F292c6912E7710c8 seen"),
            "header TOKEN *** seen");
}

TEST(RedactAuthorizationValues, LeavesOrdinaryWordsAlone) {
  EXPECT_EQ(redact_authorization_values("the token may not write; Bearer short"),
            "the token may not write; Bearer short");
}

}  // namespace
}  // namespace spyglass::util
