#include "spyglass/ingest/ptjb.hpp"

#include "spyglass/util/error.hpp"

namespace spyglass::ingest {

LoadedResults parse_ptjb(std::string_view /*text*/, const std::string& display_name,
                         const ReadOptions& /*options*/) {
  throw_input_error(display_name, "ptjb files are not read yet (stub)");
}

}  // namespace spyglass::ingest
