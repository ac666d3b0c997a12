#include "spyglass/util/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace spyglass::util {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  for (const std::string text :
       {"", "plain ASCII longer than eight bytes", "94.8±30μs", "ünï.time_x", "\xe2\x82\xac",
        "\xf0\x9f\x93\x88 chart", "\xf4\x8f\xbf\xbf", "\xed\x9f\xbf"}) {
    EXPECT_TRUE(is_valid_utf8(text)) << text;
  }
}

TEST(Utf8, RejectsMalformedText) {
  for (const std::string text : {
           "caf\xe9",             // Latin-1
           "\xc0\xaf",            // overlong '/'
           "\xe0\x80\xaf",        // overlong, 3 bytes
           "\xed\xa0\x80",        // surrogate U+D800
           "\xf4\x90\x80\x80",    // past U+10FFFF
           "\xf5\x80\x80\x80",    // never a lead byte
           "\x80",                // lone continuation
           "ok so far \xe2\x82",  // cut short at the end
           "\xe2\x28\xa1 after",  // bad continuation
           "12345678\xc3",        // cut short after an ASCII chunk
       }) {
    EXPECT_FALSE(is_valid_utf8(text)) << text;
  }
}

TEST(Utf8, MeasuresTheSequenceAtTheStart) {
  EXPECT_EQ(utf8_sequence_length("a\xe2"), 1U);
  EXPECT_EQ(utf8_sequence_length("\xc2\xb1x"), 2U);
  EXPECT_EQ(utf8_sequence_length("\xe2\x82\xac"), 3U);
  EXPECT_EQ(utf8_sequence_length("\xf0\x9f\x93\x88"), 4U);
  EXPECT_EQ(utf8_sequence_length("\xf4\x8f\xbf\xbf"), 4U);
}

TEST(Utf8, GivesTheFullLengthOfASequenceCutShort) {
  EXPECT_EQ(utf8_sequence_length("\xe2\x82"), 3U);
  EXPECT_EQ(utf8_sequence_length("\xf0"), 4U);
}

TEST(Utf8, GivesZeroForAMalformedSequence) {
  for (const std::string text :
       {"\xe9t\xe9", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
        "\xf5\x80\x80\x80", "\x80", "\xe2\x28\xa1", "\xe2\x82\x28"}) {
    EXPECT_EQ(utf8_sequence_length(text), 0U) << text;
  }
}

// A prefix by code points keeps every multi-byte sequence whole, and a shorter text whole.
TEST(Utf8, FirstCodePointsNeverCutASequence) {
  EXPECT_EQ(first_code_points("a\xe2\x82\xac\xf0\x9f\x93\x88"
                              "b",
                              3),
            "a\xe2\x82\xac\xf0\x9f\x93\x88");
  EXPECT_EQ(first_code_points("abc", 8), "abc");
  EXPECT_EQ(first_code_points("abc", 0), "");
}

}  // namespace
}  // namespace spyglass::util
