#include <iostream>

#include "spyglass/cli/cli.hpp"
#include "spyglass/util/env.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const spyglass::util::ProcessEnv env;
  spyglass::cli::Io io{std::cout, std::cerr, &std::cin, &env};
  const int code = spyglass::cli::run(argc, argv, io);
  std::cout.flush();
  return code;
}
