#pragma once

#include <span>
#include <string_view>

namespace spyglass::render {

// A template compiled into the binary from templates/.
struct NamedTemplate {
  std::string_view name;  // its file name, e.g. "comment.md.mustache"
  std::string_view text;
};

// Every template in templates/, generated at build time (cmake/EmbedTemplates.cmake).
std::span<const NamedTemplate> default_templates();

}  // namespace spyglass::render
