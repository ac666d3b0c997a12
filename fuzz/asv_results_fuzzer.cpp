// libFuzzer target for the asv result-file parser: the input is one result file (format 1 or 2).
// Malformed input must end in spyglass::Error; any other exception, crash, leak or sanitizer
// report is a bug. A file that parses must keep the reader's promises: each unrolled name starts
// with its key, and the file compared with itself changes nothing (fuzz/invariants.hpp).
// Seeds: fuzz/corpus/asv_results_fuzzer/ (see fuzz/README.md).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "invariants.hpp"
#include "spyglass/compare/compare.hpp"
#include "spyglass/ingest/asv_results.hpp"
#include "spyglass/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace fuzz = spyglass::fuzz;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto file = spyglass::ingest::parse_asv_results(text, "fuzz.json");
    // Each unrolled name is `key` or `key(params...)`, so it always starts with its key.
    for (const auto& result : file.results) {
      fuzz::require(std::string_view(result.name).starts_with(result.key),
                    "an unrolled name starts with its key", result.name);
    }
    const auto itself =
        spyglass::compare::compare_results(file, file, {}, spyglass::compare::k_default_factor);
    fuzz::check_nothing_changed(itself);
    fuzz::check_marks_agree_with_values(itself);
  } catch (const spyglass::Error&) {
    // Rejecting malformed input is the expected outcome.
  }
  return 0;
}
