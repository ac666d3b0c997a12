#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace spyglass::util {

struct JsonMember;

// One value of a document in the dialect Python's `json` module writes: RFC 8259 plus the bare
// tokens `NaN`, `Infinity` and `-Infinity`. Integer and float literals stay distinct because
// asv prints them differently (`42` vs `42.0`). Objects keep their members in file order.
//
// A value is a 16-byte view: the strings, items and members it refers to live in the
// JsonDocument that parsed it (or in the parsed text). Result files with samples hold millions of
// values, so they cost one arena rather than an allocation each, and as few bytes as a type, a
// 32-bit size and a payload take.
//
// Why not nlohmann::json: it rejects NaN/Infinity literals, which every real asv result file
// with a skipped benchmark contains, and its values cost far more than these.
class JsonValue {
 public:
  enum class Type : std::uint8_t {
    k_null,
    k_bool,
    k_integer,
    k_float,
    k_string,
    k_array,
    k_object
  };

  // The most bytes a string, or elements an array or object, can have.
  static constexpr std::size_t k_max_size = UINT32_MAX;

  JsonValue() = default;
  static JsonValue null() { return JsonValue(); }
  static JsonValue boolean(bool b);
  static JsonValue integer(std::int64_t i);
  static JsonValue floating(double d);
  // Views of `s`, `items` and `members` (at most k_max_size long), which must outlive the value.
  static JsonValue string(std::string_view s);
  static JsonValue array(std::span<const JsonValue> items);
  static JsonValue object(std::span<const JsonMember> members);

  Type type() const { return m_type; }
  bool is_null() const { return m_type == Type::k_null; }
  bool is_number() const { return m_type == Type::k_integer || m_type == Type::k_float; }
  bool is_string() const { return m_type == Type::k_string; }
  bool is_array() const { return m_type == Type::k_array; }
  bool is_object() const { return m_type == Type::k_object; }

  // Accessors for the matching type; calling one on another type is a bug (std::logic_error).
  bool as_bool() const;
  std::int64_t as_integer() const;
  // The numeric value of an integer or float; NaN for anything else.
  double as_double() const;
  std::string_view as_string() const;
  // The elements of an array; empty for anything else.
  std::span<const JsonValue> items() const;
  // The members of an object in file order; empty for anything else.
  std::span<const JsonMember> members() const;

  // The member named `key` of an object, or nullptr (also when this is not an object).
  const JsonValue* find(std::string_view key) const;

  // The type name used in error messages: "null", "a number", "an object", ...
  static const char* describe(Type type);

 private:
  JsonValue(Type type, std::size_t size);

  // Throw std::logic_error unless this value is of `type`.
  void expect(Type type) const;

  Type m_type = Type::k_null;
  std::uint32_t m_size = 0;  // the bytes of a string, the elements of an array or object
  union {                    // the member m_type names
    bool m_bool;
    std::int64_t m_integer = 0;
    double m_float;
    const char* m_chars;
    const JsonValue* m_items;
    const JsonMember* m_members;
  };
};

// One member of an object.
struct JsonMember {
  std::string_view key;
  JsonValue value;
};

inline std::span<const JsonValue> JsonValue::items() const {
  return is_array() ? std::span<const JsonValue>(m_items, m_size) : std::span<const JsonValue>();
}

inline std::span<const JsonMember> JsonValue::members() const {
  return is_object() ? std::span<const JsonMember>(m_members, m_size)
                     : std::span<const JsonMember>();
}

// A parsed document: its root and the storage of every item and member under it, and of the
// strings that had escapes. Other strings are views into the parsed text, which must outlive
// the document. Moving the document keeps its storage where it is, so views stay valid.
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
  bool keeps(int member_depth, std::string_view key) const {
    return member_depth != depth || std::find(keys.begin(), keys.end(), key) != keys.end();
  }
};

// Hands the elements of one large array to a reader as they are parsed instead of keeping them
// all: each element of the array that is the root object's member `key` goes to
// `on_element(index, element)`, and the document keeps that array empty. An element, and the
// strings decoded in it, live only for the call (views into the text stay valid). For a reader
// that folds a file's many rows into fewer results, this saves building and storing the rows.
struct JsonStream {
  std::string_view key;  // empty: nothing is streamed
  std::function<void(std::size_t, const JsonValue&)> on_element;
};

// Parse `text`, which must outlive the document. Malformed input throws Error(k_bad_input) with
// the message "`display_name`:LINE:COL: what is wrong". Nesting deeper than 256 levels is an
// error, and so is a string that is not valid UTF-8 (Python's reader fails to decode it). A text
// longer than JsonValue::k_max_size is refused as a whole ("`display_name`: ...").
JsonDocument parse_python_json(std::string_view text, const std::string& display_name,
                               const JsonMemberFilter& filter = {}, const JsonStream& stream = {});

}  // namespace spyglass::util
