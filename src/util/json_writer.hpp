#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spyglass::util {

// Writes JSON text straight into a string, laid out byte for byte as nlohmann::json's `dump(2)`
// lays it out: one member or element per line, two spaces per level, `"key": value`, empty
// containers as `{}` and `[]`, and numbers and string escapes as nlohmann writes them. Building
// an nlohmann tree first cost more than the rest of `compare --format json` together.
//
// Strings are written as UTF-8. Where a string is not valid UTF-8 (a path or label from the
// command line can hold any bytes), each byte that does not start a well-formed sequence becomes
// U+FFFD, where nlohmann's dump would throw.
//
// The caller nests the calls correctly: key() before each value inside an object, and never
// inside an array.
class JsonWriter {
 public:
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // Start the member `name` of the enclosing object; its value comes next.
  void key(std::string_view name);

  void string(std::string_view text);
  // A double as nlohmann writes it (`2.0`, `0.125`, `1e-05`); null when not finite.
  void floating(double value);
  void integer(std::int64_t value);
  void boolean(bool value);
  void null();

  // The text written so far, moved out: the writer starts over empty.
  std::string take();

 private:
  // One container being written.
  struct Level {
    bool is_object = false;
    std::size_t count = 0;  // members or elements written so far
  };

  void open(char bracket);
  void close(char bracket);
  // Start a value: the separator and indent it needs as an array element.
  void begin_value();
  // End the previous member or element and indent the next one.
  void next_line();
  void write_escaped(std::string_view text);

  std::string m_out;
  std::vector<Level> m_levels;
};

}  // namespace spyglass::util
