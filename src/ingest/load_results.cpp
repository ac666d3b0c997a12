#include "spyglass/ingest/load_results.hpp"

#include <optional>

#include "spyglass/ingest/asv_results.hpp"
#include "spyglass/ingest/detect_format.hpp"
#include "spyglass/ingest/gbench.hpp"
#include "spyglass/ingest/github_action_benchmark.hpp"
#include "spyglass/ingest/hyperfine.hpp"
#include "spyglass/ingest/ptjb.hpp"
#include "spyglass/ingest/pytest_benchmark.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/mapped_file.hpp"
#include "spyglass/util/python_json.hpp"

namespace spyglass::ingest {
namespace {

// The format `text` is in: `forced`, unless it is k_auto or the text is plainly another format.
InputFormat resolve_format(std::string_view text, const std::string& file, InputFormat forced) {
  const std::optional<InputFormat> detected = detect_format(text);
  if (forced == InputFormat::k_auto) {
    if (detected) {
      return *detected;
    }
    // Not a format's shape: say why the JSON is malformed, if it is.
    if (!text.starts_with("#")) {
      util::parse_python_json(text, file);
    }
    throw_input_error(file,
                      "not a benchmark result file spyglass reads (asv, gbench, "
                      "pytest-benchmark, hyperfine, ptjb, github-action-benchmark's custom "
                      "JSON)");
  }
  // Content says only that a file is github-action-benchmark's; which way is better it cannot.
  const bool custom_bigger = forced == InputFormat::k_custom_bigger_is_better &&
                             detected == InputFormat::k_custom_smaller_is_better;
  if (detected && *detected != forced && !custom_bigger) {
    throw_input_error(file, "--input-format " + std::string(input_format_name(forced)) +
                                " does not match the file (it looks like " +
                                std::string(input_format_name(*detected)) +
                                ": drop --input-format to detect it)");
  }
  return forced;
}

}  // namespace

const std::vector<std::pair<std::string, InputFormat>>& input_format_names() {
  static const std::vector<std::pair<std::string, InputFormat>> k_names = {
      {"auto", InputFormat::k_auto},
      {"asv", InputFormat::k_asv},
      {"gbench", InputFormat::k_gbench},
      {"pytest-benchmark", InputFormat::k_pytest_benchmark},
      {"hyperfine", InputFormat::k_hyperfine},
      {"ptjb", InputFormat::k_ptjb},
      {"customSmallerIsBetter", InputFormat::k_custom_smaller_is_better},
      {"customBiggerIsBetter", InputFormat::k_custom_bigger_is_better},
  };
  return k_names;
}

std::string_view input_format_name(InputFormat format) {
  for (const auto& [name, value] : input_format_names()) {
    if (value == format) {
      return name;
    }
  }
  return "auto";
}

LoadedResults parse_results(std::string_view text, const std::string& display_name,
                            InputFormat format, const ReadOptions& options) {
  switch (resolve_format(text, display_name, format)) {
    case InputFormat::k_gbench:
      return parse_gbench(text, display_name, options);
    case InputFormat::k_pytest_benchmark:
      return parse_pytest_benchmark(text, display_name, options);
    case InputFormat::k_hyperfine:
      return parse_hyperfine(text, display_name, options);
    case InputFormat::k_ptjb:
      return parse_ptjb(text, display_name, options);
    case InputFormat::k_custom_smaller_is_better:
      return parse_github_action_benchmark(text, display_name,
                                           model::Direction::k_smaller_is_better);
    case InputFormat::k_custom_bigger_is_better:
      return parse_github_action_benchmark(text, display_name,
                                           model::Direction::k_bigger_is_better);
    case InputFormat::k_auto:
    case InputFormat::k_asv:
      break;
  }
  return LoadedResults{parse_asv_results(text, display_name), {}};
}

LoadedResults load_results(const std::string& path, InputFormat format, const ReadOptions& options,
                           std::uint64_t max_size) {
  const util::MappedFile file(path, max_size);
  return parse_results(file.text(), path, format, options);
}

}  // namespace spyglass::ingest
