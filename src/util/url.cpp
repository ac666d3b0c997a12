#include "spyglass/util/url.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "spyglass/util/redact.hpp"

namespace spyglass::util {

namespace {

// Query parameters that carry only paging, shown as they are in logs.
constexpr std::array<std::string_view, 2> k_loggable_parameters = {"page", "per_page"};

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

// `query` (without "?") with the values of non-paging parameters redacted.
std::string redact_query(std::string_view query) {
  std::string result;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = std::min(query.find('&', start), query.size());
    std::string_view parameter = query.substr(start, end - start);
    std::size_t equals = parameter.find('=');
    std::string_view name = parameter.substr(0, equals);
    if (start > 0) {
      result += '&';
    }
    bool loggable = std::find(k_loggable_parameters.begin(), k_loggable_parameters.end(), name) !=
                    k_loggable_parameters.end();
    if (loggable || parameter.empty()) {
      result += parameter;
    } else if (equals == std::string_view::npos) {
      result += k_redacted_secret;
    } else {
      result += name;
      result += '=';
      result += k_redacted_secret;
    }
    start = end + 1;
  }
  return result;
}

}  // namespace

UrlParts split_url(std::string_view url) {
  url = url.substr(0, url.find('#'));
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos ||
      url.substr(0, scheme_end).find_first_of("/?") != std::string_view::npos) {
    return {"", url.empty() ? "/" : std::string(url)};
  }
  std::size_t authority_start = scheme_end + 3;
  std::size_t target_start = std::min(url.find_first_of("/?", authority_start), url.size());
  std::string_view authority = url.substr(authority_start, target_start - authority_start);
  std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    authority = authority.substr(at + 1);
  }
  // Appending rather than inserting the "/": GCC 12 at -O3 sees a false -Wrestrict in
  // std::string::insert(0, ...).
  const std::string_view rest = url.substr(target_start);
  std::string target = rest.empty() || rest.front() == '?' ? "/" : "";
  target += rest;
  return {lower(url.substr(0, scheme_end)) + "://" + lower(authority), target};
}

std::string url_for_logging(std::string_view url) {
  std::string target = split_url(url).target;
  std::size_t question = target.find('?');
  if (question == std::string::npos) {
    return target;
  }
  return target.substr(0, question + 1) +
         redact_query(std::string_view(target).substr(question + 1));
}

bool is_loopback_origin(std::string_view origin) {
  const std::size_t scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos) {
    return false;
  }
  std::string_view host = origin.substr(scheme_end + 3);
  if (host.starts_with('[')) {
    return host.substr(0, host.find(']') + 1) == "[::1]";
  }
  host = host.substr(0, host.find(':'));
  if (host == "localhost") {
    return true;
  }
  // Four decimal parts up to 255, the first 127.
  int parts = 0;
  std::size_t digits = 0;
  int value = 0;
  for (const char c : host) {
    if (c == '.' && digits > 0) {
      ++parts;
      digits = 0;
      value = 0;
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0 && digits < 3) {
      ++digits;
      value = value * 10 + (c - '0');
      if (value > 255) {
        return false;
      }
    } else {
      return false;
    }
  }
  return parts == 3 && digits > 0 && host.starts_with("127.");
}

}  // namespace spyglass::util
