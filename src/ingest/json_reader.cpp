#include "spyglass/ingest/json_reader.hpp"

#include "spyglass/util/error.hpp"

namespace spyglass::ingest {

namespace {

constexpr std::int64_t k_current_version = 2;
constexpr std::int64_t k_oldest_version = 1;

}  // namespace

std::string JsonPath::str() const {
  if (m_parent == nullptr) {
    return {};
  }
  std::string text = m_parent->str();
  if (m_index_plus_one > 0) {
    return text + "[" + std::to_string(m_index_plus_one - 1) + "]";
  }
  if (m_parent->m_parent == nullptr) {
    return text.append(m_name);
  }
  text += "[\"";
  for (const char c : m_name) {
    if (c == '"' || c == '\\') {
      text.push_back('\\');
    }
    text.push_back(c);
  }
  return text + "\"]";
}

void fail_at(const std::string& file, const JsonPath& where, const std::string& what) {
  const std::string location = where.str();
  throw_input_error(file, location.empty() ? what : location + ": " + what);
}

void fail_type(const std::string& file, const JsonPath& where, std::string_view expected,
               const util::JsonValue& found) {
  fail_at(
      file, where,
      "expected " + std::string(expected) + ", found " + util::JsonValue::describe(found.type()));
}

const util::JsonValue& require(const std::string& file, const JsonPath& where,
                               const util::JsonValue& object, std::string_view key) {
  return require_found(file, where, object.find(key), key);
}

const util::JsonValue& require_found(const std::string& file, const JsonPath& where,
                                     const util::JsonValue* member, std::string_view key) {
  if (member == nullptr) {
    fail_at(file, where, "missing required key \"" + std::string(key) + "\"");
  }
  return *member;
}

const util::JsonValue& require_object(const std::string& file, const JsonPath& where,
                                      const util::JsonValue& value) {
  if (!value.is_object()) {
    fail_type(file, where, "an object", value);
  }
  return value;
}

std::string_view require_string(const std::string& file, const JsonPath& where,
                                const util::JsonValue& value) {
  if (!value.is_string()) {
    fail_type(file, where, "a string", value);
  }
  return value.as_string();
}

double require_number(const std::string& file, const JsonPath& where,
                      const util::JsonValue& value) {
  if (!value.is_number()) {
    fail_type(file, where, "a number", value);
  }
  return value.as_double();
}

std::vector<std::string> read_strings(const std::string& file, const JsonPath& where,
                                      const util::JsonValue& value) {
  if (!value.is_array()) {
    fail_type(file, where, "a list of strings", value);
  }
  std::vector<std::string> texts;
  texts.reserve(value.items().size());
  for (std::size_t i = 0; i < value.items().size(); ++i) {
    texts.emplace_back(require_string(file, where.index(i), value.items()[i]));
  }
  return texts;
}

std::vector<std::vector<std::string>> read_string_lists(const std::string& file,
                                                        const JsonPath& where,
                                                        const util::JsonValue* value) {
  std::vector<std::vector<std::string>> lists;
  if (value == nullptr || value->is_null()) {
    return lists;
  }
  if (!value->is_array()) {
    fail_type(file, where, "a list of lists of strings", *value);
  }
  lists.reserve(value->items().size());
  for (std::size_t i = 0; i < value->items().size(); ++i) {
    lists.push_back(read_strings(file, where.index(i), value->items()[i]));
  }
  return lists;
}

std::int64_t check_format_version(const std::string& file, const util::JsonValue& document) {
  const JsonPath root;
  require_object(file, root, document);
  const util::JsonValue* version = document.find("version");
  if (version == nullptr) {
    throw_input_error(file, "no format version (expected \"version\": 2)");
  }
  if (version->type() != util::JsonValue::Type::k_integer) {
    fail_type(file, root.member("version"), "an integer", *version);
  }
  const std::int64_t format = version->as_integer();
  if (format > k_current_version) {
    throw_input_error(file, "format version " + std::to_string(format) +
                                " is newer than spyglass understands (expected 2)");
  }
  if (format < k_oldest_version) {
    throw_input_error(file, "unknown format version " + std::to_string(format) + " (expected 2)");
  }
  return format;
}

}  // namespace spyglass::ingest
