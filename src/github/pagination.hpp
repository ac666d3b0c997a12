#pragma once

#include <optional>
#include <string>

namespace spyglass::github {

// The URL of the `rel="next"` entry of an HTTP `Link` header (RFC 8288), as GitHub sends it:
// `<https://api.github.com/...&page=2>; rel="next", <...>; rel="last"`. nullopt on the last page,
// for an empty header and for entries it cannot read.
std::optional<std::string> next_page_url(const std::string& link_header);

}  // namespace spyglass::github
