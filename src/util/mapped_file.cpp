#include "spyglass/util/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>

#include "spyglass/util/error.hpp"
#include "spyglass/util/input_limit.hpp"

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

// What a file that is not a regular one is, for the message refusing it.
std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) {
    return "is a directory, not a file";
  }
  if (S_ISFIFO(mode)) {
    return "is a FIFO (named pipe), not a regular file";
  }
  if (S_ISCHR(mode)) {
    return "is a character device, not a regular file";
  }
  if (S_ISBLK(mode)) {
    return "is a block device, not a regular file";
  }
  if (S_ISSOCK(mode)) {
    return "is a socket, not a regular file";
  }
  return "is not a regular file";
}

}  // namespace

MappedFile::MappedFile(const std::string& path, std::uint64_t max_size) {
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer; it does not change how a
  // regular file reads.
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (fd.get() < 0) {
    const int open_errno = errno;
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0 && !S_ISREG(status.st_mode)) {
      throw_input_error(path, kind_of(status.st_mode));  // a socket cannot be opened at all
    }
    throw_input_error(path, std::string("cannot open: ") + std::strerror(open_errno));
  }
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0) {
    throw_input_error(path, std::string("cannot stat: ") + std::strerror(errno));
  }
  if (!S_ISREG(status.st_mode)) {
    throw_input_error(path, kind_of(status.st_mode));
  }
  check_input_size(path, static_cast<std::uint64_t>(status.st_size), max_size);
  if (status.st_size == 0) {
    // An empty file cannot be mapped; a /proc file says 0 and has bytes all the same.
    read_all(fd.get(), path, max_size);
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

void MappedFile::read_all(int fd, const std::string& path, std::uint64_t max_size) {
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
    check_input_size(path, m_read.size(), max_size);
  }
  m_text = m_read;
}

MappedFile::~MappedFile() {
  if (m_mapping != nullptr) {
    ::munmap(m_mapping, m_mapping_size);
  }
}

}  // namespace spyglass::util
