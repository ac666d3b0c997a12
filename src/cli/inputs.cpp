#include "spyglass/cli/inputs.hpp"

#include "spyglass/ingest/asv_results.hpp"
#include "spyglass/ingest/benchmarks_json.hpp"

namespace spyglass::cli {

model::ResultFile load_results(const std::string& path, Io& io) {
  auto file = ingest::load_asv_results(path);
  if (file.results.empty()) {
    io.err << "spyglass: warning: " << path << ": the file has no benchmark results\n";
  }
  return file;
}

model::BenchmarkCatalog load_catalog(const std::optional<std::string>& explicit_path,
                                     const std::string& first_result) {
  // An empty path means "not given": the action passes its empty input through.
  if (explicit_path && !explicit_path->empty()) {
    return ingest::load_benchmarks_json(*explicit_path);
  }
  if (auto found = ingest::discover_benchmarks_json(first_result)) {
    return ingest::load_benchmarks_json(*found);
  }
  return {};
}

}  // namespace spyglass::cli
