#pragma once

#include <optional>
#include <string>

#include "spyglass/util/io.hpp"

namespace spyglass::action {

// Write the full report `text` as `file_name` into the first writable of RUNNER_TEMP, HOME and
// TMPDIR (else /tmp) and return its path. Falling back past RUNNER_TEMP writes one `::warning`
// saying why; when nothing is writable it warns and returns nullopt: a report file never fails
// the job. With `fall_back` false (the CLI outside the action) only RUNNER_TEMP is tried, and
// nothing is written when it is unset.
std::optional<std::string> write_runner_report(const std::string& file_name,
                                               const std::string& text, bool fall_back,
                                               const util::Io& io);

}  // namespace spyglass::action
