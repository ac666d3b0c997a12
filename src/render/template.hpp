#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace spyglass::render {

// Render the mustache `template_text` with `model`. `{{name}}` inserts a value escaped for
// markdown (escape_markdown); `{{{name}}}` inserts it verbatim, for values that are markdown
// already. Numbers and booleans print as JSON does. The default templates (templates/*.mustache)
// are partials, by file name: `{{> table.md.mustache}}`. Throws Error(k_bad_input)
// "`display_name`: template error: ..." on a syntax error.
std::string render_template(std::string_view template_text, const nlohmann::ordered_json& model,
                            const std::string& display_name);

}  // namespace spyglass::render
