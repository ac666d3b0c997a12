#include "support/temp_dir.hpp"

#include <stdlib.h>  // mkdtemp (POSIX)

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace spyglass::test {

TempDir::TempDir(std::string_view prefix) {
  auto pattern =
      (std::filesystem::temp_directory_path() / (std::string(prefix) + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot create a temporary directory from " + pattern);
  }
  m_path = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

std::string TempDir::write(const std::string& relative, std::string_view contents) const {
  const auto file = m_path / relative;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  if (!out) {
    throw std::runtime_error("cannot write " + file.string());
  }
  return file.string();
}

std::string TempDir::read(const std::string& relative) const {
  std::ifstream in(m_path / relative, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace spyglass::test
