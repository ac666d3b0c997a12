#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "spyglass/ingest/input_format.hpp"
#include "spyglass/model/asv_results.hpp"
#include "spyglass/model/benchmark_catalog.hpp"
#include "spyglass/util/input_limit.hpp"
#include "spyglass/util/io.hpp"

namespace spyglass::action {

// The text of the file at `path`, or of standard input when `path` is "-"; either at most
// `max_size` bytes (util::read_file, util::read_stream).
std::string read_input(const std::string& path, std::uint64_t max_size, util::Io& io);

// How messages name `path`: "<stdin>" for "-".
std::string input_name(const std::string& path);

// How a comparison's result files are read (--input-format, --metric, --base-run, --pr-run).
struct InputOptions {
  ingest::InputFormat format = ingest::InputFormat::k_auto;
  std::string metric = "real_time";     // gbench: real_time, cpu_time or a counter's name
  std::optional<std::string> base_run;  // ptjb: the run the base (or baseline) takes
  std::optional<std::string> pr_run;    // ptjb: the run the PR (or every contender) takes
  // The most bytes read from any one input: the result files, benchmarks.json, and (for the
  // comment job) the table, the template and the event payload.
  std::uint64_t max_input_size = util::k_default_max_input_size;
};

// The result files of one comparison, the base (or baseline) first, and their catalog.
struct LoadedInputs {
  std::vector<model::ResultFile> files;
  model::BenchmarkCatalog catalog;
};

// Load the result files `paths` (the first, the base or baseline, read with `options.base_run`;
// the others with `options.pr_run`), warning on `io.err` for one with no benchmark results. The
// catalog is `benchmarks_path` when given and not empty; else the union of the files' own
// catalogs (units of the non-asv formats) and, when the first file brings none (asv), the
// benchmarks.json asv's layout puts beside it; else empty (values then print without units).
LoadedInputs load_inputs(const std::vector<std::string>& paths, const InputOptions& options,
                         const std::optional<std::string>& benchmarks_path, util::Io& io);

}  // namespace spyglass::action
