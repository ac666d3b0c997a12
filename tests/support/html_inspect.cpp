#include "support/html_inspect.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace spyglass::test {
namespace {

const std::set<std::string, std::less<>> k_void = {"meta", "link", "br", "hr", "img", "input"};

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == ':';
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// True when `text` at `at` starts a character reference: &name; or &#digits; or &#xhex;.
bool entity_at(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  const bool numeric = i < text.size() && text[i] == '#';
  i += numeric ? 1 : 0;
  const bool hex = numeric && i < text.size() && (text[i] == 'x' || text[i] == 'X');
  i += hex ? 1 : 0;
  const std::size_t start = i;
  while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])) != 0) {
    ++i;
  }
  return i > start && i < text.size() && text[i] == ';';
}

class Reader {
 public:
  explicit Reader(std::string_view html) : m_html(html) {}

  HtmlInspection read() {
    std::size_t i = 0;
    if (m_html.starts_with("<!DOCTYPE html>")) {
      i = 15;
    } else {
      problem(0, "no <!DOCTYPE html>");
    }
    while (i < m_html.size()) {
      const char c = m_html[i];
      if (c == '&' && !entity_at(m_html, i)) {
        problem(i, "a bare '&' in text");
      }
      if (c != '<') {
        ++i;
        continue;
      }
      i = m_html.compare(i, 4, "<!--") == 0 ? skip_comment(i) : tag(i);
    }
    for (const auto& open : m_open) {
      m_result.problems.push_back("<" + open + "> is never closed");
    }
    return std::move(m_result);
  }

 private:
  void problem(std::size_t at, const std::string& what) {
    m_result.problems.push_back("offset " + std::to_string(at) + ": " + what);
  }

  std::size_t skip_comment(std::size_t at) {
    const auto end = m_html.find("-->", at + 4);
    if (end == std::string_view::npos) {
      problem(at, "an unterminated comment");
      return m_html.size();
    }
    return end + 3;
  }

  // Read the tag at `at` (a '<'); return where the text after it starts.
  std::size_t tag(std::size_t at) {
    std::size_t i = at + 1;
    const bool closing = i < m_html.size() && m_html[i] == '/';
    i += closing ? 1 : 0;
    const std::size_t name_start = i;
    while (i < m_html.size() && name_char(m_html[i])) {
      ++i;
    }
    if (i == name_start) {
      problem(at, "a stray '<' in text");
      return at + 1;
    }
    const auto name = lower(std::string(m_html.substr(name_start, i - name_start)));
    HtmlTag parsed{name, {}};
    bool self_closing = false;
    while (true) {
      while (i < m_html.size() && std::isspace(static_cast<unsigned char>(m_html[i])) != 0) {
        ++i;
      }
      if (i >= m_html.size()) {
        problem(at, "an unterminated tag <" + name + ">");
        return m_html.size();
      }
      if (m_html[i] == '>') {
        ++i;
        break;
      }
      if (m_html.compare(i, 2, "/>") == 0) {
        self_closing = true;
        i += 2;
        break;
      }
      const std::size_t attr_start = i;
      while (i < m_html.size() && name_char(m_html[i])) {
        ++i;
      }
      if (i == attr_start || closing) {
        problem(i, "a malformed attribute in <" + name + ">");
        return i + 1;
      }
      std::string attr = lower(std::string(m_html.substr(attr_start, i - attr_start)));
      std::string value;
      if (i < m_html.size() && m_html[i] == '=') {
        if (i + 1 >= m_html.size() || m_html[i + 1] != '"') {
          problem(i, "an unquoted value of " + attr);
          return i + 1;
        }
        const auto end = m_html.find('"', i + 2);
        if (end == std::string_view::npos) {
          problem(i, "an unterminated value of " + attr);
          return m_html.size();
        }
        value = std::string(m_html.substr(i + 2, end - i - 2));
        if (value.find('<') != std::string::npos) {
          problem(i, "a '<' in the value of " + attr);
        }
        i = end + 1;
      }
      parsed.attributes.emplace_back(std::move(attr), std::move(value));
    }
    if (closing) {
      close(at, name);
      return i;
    }
    m_result.tags.push_back(std::move(parsed));
    if (self_closing || k_void.count(name) != 0) {
      return i;
    }
    if (name == "script" || name == "style") {
      const auto end = m_html.find("</" + name + ">", i);
      if (end == std::string_view::npos) {
        problem(at, "<" + name + "> is never closed");
        return m_html.size();
      }
      return end + name.size() + 3;
    }
    m_open.push_back(name);
    return i;
  }

  void close(std::size_t at, const std::string& name) {
    if (m_open.empty() || m_open.back() != name) {
      problem(at,
              "</" + name + "> closes " + (m_open.empty() ? "nothing" : "<" + m_open.back() + ">"));
      return;
    }
    m_open.pop_back();
  }

  std::string_view m_html;
  std::vector<std::string> m_open;
  HtmlInspection m_result;
};

}  // namespace

std::size_t HtmlInspection::count(std::string_view name) const {
  return static_cast<std::size_t>(std::count_if(
      tags.begin(), tags.end(), [name](const HtmlTag& tag) { return tag.name == name; }));
}

HtmlInspection inspect_html(std::string_view html) { return Reader(html).read(); }

std::size_t occurrences(std::string_view text, std::string_view part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace spyglass::test
