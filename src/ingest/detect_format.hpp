#pragma once

#include <optional>
#include <string_view>

#include "spyglass/ingest/input_format.hpp"

namespace spyglass::ingest {

// The format of a result file, told from its first bytes and top-level keys without parsing
// it all (a large asv file is decided at its first key):
// - ptjb: text starting with "# pytest-jax-bench";
// - hyperfine: `results` is a list whose first entry has `command` and `times`;
// - asv: `results` is an object, or `commit_hash`, `result_columns` or `env_name` is present
//   (asv requires `results` and `commit_hash`; benchmarks.json, with only `version`, is none);
// - gbench: `context` and a `benchmarks` list whose first row has `run_type` or `real_time`;
// - pytest-benchmark: `machine_info` and a `benchmarks` list whose first entry has `stats`.
// - customSmallerIsBetter (github-action-benchmark's custom JSON): a list, empty or whose first
//   entry has `name`, `unit` and `value` (customBiggerIsBetter looks the same: only
//   --input-format can say it).
// nullopt when nothing matches or the text is not well-formed enough to tell (never k_auto).
std::optional<InputFormat> detect_format(std::string_view text);

}  // namespace spyglass::ingest
