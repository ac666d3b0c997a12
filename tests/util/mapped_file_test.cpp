#include "spyglass/util/mapped_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <string>
#include <thread>

#include "spyglass/util/error.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::util {
namespace {

// The message of the Error that opening `path` throws, or "" when it opens.
std::string open_error(const std::string& path) {
  try {
    const MappedFile file(path);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    return error.what();
  }
  return "";
}

TEST(MappedFile, MapsARegularFileByteForByte) {
  const test::TempDir dir;
  const std::string contents("{\"a\": 1}\n\0tail\xff", 15);
  const MappedFile file(dir.write("results.json", contents));
  EXPECT_EQ(file.text(), contents);
}

TEST(MappedFile, GivesAnEmptyFileAsEmptyText) {
  const test::TempDir dir;
  const MappedFile file(dir.write("empty.json", ""));
  EXPECT_EQ(file.text(), "");
}

TEST(MappedFile, ReadsAPipe) {
  const test::TempDir dir;
  const std::string fifo = (dir.path() / "fifo").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&fifo] { std::ofstream(fifo) << "from a pipe"; });
  const MappedFile file(fifo);
  writer.join();
  EXPECT_EQ(file.text(), "from a pipe");
}

TEST(MappedFile, NamesTheFileWhenItCannotOpen) {
  const test::TempDir dir;
  const std::string missing = (dir.path() / "missing.json").string();
  EXPECT_EQ(open_error(missing), missing + ": cannot open: No such file or directory");
  EXPECT_EQ(open_error(dir.path().string()), dir.path().string() + ": is a directory, not a file");
}

}  // namespace
}  // namespace spyglass::util
