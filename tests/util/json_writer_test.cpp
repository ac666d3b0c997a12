#include "spyglass/util/json_writer.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "spyglass/util/file.hpp"
#include "spyglass/util/input_limit.hpp"
#include "support/paths.hpp"

namespace spyglass::util {
namespace {

using OrderedJson = nlohmann::ordered_json;

// Write `value` with `out`, member by member and element by element.
void write(JsonWriter& out, const OrderedJson& value) {
  switch (value.type()) {
    case OrderedJson::value_t::object:
      out.begin_object();
      for (const auto& [key, member] : value.items()) {
        out.key(key);
        write(out, member);
      }
      out.end_object();
      return;
    case OrderedJson::value_t::array:
      out.begin_array();
      for (const auto& item : value) {
        write(out, item);
      }
      out.end_array();
      return;
    case OrderedJson::value_t::string:
      out.string(value.get<std::string>());
      return;
    case OrderedJson::value_t::boolean:
      out.boolean(value.get<bool>());
      return;
    case OrderedJson::value_t::number_integer:
      out.integer(value.get<std::int64_t>());
      return;
    case OrderedJson::value_t::number_unsigned:
      out.integer(static_cast<std::int64_t>(value.get<std::uint64_t>()));
      return;
    case OrderedJson::value_t::number_float:
      out.floating(value.get<double>());
      return;
    default:
      out.null();
      return;
  }
}

// What JsonWriter writes for `value`.
std::string written(const OrderedJson& value) {
  JsonWriter out;
  write(out, value);
  return out.take();
}

// What JsonWriter writes for the string `text` alone.
std::string written_string(std::string_view text) {
  JsonWriter out;
  out.string(text);
  return out.take();
}

TEST(JsonWriter, LaysOutDocumentsAsNlohmannDumpsThem) {
  const OrderedJson document = OrderedJson::parse(R"({
    "kind": "compare", "factor": 1.1, "empty_object": {}, "empty_array": [],
    "nested": [[], [1, [2, {}]], {"a": {"b": [true, false, null]}}],
    "numbers": [0, -7, 9223372036854775807, 0.0, -0.0, 2.0, 0.125, 1e-05, 1e+16, 3.5e300],
    "text": "quote \" backslash \\ slash / tab \t newline \n \u0001 \u001f \u007f \u00e9 \ud83d\ude00"
  })");
  EXPECT_EQ(written(document), document.dump(2));
  EXPECT_EQ(written(OrderedJson::object()), "{}");
  EXPECT_EQ(written(OrderedJson::array()), "[]");
  EXPECT_EQ(written(OrderedJson(42)), "42");
}

TEST(JsonWriter, EscapesControlCharactersLikeNlohmann) {
  for (int c = 0; c < 0x80; ++c) {
    const std::string text = "a" + std::string(1, static_cast<char>(c)) + "b";
    EXPECT_EQ(written_string(text), OrderedJson(text).dump()) << "byte " << c;
  }
}

TEST(JsonWriter, WritesFloatsWithNlohmannsDigits) {
  std::vector<double> values = {0.0,
                                -0.0,
                                1.0,
                                0.1,
                                1e-4,
                                1e-5,
                                123456789012345.0,
                                1e15,
                                1e16,
                                0.39905357921110157,  // std::to_chars gives 0.3990535792111016
                                713944723167853.75,
                                std::numeric_limits<double>::max(),
                                std::numeric_limits<double>::min(),
                                std::numeric_limits<double>::denorm_min()};
  std::mt19937_64 random(20261126);
  for (int i = 0; i < 20000; ++i) {
    const double value = std::bit_cast<double>(random());
    if (std::isfinite(value)) {
      values.push_back(value);
    }
    values.push_back(std::ldexp(static_cast<double>(random() >> 11), -53 + (i % 80) - 40));
  }
  for (const double value : values) {
    JsonWriter out;
    out.floating(value);
    EXPECT_EQ(out.take(), OrderedJson(value).dump()) << "value " << value;
  }
}

TEST(JsonWriter, WritesNonFiniteFloatsAsNull) {
  for (const double value :
       {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity()}) {
    JsonWriter out;
    out.floating(value);
    EXPECT_EQ(out.take(), "null") << value;
  }
}

TEST(JsonWriter, KeepsWellFormedUtf8) {
  const std::string text =
      "94.8\xc2\xb1"
      "30\xce\xbcs \xe2\x82\xac \xf0\x9f\x93\x88 \xf4\x8f\xbf\xbf";
  EXPECT_EQ(written_string(text), "\"" + text + "\"");
}

TEST(JsonWriter, ReplacesEachMalformedByteWithReplacementCharacter) {
  const std::string k_fffd = "\xef\xbf\xbd";
  EXPECT_EQ(written_string("caf\xe9"), "\"caf" + k_fffd + "\"");
  EXPECT_EQ(written_string("\xff\xfe"), "\"" + k_fffd + k_fffd + "\"");
  EXPECT_EQ(written_string("\xc0\xaf/"), "\"" + k_fffd + k_fffd + "/\"");  // overlong '/'
  EXPECT_EQ(written_string("\xed\xa0\x80"), "\"" + k_fffd + k_fffd + k_fffd + "\"");
  EXPECT_EQ(written_string("a\xe2\x82"), "\"a" + k_fffd + k_fffd + "\"");  // cut short at the end
  EXPECT_EQ(written_string("\xe2\x82\"x"), "\"" + k_fffd + k_fffd + "\\\"x\"");
  EXPECT_EQ(written_string("\xe2\x82\xac\x80"), "\"\xe2\x82\xac" + k_fffd + "\"");
  // What comes out is valid UTF-8 that nlohmann reads back.
  EXPECT_EQ(OrderedJson::parse(written_string("m\xe4sk\n")).get<std::string>(),
            "m" + k_fffd + "sk\n");
}

TEST(JsonWriter, StartsOverAfterTake) {
  JsonWriter out;
  out.begin_array();
  out.integer(1);
  out.end_array();
  EXPECT_EQ(out.take(), "[\n  1\n]");
  out.boolean(true);
  EXPECT_EQ(out.take(), "true");
}

// Every JSON output in tests/golden/ comes out byte for byte when written member by member.
TEST(JsonWriter, RewritesEveryGoldenJsonOutputByteForByte) {
  int checked = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(test::source_dir() + "/tests/golden")) {
    if (entry.path().extension() != ".json") {
      continue;
    }
    const std::string path = entry.path().string();
    const std::string text = read_file(path, k_default_max_input_size);
    const OrderedJson document = OrderedJson::parse(text);
    EXPECT_EQ(written(document) + "\n", text) << path;
    EXPECT_EQ(written(document), document.dump(2)) << path;
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

}  // namespace
}  // namespace spyglass::util
