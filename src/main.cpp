#include <iostream>

#include "spyglass/cli/cli.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  spyglass::cli::Io io{std::cout, std::cerr};
  const int code = spyglass::cli::run(argc, argv, io);
  std::cout.flush();
  return code;
}
