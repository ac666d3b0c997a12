#include "spyglass/util/diagnostics.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace spyglass::util {
namespace {

TEST(EscapeControlCharacters, WritesControlsAsVisibleEscapes) {
  EXPECT_EQ(escape_control_characters("a\nb\rc\td\x1b[31me\x7f"), "a\\nb\\rc\\td\\x1b[31me\\x7f");
  EXPECT_EQ(escape_control_characters("next\xc2\x85line"), "next\\u0085line");
}

TEST(EscapeControlCharacters, EscapesTheWholeC1RangeAndNothingPastIt) {
  // C1 is U+0080..U+009F, in UTF-8 C2 80..C2 9F; U+00A0 (C2 A0) is a printable no-break space.
  EXPECT_EQ(escape_control_characters("\xc2\x80|\xc2\x90|\xc2\x9f|\xc2\xa0"),
            "\\u0080|\\u0090|\\u009f|\xc2\xa0");
}

TEST(EscapeControlCharacters, KeepsPrintableTextAndOtherUtf8) {
  EXPECT_EQ(escape_control_characters("µs ünï \xc2\xa0 ok"), "µs ünï \xc2\xa0 ok");
}

TEST(WriteError, PrintsOneLine) {
  std::ostringstream err;
  write_error(err, "x.json: unknown column 'a\n::error::b'");
  EXPECT_EQ(err.str(), "spyglass: error: x.json: unknown column 'a\\n::error::b'\n");
}

TEST(WriteWarning, PrintsOneLine) {
  std::ostringstream err;
  write_warning(err, "x\r\ny");
  EXPECT_EQ(err.str(), "spyglass: warning: x\\r\\ny\n");
}

}  // namespace
}  // namespace spyglass::util
