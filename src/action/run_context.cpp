#include "spyglass/action/run_context.hpp"

namespace spyglass::action {

model::RunContext run_context_from(const util::Env& env) {
  return model::RunContext{env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY"),
                           env.get("GITHUB_RUN_ID"), env.get("GITHUB_RUN_ATTEMPT")};
}

}  // namespace spyglass::action
