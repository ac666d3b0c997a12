#pragma once

namespace spyglass::model {

// Which way a benchmark's value is better. Times, memory and asv's results are better smaller;
// throughput (Google Benchmark's `*_per_second` counters, github-action-benchmark's
// customBiggerIsBetter, what --bigger-is-better matches) is better bigger.
enum class Direction { k_smaller_is_better, k_bigger_is_better };

}  // namespace spyglass::model
