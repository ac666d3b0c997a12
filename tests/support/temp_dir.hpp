#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace spyglass::test {

// A fresh directory under the system temp dir, removed with everything in it when the object goes
// out of scope (also when a failed assertion returns from the test early).
class TempDir {
 public:
  // Create the directory, named `prefix` plus a unique suffix.
  explicit TempDir(std::string_view prefix = "spyglass-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }

  // Write `contents` to `relative` inside the directory, creating folders; return its full path.
  std::string write(const std::string& relative, std::string_view contents) const;

  // The contents of `relative` inside the directory; empty when it cannot be read.
  std::string read(const std::string& relative) const;

 private:
  std::filesystem::path m_path;
};

}  // namespace spyglass::test
