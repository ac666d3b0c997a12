#include "spyglass/action/load_inputs.hpp"

#include <iterator>

#include "spyglass/ingest/benchmarks_json.hpp"
#include "spyglass/ingest/load_results.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/file.hpp"

namespace spyglass::action {

std::string input_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::string read_input(const std::string& path, util::Io& io) {
  if (path != "-") {
    return util::read_file(path);
  }
  if (io.in == nullptr) {
    throw_input_error(input_name(path), "standard input is not available");
  }
  std::string text{std::istreambuf_iterator<char>(*io.in), std::istreambuf_iterator<char>()};
  if (io.in->bad()) {
    throw_input_error(input_name(path), "read error");
  }
  return text;
}

LoadedInputs load_inputs(const std::vector<std::string>& paths, const InputOptions& options,
                         const std::optional<std::string>& benchmarks_path, util::Io& io) {
  LoadedInputs inputs;
  inputs.files.reserve(paths.size());
  // An empty path means "not given": the action passes its empty input through.
  const bool explicit_catalog = benchmarks_path && !benchmarks_path->empty();
  for (std::size_t i = 0; i < paths.size(); ++i) {
    ingest::ReadOptions read;
    read.metric = options.metric;
    read.run = i == 0 ? options.base_run : options.pr_run;
    auto loaded = ingest::load_results(paths[i], options.format, read);
    if (loaded.file.results.empty()) {
      io.err << "spyglass: warning: " << paths[i] << ": the file has no benchmark results\n";
    }
    if (!explicit_catalog) {
      if (i == 0 && loaded.catalog.by_name.empty()) {
        if (auto found = ingest::discover_benchmarks_json(paths[i])) {
          inputs.catalog = ingest::load_benchmarks_json(*found);
        }
      }
      inputs.catalog.by_name.merge(loaded.catalog.by_name);
    }
    inputs.files.push_back(std::move(loaded.file));
  }
  if (explicit_catalog) {
    inputs.catalog = ingest::load_benchmarks_json(*benchmarks_path);
  }
  return inputs;
}

}  // namespace spyglass::action
