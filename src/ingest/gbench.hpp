#pragma once

#include <string>
#include <string_view>

#include "spyglass/ingest/input_format.hpp"

namespace spyglass::ingest {

// Parse Google Benchmark's JSON output (`--benchmark_format=json`, `--benchmark_out`). Each
// `run_name` (the name in files older than run_name) is a benchmark timed in seconds by
// `options.metric` (real_time or cpu_time) in the row's `time_unit`, or measured by the counter
// `options.metric` names (unit: the counter's name; a `*_per_second` counter is bigger-is-better;
// a row without it is an error): its repetitions are the
// samples, else its median aggregate (else mean) is the value; a row with `error_occurred` makes
// it failed. Other aggregates (stddev, cv, BigO, RMS, ...) are ignored. The machine is
// `context.host_name`, the environment the executable's file name. Throws Error(k_bad_input)
// "`display_name`: ..." for malformed JSON, a missing key (the counter among them), a wrong type or
// an unknown time unit.
LoadedResults parse_gbench(std::string_view text, const std::string& display_name,
                           const ReadOptions& options);

}  // namespace spyglass::ingest
