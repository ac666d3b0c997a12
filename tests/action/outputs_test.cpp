#include "spyglass/action/outputs.hpp"

#include <gtest/gtest.h>

namespace spyglass::action {
namespace {

TEST(OutputEntry, WritesSingleLineValuesAsNameEqualsValue) {
  EXPECT_EQ(output_entry("regressions", "3", "x"), "regressions=3\n");
}

TEST(OutputEntry, WritesMultiLineValuesAsAHeredoc) {
  EXPECT_EQ(output_entry("comparison", "| a |\n| b |", "42"),
            "comparison<<spyglass_42\n| a |\n| b |\nspyglass_42\n");
  EXPECT_EQ(output_entry("comparison", "a\n", "42"), "comparison<<spyglass_42\na\nspyglass_42\n");
}

TEST(OutputEntry, PicksADelimiterThatIsNotALineOfTheValue) {
  EXPECT_EQ(output_entry("t", "spyglass_1\nspyglass_1_", "1"),
            "t<<spyglass_1__\nspyglass_1\nspyglass_1_\nspyglass_1__\n");
}

TEST(Annotation, EscapesTheMessageAndTitle) {
  EXPECT_EQ(annotation("warning", "Regression: a,b", "100%\nslower::x"),
            "::warning title=Regression%3A a%2Cb::100%25%0Aslower::x\n");
}

}  // namespace
}  // namespace spyglass::action
