// libFuzzer target for the comparison-table parser (`spyglass parse --table`): the input is one
// printed table, with or without prose around it. Malformed input must end in spyglass::Error;
// any other exception, crash, leak or sanitizer report is a bug. A table that parses keeps the
// model's promises (names start with their keys; every compare-many contender has the same rows),
// prints as text that reads back into a table printing the same, and as JSON holding its rows'
// marks and counts (fuzz/invariants.hpp). Seeds: fuzz/corpus/comparison_table_fuzzer/.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "invariants.hpp"
#include "spyglass/ingest/comparison_table.hpp"
#include "spyglass/render/asv_table.hpp"
#include "spyglass/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace fuzz = spyglass::fuzz;
  namespace ingest = spyglass::ingest;
  namespace render = spyglass::render;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto table = ingest::parse_comparison_table(text, "fuzz.md");
    if (table.kind == ingest::TableKind::k_compare) {
      fuzz::check_names_start_with_keys(table.comparison);
      fuzz::check_compare_text_round_trip(render::render_compare_text(table.comparison, {}), {});
      fuzz::check_compare_json(table.comparison, {}, render::SortOrder::k_default);
    } else {
      if (!table.multi.contenders.empty()) {
        fuzz::check_contenders_have_rows(table.multi, table.multi.contenders.front());
      }
      fuzz::check_compare_many_text_round_trip(render::render_compare_many_text(table.multi, {}));
      fuzz::check_compare_many_json(table.multi, {});
    }
  } catch (const spyglass::Error&) {
    // Rejecting malformed input is the expected outcome.
  }
  return 0;
}
