#pragma once

#include <string>
#include <string_view>

#include "spyglass/ingest/input_format.hpp"

namespace spyglass::ingest {

// Parse a pytest-benchmark run (a saved `.benchmarks/<machine>/NNNN_*.json` or a
// `--benchmark-json` file) into asv's model. Each entry of `benchmarks` is one benchmark named by
// its pytest node id (`fullname`, else `name`; a parameterized test's id ends in `[<param>]`, as
// pytest prints it). With raw `stats.data` (saved with `--benchmark-save-data`, always in
// `--benchmark-json`) the samples are kept and the value and stats are asv_runner's
// `compute_stats(data, iterations)`; without, the value is `stats.median`, the quartiles are
// `q1`/`q3`, `repeat` is `rounds` and `number` is `iterations`, with no CI (so the factor alone
// decides). Every benchmark is type "time" in seconds. machine is `machine_info.node`, env
// `<python_implementation>-<python_version>`, commit `commit_info.id`. Throws Error(k_bad_input)
// "`display_name`: `json path`: what is wrong" for malformed JSON, a missing key, a wrong type or
// an empty `benchmarks`. pytest-benchmark leaves no choice to `options`.
LoadedResults parse_pytest_benchmark(std::string_view text, const std::string& display_name,
                                     const ReadOptions& options);

}  // namespace spyglass::ingest
