#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace spyglass::test {

// One start tag: its name (lower case) and attributes, in order.
struct HtmlTag {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // values with entities as written
};

// What a strict reading of an HTML page finds: every start tag in order, and the problems that
// make it not well-formed (an end tag that closes nothing open, a tag left open, a malformed tag
// or attribute, a stray `<` or `&` in text). Void elements and `<x/>` need no end tag; the
// contents of <script> and <style> are skipped.
struct HtmlInspection {
  std::vector<HtmlTag> tags;
  std::vector<std::string> problems;

  // How many start tags are named `name`.
  std::size_t count(std::string_view name) const;
};

// Read `html` strictly (see HtmlInspection).
HtmlInspection inspect_html(std::string_view html);

// How many times `part` occurs in `text` (overlaps counted).
std::size_t occurrences(std::string_view text, std::string_view part);

}  // namespace spyglass::test
