#include "spyglass/util/cpus.hpp"

#include <gtest/gtest.h>
#include <sched.h>

#include <thread>

namespace spyglass::util {
namespace {

TEST(UsableCpus, CountsTheAffinityMaskNotTheMachine) {
  // Affinity is per thread on Linux: pin a thread of our own, as `taskset -c 0` pins a process.
  int pinned = 0;
  std::thread([&pinned] {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
    pinned = usable_cpus();
  }).join();
  EXPECT_EQ(pinned, 1);

  cpu_set_t mine;
  CPU_ZERO(&mine);
  ASSERT_EQ(sched_getaffinity(0, sizeof mine, &mine), 0);
  EXPECT_EQ(usable_cpus(), CPU_COUNT(&mine));
}

}  // namespace
}  // namespace spyglass::util
