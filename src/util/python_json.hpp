#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace spyglass::util {

struct JsonMember;

// One value of a document in the dialect Python's `json` module writes: RFC 8259 plus the bare
// tokens `NaN`, `Infinity` and `-Infinity`. Integer and float literals stay distinct because
// asv prints them differently (`42` vs `42.0`). Objects keep their members in file order.
//
// A value is a 24-byte view: the strings, items and members it refers to live in the
// JsonDocument that parsed it. Result files with samples hold millions of values, so they cost
// one arena rather than an allocation each.
//
// Why not nlohmann::json: it rejects NaN/Infinity literals, which every real asv result file
// with a skipped benchmark contains, and its values cost far more than these.
class JsonValue {
 public:
  enum class Type { k_null, k_bool, k_integer, k_float, k_string, k_array, k_object };

  JsonValue() = default;
  static JsonValue null() { return JsonValue(); }
  static JsonValue boolean(bool b);
  static JsonValue integer(std::int64_t i);
  static JsonValue floating(double d);
  // Views of `s`, `items` and `members`, which must outlive the value.
  static JsonValue string(std::string_view s);
  static JsonValue array(std::span<const JsonValue> items);
  static JsonValue object(std::span<const JsonMember> members);

  Type type() const { return static_cast<Type>(m_data.index()); }
  bool is_null() const { return type() == Type::k_null; }
  bool is_number() const { return type() == Type::k_integer || type() == Type::k_float; }
  bool is_string() const { return type() == Type::k_string; }
  bool is_array() const { return type() == Type::k_array; }
  bool is_object() const { return type() == Type::k_object; }

  // Accessors for the matching type; calling one on another type is a bug
  // (std::bad_variant_access).
  bool as_bool() const { return std::get<bool>(m_data); }
  std::int64_t as_integer() const { return std::get<std::int64_t>(m_data); }
  // The numeric value of an integer or float; NaN for anything else.
  double as_double() const;
  std::string_view as_string() const { return std::get<std::string_view>(m_data); }
  // The elements of an array; empty for anything else.
  std::span<const JsonValue> items() const;
  // The members of an object in file order; empty for anything else.
  std::span<const JsonMember> members() const;

  // The member named `key` of an object, or nullptr (also when this is not an object).
  const JsonValue* find(std::string_view key) const;

  // The type name used in error messages: "null", "a number", "an object", ...
  static const char* describe(Type type);

 private:
  // The elements of an array or object (std::span cannot hold the still incomplete types).
  template <class T>
  struct Run {
    const T* data = nullptr;
    std::size_t size = 0;
  };

  std::variant<std::monostate, bool, std::int64_t, double, std::string_view, Run<JsonValue>,
               Run<JsonMember>>
      m_data;
};

// One member of an object.
struct JsonMember {
  std::string_view key;
  JsonValue value;
};

inline std::span<const JsonValue> JsonValue::items() const {
  const auto* run = std::get_if<Run<JsonValue>>(&m_data);
  return run != nullptr ? std::span<const JsonValue>(run->data, run->size)
                        : std::span<const JsonValue>();
}

inline std::span<const JsonMember> JsonValue::members() const {
  const auto* run = std::get_if<Run<JsonMember>>(&m_data);
  return run != nullptr ? std::span<const JsonMember>(run->data, run->size)
                        : std::span<const JsonMember>();
}

// A parsed document: its root and the storage of every string, item and member under it.
// Moving the document keeps that storage where it is, so views into it stay valid.
class JsonDocument {
 public:
  JsonDocument(std::unique_ptr<std::pmr::monotonic_buffer_resource> storage, JsonValue root)
      : m_storage(std::move(storage)), m_root(root) {}

  const JsonValue& root() const { return m_root; }

 private:
  std::unique_ptr<std::pmr::monotonic_buffer_resource> m_storage;
  JsonValue m_root;
};

// Which object members parse_python_json keeps, for readers that use a few members of the
// entries of a large document. Members of objects at nesting depth `depth` (the root object's
// members are at depth 1) are kept only when `keys` holds their key; the others are checked as
// strictly as the rest of the document, then dropped. Depth 0 keeps everything.
struct JsonMemberFilter {
  int depth = 0;
  std::span<const std::string_view> keys;

  // Whether the member `key` of an object at `member_depth` is kept.
  bool keeps(int member_depth, std::string_view key) const;
};

// Parse `text`; on malformed input throws Error(k_bad_input) with the message
// "`display_name`:LINE:COL: what is wrong". Nesting deeper than 256 levels is an error, and so
// is a string that is not valid UTF-8 (Python's reader fails to decode it).
JsonDocument parse_python_json(std::string_view text, const std::string& display_name,
                               const JsonMemberFilter& filter = {});

}  // namespace spyglass::util
