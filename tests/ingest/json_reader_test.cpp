#include "spyglass/ingest/json_reader.hpp"

#include <gtest/gtest.h>

#include <string>

#include "spyglass/util/error.hpp"
#include "spyglass/util/python_json.hpp"

namespace spyglass::ingest {
namespace {

// The message check_format_version throws for `json`, or "<no error>".
std::string version_error(const std::string& json) {
  try {
    check_format_version("f.json", util::parse_python_json(json, "f.json").root());
  } catch (const Error& error) {
    return error.what();
  }
  return "<no error>";
}

TEST(JsonPath, RendersTopLevelKeysBareAndDeeperOnesBracketed) {
  const JsonPath root;
  const JsonPath results = root.member("results");
  const JsonPath row = results.member("b.time_x");
  EXPECT_EQ(root.str(), "");
  EXPECT_EQ(results.str(), "results");
  const JsonPath column = row.index(0);
  EXPECT_EQ(column.index(12).str(), "results[\"b.time_x\"][0][12]");
  const JsonPath third = root.index(3);
  EXPECT_EQ(third.member("k").str(), "[3][\"k\"]");
}

TEST(JsonPath, EscapesQuotesAndBackslashesInKeys) {
  const JsonPath root;
  const JsonPath results = root.member("results");
  EXPECT_EQ(results.member("a\"b\\c").str(), "results[\"a\\\"b\\\\c\"]");
}

TEST(JsonReader, AcceptsFormatVersionsOneAndTwo) {
  EXPECT_EQ(
      check_format_version("f.json", util::parse_python_json(R"({"version": 1})", "f").root()), 1);
  EXPECT_EQ(
      check_format_version("f.json", util::parse_python_json(R"({"version": 2})", "f").root()), 2);
  EXPECT_EQ(version_error(R"({"version": -1})"), "f.json: unknown format version -1 (expected 2)");
  EXPECT_EQ(version_error(R"({"version": null})"),
            "f.json: version: expected an integer, found null");
}

TEST(JsonReader, NamesTheMissingKeyAndItsObject) {
  const util::JsonDocument document = util::parse_python_json(R"({"a": {"b": 1}})", "f.json");
  const util::JsonValue& doc = document.root();
  const JsonPath root;
  EXPECT_EQ(require(".", root, doc, "a").members().size(), 1U);
  try {
    require("f.json", root.member("a"), *doc.find("a"), "c");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()), "f.json: a: missing required key \"c\"");
  }
}

}  // namespace
}  // namespace spyglass::ingest
