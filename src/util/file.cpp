#include "spyglass/util/file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "spyglass/util/error.hpp"

namespace spyglass::util {

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw_input_error(path, "is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw_input_error(path, std::string("cannot open: ") + std::strerror(errno));
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) {
    throw_input_error(path, "read error");
  }
  return std::move(contents).str();
}

bool is_regular_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

}  // namespace spyglass::util
