#include "spyglass/render/html_preview.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "spyglass/render/markdown.hpp"
#include "spyglass/render/svg_charts.hpp"
#include "spyglass/util/error.hpp"

namespace spyglass::render {
namespace {

struct ParserFree {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct TextFree {
  void operator()(char* text) const { std::free(text); }  // NOLINT: cmark allocates with malloc
};

// GitHub turns every line break of a comment into <br> (unlike in repository files), and
// supports footnotes.
constexpr int k_options = CMARK_OPT_HARDBREAKS | CMARK_OPT_FOOTNOTES;

constexpr std::array<const char*, 5> k_extensions = {"table", "strikethrough", "autolink",
                                                     "tagfilter", "tasklist"};

// Tags GitHub's sanitizer keeps that need no attributes to mean something; the rest are dropped.
constexpr std::array<std::string_view, 14> k_allowed_tags = {
    "b",   "br",  "code", "del",    "details", "em",      "i",
    "ins", "kbd", "s",    "strong", "sub",     "summary", "sup"};

// Elements GitHub's sanitizer drops together with everything inside them.
constexpr std::array<std::string_view, 2> k_dropped_with_content = {"script", "style"};

bool contains(std::span<const std::string_view> list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// An HTML start or end tag at the start of `text` (which starts with '<').
struct Tag {
  std::string name;  // lower case
  bool closing = false;
  bool open = false;       // has the `open` attribute (for `details`)
  std::size_t length = 0;  // of its source text, '<' to '>'
};

std::optional<Tag> parse_tag(std::string_view text) {
  Tag tag;
  std::size_t i = 1;
  if (i < text.size() && text[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const std::size_t name_start = i;
  if (i >= text.size() || std::isalpha(static_cast<unsigned char>(text[i])) == 0) {
    return std::nullopt;
  }
  while (i < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[i])) != 0 || text[i] == '-')) {
    ++i;
  }
  tag.name = to_lower(text.substr(name_start, i - name_start));
  if (i < text.size() && text[i] != '>' && text[i] != '/' &&
      std::isspace(static_cast<unsigned char>(text[i])) == 0) {
    return std::nullopt;
  }
  const std::size_t attributes_start = i;
  while (i < text.size() && text[i] != '>') {
    if (text[i] == '"' || text[i] == '\'') {
      i = text.find(text[i], i + 1);
      if (i == std::string_view::npos) {
        return std::nullopt;
      }
    }
    ++i;
  }
  if (i >= text.size()) {
    return std::nullopt;
  }
  const auto attributes = to_lower(text.substr(attributes_start, i - attributes_start));
  for (std::size_t at = attributes.find("open"); at != std::string::npos;
       at = attributes.find("open", at + 1)) {
    const bool starts =
        at == 0 || std::isspace(static_cast<unsigned char>(attributes[at - 1])) != 0;
    const auto after = at + 4 < attributes.size() ? attributes[at + 4] : ' ';
    tag.open = tag.open || (starts && (after == '=' || after == '/' ||
                                       std::isspace(static_cast<unsigned char>(after)) != 0));
  }
  tag.length = i + 1;
  return tag;
}

// `html` (a raw HTML block or inline literal) with comments and every tag outside the allowlist
// removed, allowed tags stripped of attributes, and any other '<' escaped.
std::string sanitize_raw_html(std::string_view html) {
  std::string out;
  std::size_t i = 0;
  while (i < html.size()) {
    const auto lt = html.find('<', i);
    out.append(html.substr(i, lt == std::string_view::npos ? html.size() - i : lt - i));
    if (lt == std::string_view::npos) {
      break;
    }
    i = lt;
    const auto rest = html.substr(i);
    if (rest.starts_with("<!--")) {
      const auto end = rest.find("-->", 4);
      i = end == std::string_view::npos ? html.size() : i + end + 3;
      continue;
    }
    const auto tag = parse_tag(rest);
    if (!tag) {
      out += "&lt;";
      ++i;
      continue;
    }
    i += tag->length;
    if (contains(k_allowed_tags, tag->name)) {
      out += fmt::format("<{}{}{}>", tag->closing ? "/" : "", tag->name,
                         tag->name == "details" && tag->open ? " open" : "");
    } else if (!tag->closing && contains(k_dropped_with_content, tag->name)) {
      const auto end = to_lower(html.substr(i)).find("</" + tag->name);
      const auto close =
          end == std::string::npos ? std::string_view::npos : html.find('>', i + end);
      i = close == std::string_view::npos ? html.size() : close + 1;
    }
  }
  return out;
}

// A GitHub alert: its marker, CSS modifier, title and icon (16×16, stroked).
struct AlertKind {
  std::string_view marker;
  std::string_view css;
  std::string_view title;
  std::string_view icon;
};

constexpr std::array<AlertKind, 5> k_alerts = {{
    {"[!NOTE]", "note", "Note",
     R"(<circle cx="8" cy="8" r="6.5"/><path d="M8 7.5v3.75M8 4.75v.01"/>)"},
    {"[!TIP]", "tip", "Tip",
     R"(<path d="M5.75 10.5C4.4 9.6 3.5 8.3 3.5 6.6a4.5 4.5 0 0 1 9 0c0 1.7-.9 3-2.25 3.9v1.35h-4.5zM6.25 14.25h3.5"/>)"},
    {"[!IMPORTANT]", "important", "Important",
     R"(<path d="M2 2.25h12v8.5H8.25L5 13.75v-3H2zM8 4.5v3M8 9v.01"/>)"},
    {"[!WARNING]", "warning", "Warning",
     R"(<path d="M8 1.75 14.75 13.75H1.25zM8 6v3.5M8 11.5v.01"/>)"},
    {"[!CAUTION]", "caution", "Caution",
     R"(<path d="M5.1 1.5h5.8l3.6 3.6v5.8l-3.6 3.6H5.1l-3.6-3.6V5.1zM8 4.5v4M8 10.75v.01"/>)"},
}};

bool is_line_break(cmark_node* node) {
  const auto type = cmark_node_get_type(node);
  return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK;
}

// The alert a block quote is, as GitHub decides: its first line is a marker alone, case
// insensitive, and something follows it.
const AlertKind* alert_kind(cmark_node* quote) {
  cmark_node* paragraph = cmark_node_first_child(quote);
  if (cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) {
    return nullptr;
  }
  std::string first_line;
  cmark_node* node = cmark_node_first_child(paragraph);
  for (; node != nullptr && !is_line_break(node); node = cmark_node_next(node)) {
    if (cmark_node_get_type(node) != CMARK_NODE_TEXT) {
      return nullptr;
    }
    first_line += cmark_node_get_literal(node);
  }
  if (node == nullptr && cmark_node_next(paragraph) == nullptr) {
    return nullptr;
  }
  const auto upper = [](std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
  };
  const auto marker = upper(first_line);
  for (const auto& kind : k_alerts) {
    if (marker == kind.marker) {
      return &kind;
    }
  }
  return nullptr;
}

// Replace the block quote `quote` by the callout GitHub draws for an alert of `kind`.
void make_alert(cmark_node* quote, const AlertKind& kind) {
  cmark_node* paragraph = cmark_node_first_child(quote);
  bool marker_line = true;
  while (marker_line && cmark_node_first_child(paragraph) != nullptr) {
    cmark_node* node = cmark_node_first_child(paragraph);
    marker_line = !is_line_break(node);
    cmark_node_free(node);
  }
  if (cmark_node_first_child(paragraph) == nullptr) {
    cmark_node_free(paragraph);
  }
  cmark_node* callout = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  const auto on_enter = fmt::format(
      R"(<div class="markdown-alert markdown-alert-{}"><p class="markdown-alert-title">)"
      R"(<svg class="octicon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">{}</svg>{}</p>)",
      kind.css, kind.icon, kind.title);
  cmark_node_set_on_enter(callout, on_enter.c_str());
  cmark_node_set_on_exit(callout, "</div>");
  while (cmark_node* child = cmark_node_first_child(quote)) {
    cmark_node_append_child(callout, child);
  }
  cmark_node_replace(quote, callout);
  cmark_node_free(quote);
}

// Replace every raw HTML node by a custom node holding its sanitized HTML: cmark renders custom
// nodes as they are, while its safe mode keeps `javascript:` links and other raw HTML out.
void sanitize_html_nodes(cmark_node* document) {
  std::vector<cmark_node*> html_nodes;
  cmark_iter* iter = cmark_iter_new(document);
  while (cmark_iter_next(iter) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    const auto type = cmark_node_get_type(node);
    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
      html_nodes.push_back(node);
    }
  }
  cmark_iter_free(iter);
  for (cmark_node* node : html_nodes) {
    const bool block = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK;
    cmark_node* custom = cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE);
    cmark_node_set_on_enter(custom, sanitize_raw_html(cmark_node_get_literal(node)).c_str());
    cmark_node_replace(node, custom);
    cmark_node_free(node);
  }
}

// Draws each Mermaid code block of `document`: the one whose text is `chart_code` as `chart_svg`,
// any other as its code after a line saying so.
void draw_mermaid_blocks(cmark_node* document, std::string_view chart_code,
                         const std::string& chart_svg) {
  std::vector<cmark_node*> blocks;
  cmark_iter* iter = cmark_iter_new(document);
  while (cmark_iter_next(iter) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    const char* info = cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK
                           ? cmark_node_get_fence_info(node)
                           : nullptr;
    if (info != nullptr && std::string_view(info) == "mermaid") {
      blocks.push_back(node);
    }
  }
  cmark_iter_free(iter);
  for (cmark_node* block : blocks) {
    cmark_node* custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    if (!chart_code.empty() && cmark_node_get_literal(block) == chart_code) {
      cmark_node_set_on_enter(custom, (chart_svg + "\n").c_str());
      cmark_node_replace(block, custom);
      cmark_node_free(block);
    } else {
      cmark_node_set_on_enter(custom,
                              "<p class=\"chart-note\">GitHub draws this Mermaid chart; this "
                              "preview does not, and shows its code.</p>\n");
      cmark_node_insert_before(block, custom);
    }
  }
}

// GitHub-like styles (light and dark), after github-markdown-css's look; no external resources.
constexpr std::string_view k_css = R"css(
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff;
  --canvas: #f6f8fa; --border: #d1d9e0; --code-bg: rgba(129, 139, 152, 0.12); --link: #0969da;
  --note: #0969da; --tip: #1a7f37; --important: #8250df; --warning: #9a6700; --caution: #d1242f; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #f0f6fc; --muted: #9198a1; --bg: #0d1117; --canvas: #151b23; --border: #3d444d;
    --code-bg: rgba(101, 108, 118, 0.2); --link: #4493f8; --note: #4493f8; --tip: #3fb950;
    --important: #ab7df8; --warning: #d29922; --caution: #f85149; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 32px 16px; background: var(--canvas); color: var(--fg);
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial,
    sans-serif, "Apple Color Emoji", "Segoe UI Emoji";
  font-size: 14px; line-height: 1.5; }
.comment { max-width: 1012px; margin: 0 auto; background: var(--bg);
  border: 1px solid var(--border); border-radius: 6px; }
.comment-header { padding: 8px 16px; background: var(--canvas); color: var(--muted);
  border-bottom: 1px solid var(--border); border-radius: 6px 6px 0 0; }
.comment-header strong { color: var(--fg); }
.markdown-body { padding: 16px; overflow-wrap: break-word; }
.markdown-body > :first-child { margin-top: 0 !important; }
.markdown-body > :last-child { margin-bottom: 0 !important; }
.markdown-body a { color: var(--link); text-decoration: none; }
.markdown-body a:hover { text-decoration: underline; }
.markdown-body p, .markdown-body blockquote, .markdown-body ul, .markdown-body ol,
.markdown-body table, .markdown-body pre, .markdown-body details, .markdown-body .markdown-alert {
  margin-top: 0; margin-bottom: 16px; }
.markdown-body h1, .markdown-body h2, .markdown-body h3, .markdown-body h4 {
  margin-top: 24px; margin-bottom: 16px; font-weight: 600; line-height: 1.25; }
.markdown-body h1 { font-size: 2em; padding-bottom: .3em; border-bottom: 1px solid var(--border); }
.markdown-body h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid var(--border); }
.markdown-body h3 { font-size: 1.25em; }
.markdown-body h4 { font-size: 1em; }
.markdown-body ul, .markdown-body ol { padding-left: 2em; }
.markdown-body blockquote { margin-left: 0; margin-right: 0; padding: 0 1em; color: var(--muted);
  border-left: .25em solid var(--border); }
.markdown-body code, .markdown-body kbd, .markdown-body pre {
  font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono",
    monospace; }
.markdown-body code { padding: .2em .4em; font-size: 85%; white-space: break-spaces;
  background: var(--code-bg); border-radius: 6px; }
.markdown-body pre { padding: 16px; overflow: auto; font-size: 85%; line-height: 1.45;
  background: var(--canvas); border-radius: 6px; }
.markdown-body pre code { padding: 0; font-size: 100%; white-space: pre; background: transparent; }
.markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto;
  border-spacing: 0; border-collapse: collapse; font-variant-numeric: tabular-nums; }
.markdown-body th { font-weight: 600; }
.markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid var(--border); }
.markdown-body tr { background: var(--bg); border-top: 1px solid var(--border); }
.markdown-body tr:nth-child(2n) { background: var(--canvas); }
.markdown-body details summary { cursor: pointer; }
.markdown-body details > :not(summary):first-of-type { margin-top: 16px; }
.markdown-body sub, .markdown-body sup { font-size: 75%; line-height: 0; }
.markdown-body hr { height: .25em; margin: 24px 0; background: var(--border); border: 0; }
.markdown-body .markdown-alert { padding: .5rem 1rem; color: inherit;
  border-left: .25em solid var(--alert); }
.markdown-body .markdown-alert > :last-child { margin-bottom: 0; }
.markdown-body .markdown-alert-title { display: flex; align-items: center; gap: 8px;
  margin-bottom: 4px; font-weight: 500; line-height: 1; color: var(--alert); }
.markdown-body .markdown-alert-title svg { fill: none; stroke: currentColor; stroke-width: 1.5;
  stroke-linecap: round; stroke-linejoin: round; }
.markdown-alert-note { --alert: var(--note); }
.markdown-alert-tip { --alert: var(--tip); }
.markdown-alert-important { --alert: var(--important); }
.markdown-alert-warning { --alert: var(--warning); }
.markdown-alert-caution { --alert: var(--caution); }
.markdown-body svg.ratio-chart { display: block; max-width: 100%; height: auto; margin: 16px 0; }
.ratio-chart text { font: 11px ui-monospace, SFMono-Regular, Menlo, monospace; fill: var(--fg); }
.ratio-chart .bar-name { text-anchor: end; }
.ratio-chart .tick-label { text-anchor: middle; fill: var(--muted); }
.ratio-chart .tick { stroke: var(--border); } .ratio-chart .one { stroke: var(--fg); }
.bar-regressed { fill: var(--caution); } .bar-improved { fill: var(--tip); }
.bar-other { fill: var(--muted); }
.chart-note { color: var(--muted); }
)css";

// `markdown` as GitHub would show it in a comment: the HTML of the comment body, `chart` drawn.
std::string render_body(std::string_view markdown, const std::vector<ChartBar>& chart) {
  cmark_gfm_core_extensions_ensure_registered();
  const std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(k_options));
  for (const char* name : k_extensions) {
    cmark_syntax_extension* extension = cmark_find_syntax_extension(name);
    if (extension == nullptr) {
      throw Error(ExitCode::k_internal, fmt::format("cmark-gfm lacks the {} extension", name));
    }
    cmark_parser_attach_syntax_extension(parser.get(), extension);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  const std::unique_ptr<cmark_node, NodeFree> document(cmark_parser_finish(parser.get()));

  std::vector<std::pair<cmark_node*, const AlertKind*>> alerts;
  for (cmark_node* node = cmark_node_first_child(document.get()); node != nullptr;
       node = cmark_node_next(node)) {
    if (cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE) {
      if (const auto* kind = alert_kind(node)) {
        alerts.emplace_back(node, kind);
      }
    }
  }
  for (const auto& [quote, kind] : alerts) {
    make_alert(quote, *kind);
  }
  sanitize_html_nodes(document.get());
  // The chart's code as cmark reads it: the text between the fences.
  const auto chart_block = mermaid_change_chart(chart);
  constexpr std::string_view k_open = "```mermaid\n";
  constexpr std::string_view k_close = "```\n";
  const auto chart_code =
      chart_block.empty()
          ? std::string_view()
          : std::string_view(chart_block)
                .substr(k_open.size(), chart_block.size() - k_open.size() - k_close.size());
  draw_mermaid_blocks(document.get(), chart_code, chart.empty() ? "" : ratio_chart_svg(chart));

  const std::unique_ptr<char, TextFree> html(cmark_render_html(
      document.get(), k_options, cmark_parser_get_syntax_extensions(parser.get())));
  return html.get();
}

}  // namespace

std::string render_html_preview(std::string_view markdown, const std::string& title,
                                const std::vector<ChartBar>& chart) {
  const auto escaped_title = escape_html(title);
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{0}</title>\n<style>{1}</style>\n</head>\n<body>\n<div class=\"comment\">\n"
      "<div class=\"comment-header\"><strong>{0}</strong> · rendered locally with cmark-gfm, as "
      "GitHub shows comments</div>\n<div class=\"markdown-body\">\n{2}</div>\n</div>\n</body>\n"
      "</html>\n",
      escaped_title, k_css, render_body(markdown, chart));
}

}  // namespace spyglass::render
