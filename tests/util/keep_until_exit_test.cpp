#include "spyglass/util/keep_until_exit.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <utility>

namespace spyglass::util {
namespace {

TEST(KeepUntilExit, NeverDestroysTheValue) {
  struct Flagged {
    std::shared_ptr<bool> destroyed = std::make_shared<bool>(false);
    ~Flagged() {
      if (destroyed) {
        *destroyed = true;
      }
    }
    Flagged() = default;
    Flagged(Flagged&& other) noexcept = default;
  };
  Flagged value;
  const std::shared_ptr<bool> destroyed = value.destroyed;
  keep_until_exit(std::move(value));
  EXPECT_FALSE(*destroyed);
}

}  // namespace
}  // namespace spyglass::util
