#include "spyglass/util/file.hpp"

#include <array>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "spyglass/util/error.hpp"

namespace spyglass::util {

namespace {

constexpr std::size_t k_chunk_size = 64 * 1024;

}  // namespace

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw_input_error(path, "is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw_input_error(path, std::string("cannot open: ") + std::strerror(errno));
  }
  // Chunks go straight into a string sized from the file's size when there is one (not for a
  // pipe): a string stream grows by copying everything read so far, which for a large result
  // file cost more than parsing it.
  std::string contents;
  if (const auto size = std::filesystem::file_size(path, ec); !ec) {
    contents.reserve(static_cast<std::size_t>(size));
  }
  std::array<char, k_chunk_size> chunk{};
  while (in) {
    in.read(chunk.data(), chunk.size());
    contents.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    throw_input_error(path, "read error");
  }
  return contents;
}

bool is_regular_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

}  // namespace spyglass::util
