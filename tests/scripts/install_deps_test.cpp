// scripts/install-deps.sh's package sets: the README's first command (scripts/demo.sh) installs
// only what building needs, the test lanes install the rest too. Asked with --print, which
// installs nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "support/paths.hpp"

namespace spyglass::test {
namespace {

// The packages `scripts/install-deps.sh --print ARGS` names, one a line.
std::vector<std::string> packages(const std::string& args) {
  const std::string command = "bash '" + source_dir() + "/scripts/install-deps.sh' --print " + args;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  EXPECT_TRUE(pipe);
  std::vector<std::string> lines;
  std::string line;
  for (int c = 0; pipe && (c = std::fgetc(pipe.get())) != EOF;) {
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
    } else {
      line += static_cast<char>(c);
    }
  }
  return lines;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(InstallDeps, BuildSetIsWhatBuildingNeedsOnly) {
  const auto build = packages("build");
  EXPECT_TRUE(has(build, "cmake"));
  EXPECT_TRUE(has(build, "libcurl4-openssl-dev"));
  for (const auto* test_only : {"chromium", "libgtest-dev", "clang", "libcpp-httplib-dev"}) {
    EXPECT_FALSE(has(build, test_only)) << test_only;
  }
}

TEST(InstallDeps, TestSetIsTheDefaultAndHoldsTheBuildSet) {
  const auto test = packages("test");
  EXPECT_EQ(packages(""), test);
  EXPECT_TRUE(has(test, "chromium"));
  for (const auto& package : packages("build")) {
    EXPECT_TRUE(has(test, package)) << package;
  }
}

TEST(InstallDeps, OtherArgumentsArePackageNames) {
  EXPECT_EQ(packages("podman runc"), (std::vector<std::string>{"podman", "runc"}));
}

// The README's first command installs the build set, not the test set (which has chromium).
TEST(InstallDeps, DemoInstallsTheBuildSet) {
  std::ifstream in(source_dir() + "/scripts/demo.sh");
  const std::string demo{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_NE(demo.find("\nbash scripts/install-deps.sh build\n"), std::string::npos) << demo;
}

}  // namespace
}  // namespace spyglass::test
