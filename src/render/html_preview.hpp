#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "spyglass/render/change_chart.hpp"

namespace spyglass::render {

// --- Interface ---

// A self-contained HTML page (inline GitHub-like CSS, no external resources) showing `markdown`
// the way GitHub shows a pull-request comment: cmark-gfm with GitHub's extensions (table,
// strikethrough, autolink, tagfilter, tasklist), line breaks kept as in comments, alerts
// (`> [!CAUTION]` ...) drawn as callouts, and raw HTML reduced to GitHub's attribute-free
// allowlist (`details`, `summary`, `sub`, ...) with everything else dropped, as GitHub's
// sanitizer does. `title` names the page. GitHub draws Mermaid blocks in the browser: the block
// that is mermaid_change_chart(`chart`) is drawn here as ratio_chart_svg(`chart`) (the same bars
// on a log scale, slower ones red, faster ones green); any other Mermaid block stays code, after
// a line saying that the preview does not draw it.
std::string render_html_preview(std::string_view markdown, const std::string& title,
                                const std::vector<ChartBar>& chart = {});

}  // namespace spyglass::render
