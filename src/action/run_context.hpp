#pragma once

#include "spyglass/model/run_context.hpp"
#include "spyglass/util/env.hpp"

namespace spyglass::action {

// Read the run context from the runner's `GITHUB_*` variables in `env`.
model::RunContext run_context_from(const util::Env& env);

}  // namespace spyglass::action
