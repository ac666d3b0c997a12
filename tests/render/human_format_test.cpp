#include "spyglass/render/human_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "support/paths.hpp"

namespace spyglass::render {
namespace {

using nlohmann::json;

constexpr double k_infinity = std::numeric_limits<double>::infinity();
constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// A vector's optional number: JSON null is nullopt.
std::optional<double> optional_double(const json& value) {
  if (value.is_null()) {
    return std::nullopt;
  }
  return test::vector_double(value);
}

// A human_value vector's measured value, keeping the kind of its JSON literal.
std::optional<model::Number> vector_number(const json& entry) {
  return model::Number{test::vector_double(entry.at("value")),
                       entry.at("value_is_int").get<bool>()};
}

// A human_value vector's unit: JSON null is nullopt.
std::optional<std::string> vector_unit(const json& entry) {
  if (entry.at("unit").is_null()) {
    return std::nullopt;
  }
  return entry.at("unit").get<std::string>();
}

TEST(HumanValue, MatchesEveryReferenceVector) {
  int checked = 0;
  for (const json& entry : test::spec_vectors().at("human_value")) {
    if (entry.contains("human_value_error")) {
      continue;
    }
    // asv passes a None unit straight through; it matches neither "seconds" nor "bytes".
    const std::string unit = vector_unit(entry).value_or("");
    EXPECT_EQ(human_value(vector_number(entry), unit, optional_double(entry.at("err"))),
              entry.at("human_value").get<std::string>())
        << "input: " << entry.dump();
    ++checked;
  }
  EXPECT_EQ(checked, 1153);
}

TEST(HumanValueFallback, MatchesEveryReferenceVector) {
  int checked = 0;
  for (const json& entry : test::spec_vectors().at("human_value")) {
    if (entry.contains("spyglass_human_value_fallback_error")) {
      continue;
    }
    EXPECT_EQ(human_value_fallback(vector_number(entry), vector_unit(entry),
                                   optional_double(entry.at("err"))),
              entry.at("spyglass_human_value_fallback").get<std::string>())
        << "input: " << entry.dump();
    ++checked;
  }
  EXPECT_EQ(checked, 1153);
}

TEST(HumanValue, PrintsInfWhereAsvRaisesForInfiniteBytes) {
  int checked = 0;
  for (const json& entry : test::spec_vectors().at("human_value")) {
    if (!entry.contains("human_value_error")) {
      continue;
    }
    const auto err = optional_double(entry.at("err"));
    EXPECT_EQ(human_value(vector_number(entry), "bytes", err), "inf") << "input: " << entry.dump();
    EXPECT_EQ(human_value_fallback(vector_number(entry), "bytes", err), "inf")
        << "input: " << entry.dump();
    ++checked;
  }
  EXPECT_EQ(checked, 2);
}

TEST(HumanValue, PrintsFailedForAMissingValue) {
  EXPECT_EQ(human_value(std::nullopt, "seconds"), "failed");
  EXPECT_EQ(human_value(std::nullopt, "widgets", 0.5), "failed");
}

TEST(HumanValueFallback, PrintsFailedForAMissingValueWithOrWithoutUnit) {
  EXPECT_EQ(human_value_fallback(std::nullopt, std::string("seconds")), "failed");
  EXPECT_EQ(human_value_fallback(std::nullopt, std::nullopt, 0.5), "failed");
}

TEST(HumanValueFallback, TreatsAnEmptyUnitAsMissing) {
  EXPECT_EQ(human_value_fallback(model::Number{42.0, false}, std::string(""), 0.0), "42");
  EXPECT_EQ(human_value_fallback(model::Number{1234567.0, false}, std::string(""), 0.5),
            "1.23e+06\u00b10.5");
}

TEST(HumanValueFallback, PrintsANaNErrAsNanBecauseItIsTruthy) {
  EXPECT_EQ(human_value_fallback(model::Number{1.0, false}, std::nullopt, -k_nan), "1\u00b1nan");
}

TEST(HumanValue, PrintsLargeIntegerLiteralsExactly) {
  EXPECT_EQ(human_value(model::Number{9007199254740992.0, true}, "widgets"), "9007199254740992");
  EXPECT_EQ(human_value(model::Number{-3.0, true}, "widgets", -k_nan), "-3\u00b1nan");
}

TEST(HumanFloat, MatchesEveryReferenceVector) {
  for (const json& entry : test::spec_vectors().at("human_float")) {
    const json& truncate = entry.at("truncate_small");
    const std::optional<int> truncate_small =
        truncate.is_null() ? std::nullopt : std::optional<int>(truncate.get<int>());
    EXPECT_EQ(
        human_float(test::vector_double(entry.at("value")), entry.at("significant").get<int>(),
                    truncate_small, entry.at("significant_zeros").get<bool>()),
        entry.at("out").get<std::string>())
        << "input: " << entry.dump();
  }
}

TEST(HumanFloat, RoundsHalfToEvenOnTheExactBinaryValue) {
  EXPECT_EQ(human_float(2.5, 1), "2");
  EXPECT_EQ(human_float(3.5, 1), "4");
  EXPECT_EQ(human_float(1250.0, 2), "1200");
  EXPECT_EQ(human_float(1350.0, 2), "1400");
  EXPECT_EQ(human_float(1250.0000000000002, 2), "1300");
  EXPECT_EQ(human_float(-k_infinity), "-inf");
  EXPECT_EQ(human_float(-0.00001, 1, 2), "-0");
}

TEST(HumanTime, MatchesEveryReferenceVector) {
  for (const json& entry : test::spec_vectors().at("human_time")) {
    EXPECT_EQ(
        human_time(test::vector_double(entry.at("seconds")), optional_double(entry.at("err"))),
        entry.at("out").get<std::string>())
        << "input: " << entry.dump();
  }
}

TEST(HumanTime, PicksMonthsBetweenFourWeeksAndAQuarter) {
  EXPECT_EQ(human_time(2620800.0), "1.00M");
  EXPECT_EQ(human_time(2620799.0), "4.33w");
  EXPECT_EQ(human_time(7862400.0), "1.00q");
}

TEST(HumanFileSize, MatchesEveryReferenceVector) {
  for (const json& entry : test::spec_vectors().at("human_file_size")) {
    EXPECT_EQ(
        human_file_size(test::vector_double(entry.at("size")), optional_double(entry.at("err"))),
        entry.at("out").get<std::string>())
        << "input: " << entry.dump();
  }
}

TEST(HumanFileSize, PrintsInfAndNotAvailableWhereAsvRaises) {
  EXPECT_EQ(human_file_size(k_infinity), "inf");
  EXPECT_EQ(human_file_size(k_infinity, 1.0), "inf");
  EXPECT_EQ(human_file_size(k_nan), "n/a");
  EXPECT_EQ(human_file_size(-k_infinity), "0");
}

TEST(FormatRatio, MatchesEveryReferenceVector) {
  int checked = 0;
  for (const json& entry : test::spec_vectors().at("ratio_repr")) {
    if (entry.at("fmt_6.2f").is_null()) {
      continue;  // n/a ratios are never formatted with %6.2f
    }
    const double ratio = test::vector_double(entry.at("t2")) / test::vector_double(entry.at("t1"));
    EXPECT_EQ(format_ratio_6_2f(ratio), entry.at("fmt_6.2f").get<std::string>())
        << "input: " << entry.dump();
    ++checked;
  }
  EXPECT_EQ(checked, 9);
}

TEST(FormatRatio, RoundsTheExactBinaryValueAndPadsToSix) {
  EXPECT_EQ(format_ratio_6_2f(0.125), "  0.12");
  EXPECT_EQ(format_ratio_6_2f(0.375), "  0.38");
  EXPECT_EQ(format_ratio_6_2f(123456.0), "123456.00");
  EXPECT_EQ(format_ratio_6_2f(k_infinity), "   inf");
  EXPECT_EQ(format_ratio_6_2f(-k_nan), "   nan");
}

}  // namespace
}  // namespace spyglass::render
