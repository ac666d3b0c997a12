#pragma once

#include <string>
#include <string_view>

namespace spyglass::render {

// --- Interface ---

// A self-contained HTML page (inline GitHub-like CSS, no external resources) showing `markdown`
// the way GitHub shows a pull-request comment: cmark-gfm with GitHub's extensions (table,
// strikethrough, autolink, tagfilter, tasklist), line breaks kept as in comments, alerts
// (`> [!CAUTION]` ...) drawn as callouts, and raw HTML reduced to GitHub's attribute-free
// allowlist (`details`, `summary`, `sub`, ...) with everything else dropped, as GitHub's
// sanitizer does. `title` names the page.
std::string render_html_preview(std::string_view markdown, const std::string& title);

}  // namespace spyglass::render
