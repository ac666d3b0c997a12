#pragma once

#include <ostream>

namespace spyglass::cli {

// Where a command writes; tests pass string streams.
struct Io {
  std::ostream& out;
  std::ostream& err;
};

}  // namespace spyglass::cli
