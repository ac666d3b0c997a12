#pragma once

namespace spyglass::util {

// How many CPUs this process may run on (its affinity mask: `taskset`, a container's cpuset),
// at least 1. Not std::thread::hardware_concurrency, which counts the machine's.
int usable_cpus();

}  // namespace spyglass::util
