#pragma once

#include <string>
#include <string_view>

#include "spyglass/ingest/input_format.hpp"
#include "spyglass/model/direction.hpp"

namespace spyglass::ingest {

// Parse the JSON github-action-benchmark's custom tools read (`tool: customSmallerIsBetter` or
// `customBiggerIsBetter`): a list of `{"name", "unit", "value", "range", "extra"}`. Each entry is
// a benchmark named `name` with the one value `value`, better in `direction` (the file does not
// say which). A time unit (ns, us, ms, s) makes it a time in seconds; any other unit is kept as
// the benchmark's unit, the value a plain number. `range` (a number, or text like "± 0.5",
// "+/- 3%", "5%") is the value's spread when it reads as a non-negative number, else ignored;
// `extra` and other members are ignored. The machine is empty, the environment the file's stem.
// Throws Error(k_bad_input) "`display_name`: ..." for malformed JSON, a missing member or a
// wrong type.
LoadedResults parse_github_action_benchmark(std::string_view text, const std::string& display_name,
                                            model::Direction direction);

}  // namespace spyglass::ingest
