// libFuzzer target for the Python-dialect JSON parser. Malformed input must end in
// spyglass::Error; any other exception, crash or sanitizer report is a bug.
//
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude \
//     fuzz/python_json_fuzzer.cpp src/util/python_json.cpp -o python_json_fuzzer
//   ./python_json_fuzzer corpus/   # seed corpus/ with real asv result files

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "spyglass/util/error.hpp"
#include "spyglass/util/python_json.hpp"

namespace {

// Walk the whole tree so every accessor runs on what the parser built.
std::size_t visit(const spyglass::util::JsonValue& value) {
  std::size_t count = 1;
  for (const auto& item : value.items()) {
    count += visit(item);
  }
  for (const auto& [key, member] : value.members()) {
    // The parser merges duplicate keys, so find() must return this very member.
    if (value.find(key) != &member) {
      __builtin_trap();
    }
    count += key.size() + visit(member);
  }
  if (value.is_number()) {
    count += value.as_double() > 0 ? 1 : 0;
  }
  return count;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    visit(spyglass::util::parse_python_json(text, "fuzz.json").root());
  } catch (const spyglass::Error&) {
    // Rejecting malformed input is the expected outcome.
  }
  return 0;
}
