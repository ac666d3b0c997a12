#pragma once

#include <string>
#include <string_view>

namespace spyglass::render {

// Make `text` safe as inline GitHub-flavoured markdown, including inside a table cell: it can
// neither break the table (`|`, newlines), start markup (`*`, `_`, backticks, `[`, `~`, `\`),
// inject HTML or close an HTML comment (`<`, `>`, `&`), nor mention anyone (`@`).
std::string escape_markdown(std::string_view text);

// `text` as a GFM code span that is safe inside a table cell: the backtick fence is longer than any
// run inside it, `|` is escaped (GFM unescapes it within tables) and newlines become spaces.
std::string code_span(std::string_view text);

// `markdown` with every run of blank lines outside fenced code blocks reduced to one, and exactly
// one newline at the end: templates stay readable without their layout leaking into the output.
std::string tidy_blank_lines(std::string_view markdown);

// `text` inside a fenced code block whose fence is longer than any backtick run in it, so no
// line of `text` can close the block early.
std::string code_block(std::string_view text, std::string_view info = "");

}  // namespace spyglass::render
