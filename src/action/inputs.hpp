#pragma once

#include "spyglass/action/comment_job.hpp"
#include "spyglass/util/env.hpp"

namespace spyglass::action {

// The job the action's inputs describe. The runner passes input `name` as `INPUT_<NAME>`,
// upper-cased with hyphens kept (`INPUT_GITHUB-TOKEN`); an empty value means "not given". Lists
// (`contender-files`, `contender-labels`) are separated by newlines or commas. Throws
// Error(k_bad_input) "input NAME: ..." for a value that is not what the input takes.
CommentJob comment_job_from_inputs(const util::Env& env);

}  // namespace spyglass::action
