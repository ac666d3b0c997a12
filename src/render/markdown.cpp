#include "spyglass/render/markdown.hpp"

#include <algorithm>

namespace spyglass::render {

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '~':
      case '|':
      case '#':
        out += '\\';
        out += c;
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '@':
        // A zero-width space after '@' stops GitHub's mention filter, which runs on the
        // rendered text (where an entity for '@' would already be decoded).
        out += "@&#8203;";
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

std::size_t longest_backtick_run(std::string_view text) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

}  // namespace

std::string code_span(std::string_view text, SpanPlace place) {
  std::string body;
  body.reserve(text.size());
  for (const char c : text) {
    if (c == '|' && place == SpanPlace::k_table_cell) {
      body += "\\|";
    } else if (c == '\n' || c == '\r' || c == '\t') {
      body += ' ';
    } else {
      body += c;
    }
  }
  const std::string fence(longest_backtick_run(text) + 1, '`');
  // A space on each side keeps a leading or trailing backtick out of the fence; GFM strips it.
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string code_block(std::string_view text, std::string_view info) {
  const std::string fence(std::max<std::size_t>(3, longest_backtick_run(text) + 1), '`');
  std::string out = fence + std::string(info) + "\n" + std::string(text);
  if (!text.empty() && text.back() != '\n') {
    out += '\n';
  }
  return out + fence + "\n";
}

std::string tidy_blank_lines(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size());
  std::string_view fence;      // the open code fence, empty outside one
  bool previous_blank = true;  // drops leading blank lines too
  while (!markdown.empty()) {
    const auto end = markdown.find('\n');
    const auto line = markdown.substr(0, end);
    markdown = end == std::string_view::npos ? std::string_view() : markdown.substr(end + 1);
    const auto start = line.find_first_not_of(' ');
    const auto trimmed = start == std::string_view::npos ? std::string_view() : line.substr(start);
    if (fence.empty() && trimmed.substr(0, 3) == "```") {
      fence = trimmed.substr(0, trimmed.find_first_not_of('`'));
    } else if (!fence.empty() && trimmed.substr(0, fence.size()) == fence &&
               trimmed.find_first_not_of('`') == std::string_view::npos) {
      fence = {};
      out.append(line).append("\n");
      previous_blank = false;
      continue;
    }
    const bool blank = fence.empty() && line.find_first_not_of(" \t") == std::string_view::npos;
    if (blank && previous_blank) {
      continue;
    }
    out.append(blank ? std::string_view() : line).append("\n");
    previous_blank = blank;
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace spyglass::render
