#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace spyglass::test {

// One GFM table as GitHub's parser sees it, each cell as plain text (code spans and emphasis
// reduced to their text, raw HTML left out).
struct GfmTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// What cmark-gfm (with GitHub's table, strikethrough, autolink and tasklist extensions) finds in a
// markdown document: its tables, in order, and the literal of every raw HTML block and inline
// fragment, in order.
struct GfmSummary {
  std::vector<GfmTable> tables;
  std::vector<std::string> raw_html;
};

// Parse `markdown` and summarize it.
GfmSummary inspect_gfm(std::string_view markdown);

}  // namespace spyglass::test
