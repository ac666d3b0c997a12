#include "spyglass/action/load_inputs.hpp"

#include <future>
#include <vector>

#include "spyglass/ingest/benchmarks_json.hpp"
#include "spyglass/ingest/load_results.hpp"
#include "spyglass/util/diagnostics.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/file.hpp"
#include "spyglass/util/parallel.hpp"

namespace spyglass::action {

std::string input_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::string read_input(const std::string& path, std::uint64_t max_size, util::Io& io) {
  if (path != "-") {
    return util::read_file(path, max_size);
  }
  if (io.in == nullptr) {
    throw_input_error(input_name(path), "standard input is not available");
  }
  return util::read_stream(*io.in, input_name(path), max_size);
}

LoadedInputs load_inputs(const std::vector<std::string>& paths, const InputOptions& options,
                         const std::optional<std::string>& benchmarks_path, util::Io& io) {
  // With more than one CPU to run on, files after the first are read on threads of their own
  // while this one reads the first: reading is most of a comparison's time (a 10k Google
  // Benchmark file is 56 MB of JSON) and the readers share no state. On one CPU the threads only
  // cost (4% at 100k), so the files are read in turn. Results are taken in argument order, so
  // the first bad file is the one reported.
  const auto read_options = [&options, &paths](std::size_t i) {
    ingest::ReadOptions read;
    read.metric = options.metric;
    read.run = i == 0 ? options.base_run : options.pr_run;
    // One file on both sides (a ptjb file holds every run): the base is the run before the
    // latest unless told otherwise. Formats with one run per file ignore it.
    if (i == 0 && !read.run && paths.size() == 2 && paths[0] == paths[1]) {
      read.run = std::string(ingest::k_previous_run);
    }
    return read;
  };
  std::vector<std::future<ingest::LoadedResults>> pending;
  for (std::size_t i = 1; i < paths.size(); ++i) {
    pending.push_back(util::run_beside([&path = paths[i], &options, read = read_options(i)] {
      return ingest::load_results(path, options.format, read, options.max_input_size);
    }));
  }

  LoadedInputs inputs;
  inputs.files.reserve(paths.size());
  // An empty path means "not given": the action passes its empty input through.
  const bool explicit_catalog = benchmarks_path && !benchmarks_path->empty();
  for (std::size_t i = 0; i < paths.size(); ++i) {
    auto loaded = i == 0 ? ingest::load_results(paths[0], options.format, read_options(0),
                                                options.max_input_size)
                         : pending[i - 1].get();
    if (loaded.file.results.empty()) {
      util::write_warning(io.err, paths[i] + ": the file has no benchmark results");
    }
    if (!explicit_catalog) {
      if (i == 0 && loaded.catalog.by_name.empty()) {
        if (auto found = ingest::discover_benchmarks_json(paths[i])) {
          inputs.catalog = ingest::load_benchmarks_json(*found, options.max_input_size);
        }
      }
      inputs.catalog.by_name.merge(loaded.catalog.by_name);
    }
    inputs.files.push_back(std::move(loaded.file));
  }
  if (explicit_catalog) {
    inputs.catalog = ingest::load_benchmarks_json(*benchmarks_path, options.max_input_size);
  }
  return inputs;
}

}  // namespace spyglass::action
