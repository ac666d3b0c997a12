#include "spyglass/action/load_inputs.hpp"

#include <iterator>

#include "spyglass/ingest/asv_results.hpp"
#include "spyglass/ingest/benchmarks_json.hpp"
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

model::ResultFile load_results(const std::string& path, util::Io& io) {
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

}  // namespace spyglass::action
