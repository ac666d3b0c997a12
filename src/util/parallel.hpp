#pragma once

#include <algorithm>
#include <cstddef>
#include <future>
#include <utility>
#include <vector>

#include "spyglass/util/cpus.hpp"

namespace spyglass::util {

// Start `work()` on a thread of its own when the process may use more than one CPU; on one CPU
// it runs on the thread that asks the future for its result, when it asks. For independent
// work the caller would otherwise do next.
template <class Work>
auto run_beside(Work work) -> std::future<decltype(work())> {
  return std::async(usable_cpus() > 1 ? std::launch::async : std::launch::deferred,
                    std::move(work));
}

// The fewest items of a row-by-row job (comparing, formatting) worth a thread of their own.
inline constexpr std::size_t k_rows_per_thread = 2048;

// Run `work(begin, end)` over [0, count) split into one contiguous range per usable CPU, this
// thread taking the first; returns when all are done. Ranges are never shorter than
// `min_range`, so small inputs run on this thread alone (a thread costs ~50 µs to start).
// `work` must only touch what its range owns. When ranges throw, the exception of the first of them
// is rethrown, once all have ended.
template <class Work>
void parallel_for(std::size_t count, std::size_t min_range, const Work& work) {
  const std::size_t by_size = std::max<std::size_t>(1, count / std::max<std::size_t>(1, min_range));
  const std::size_t parts = std::min(by_size, static_cast<std::size_t>(usable_cpus()));
  const std::size_t step = (count + parts - 1) / parts;
  std::vector<std::future<void>> others;
  for (std::size_t begin = step; begin < count; begin += step) {
    others.push_back(
        std::async(std::launch::async,
                   [&work, begin, end = std::min(count, begin + step)] { work(begin, end); }));
  }
  work(std::size_t{0}, std::min(count, step));
  for (auto& other : others) {
    other.get();
  }
}

}  // namespace spyglass::util
