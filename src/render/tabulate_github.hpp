#pragma once

#include <string>
#include <vector>

namespace spyglass::render {

// python-tabulate 0.9.0's `tabulate(rows, headers, tablefmt="github")` with all defaults,
// byte for byte: numeric-column detection, `%g` reformatting of float columns, decimal alignment
// and minimum padding (spec 3.9). No trailing newline. Widths count code points (no wcwidth).
std::string tabulate_github(const std::vector<std::string>& headers,
                            const std::vector<std::vector<std::string>>& rows);

}  // namespace spyglass::render
