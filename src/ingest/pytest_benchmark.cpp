#include "spyglass/ingest/pytest_benchmark.hpp"

#include "spyglass/util/error.hpp"

namespace spyglass::ingest {

LoadedResults parse_pytest_benchmark(std::string_view /*text*/, const std::string& display_name,
                                     const ReadOptions& /*options*/) {
  throw_input_error(display_name, "pytest-benchmark files are not read yet (stub)");
}

}  // namespace spyglass::ingest
