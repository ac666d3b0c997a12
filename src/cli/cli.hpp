#pragma once

#include "spyglass/cli/io.hpp"

namespace spyglass::cli {

// Run spyglass with `argv` and return the process exit code (docs/exit-codes.md). No exception
// escapes: errors are printed once to `io.err` as `spyglass: error: ...`.
int run(int argc, const char* const* argv, Io& io);

}  // namespace spyglass::cli
