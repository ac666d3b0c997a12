#include "spyglass/util/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstddef>
#include <cstring>

#include "spyglass/util/error.hpp"

namespace spyglass::util {

namespace {

constexpr std::size_t k_chunk_size = 64 * 1024;

// Closes a descriptor on every path out of the constructor; the mapping outlives it.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  ~FileDescriptor() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;

  int get() const { return m_fd; }

 private:
  int m_fd;
};

}  // namespace

MappedFile::MappedFile(const std::string& path) {
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    throw_input_error(path, std::string("cannot open: ") + std::strerror(errno));
  }
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0) {
    throw_input_error(path, std::string("cannot stat: ") + std::strerror(errno));
  }
  if (S_ISDIR(status.st_mode)) {
    throw_input_error(path, "is a directory, not a file");
  }
  if (!S_ISREG(status.st_mode) || status.st_size == 0) {
    // A pipe has no size and cannot be mapped (nor reopened: its writer may be gone); an empty
    // file cannot be mapped either.
    read_all(fd.get(), path);
    return;
  }
  const auto size = static_cast<std::size_t>(status.st_size);
  // MAP_POPULATE maps every page now, in one call, rather than one fault per page while parsing.
  void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd.get(), 0);
  if (mapping == MAP_FAILED) {
    throw_input_error(path, std::string("cannot map: ") + std::strerror(errno));
  }
  m_mapping = mapping;
  m_mapping_size = size;
  m_text = std::string_view(static_cast<const char*>(mapping), size);
}

void MappedFile::read_all(int fd, const std::string& path) {
  std::array<char, k_chunk_size> chunk{};
  for (;;) {
    const ssize_t got = ::read(fd, chunk.data(), chunk.size());
    if (got == 0) {
      break;
    }
    if (got < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw_input_error(path, std::string("read error: ") + std::strerror(errno));
    }
    m_read.append(chunk.data(), static_cast<std::size_t>(got));
  }
  m_text = m_read;
}

MappedFile::~MappedFile() {
  if (m_mapping != nullptr) {
    ::munmap(m_mapping, m_mapping_size);
  }
}

}  // namespace spyglass::util
