// libFuzzer target for the comparison-table parser (`spyglass parse --table`): the input is one
// printed table, with or without prose around it. Malformed input must end in spyglass::Error;
// any other exception, crash, leak or sanitizer report is a bug. A table that parses is rendered
// again as text and JSON, which must not throw either. Seeds: fuzz/corpus/comparison_table_fuzzer/.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "spyglass/ingest/comparison_table.hpp"
#include "spyglass/render/asv_table.hpp"
#include "spyglass/render/comparison_json.hpp"
#include "spyglass/util/error.hpp"

namespace {

// Each row's name starts with its key, and every contender has one row per benchmark.
void check_rows(const spyglass::model::Comparison& comparison, std::size_t expected_rows) {
  if (comparison.rows.size() != expected_rows) {
    __builtin_trap();
  }
  for (const auto& row : comparison.rows) {
    if (!std::string_view(row.name).starts_with(row.key)) {
      __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace ingest = spyglass::ingest;
  namespace render = spyglass::render;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto table = ingest::parse_comparison_table(text, "fuzz.md");
    if (table.kind == ingest::TableKind::k_compare) {
      check_rows(table.comparison, table.comparison.rows.size());
      render::render_compare_text(table.comparison, {});
      render::render_compare_json(table.comparison, {}, render::SortOrder::k_default);
    } else {
      const auto& contenders = table.multi.contenders;
      for (const auto& contender : contenders) {
        check_rows(contender, contenders.front().rows.size());
      }
      render::render_compare_many_text(table.multi, {});
      render::render_compare_many_json(table.multi, {});
    }
  } catch (const spyglass::Error&) {
    // Rejecting malformed input is the expected outcome.
  }
  return 0;
}
