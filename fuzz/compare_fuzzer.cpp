// libFuzzer target for the whole compare pipeline: parse two result files (and optionally a
// benchmarks.json), compare them, render every text and JSON output, and run compare-many.
// Malformed input must end in spyglass::Error; any other exception, crash, leak or sanitizer
// report is a bug. What is compared and printed must keep the invariants of fuzz/invariants.hpp:
// the marks agree with the values and factor (and a file compared with itself changes nothing),
// the JSON outputs parse and hold the rows' marks and counts, and each printed table reads back
// into a comparison that prints the same.
//
// Input layout: 4 option bytes, then `before` [SEP `after` [SEP benchmarks.json]], where SEP is
// the line "--8<--" (k_separator). Without a separator the one file is both `before` and `after`.
//   byte 0: the significance factor (an index into k_factors)
//   byte 1: bit 0 split, bit 1 only_changed, bit 2 only_improved, bit 3 only_regressed,
//           bits 4-5 sort order, bit 6 no_env_label, bit 7 compare-many labels
//   byte 2, 3: label_before, label_after (indexes into k_labels)

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "invariants.hpp"
#include "spyglass/compare/compare.hpp"
#include "spyglass/ingest/asv_results.hpp"
#include "spyglass/ingest/benchmarks_json.hpp"
#include "spyglass/render/asv_table.hpp"
#include "spyglass/render/comparison_json.hpp"
#include "spyglass/util/error.hpp"

namespace {

using spyglass::render::CompareTableOptions;
using spyglass::render::SortOrder;

// The line that separates the files in one input.
constexpr std::string_view k_separator = "\n--8<--\n";

// The option bytes that precede the files (layout above).
constexpr std::size_t k_option_bytes = 4;

// Factors the CLI accepts (any positive number), from the default to the extremes.
constexpr std::array<double, 8> k_factors = {
    spyglass::compare::k_default_factor, 1.0, 1.05, 2.0, 0.5, 1e-9, 1e9, 1.0000001};

// Labels, including empty ones and ones with table and JSON metacharacters.
const std::array<std::optional<std::string>, 4> k_labels = {
    std::nullopt, std::string(), std::string("a|b \"q\"\n"),
    std::string("m\xc3\xa4sk/\xe2\x9c\x93")};

// Two bits pick the sort order; the fourth value repeats the default.
constexpr std::array<SortOrder, 4> k_sort_orders = {SortOrder::k_default, SortOrder::k_ratio,
                                                    SortOrder::k_name, SortOrder::k_default};

bool bit(std::uint8_t byte, int index) { return ((byte >> index) & 1U) != 0; }

// The part of `text` before the first separator; `text` keeps what follows it, or nullopt.
std::string_view take_part(std::optional<std::string_view>& text) {
  const std::string_view whole = *text;
  const auto at = whole.find(k_separator);
  if (at == std::string_view::npos) {
    text.reset();
    return whole;
  }
  text = whole.substr(at + k_separator.size());
  return whole.substr(0, at);
}

CompareTableOptions table_options(const std::uint8_t* options) {
  CompareTableOptions table;
  table.split = bit(options[1], 0);
  table.filter.only_changed = bit(options[1], 1);
  table.filter.only_improved = bit(options[1], 2);
  table.filter.only_regressed = bit(options[1], 3);
  table.sort = k_sort_orders[(options[1] >> 4) & 3U];
  table.no_env_label = bit(options[1], 6);
  table.label_before = k_labels[options[2] % k_labels.size()];
  table.label_after = k_labels[options[3] % k_labels.size()];
  return table;
}

// compare-many's labels: none, or one per file (baseline and two contenders).
std::vector<std::string> many_labels(const std::uint8_t* options) {
  if (!bit(options[1], 7)) {
    return {};
  }
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < 3; ++i) {
    labels.push_back(k_labels[(options[2] + i) % k_labels.size()].value_or("base"));
  }
  return labels;
}

void run(const std::uint8_t* options, std::string_view files) {
  namespace compare = spyglass::compare;
  namespace fuzz = spyglass::fuzz;
  namespace ingest = spyglass::ingest;
  namespace render = spyglass::render;

  std::optional<std::string_view> rest = files;
  const auto before_text = take_part(rest);
  const auto after_text = rest ? take_part(rest) : before_text;
  const auto before = ingest::parse_asv_results(before_text, "before.json");
  const auto after = ingest::parse_asv_results(after_text, "after.json");
  const auto catalog = rest ? ingest::parse_benchmarks_json(*rest, "benchmarks.json")
                            : spyglass::model::BenchmarkCatalog{};
  const double factor = k_factors[options[0] % k_factors.size()];

  const auto comparison = compare::compare_results(before, after, catalog, factor);
  fuzz::check_names_start_with_keys(comparison);
  fuzz::check_marks_agree_with_values(comparison);
  if (before_text == after_text && factor >= 1.0) {
    fuzz::check_nothing_changed(comparison);
  }
  const auto table = table_options(options);
  fuzz::check_compare_text_round_trip(render::render_compare_text(comparison, table), table);
  fuzz::check_compare_json(comparison, table.filter, table.sort);

  const std::array<spyglass::model::ResultFile, 2> contenders = {after, after};
  const auto many = compare::compare_many(before, contenders, catalog, factor);
  fuzz::check_contenders_have_rows(many, comparison);
  const auto labels = many_labels(options);
  fuzz::check_compare_many_text_round_trip(render::render_compare_many_text(many, labels));
  fuzz::check_compare_many_json(many, labels);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < k_option_bytes) {
    return 0;
  }
  const std::string_view files(reinterpret_cast<const char*>(data) + k_option_bytes,
                               size - k_option_bytes);
  try {
    run(data, files);
  } catch (const spyglass::Error&) {
    // Rejecting malformed input is the expected outcome.
  }
  return 0;
}
