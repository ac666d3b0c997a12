#include "spyglass/util/file.hpp"

#include <filesystem>
#include <system_error>

#include "spyglass/util/mapped_file.hpp"

namespace spyglass::util {

std::string read_file(const std::string& path) {
  const MappedFile file(path);
  return std::string(file.text());
}

bool is_regular_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

}  // namespace spyglass::util
