#include "spyglass/util/file.hpp"

#include <filesystem>
#include <fstream>
#include <system_error>

#include "spyglass/util/error.hpp"
#include "spyglass/util/input_limit.hpp"
#include "spyglass/util/mapped_file.hpp"

namespace spyglass::util {

std::string read_file(const std::string& path, std::uint64_t max_size) {
  const MappedFile file(path, max_size);
  return std::string(file.text());
}

std::string read_stream(std::istream& in, const std::string& name, std::uint64_t max_size) {
  constexpr std::size_t k_chunk_size = 64 * 1024;
  std::string text;
  while (in) {
    const std::size_t size = text.size();
    text.resize(size + k_chunk_size);
    in.read(text.data() + size, static_cast<std::streamsize>(k_chunk_size));
    text.resize(size + static_cast<std::size_t>(in.gcount()));
    check_input_size(name, text.size(), max_size);
  }
  if (in.bad()) {
    throw_input_error(name, "read error");
  }
  return text;
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
