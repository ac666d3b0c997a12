#include "spyglass/util/file.hpp"

#include <filesystem>
#include <fstream>
#include <system_error>

#include "spyglass/util/error.hpp"
#include "spyglass/util/mapped_file.hpp"

namespace spyglass::util {

std::string read_file(const std::string& path) {
  const MappedFile file(path);
  return std::string(file.text());
}

void write_file(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) {
    throw Error(ExitCode::k_bad_input, path + ": cannot write");
  }
}

bool is_regular_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

}  // namespace spyglass::util
