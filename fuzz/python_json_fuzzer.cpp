// libFuzzer target for the Python-dialect JSON parser. Malformed input must end in
// spyglass::Error; any other exception, crash or sanitizer report is a bug. A document that
// parses must survive two round trips: printed back in the dialect (floats as Python's repr,
// util::python_float_repr) it parses into an equal tree; written with util::JsonWriter (the
// writer of every JSON output) nlohmann::json reads the same values, non-finite floats as null.
//
//   build-fuzz/python_json_fuzzer corpus/   # seed corpus/ with real asv result files

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "invariants.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/json_writer.hpp"
#include "spyglass/util/python_json.hpp"
#include "spyglass/util/python_repr.hpp"

namespace {

using spyglass::fuzz::require;
using spyglass::util::JsonValue;
using Type = JsonValue::Type;

// `value` in the dialect, strings escaped as Python's json.dumps(ensure_ascii=False) does.
void print(const JsonValue& value, std::string& out) {
  switch (value.type()) {
    case Type::k_null:
      out += "null";
      return;
    case Type::k_bool:
      out += value.as_bool() ? "true" : "false";
      return;
    case Type::k_integer:
      out += std::to_string(value.as_integer());
      return;
    case Type::k_float:
      out += spyglass::util::python_float_repr(value.as_double());
      return;
    case Type::k_string:
      out += '"';
      for (const char c : value.as_string()) {
        if (c == '"' || c == '\\') {
          out += '\\';
          out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
          static constexpr char k_hex[] = "0123456789abcdef";
          out += "\\u00";
          out += k_hex[(c >> 4) & 0xF];
          out += k_hex[c & 0xF];
        } else {
          out += c;
        }
      }
      out += '"';
      return;
    case Type::k_array:
    case Type::k_object:
      break;
  }
  const bool object = value.is_object();
  out += object ? '{' : '[';
  const char* separator = "";
  for (const auto& item : value.items()) {
    out += separator;
    print(item, out);
    separator = ", ";
  }
  for (const auto& [key, member] : value.members()) {
    out += separator;
    print(JsonValue::string(key), out);
    out += ": ";
    print(member, out);
    separator = ", ";
  }
  out += object ? '}' : ']';
}

bool same_float(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || (a == b && std::signbit(a) == std::signbit(b));
}

// Whether two trees hold the same values, numbers of the same kind, members in the same order.
bool same(const JsonValue& a, const JsonValue& b) {
  if (a.type() != b.type() || a.items().size() != b.items().size() ||
      a.members().size() != b.members().size()) {
    return false;
  }
  switch (a.type()) {
    case Type::k_bool:
      return a.as_bool() == b.as_bool();
    case Type::k_integer:
      return a.as_integer() == b.as_integer();
    case Type::k_float:
      return same_float(a.as_double(), b.as_double());
    case Type::k_string:
      return a.as_string() == b.as_string();
    default:
      break;
  }
  for (std::size_t i = 0; i < a.items().size(); ++i) {
    if (!same(a.items()[i], b.items()[i])) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.members().size(); ++i) {
    const auto& left = a.members()[i];
    const auto& right = b.members()[i];
    if (left.key != right.key || !same(left.value, right.value)) {
      return false;
    }
  }
  return true;
}

// `value` through JsonWriter's calls.
void write(const JsonValue& value, spyglass::util::JsonWriter& out) {
  switch (value.type()) {
    case Type::k_null:
      out.null();
      return;
    case Type::k_bool:
      out.boolean(value.as_bool());
      return;
    case Type::k_integer:
      out.integer(value.as_integer());
      return;
    case Type::k_float:
      out.floating(value.as_double());
      return;
    case Type::k_string:
      out.string(value.as_string());
      return;
    case Type::k_array:
      out.begin_array();
      for (const auto& item : value.items()) {
        write(item, out);
      }
      out.end_array();
      return;
    case Type::k_object:
      out.begin_object();
      for (const auto& [key, member] : value.members()) {
        out.key(key);
        write(member, out);
      }
      out.end_object();
      return;
  }
}

// Whether nlohmann's reading of the written `value` holds its values (objects as maps).
bool written_as(const JsonValue& value, const nlohmann::json& read) {
  switch (value.type()) {
    case Type::k_null:
      return read.is_null();
    case Type::k_bool:
      return read.is_boolean() && read.get<bool>() == value.as_bool();
    case Type::k_integer:
      return read.is_number_integer() && read.get<std::int64_t>() == value.as_integer();
    case Type::k_float:
      return std::isfinite(value.as_double())
                 ? read.is_number_float() && same_float(read.get<double>(), value.as_double())
                 : read.is_null();
    case Type::k_string:
      return read.is_string() && read.get<std::string>() == value.as_string();
    case Type::k_array:
      break;
    case Type::k_object:
      for (const auto& [key, member] : value.members()) {
        const auto found = read.find(std::string(key));
        if (found == read.end() || !written_as(member, *found)) {
          return false;
        }
      }
      return read.is_object() && read.size() == value.members().size();
  }
  if (!read.is_array() || read.size() != value.items().size()) {
    return false;
  }
  for (std::size_t i = 0; i < value.items().size(); ++i) {
    if (!written_as(value.items()[i], read[i])) {
      return false;
    }
  }
  return true;
}

// The parser merges duplicate keys, so find() must return the very member, at every level.
void check_find(const JsonValue& value) {
  for (const auto& item : value.items()) {
    check_find(item);
  }
  for (const auto& [key, member] : value.members()) {
    require(value.find(key) == &member, "find() returns the member of its key", key);
    check_find(member);
  }
}

void check_round_trips(const JsonValue& root) {
  check_find(root);
  std::string printed;
  print(root, printed);
  const auto again = spyglass::util::parse_python_json(printed, "printed.json");
  require(same(root, again.root()), "a printed document parses into the same tree", printed);

  spyglass::util::JsonWriter writer;
  write(root, writer);
  const auto written = writer.take();
  const auto read = nlohmann::json::parse(written, nullptr, false);
  require(!read.is_discarded() && written_as(root, read), "JsonWriter's text holds the values",
          written);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    check_round_trips(spyglass::util::parse_python_json(text, "fuzz.json").root());
  } catch (const spyglass::Error&) {
    // Rejecting malformed input is the expected outcome.
  }
  return 0;
}
