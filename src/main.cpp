#include <malloc.h>

#include <iostream>

#include "spyglass/cli/cli.hpp"
#include "spyglass/util/env.hpp"

namespace {

// spyglass is a short-lived process that builds its data once and exits, so memory handed back to
// the kernel mid-run only comes back as fresh, zeroed page faults. Keep freed blocks in the heap
// (trim threshold), grow it in large steps (top pad) and serve blocks up to glibc's 32 MiB limit
// from it rather than from one-off mappings. At 100k benchmarks this took ~10% off the run.
void tune_allocator() {
  constexpr int k_mib = 1024 * 1024;
  mallopt(M_MMAP_THRESHOLD, 32 * k_mib);
  mallopt(M_TRIM_THRESHOLD, 512 * k_mib);
  mallopt(M_TOP_PAD, 64 * k_mib);
}

}  // namespace

int main(int argc, char** argv) {
  tune_allocator();
  std::ios::sync_with_stdio(false);
  const spyglass::util::ProcessEnv env;
  spyglass::cli::Io io{std::cout, std::cerr, &std::cin, &env};
  const int code = spyglass::cli::run(argc, argv, io);
  std::cout.flush();
  return code;
}
