// libFuzzer target for the asv result-file parser: the input is one result file (format 1 or 2).
// Malformed input must end in spyglass::Error; any other exception, crash, leak or sanitizer
// report is a bug. Seeds: fuzz/corpus/asv_results_fuzzer/ (see fuzz/README.md).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "spyglass/ingest/asv_results.hpp"
#include "spyglass/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto file = spyglass::ingest::parse_asv_results(text, "fuzz.json");
    // Each unrolled name is `key` or `key(params...)`, so it always starts with its key.
    for (const auto& result : file.results) {
      if (!std::string_view(result.name).starts_with(result.key)) {
        __builtin_trap();
      }
    }
  } catch (const spyglass::Error&) {
    // Rejecting malformed input is the expected outcome.
  }
  return 0;
}
