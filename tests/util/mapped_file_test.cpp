#include "spyglass/util/mapped_file.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <future>
#include <string>

#include "spyglass/util/error.hpp"
#include "spyglass/util/input_limit.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::util {
namespace {

// The message of the Error that opening `path` throws, or "" when it opens.
std::string open_error(const std::string& path, std::uint64_t max_size = k_default_max_input_size) {
  try {
    const MappedFile file(path, max_size);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    return error.what();
  }
  return "";
}

TEST(MappedFile, MapsARegularFileByteForByte) {
  const test::TempDir dir;
  const std::string contents("{\"a\": 1}\n\0tail\xff", 15);
  const MappedFile file(dir.write("results.json", contents), k_default_max_input_size);
  EXPECT_EQ(file.text(), contents);
}

TEST(MappedFile, GivesAnEmptyFileAsEmptyText) {
  const test::TempDir dir;
  const MappedFile file(dir.write("empty.json", ""), k_default_max_input_size);
  EXPECT_EQ(file.text(), "");
}

TEST(MappedFile, RefusesAFifoWithoutWaitingForAWriter) {
  const test::TempDir dir;
  const std::string fifo = (dir.path() / "fifo").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  // No writer ever opens it: before the fix, opening it waited forever.
  auto refused = std::async(std::launch::async, [&fifo] { return open_error(fifo); });
  ASSERT_EQ(refused.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  EXPECT_EQ(refused.get(), fifo + ": is a FIFO (named pipe), not a regular file");
}

TEST(MappedFile, RefusesADeviceWithoutReadingIt) {
  EXPECT_EQ(open_error("/dev/zero"), "/dev/zero: is a character device, not a regular file");
  EXPECT_EQ(open_error("/dev/null"), "/dev/null: is a character device, not a regular file");
}

TEST(MappedFile, RefusesASocket) {
  const test::TempDir dir;
  const std::string path = (dir.path() / "socket").string();
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(path.size(), sizeof(address.sun_path));
  path.copy(address.sun_path, path.size());
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)), 0);
  EXPECT_EQ(open_error(path), path + ": is a socket, not a regular file");
  ::close(fd);
}

TEST(MappedFile, ReadsAFileExactlyAtTheLimitAndRefusesOneByteMore) {
  const test::TempDir dir;
  const std::string at = dir.write("at.json", std::string(100, 'x'));
  const std::string over = dir.write("over.json", std::string(101, 'x'));
  EXPECT_EQ(MappedFile(at, 100).text().size(), 100U);
  EXPECT_EQ(open_error(over, 100),
            over + ": is larger than the input limit (100 bytes; --max-input-size)");
}

TEST(MappedFile, LimitsAFileTheKernelSizesAsZero) {
  // /proc files say 0 bytes and are read, not mapped: the limit holds while reading.
  EXPECT_EQ(open_error("/proc/self/maps", 1),
            "/proc/self/maps: is larger than the input limit (1 bytes; --max-input-size)");
}

TEST(MappedFile, NamesTheFileWhenItCannotOpen) {
  const test::TempDir dir;
  const std::string missing = (dir.path() / "missing.json").string();
  EXPECT_EQ(open_error(missing), missing + ": cannot open: No such file or directory");
  EXPECT_EQ(open_error(dir.path().string()), dir.path().string() + ": is a directory, not a file");
}

}  // namespace
}  // namespace spyglass::util
