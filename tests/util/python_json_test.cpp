#include "spyglass/util/python_json.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "spyglass/util/error.hpp"
#include "support/paths.hpp"

namespace spyglass::util {
namespace {

using Type = JsonValue::Type;

constexpr double k_inf = std::numeric_limits<double>::infinity();

JsonDocument parse(std::string_view text) { return parse_python_json(text, "f.json"); }

// The message of the Error that parsing `text` throws, or "" when it parses.
std::string parse_error(std::string_view text) {
  try {
    parse(text);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input) << text;
    return error.what();
  }
  return "";
}

// Check that `value` is the float `expected` (bit-exact, so -0.0 and 0.0 differ).
void expect_float(const JsonValue& value, double expected, std::string_view input) {
  ASSERT_EQ(value.type(), Type::k_float) << input;
  EXPECT_EQ(std::signbit(value.as_double()), std::signbit(expected)) << input;
  EXPECT_EQ(value.as_double(), expected) << input;
}

// Check that `actual` holds the same document as `expected`, naming the JSON path on mismatch.
void expect_same(const JsonValue& actual, const nlohmann::json& expected, const std::string& path) {
  if (expected.is_object()) {
    ASSERT_TRUE(actual.is_object()) << path;
    ASSERT_EQ(actual.members().size(), expected.size()) << path;
    for (const auto& [key, value] : actual.members()) {
      const std::string name(key);
      ASSERT_TRUE(expected.contains(name)) << path << "." << name;
      expect_same(value, expected.at(name), path + "." + name);
    }
  } else if (expected.is_array()) {
    ASSERT_TRUE(actual.is_array()) << path;
    ASSERT_EQ(actual.items().size(), expected.size()) << path;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      expect_same(actual.items()[i], expected[i], path + "[" + std::to_string(i) + "]");
    }
  } else if (expected.is_number_integer()) {
    ASSERT_EQ(actual.type(), Type::k_integer) << path;
    EXPECT_EQ(actual.as_integer(), expected.get<std::int64_t>()) << path;
  } else if (expected.is_number_float()) {
    ASSERT_EQ(actual.type(), Type::k_float) << path;
    EXPECT_EQ(actual.as_double(), expected.get<double>()) << path;
  } else if (expected.is_string()) {
    ASSERT_TRUE(actual.is_string()) << path;
    EXPECT_EQ(actual.as_string(), expected.get<std::string>()) << path;
  } else if (expected.is_boolean()) {
    ASSERT_EQ(actual.type(), Type::k_bool) << path;
    EXPECT_EQ(actual.as_bool(), expected.get<bool>()) << path;
  } else {
    EXPECT_TRUE(actual.is_null()) << path;
  }
}

std::vector<std::string> member_names(const JsonValue& object) {
  std::vector<std::string> names;
  for (const auto& member : object.members()) {
    names.emplace_back(member.key);
  }
  return names;
}

// --- Values ------------------------------------------------------------------

TEST(PythonJson, ParsesEveryScalarType) {
  EXPECT_TRUE(parse("null").root().is_null());
  EXPECT_EQ(parse("true").root().type(), Type::k_bool);
  EXPECT_TRUE(parse("true").root().as_bool());
  EXPECT_FALSE(parse("false").root().as_bool());
  EXPECT_EQ(parse("42").root().as_integer(), 42);
  expect_float(parse("2.5").root(), 2.5, "2.5");
  EXPECT_EQ(parse(R"("text")").root().as_string(), "text");
}

TEST(PythonJson, ParsesArraysAndObjects) {
  const JsonDocument document = parse(R"({"list": [1, "two", null, [], {}], "empty": {}})");
  const JsonValue& value = document.root();
  ASSERT_TRUE(value.is_object());
  const JsonValue* list = value.find("list");
  ASSERT_NE(list, nullptr);
  ASSERT_EQ(list->items().size(), 5U);
  EXPECT_EQ(list->items()[0].as_integer(), 1);
  EXPECT_EQ(list->items()[1].as_string(), "two");
  EXPECT_TRUE(list->items()[2].is_null());
  EXPECT_TRUE(list->items()[3].is_array());
  EXPECT_TRUE(list->items()[3].items().empty());
  EXPECT_TRUE(list->items()[4].is_object());
  EXPECT_TRUE(list->items()[4].members().empty());
  EXPECT_TRUE(value.find("empty")->is_object());
  EXPECT_EQ(value.find("missing"), nullptr);
}

TEST(PythonJson, ParsesPythonNonFiniteTokens) {
  EXPECT_TRUE(std::isnan(parse("NaN").root().as_double()));
  EXPECT_EQ(parse("NaN").root().type(), Type::k_float);
  expect_float(parse("Infinity").root(), k_inf, "Infinity");
  expect_float(parse("-Infinity").root(), -k_inf, "-Infinity");
  const JsonDocument document = parse("[NaN,-Infinity,Infinity]");
  const JsonValue& list = document.root();
  ASSERT_EQ(list.items().size(), 3U);
  EXPECT_TRUE(std::isnan(list.items()[0].as_double()));
  expect_float(list.items()[1], -k_inf, "[NaN,-Infinity,Infinity][1]");
  expect_float(list.items()[2], k_inf, "[NaN,-Infinity,Infinity][2]");
}

TEST(PythonJson, KeepsIntegersApartFromFloats) {
  EXPECT_EQ(parse("42").root().type(), Type::k_integer);
  EXPECT_EQ(parse("-7").root().as_integer(), -7);
  // Python's int("-0") is 0, while float("-0.0") keeps its sign.
  EXPECT_EQ(parse("-0").root().type(), Type::k_integer);
  EXPECT_EQ(parse("-0").root().as_integer(), 0);
  expect_float(parse("42.0").root(), 42.0, "42.0");
  expect_float(parse("1e3").root(), 1000.0, "1e3");
  expect_float(parse("1E+3").root(), 1000.0, "1E+3");
  expect_float(parse("-0.0").root(), -0.0, "-0.0");
  expect_float(parse("2.5e-5").root(), 2.5e-5, "2.5e-5");
}

TEST(PythonJson, TurnsIntegersBeyondInt64IntoFloats) {
  EXPECT_EQ(parse("9223372036854775807").root().as_integer(),
            std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(parse("-9223372036854775808").root().as_integer(),
            std::numeric_limits<std::int64_t>::min());
  expect_float(parse("9223372036854775808").root(), 9223372036854775808.0, "2^63");
  expect_float(parse("-9223372036854775809").root(), -9223372036854775808.0, "-2^63 - 1");
  expect_float(parse("123456789012345678901234567890").root(), 1.2345678901234568e29, "30 digits");
}

TEST(PythonJson, ParsesFloatsExactlyLikePython) {
  expect_float(parse("0.1").root(), 0.1, "0.1");
  expect_float(parse("0.0004540278911590576").root(), 0.0004540278911590576, "asv time");
  expect_float(parse("1.7976931348623157e308").root(), std::numeric_limits<double>::max(), "max");
  expect_float(parse("4.9e-324").root(), std::numeric_limits<double>::denorm_min(), "denorm_min");
  // Out of range literals give what float() gives: infinity or zero.
  expect_float(parse("1e400").root(), k_inf, "1e400");
  expect_float(parse("-1e400").root(), -k_inf, "-1e400");
  expect_float(parse("1e-400").root(), 0.0, "1e-400");
  expect_float(parse("-1e-400").root(), -0.0, "-1e-400");
  expect_float(parse("0.00000000001e-320").root(), 0.0, "0.00000000001e-320");
  expect_float(parse("1000000000000e300").root(), k_inf, "1000000000000e300");
}

TEST(PythonJson, DecodesEscapes) {
  EXPECT_EQ(parse(R"("\" \\ \/ \b \f \n \r \t")").root().as_string(), "\" \\ / \b \f \n \r \t");
  EXPECT_EQ(parse(R"("\u0041\u00e9\u03BC\u4e2d")").root().as_string(), "A\u00e9\u03bc\u4e2d");
  EXPECT_EQ(parse(R"("a\u0000b")").root().as_string(), std::string("a\0b", 3));
  EXPECT_EQ(parse("\"raw \xce\xbcs \xf0\x9f\x98\x80\"").root().as_string(),
            "raw \u03bcs \U0001F600");
}

TEST(PythonJson, JoinsSurrogatePairs) {
  EXPECT_EQ(parse(R"("\ud83d\ude00")").root().as_string(), "\U0001F600");
  EXPECT_EQ(parse(R"("x\uD83D\uDE00y")").root().as_string(), "x\U0001F600y");
}

TEST(PythonJson, ReplacesLoneSurrogatesWithReplacementCharacter) {
  EXPECT_EQ(parse(R"("\ud83d")").root().as_string(), "\uFFFD");
  EXPECT_EQ(parse(R"("\ude00")").root().as_string(), "\uFFFD");
  EXPECT_EQ(parse(R"("\ud83dx")").root().as_string(), "\uFFFDx");
  EXPECT_EQ(parse(R"("\ud83d\u0041")").root().as_string(), "\uFFFDA");
  EXPECT_EQ(parse(R"("\ud83d\ud83d\ude00")").root().as_string(), "\uFFFD\U0001F600");
}

TEST(PythonJson, KeepsMembersInFileOrder) {
  const JsonDocument document = parse(R"({"zeta": 1, "alpha": 2, "mid": 3})");
  const JsonValue& value = document.root();
  EXPECT_EQ(member_names(value), (std::vector<std::string>{"zeta", "alpha", "mid"}));
}

TEST(PythonJson, DuplicateKeyKeepsFirstPositionAndLastValue) {
  const JsonDocument document = parse(R"({"a": 1, "b": 2, "a": 3, "c": 4, "a": 5})");
  const JsonValue& value = document.root();
  EXPECT_EQ(member_names(value), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(value.find("a")->as_integer(), 5);
  EXPECT_EQ(value.find("c")->as_integer(), 4);
}

TEST(PythonJson, DuplicateKeysInLargeObjectsMergeToo) {
  std::string text = "{";
  for (int i = 0; i < 40; ++i) {
    text += "\"k" + std::to_string(i % 20) + "\": " + std::to_string(i) + (i < 39 ? ", " : "}");
  }
  const JsonDocument document = parse(text);
  const JsonValue& value = document.root();
  ASSERT_EQ(value.members().size(), 20U);
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(value.members()[i].key, "k" + std::to_string(i));
    EXPECT_EQ(value.members()[i].value.as_integer(), i + 20);
  }
}

TEST(PythonJson, SkipsByteOrderMarkAndJsonWhitespace) {
  EXPECT_EQ(parse("\xEF\xBB\xBF[1]").root().items().size(), 1U);
  const JsonDocument document = parse(" \t\r\n{ \"a\" :\r\n [ 1 ,\t2 ] } \n");
  const JsonValue& value = document.root();
  EXPECT_EQ(value.find("a")->items().size(), 2U);
}

TEST(PythonJson, AcceptsNestingOf256Levels) {
  const std::string text = std::string(256, '[') + std::string(256, ']');
  const JsonDocument document = parse(text);
  const JsonValue& root = document.root();
  const JsonValue* value = &root;
  int depth = 0;
  while (!value->items().empty()) {
    value = &value->items()[0];
    ++depth;
  }
  EXPECT_EQ(depth, 255);
}

TEST(PythonJson, KeepsOnlyTheFilteredMembersAtTheFilterDepth) {
  constexpr std::array<std::string_view, 2> k_keys = {"name", "unit"};
  const JsonDocument document = parse_python_json(
      R"({"code": 1, "a": {"code": "x", "name": "a", "unit": null, "n": {"name": 2}},
          "b": {"unit": "s", "name": "b", "unit": "bytes"}})",
      "f.json", JsonMemberFilter{2, k_keys});
  const JsonValue& root = document.root();
  EXPECT_EQ(member_names(root), (std::vector<std::string>{"code", "a", "b"}));
  EXPECT_EQ(member_names(*root.find("a")), (std::vector<std::string>{"name", "unit"}));
  EXPECT_EQ(member_names(*root.find("b")), (std::vector<std::string>{"unit", "name"}));
  EXPECT_EQ(root.find("b")->find("unit")->as_string(), "bytes");
}

TEST(PythonJson, ChecksFilteredOutMembersAsStrictly) {
  constexpr std::array<std::string_view, 1> k_keys = {"name"};
  const JsonMemberFilter filter{1, k_keys};
  const auto error_with_filter = [&](std::string_view text) {
    try {
      parse_python_json(text, "f.json", filter);
    } catch (const Error& error) {
      return std::string(error.what());
    }
    return std::string();
  };
  for (const std::string_view text :
       {std::string_view(R"({"code": [1, {"a": 01}]})"), std::string_view(R"({"code": "\x"})"),
        std::string_view("{\"code\": \"\xff\"}"), std::string_view(R"({"code": [1,]})"),
        std::string_view(R"({"code": tru})"), std::string_view(R"({"code": {"a" 1}})"),
        std::string_view(R"({"code": -})"), std::string_view(R"({"code": "ab)")}) {
    EXPECT_EQ(error_with_filter(text), parse_error(text)) << text;
    EXPECT_NE(parse_error(text), "") << text;
  }
  const std::string deep = "{\"code\": " + std::string(256, '[') + std::string(256, ']') + "}";
  EXPECT_EQ(error_with_filter(deep), "f.json:1:265: nesting deeper than 256 levels");
}

TEST(PythonJson, StreamsTheNamedArrayElementByElementAndKeepsTheRest) {
  std::vector<std::string> seen;
  const auto on_element = [&](std::size_t index, const JsonValue& element) {
    // Decoded strings live only for the call: copy what is kept.
    seen.push_back(std::to_string(index) + ":" + std::string(element.find("n")->as_string()));
  };
  const JsonDocument document = parse_python_json(
      R"({"context": {"rows": [1]}, "rows": [{"n": "a"}, {"n": "b\u00e9"}, {"n": "c"}],
          "after": [2]})",
      "f.json", {}, JsonStream{"rows", on_element});
  EXPECT_EQ(seen, (std::vector<std::string>{"0:a", "1:b\u00e9", "2:c"}));
  const JsonValue& root = document.root();
  EXPECT_EQ(member_names(root), (std::vector<std::string>{"context", "rows", "after"}));
  EXPECT_TRUE(root.find("rows")->is_array());
  EXPECT_TRUE(root.find("rows")->items().empty());
  // Only the root object's member is streamed; a nested array of that name is kept.
  EXPECT_EQ(root.find("context")->find("rows")->items().size(), 1U);
  EXPECT_EQ(root.find("after")->items().size(), 1U);
}

TEST(PythonJson, ReportsSyntaxErrorsInAStreamedArrayAsElsewhere) {
  const auto error_streaming = [](std::string_view text) {
    try {
      parse_python_json(text, "f.json", {},
                        JsonStream{"rows", [](std::size_t, const JsonValue&) {}});
    } catch (const Error& error) {
      return std::string(error.what());
    }
    return std::string();
  };
  for (const std::string_view text :
       {std::string_view(R"({"rows": [1,]})"), std::string_view(R"({"rows": [{"a" 1}]})"),
        std::string_view(R"({"rows": [1 2]})"), std::string_view(R"({"rows": [)")}) {
    EXPECT_EQ(error_streaming(text), parse_error(text)) << text;
    EXPECT_NE(parse_error(text), "") << text;
  }
}

// --- Accessors ---------------------------------------------------------------

TEST(PythonJson, AccessorsOnOtherTypesAreEmpty) {
  const JsonValue text = JsonValue::string("x");
  EXPECT_TRUE(text.items().empty());
  EXPECT_TRUE(text.members().empty());
  EXPECT_EQ(text.find("x"), nullptr);
  EXPECT_TRUE(std::isnan(text.as_double()));
  EXPECT_TRUE(std::isnan(JsonValue::null().as_double()));
  EXPECT_EQ(JsonValue::integer(3).as_double(), 3.0);
  EXPECT_EQ(JsonValue::floating(0.5).as_double(), 0.5);
}

TEST(PythonJson, ValuesAreSixteenBytes) { EXPECT_EQ(sizeof(JsonValue), 16U); }

TEST(PythonJson, AccessorsOfAnotherTypeThrow) {
  EXPECT_THROW(JsonValue::integer(1).as_bool(), std::logic_error);
  EXPECT_THROW(JsonValue::floating(1.0).as_integer(), std::logic_error);
  EXPECT_THROW(JsonValue::null().as_string(), std::logic_error);
}

TEST(PythonJson, BuildsValuesWithStaticConstructors) {
  const std::array<JsonValue, 2> items = {JsonValue::boolean(true), JsonValue::null()};
  const std::array<JsonMember, 1> members = {{{"list", JsonValue::array(items)}}};
  const JsonValue value = JsonValue::object(members);
  EXPECT_EQ(value.type(), Type::k_object);
  EXPECT_TRUE(value.find("list")->items()[0].as_bool());
  EXPECT_TRUE(value.find("list")->items()[1].is_null());
  EXPECT_EQ(JsonValue::string("text").as_string(), "text");
}

TEST(PythonJson, ValuesStayValidAfterTheDocumentMoves) {
  JsonDocument first = parse(R"({"name": "a long string that is not stored inline", "n": [1, 2]})");
  const JsonDocument moved = std::move(first);
  EXPECT_EQ(moved.root().find("name")->as_string(), "a long string that is not stored inline");
  EXPECT_EQ(moved.root().find("n")->items()[1].as_integer(), 2);
}

TEST(PythonJson, DescribesEveryType) {
  EXPECT_STREQ(JsonValue::describe(Type::k_null), "null");
  EXPECT_STREQ(JsonValue::describe(Type::k_bool), "a boolean");
  EXPECT_STREQ(JsonValue::describe(Type::k_integer), "an integer");
  EXPECT_STREQ(JsonValue::describe(Type::k_float), "a number");
  EXPECT_STREQ(JsonValue::describe(Type::k_string), "a string");
  EXPECT_STREQ(JsonValue::describe(Type::k_array), "an array");
  EXPECT_STREQ(JsonValue::describe(Type::k_object), "an object");
}

// --- Errors ------------------------------------------------------------------

TEST(PythonJson, ReportsEachErrorWithLineAndColumn) {
  struct Case {
    std::string_view input;
    std::string_view message;
  };
  const std::vector<Case> cases = {
      {"", "f.json:1:1: file is empty"},
      {" \n ", "f.json:2:2: file is empty"},
      {"[1, 2", "f.json:1:6: unexpected end of file (truncated?)"},
      {R"({"a": 1 "b": 2})", "f.json:1:9: expected ',' or '}' after object member"},
      {"[1 2]", "f.json:1:4: expected ',' or ']' after array element"},
      {R"({"a" 1})", "f.json:1:6: expected ':' after object key"},
      {"{1: 2}", "f.json:1:2: expected '\"' to start an object key"},
      {"{'a': 2}", "f.json:1:2: expected '\"' to start an object key"},
      {"[1,]", "f.json:1:4: trailing comma before ']'"},
      {R"({"a": 1, })", "f.json:1:10: trailing comma before '}'"},
      {"[-x]", "f.json:1:2: invalid number"},
      {"[1.e5]", "f.json:1:2: invalid number"},
      {"1e+x", "f.json:1:1: invalid number"},
      {"[01]", "f.json:1:2: invalid number (leading zero)"},
      {"-01", "f.json:1:1: invalid number (leading zero)"},
      {"+1", "f.json:1:1: unexpected character '+'"},
      {".5", "f.json:1:1: unexpected character '.'"},
      {"x", "f.json:1:1: unexpected character 'x'"},
      {"[\x01]", "f.json:1:2: unexpected byte 0x01"},
      {"\xC3\xA9", "f.json:1:1: unexpected byte 0xC3"},
      {R"(["\q"])", "f.json:1:3: invalid escape '\\q' in string"},
      {"\"\\\x7F\"", "f.json:1:2: invalid escape: '\\' followed by byte 0x7F in string"},
      {R"("ab\u12G4")", "f.json:1:4: invalid \\u escape in string (expected 4 hex digits)"},
      {"\"a\nb\"", "f.json:1:3: unescaped control character U+000A in string"},
      {"\"a\tb\"", "f.json:1:3: unescaped control character U+0009 in string"},
      {"nulL", "f.json:1:1: invalid literal (expected 'null')"},
      {"nan", "f.json:1:1: invalid literal (expected 'null')"},
      {"[True]", "f.json:1:2: unexpected character 'T'"},
      {"-NaN", "f.json:1:1: invalid number"},
      {"Inf", "f.json:1:4: unexpected end of file (truncated?)"},
      {"-Infinite", "f.json:1:2: invalid literal (expected 'Infinity')"},
      {"[1] [2]", "f.json:1:5: unexpected character '[' after the JSON value"},
      {std::string_view("{}\x00", 3), "f.json:1:3: unexpected byte 0x00 after the JSON value"},
      {"\xEF\xBB\xBF\xEF\xBB\xBF{}", "f.json:1:4: unexpected byte 0xEF"},
      {"{\n  \"a\": [1,\n    2 x\n}", "f.json:3:7: expected ',' or ']' after array element"},
      {"{\r\n\"a\": tru\r\n}", "f.json:2:6: invalid literal (expected 'true')"},
  };
  for (const auto& [input, message] : cases) {
    EXPECT_EQ(parse_error(input), message) << "input: " << input;
  }
}

TEST(PythonJson, RejectsStringsThatAreNotUtf8) {
  struct Case {
    std::string_view input;
    std::string_view message;
  };
  const std::vector<Case> cases = {
      {"[\"caf\xe9\"]", "f.json:1:6: invalid UTF-8 in string"},           // Latin-1
      {"{\"\xe9\": 0}", "f.json:1:3: invalid UTF-8 in string"},           // in a key
      {"\"\xc0\xaf\"", "f.json:1:2: invalid UTF-8 in string"},            // overlong
      {"\"\xed\xa0\x80\"", "f.json:1:2: invalid UTF-8 in string"},        // surrogate
      {"\"\xf4\x90\x80\x80\"", "f.json:1:2: invalid UTF-8 in string"},    // past U+10FFFF
      {"\"ok\\n\x80\"", "f.json:1:6: invalid UTF-8 in string"},           // after an escape
      {"\"\xe2\x28\xa1\"", "f.json:1:2: invalid UTF-8 in string"},        // bad continuation
      {"\"\xe2\x82\"", "f.json:1:2: invalid UTF-8 in string"},            // cut short
      {"\"\xe2\x82", "f.json:1:4: unexpected end of file (truncated?)"},  // end of file
      {"[\"a\",\n \"\xff\"]", "f.json:2:3: invalid UTF-8 in string"},
  };
  for (const auto& [input, message] : cases) {
    EXPECT_EQ(parse_error(input), message) << "input: " << input;
  }
}

TEST(PythonJson, KeepsWellFormedUtf8InStrings) {
  for (const std::string text : {"\xc2\xb1", "\xe2\x82\xac", "\xed\x9f\xbf", "\xf0\x9f\x93\x88",
                                 "\xf4\x8f\xbf\xbf", "a\xce\xbcs\\nb"}) {
    std::string expected = text;
    if (const auto escape = expected.find("\\n"); escape != std::string::npos) {
      expected.replace(escape, 2, "\n");
    }
    EXPECT_EQ(parse("\"" + text + "\"").root().as_string(), expected) << text;
  }
}

// Strings and whitespace are scanned 16 bytes at a time where the input allows: a byte that ends
// the run must be found wherever it falls in a block, and in the bytes before the end of input
// that no full block covers.
TEST(PythonJson, FindsTheEndOfEveryRunWhereverItFallsInABlock) {
  for (std::size_t before = 0; before <= 40; ++before) {
    const std::string run(before, 'a');
    for (std::size_t after : {0U, 1U, 15U, 16U, 17U, 40U}) {
      const std::string tail(after, ' ');
      const std::string where =
          "run of " + std::to_string(before) + ", " + std::to_string(after) + " bytes after";
      EXPECT_EQ(parse("\"" + run + "\"" + tail).root().as_string(), run) << where;
      EXPECT_EQ(parse("\"" + run + "\\n" + run + "\"" + tail).root().as_string(), run + "\n" + run)
          << where;
      EXPECT_EQ(parse("\"" + run + "\xce\xbc" + run + "\"" + tail).root().as_string(),
                run + "\xce\xbc" + run)
          << where;
      const std::string column = std::to_string(before + 2);
      EXPECT_EQ(parse_error("\"" + run + "\x01" + run + "\"" + tail),
                "f.json:1:" + column + ": unescaped control character U+0001 in string")
          << where;
      EXPECT_EQ(parse_error("\"" + run + "\xff" + run + "\"" + tail),
                "f.json:1:" + column + ": invalid UTF-8 in string")
          << where;
      EXPECT_EQ(parse_error("\"" + run + tail), "f.json:1:" + std::to_string(before + after + 2) +
                                                    ": unexpected end of file (truncated?)")
          << where;
      // Whitespace runs of every length, ended by a value, a stray byte or the end of input.
      const std::string blank = std::string(before, ' ') + "\n\t\r";
      EXPECT_EQ(parse("[" + blank + "1" + blank + "]" + tail).root().items().size(), 1U) << where;
      EXPECT_EQ(parse_error("[1" + blank + "x" + tail),
                "f.json:2:3: expected ',' or ']' after array element")
          << where;
      EXPECT_EQ(parse_error("[1" + blank + tail),
                "f.json:2:" + std::to_string(3 + after) + ": unexpected end of file (truncated?)")
          << where;
    }
  }
}

TEST(PythonJson, RejectsNestingDeeperThan256Levels) {
  const std::string arrays = std::string(257, '[') + std::string(257, ']');
  EXPECT_EQ(parse_error(arrays), "f.json:1:257: nesting deeper than 256 levels");
  std::string objects;
  for (int i = 0; i < 300; ++i) {
    objects += "{\"a\":";
  }
  EXPECT_EQ(parse_error(objects), "f.json:1:1281: nesting deeper than 256 levels");
}

TEST(PythonJson, ReportsEveryTruncationAsEndOfFile) {
  const std::string document =
      "{\"a\": [1.5e-3, -0, NaN, -Infinity, true, null],\n"
      " \"b\\u00e9\": \"x\\ud83d\\ude00\", \"c\": {\"d\": false}}";
  ASSERT_NO_THROW(parse(document));
  for (std::size_t length = 1; length < document.size(); ++length) {
    const std::string prefix = document.substr(0, length);
    const auto newline = prefix.find('\n');
    const std::string where = newline == std::string::npos
                                  ? "1:" + std::to_string(length + 1)
                                  : "2:" + std::to_string(length - newline);
    EXPECT_EQ(parse_error(prefix), "f.json:" + where + ": unexpected end of file (truncated?)")
        << "prefix: " << prefix;
  }
}

TEST(PythonJson, NamesTheFileInErrors) {
  try {
    parse_python_json("[", "results/abc.json");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(), "results/abc.json:1:2: unexpected end of file (truncated?)");
  }
}

// --- Real files ----------------------------------------------------------------

// Every fixture parses (except deliberately broken ones: named INVALID, or under a `bad/` folder);
// those without Python's
// non-finite tokens also match nlohmann::json value for value (nlohmann rejects NaN and Infinity).
TEST(PythonJson, ParsesEveryJsonFixtureLikeNlohmann) {
  const std::filesystem::path root = test::fixture_path("");
  int parsed = 0;
  int compared = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    const auto& path = entry.path();
    if (!entry.is_regular_file() || path.extension() != ".json" ||
        path.string().find("INVALID") != std::string::npos ||
        path.generic_string().find("/bad/") != std::string::npos) {
      continue;
    }
    const std::string relative = std::filesystem::relative(path, root).generic_string();
    const std::string text = test::read_fixture(relative);
    std::optional<JsonDocument> document;
    ASSERT_NO_THROW(document.emplace(parse_python_json(text, relative))) << relative;
    ++parsed;
    const nlohmann::json expected = nlohmann::json::parse(text, nullptr, false);
    if (!expected.is_discarded()) {
      expect_same(document->root(), expected, relative + ":$");
      ++compared;
    }
  }
  EXPECT_GE(parsed, 3);
  EXPECT_GE(compared, 1);
}

TEST(PythonJson, ReadsAsvVersion1ResultWithNaNAndNull) {
  const std::string relative =
      "asv-spyglass-upstream/asv/test/example_results/cheetah/"
      "22b920c6-py2.7-Cython-numpy1.8.json";
  const std::string text = test::read_fixture(relative);
  const JsonDocument document = parse_python_json(text, relative);
  const JsonValue& root = document.root();
  EXPECT_EQ(root.find("version")->as_integer(), 1);
  const JsonValue& results = *root.find("results");
  ASSERT_EQ(results.members().size(), 21U);
  EXPECT_EQ(results.members()[0].key, "time_AAA_failure");
  EXPECT_TRUE(results.members()[0].value.is_null());
  EXPECT_TRUE(std::isnan(results.find("time_AAA_skip")->as_double()));
  EXPECT_EQ(results.find("time_units.mem_unit")->as_integer(), 344);
  expect_float(*results.find("time_coordinates.time_latitude"), 0.0004540278911590576, relative);
}

TEST(PythonJson, ReadsAsvVersion2ResultWithInfiniteStats) {
  const std::string relative =
      "asv/eOn/.asv/results/github-actions/"
      "173a5108-existing-py_home_runner_work_eOn_eOn_src_.pixi_envs_default_bin_python.json";
  const std::string text = test::read_fixture(relative);
  const JsonDocument document = parse_python_json(text, relative);
  const JsonValue& root = document.root();
  const JsonValue* row = root.find("results")->find(
      "bench_eonclient.TimeMinimizationLJCluster.time_minimization_lbfgs");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->items().size(), 12U);
  expect_float(row->items()[5].items()[0], -k_inf, "stats_ci_99_a");
  expect_float(row->items()[6].items()[0], k_inf, "stats_ci_99_b");
  EXPECT_EQ(row->items()[10].items()[0].as_integer(), 1);
}

}  // namespace
}  // namespace spyglass::util
