#include "spyglass/github/pagination.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace spyglass::github {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// Whether a link's parameters (`; rel="next"; title=...`) include the relation "next"; `rel` may
// list several space-separated relations.
bool has_next_relation(std::string_view parameters) {
  while (!parameters.empty()) {
    std::size_t semicolon = std::min(parameters.find(';'), parameters.size());
    std::string_view parameter = trim(parameters.substr(0, semicolon));
    parameters.remove_prefix(std::min(semicolon + 1, parameters.size()));
    std::size_t equals = parameter.find('=');
    if (equals == std::string_view::npos ||
        !equals_ignoring_case(trim(parameter.substr(0, equals)), "rel")) {
      continue;
    }
    std::string_view relations = trim(parameter.substr(equals + 1));
    if (relations.size() >= 2 && relations.front() == '"' && relations.back() == '"') {
      relations = relations.substr(1, relations.size() - 2);
    }
    while (!relations.empty()) {
      std::size_t space = std::min(relations.find(' '), relations.size());
      if (equals_ignoring_case(relations.substr(0, space), "next")) {
        return true;
      }
      relations.remove_prefix(std::min(space + 1, relations.size()));
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> next_page_url(const std::string& link_header) {
  std::string_view rest = link_header;
  while (true) {
    std::size_t open = rest.find('<');
    std::size_t close = rest.find('>', open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      return std::nullopt;
    }
    std::string_view url = rest.substr(open + 1, close - open - 1);
    rest.remove_prefix(close + 1);
    std::size_t next_link = std::min(rest.find('<'), rest.size());
    std::string_view parameters = rest.substr(0, next_link);
    if (std::size_t comma = parameters.rfind(','); comma != std::string_view::npos) {
      parameters = parameters.substr(0, comma);
    }
    if (has_next_relation(parameters) && !trim(url).empty()) {
      return std::string(trim(url));
    }
  }
}

}  // namespace spyglass::github
