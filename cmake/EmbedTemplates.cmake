# Write OUT, a C++ file holding every template in FILES (a |-separated list) as a raw string, so the binary
# works without the source tree. Run with cmake -P.
set(entries "")
string(REPLACE "|" ";" files "${FILES}")
foreach(path ${files})
  get_filename_component(name ${path} NAME)
  file(READ ${path} content)
  string(APPEND entries "    {\"${name}\", R\"spyglass_tpl(${content})spyglass_tpl\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from templates/ by cmake/EmbedTemplates.cmake; do not edit.
#include \"spyglass/render/default_templates.hpp\"

namespace spyglass::render {

std::span<const NamedTemplate> default_templates() {
  static constexpr NamedTemplate k_templates[] = {
${entries}  };
  return k_templates;
}

}  // namespace spyglass::render
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
