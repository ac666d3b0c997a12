#include "spyglass/util/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "spyglass/util/error.hpp"
#include "spyglass/util/file.hpp"

namespace spyglass::util {

namespace {

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
  struct stat status {};
  if (fd.get() < 0 || ::fstat(fd.get(), &status) != 0 || !S_ISREG(status.st_mode) ||
      status.st_size == 0) {
    // read_file gives the same one-line errors for every kind of failure, and reads pipes.
    m_read = read_file(path);
    m_text = m_read;
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

MappedFile::~MappedFile() {
  if (m_mapping != nullptr) {
    ::munmap(m_mapping, m_mapping_size);
  }
}

}  // namespace spyglass::util
