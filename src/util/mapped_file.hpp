#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace spyglass::util {

// A file's bytes, read-only. A regular file is mapped (its pages come straight from the page
// cache: no copy and no zeroed heap pages, which for large result files cost more than parsing);
// anything else (a pipe, /dev/stdin) is read into memory.
class MappedFile {
 public:
  // Throws Error(k_bad_input) naming `path` when it cannot be opened, mapped or read, or is a
  // directory.
  explicit MappedFile(const std::string& path);
  ~MappedFile();

  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile(MappedFile&&) = delete;
  MappedFile& operator=(MappedFile&&) = delete;

  std::string_view text() const { return m_text; }

 private:
  void read_all(int fd, const std::string& path);

  void* m_mapping = nullptr;  // null when the bytes were read into m_read
  std::size_t m_mapping_size = 0;
  std::string m_read;
  std::string_view m_text;
};

}  // namespace spyglass::util
