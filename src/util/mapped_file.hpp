#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace spyglass::util {

// A regular file's bytes, read-only, mapped: its pages come straight from the page cache (no copy
// and no zeroed heap pages, which for large result files cost more than parsing). A file the
// kernel sizes as 0 (empty, or under /proc) is read instead.
class MappedFile {
 public:
  // Throws Error(k_bad_input) naming `path` when it cannot be opened, mapped or read, is larger
  // than `max_size` bytes, or is not a regular file: a FIFO, device, socket or directory is
  // refused before any read, since a fork controls the paths and a FIFO's writer (or /dev/zero)
  // would hang the job or fill its memory.
  MappedFile(const std::string& path, std::uint64_t max_size);
  ~MappedFile();

  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile(MappedFile&&) = delete;
  MappedFile& operator=(MappedFile&&) = delete;

  std::string_view text() const { return m_text; }

 private:
  void read_all(int fd, const std::string& path, std::uint64_t max_size);

  void* m_mapping = nullptr;  // null when the bytes were read into m_read
  std::size_t m_mapping_size = 0;
  std::string m_read;
  std::string_view m_text;
};

}  // namespace spyglass::util
