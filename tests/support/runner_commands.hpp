#pragma once

// The Actions runner's reading of a step's output as workflow commands, written from the runner's
// rules (actions/runner ActionCommand.TryParseV2 / TryParse and ActionCommandManager): lines end at
// LF, CR or CRLF; `::name props::data` after leading white space, or `##[name props]data`
// anywhere in a line; command names are matched without regard to case; `::stop-commands::T`
// ignores every command until `::T::` (or `##[T]`). An independent check of what spyglass prints:
// it shares no code with util::WorkflowCommandGuard.

#include <string>
#include <string_view>
#include <vector>

namespace spyglass::test {

// The lines of `output` that the runner would obey as commands (the stop and resume lines left
// out), in order.
std::vector<std::string> commands_the_runner_obeys(std::string_view output);

}  // namespace spyglass::test
