#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace spyglass::ingest {

// Every parameter combination of `params` in `itertools.product` order (last varies fastest).
// No params give one empty combination.
std::vector<std::vector<std::string>> param_combinations(
    const std::vector<std::vector<std::string>>& params);

// Collapse each whitespace run (including newlines) to one space and strip the ends, as
// `' '.join(s.split())` does (asv #1393).
std::string collapse_whitespace(std::string_view text);

// The display name of one combination: `key` alone, or `key(p1, p2)` with each param collapsed.
std::string unrolled_name(std::string_view key, const std::vector<std::string>& combination);

}  // namespace spyglass::ingest
