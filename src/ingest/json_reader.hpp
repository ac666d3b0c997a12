#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "spyglass/util/python_json.hpp"

// Helpers shared by the asv file readers: checked access to a parsed document with one-line
// errors of the shape "`file`: `json path`: what is wrong".
namespace spyglass::ingest {

// A location in a document such as `results["b.time_x"][0][2]`, rendered only when an error
// names it, so walking a large file builds no strings. Each segment points at its parent,
// which must outlive it (segments live on the stack of the reader that made them).
class JsonPath {
 public:
  // The document root, rendered as "".
  JsonPath() = default;

  // A segment points at its parent and its name, so both must outlive it: a temporary parent
  // or an owning string would dangle, and the overloads that would take one are deleted.
  JsonPath member(std::string_view name) const& { return JsonPath(this, name, 0); }
  JsonPath member(const char* name) const& { return member(std::string_view(name)); }
  JsonPath member(std::string&& name) const& = delete;
  JsonPath member(std::string_view name) const&& = delete;
  JsonPath member(const char* name) const&& = delete;
  JsonPath index(std::size_t i) const& { return JsonPath(this, {}, i + 1); }
  JsonPath index(std::size_t i) const&& = delete;

  // The path as text: top-level keys bare (`results`), deeper keys bracketed (`["x"]`).
  std::string str() const;

 private:
  JsonPath(const JsonPath* parent, std::string_view name, std::size_t index_plus_one)
      : m_parent(parent), m_name(name), m_index_plus_one(index_plus_one) {}

  const JsonPath* m_parent = nullptr;
  std::string_view m_name;
  std::size_t m_index_plus_one = 0;  // 0 for a member segment
};

// Throw Error(k_bad_input) "`file`: `where`: `what`" ("`file`: `what`" at the root).
[[noreturn]] void fail_at(const std::string& file, const JsonPath& where, const std::string& what);

// Throw "`file`: `where`: expected `expected`, found <the JSON type of `found`>".
[[noreturn]] void fail_type(const std::string& file, const JsonPath& where,
                            std::string_view expected, const util::JsonValue& found);

// The member `key` of `object` (found at `where`), or an error naming the missing key.
const util::JsonValue& require(const std::string& file, const JsonPath& where,
                               const util::JsonValue& object, std::string_view key);

// `*member`, the member `key` of the object at `where` that a reader already looked up, or the
// error `require` gives when it is missing (null).
const util::JsonValue& require_found(const std::string& file, const JsonPath& where,
                                     const util::JsonValue* member, std::string_view key);

// `value` when it is an object, else a type error.
const util::JsonValue& require_object(const std::string& file, const JsonPath& where,
                                      const util::JsonValue& value);

// The string `value`, else a type error.
std::string_view require_string(const std::string& file, const JsonPath& where,
                                const util::JsonValue& value);

// The number (integer or float) `value` as a double, else a type error.
double require_number(const std::string& file, const JsonPath& where, const util::JsonValue& value);

// A list of strings, else a type error.
std::vector<std::string> read_strings(const std::string& file, const JsonPath& where,
                                      const util::JsonValue& value);

// A list of lists of strings (benchmark `params`, repr strings); null or absent is empty.
std::vector<std::vector<std::string>> read_string_lists(const std::string& file,
                                                        const JsonPath& where,
                                                        const util::JsonValue* value);

// The document's `version` (1 or 2): asv's loaders refuse a missing one, and spyglass reads
// format 1 too. Anything else is an error naming `file`.
std::int64_t check_format_version(const std::string& file, const util::JsonValue& document);

}  // namespace spyglass::ingest
