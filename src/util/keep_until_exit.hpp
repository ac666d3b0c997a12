#pragma once

#include <type_traits>
#include <utility>
#include <vector>

namespace spyglass::util {

// Hands `value` to the process: it is never destroyed, and the kernel takes its memory back at
// exit. For the large data a command builds just before it exits: freeing a 10k-benchmark
// comparison block by block took about 4% of the run and served nothing. The objects stay
// reachable (from a list that is never freed), so leak checkers do not report them. Not
// thread-safe: commands call it from the main thread.
template <class T>
void keep_until_exit(T&& value) {
  static auto* const kept = new std::vector<void*>();
  kept->push_back(new std::decay_t<T>(std::forward<T>(value)));
}

}  // namespace spyglass::util
