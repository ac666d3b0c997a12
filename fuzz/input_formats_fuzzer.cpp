// libFuzzer target for the readers of the other input formats (Google Benchmark, pytest-benchmark,
// hyperfine, pytest-jax-bench, github-action-benchmark's custom JSON) and the format detection in
// front of them: parse one file, then compare what was read with itself and with another run of it,
// and render both tables. Malformed input must end in spyglass::Error; any other exception, crash,
// leak or sanitizer report is a bug. What a reader returns must keep the invariants of
// fuzz/invariants.hpp: names start with their keys, a run compared with itself changes nothing, the
// marks agree with the values, the JSON holds the rows' marks and counts, and the split table reads
// back unchanged.
//
// Input layout: 1 option byte, then the file.
//   bits 0-2: the input format (an index into input_format_names(): auto, then each format)
//   bit 3:    --metric cpu_time instead of real_time
//   bits 4-5: the run the other side takes (none, "previous", run 0, run 1: ptjb's --base-run)
//   bit 6:    --metric items_per_second (a counter, bigger-is-better) instead of either time

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "invariants.hpp"
#include "spyglass/compare/compare.hpp"
#include "spyglass/ingest/load_results.hpp"
#include "spyglass/render/asv_table.hpp"
#include "spyglass/render/comparison_json.hpp"
#include "spyglass/util/error.hpp"

namespace {

const std::array<std::optional<std::string>, 4> k_runs = {
    std::nullopt, std::string(spyglass::ingest::k_previous_run), std::string("0"),
    std::string("1")};

void run(std::uint8_t options, std::string_view text) {
  namespace ingest = spyglass::ingest;
  const auto& formats = ingest::input_format_names();
  const ingest::InputFormat format = formats[(options & 7U) % formats.size()].second;
  ingest::ReadOptions read;
  read.metric = (options & 64U) != 0  ? "items_per_second"
                : (options & 8U) != 0 ? "cpu_time"
                                      : "real_time";
  const auto latest = ingest::parse_results(text, "fuzz.json", format, read);
  read.run = k_runs[(options >> 4U) & 3U];
  const auto other = ingest::parse_results(text, "fuzz.json", format, read);

  namespace fuzz = spyglass::fuzz;
  constexpr double k_factor = spyglass::compare::k_default_factor;
  fuzz::check_nothing_changed(
      spyglass::compare::compare_results(latest.file, latest.file, latest.catalog, k_factor));
  const auto comparison =
      spyglass::compare::compare_results(other.file, latest.file, latest.catalog, k_factor);
  fuzz::check_names_start_with_keys(comparison);
  fuzz::check_marks_agree_with_values(comparison);
  spyglass::render::CompareTableOptions table;
  table.split = true;
  fuzz::check_compare_text_round_trip(spyglass::render::render_compare_text(comparison, table),
                                      table);
  fuzz::check_compare_json(comparison, {}, spyglass::render::SortOrder::k_ratio);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) {
    return 0;
  }
  try {
    run(data[0], std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  } catch (const spyglass::Error&) {
    // Rejecting malformed input is the expected outcome.
  }
  return 0;
}
