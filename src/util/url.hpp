#pragma once

#include <string>
#include <string_view>

namespace spyglass::util {

// An absolute URL cut where HTTP cares: who answers it and what is asked of them.
struct UrlParts {
  // "scheme://host[:port]" with scheme and host lower-cased and any user info dropped; "" when
  // the URL has no "scheme://".
  std::string origin;
  // The path and query ("/" when the path is empty); the fragment is dropped.
  std::string target;
};

// Split `url` into its origin and target; never throws.
UrlParts split_url(std::string_view url);

// Whether `origin` (as UrlParts::origin gives it) names this machine: localhost, [::1] or an
// address in 127.0.0.0/8.
bool is_loopback_origin(std::string_view origin);

// `url`'s target for a log line: no scheme, host or user info, and the value of every query
// parameter except `page` and `per_page` (a bare parameter: all of it) replaced by
// k_redacted_secret, so that a token a server put into a link never reaches a log.
std::string url_for_logging(std::string_view url);

}  // namespace spyglass::util
