#pragma once

#include <string>
#include <string_view>

namespace spyglass::render {

// Make `text` safe as inline GitHub-flavoured markdown, including inside a table cell: it can
// neither break the table (`|`, newlines), start markup (`*`, `_`, backticks, `[`, `~`, `\`),
// inject HTML or close an HTML comment (`<`, `>`, `&`), nor mention anyone (`@`).
std::string escape_markdown(std::string_view text);

// `text` safe inside raw HTML, where markdown escapes do not apply (e.g. in `<summary>`): `<`,
// `>`, `&` and `"` become entities.
std::string escape_html(std::string_view text);

// Where a code span goes: in a table cell `|` must be escaped (GFM unescapes it there before
// parsing the cell), while in running text the escape would show.
enum class SpanPlace { k_text, k_table_cell };

// `text` as a GFM code span: the backtick fence is longer than any run inside it, newlines become
// spaces, and in a table cell `|` is escaped.
std::string code_span(std::string_view text, SpanPlace place);

// `markdown` with every run of blank lines outside fenced code blocks reduced to one, and exactly
// one newline at the end: templates stay readable without their layout leaking into the output.
std::string tidy_blank_lines(std::string_view markdown);

// `text` inside a fenced code block whose fence is longer than any backtick run in it, so no
// line of `text` can close the block early.
std::string code_block(std::string_view text, std::string_view info = "");

}  // namespace spyglass::render
