#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace spyglass::util {

// A parsed JSON document in the dialect Python's `json` module writes: RFC 8259 plus the bare
// tokens `NaN`, `Infinity` and `-Infinity`. Integer and float literals stay distinct because
// asv prints them differently (`42` vs `42.0`). Objects keep their members in file order.
//
// Why not nlohmann::json: it rejects NaN/Infinity literals, which every real asv result file
// with a skipped benchmark contains, and its object type costs far more than this one.
class JsonValue {
 public:
  enum class Type { k_null, k_bool, k_integer, k_float, k_string, k_array, k_object };
  using Member = std::pair<std::string, JsonValue>;

  JsonValue() = default;
  static JsonValue null() { return JsonValue(); }
  static JsonValue boolean(bool b);
  static JsonValue integer(std::int64_t i);
  static JsonValue floating(double d);
  static JsonValue string(std::string s);
  static JsonValue array(std::vector<JsonValue> items);
  static JsonValue object(std::vector<Member> members);

  Type type() const { return static_cast<Type>(m_data.index()); }
  bool is_null() const { return type() == Type::k_null; }
  bool is_number() const { return type() == Type::k_integer || type() == Type::k_float; }
  bool is_string() const { return type() == Type::k_string; }
  bool is_array() const { return type() == Type::k_array; }
  bool is_object() const { return type() == Type::k_object; }

  // Accessors for the matching type; calling one on another type is a bug (std::bad_variant_access).
  bool as_bool() const { return std::get<bool>(m_data); }
  std::int64_t as_integer() const { return std::get<std::int64_t>(m_data); }
  // The numeric value of an integer or float; NaN for anything else.
  double as_double() const;
  const std::string& as_string() const { return std::get<std::string>(m_data); }
  // The elements of an array; empty for anything else.
  const std::vector<JsonValue>& items() const;
  // The members of an object in file order; empty for anything else.
  const std::vector<Member>& members() const;

  // The member named `key` of an object, or nullptr (also when this is not an object).
  const JsonValue* find(std::string_view key) const;

  // The type name used in error messages: "null", "a number", "an object", ...
  static const char* describe(Type type);

 private:
  // One variant keeps a value at 40 bytes: result files with samples hold millions of them.
  std::variant<std::monostate, bool, std::int64_t, double, std::string, std::vector<JsonValue>,
               std::vector<Member>>
      m_data;
};

// Parse `text`; on malformed input throws Error(k_bad_input) with the message
// "`display_name`:LINE:COL: what is wrong". Nesting deeper than 256 levels is an error.
JsonValue parse_python_json(std::string_view text, const std::string& display_name);

}  // namespace spyglass::util
