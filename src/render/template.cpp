#include "spyglass/render/template.hpp"

#include <kainjow/mustache.hpp>

#include "spyglass/render/default_templates.hpp"
#include "spyglass/render/markdown.hpp"
#include "spyglass/util/error.hpp"

namespace spyglass::render {
namespace {

namespace mustache = kainjow::mustache;

// The model as mustache data. Objects become maps, arrays lists, false/null the false value
// (so `{{#x}}` skips them) and scalars their text. Members are moved into place: the data's
// set() and push_back() copy whole subtrees, which made the conversion quadratic in depth.
mustache::data to_mustache(const nlohmann::ordered_json& value) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::object: {
      mustache::data object{mustache::data::type::object};
      for (const auto& [key, member] : value.items()) {
        object[key] = to_mustache(member);
      }
      return object;
    }
    case nlohmann::ordered_json::value_t::array: {
      mustache::data list{mustache::data::type::list};
      // kainjow has no moving push_back; its list is a plain vector owned by `list`.
      auto& items = const_cast<mustache::basic_list<std::string>&>(list.list_value());
      items.reserve(value.size());
      for (const auto& item : value) {
        items.push_back(to_mustache(item));
      }
      return list;
    }
    case nlohmann::ordered_json::value_t::string:
      return mustache::data{value.get_ref<const std::string&>()};
    case nlohmann::ordered_json::value_t::boolean:
      return value.get<bool>() ? mustache::data{mustache::data::type::bool_true}
                               : mustache::data{mustache::data::type::bool_false};
    case nlohmann::ordered_json::value_t::null:
      return mustache::data{mustache::data::type::bool_false};
    default:
      return mustache::data{value.dump()};
  }
}

}  // namespace

std::string render_template(std::string_view template_text, const nlohmann::ordered_json& model,
                            const std::string& display_name) {
  mustache::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid()) {
    throw Error(ExitCode::k_bad_input, display_name + ": template error: " + tmpl.error_message());
  }
  tmpl.set_custom_escape([](const std::string& text) { return escape_markdown(text); });
  auto data = to_mustache(model);
  // Every default template is available as a partial by its file name: {{> table.md.mustache}}.
  for (const auto& partial : default_templates()) {
    data.set(std::string(partial.name), mustache::data{std::string(partial.text)});
  }
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) {
    throw Error(ExitCode::k_bad_input, display_name + ": template error: " + tmpl.error_message());
  }
  return out;
}

}  // namespace spyglass::render
