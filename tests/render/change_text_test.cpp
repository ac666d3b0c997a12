// How the comment, its chart and the report state a change: percent below a factor of 2, the
// factor with words from there, and never a real change rounded to nothing.
#include "spyglass/render/change_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace spyglass::test {
namespace {

using render::change_text;

const render::ChangeWords k_time = {"slower", "faster"};

TEST(ChangeText, SmallChangesArePercentsOfTheBeforeValue) {
  EXPECT_EQ(change_text(1.123, k_time), "+12.3%");
  EXPECT_EQ(change_text(0.959, k_time), "-4.1%");
  EXPECT_EQ(change_text(1.999, k_time), "+99.9%");
  EXPECT_EQ(change_text(0.5000001, k_time), "-50.0%");
  EXPECT_EQ(change_text(1.01, k_time), "+1.0%");
}

TEST(ChangeText, NoRealChangeReadsAsZero) {
  EXPECT_EQ(change_text(1.0, k_time), "0%");
  EXPECT_EQ(change_text(1.0042, k_time), "+0.42%");
  EXPECT_EQ(change_text(0.99958, k_time), "-0.042%");
  EXPECT_EQ(change_text(1.0000001, k_time), "+1e-05%");
}

// The itsy_bitsy pair's 318.74x speed-up read `0.00×` and `-100%` in the comment's tables.
TEST(ChangeText, LargeChangesAreFactorsBothWays) {
  EXPECT_EQ(change_text(2.0, k_time), "2.00\u00D7 slower");
  EXPECT_EQ(change_text(0.5, k_time), "2.00\u00D7 faster");
  EXPECT_EQ(change_text(1.0 / 318.74, k_time), "319\u00D7 faster");
  EXPECT_EQ(change_text(87.28, k_time), "87.3\u00D7 slower");
  EXPECT_EQ(change_text(115.9, {}), "116\u00D7 larger");
  EXPECT_EQ(change_text(0.2, {}), "5.00\u00D7 smaller");
  EXPECT_EQ(change_text(255251125588.57, k_time), "255,251,125,589\u00D7 slower");
  EXPECT_EQ(change_text(1234.4, k_time), "1,234\u00D7 slower");
}

model::ComparisonRow row_of(std::string key, double before, double after) {
  model::ComparisonRow row;
  row.name = key;
  row.key = std::move(key);
  row.before.value = model::Number{before, false};
  row.after.value = model::Number{after, false};
  row.ratio = after / before;
  return row;
}

TEST(ChangeText, TimingsGetSlowerOtherValuesLarger) {
  EXPECT_EQ(change_text(row_of("suite.time_sort", 1.0, 3.0)), "3.00\u00D7 slower");
  EXPECT_EQ(change_text(row_of("suite.track_count", 1.0, 3.0)), "3.00\u00D7 larger");
  auto with_unit = row_of("BM_copy", 3.0, 1.0);
  EXPECT_EQ(change_text(with_unit), "3.00\u00D7 smaller");
  with_unit.unit = "seconds";
  EXPECT_EQ(change_text(with_unit), "3.00\u00D7 faster");
  with_unit.unit = "bytes";
  EXPECT_EQ(change_text(with_unit), "3.00\u00D7 smaller");
}

TEST(ChangeText, InsignificantChangesKeepTheirTildeAndNoRatioSaysNothing) {
  auto noisy = row_of("time_ci_big", 1.0, 3.0);
  noisy.insignificant = true;
  EXPECT_EQ(change_text(noisy), "~3.00\u00D7 slower");
  auto failed = row_of("time_x", 1.0, 1.0);
  failed.ratio = NAN;
  EXPECT_EQ(change_text(failed), "");
  auto infinite = row_of("time_inf", INFINITY, 1.0);
  EXPECT_EQ(change_text(infinite), "");
}

}  // namespace
}  // namespace spyglass::test
