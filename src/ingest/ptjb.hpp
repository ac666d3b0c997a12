#pragma once

#include <string>
#include <string_view>

#include "spyglass/ingest/input_format.hpp"

namespace spyglass::ingest {

// Parse one run of a pytest-jax-bench CSV file (`# pytest-jax-bench` header, one file per test,
// one whitespace-separated line per measurement, appended run after run) into asv's model.
//
// The columns are the ones the header names (`# (N) name`; plugin versions that wrote no names
// are refused). Each metric column of each measurement is one benchmark named
// `<test node id>.<column>`, with the measurement's tag before the column when it is not the
// default `base` (`<node id>.<tag>.<column>`): `compile_ms`, `jit_mean_ms` and `eager_mean_ms`
// are type "time" in seconds (`repeat` = the `*_rounds` column for the means: there are no
// samples, quantiles or CI, so the factor alone decides); `jit_peak_bytes`,
// `jit_constants_bytes`, `jit_temporary_bytes` and `eager_peak_bytes` (`eager_peak_memory` in
// older files) are type "memory" in bytes. A value the plugin marks as not measured (a NaN time,
// a negative size) is left out. The `*_std_ms` columns have no place in the model.
//
// `options.run` picks the run: a `run_id`, else a commit (a prefix of the recorded one, or a
// longer hash starting with it; with a trailing '+' the runs with local changes, without it the
// clean runs), whose latest run is taken; absent, the file's latest run. machine is the header's
// `device` (else `backend`), env its `backend`, commit the run's. Throws Error(k_bad_input)
// "`display_name`[:line]: what is wrong" for a file that is not pytest-jax-bench's, a header
// without the run columns or any metric, a line whose fields do not match the columns, a value
// that is not a number, a file without runs, or an unknown run.
LoadedResults parse_ptjb(std::string_view text, const std::string& display_name,
                         const ReadOptions& options);

}  // namespace spyglass::ingest
