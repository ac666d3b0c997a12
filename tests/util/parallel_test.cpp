#include "spyglass/util/parallel.hpp"

#include <gtest/gtest.h>
#include <sched.h>

#include <atomic>
#include <cstddef>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "spyglass/util/cpus.hpp"

namespace spyglass::util {
namespace {

// How many times parallel_for(count, min_range) visits each index, and on how many threads.
struct Visits {
  std::vector<int> per_index;
  std::size_t threads = 0;
};

Visits visit(std::size_t count, std::size_t min_range) {
  Visits visits;
  std::vector<std::atomic<int>> counts(count);
  std::mutex mutex;
  std::set<std::thread::id> threads;
  parallel_for(count, min_range, [&](std::size_t begin, std::size_t end) {
    {
      const std::lock_guard<std::mutex> lock(mutex);
      threads.insert(std::this_thread::get_id());
    }
    for (std::size_t i = begin; i < end; ++i) {
      ++counts[i];
    }
  });
  for (const auto& count_of_index : counts) {
    visits.per_index.push_back(count_of_index.load());
  }
  visits.threads = threads.size();
  return visits;
}

TEST(ParallelFor, VisitsEveryIndexExactlyOnce) {
  for (const std::size_t count : {0UL, 1UL, 7UL, 2047UL, 4096UL, 10001UL}) {
    for (const std::size_t min_range : {1UL, 1000UL, 2048UL}) {
      const Visits visits = visit(count, min_range);
      EXPECT_EQ(visits.per_index, std::vector<int>(count, 1))
          << count << " items, ranges of at least " << min_range;
    }
  }
}

TEST(ParallelFor, SplitsOnlyWhatFillsTwoRangesAndOnlyOnUsableCpus) {
  EXPECT_EQ(visit(4095, 2048).threads, 1U);  // too small to split
  const auto cpus = static_cast<std::size_t>(usable_cpus());
  EXPECT_EQ(visit(100000, 2048).threads, cpus);
  std::size_t pinned_threads = 0;
  std::thread([&pinned_threads] {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
    pinned_threads = visit(100000, 2048).threads;
  }).join();
  EXPECT_EQ(pinned_threads, 1U);
}

TEST(ParallelFor, RethrowsWhatARangeThrowsAfterAllRangesFinish) {
  if (usable_cpus() < 2) {
    GTEST_SKIP() << "one usable CPU: every range runs on this thread";
  }
  std::atomic<int> finished = 0;
  EXPECT_THROW(parallel_for(4096, 1024,
                            [&](std::size_t begin, std::size_t /*end*/) {
                              if (begin != 0) {
                                throw std::runtime_error("range failed");
                              }
                              ++finished;
                            }),
               std::runtime_error);
  EXPECT_EQ(finished.load(), 1);
}

TEST(RunBeside, RunsOnAnotherThreadOnlyWithAnotherCpu) {
  const auto work = [] { return std::this_thread::get_id(); };
  const auto here = std::this_thread::get_id();
  if (usable_cpus() > 1) {
    EXPECT_NE(run_beside(work).get(), here);
  }
  std::thread([&work] {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
    // Deferred: it runs when asked for its result, on the thread that asks.
    EXPECT_EQ(run_beside(work).get(), std::this_thread::get_id());
  }).join();
}

TEST(RunBeside, HandsBackTheResultOrTheException) {
  EXPECT_EQ(run_beside([] { return 42; }).get(), 42);
  auto failing = run_beside([]() -> int { throw std::runtime_error("no"); });
  EXPECT_THROW(failing.get(), std::runtime_error);
}

}  // namespace
}  // namespace spyglass::util
