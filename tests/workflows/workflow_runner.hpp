#pragma once

// Runs a GitHub Actions workflow file as the runner would, for the tests that execute the
// documented workflows (docs/workflows/*.yml) end to end:
//
// * Jobs in `needs` order (document order otherwise), each `strategy.matrix` expanded (lists
//   only), `if:` on jobs and steps, fail-fast on matrices, job `outputs`.
// * `run:` steps through `bash --noprofile --norc -eo pipefail SCRIPT` in the job's workspace,
//   with the workflow's, the job's and the step's `env:`, after `${{ … }}` is substituted (see
//   expressions.hpp: an unknown expression fails the test, never an empty string). After each
//   step GITHUB_ENV, GITHUB_OUTPUT (`name=value` and `name<<DELIM` heredocs) and GITHUB_PATH are
//   read back as the runner does.
// * `uses:` steps: actions/checkout (a local fetch of the origin repository at `ref`, honouring
//   `fetch-depth`), actions/setup-python (nothing: the machine's python is used),
//   actions/upload-artifact and actions/download-artifact (one directory per artifact name and
//   run; `name`, `pattern`, `merge-multiple`, `run-id`), and this repository's action (`uses:
//   ./` or `OWNER/spyglass@REF`), run as the runner runs a docker action: every input of
//   action.yml as INPUT_<NAME> (the `with:` value, else the default with its expression
//   evaluated), the GITHUB_* variables and the event file, the built binary started in the
//   workspace with action.yml's `args`. A container action on a job that does not run on Linux
//   fails, as on GitHub. Any other `uses:`, key or `with:` input the harness does not know fails.
// * `pip install …`: the tests put a `pip` that accepts only installs of asv and virtualenv and
//   does nothing, and `asv` (the offline asv kit's wrapper) first on PATH (tools_bin).
//
// The harness is a test helper, not a runner: no containers, services, secrets or caching. It is
// written here because Debian packages no workflow runner (nektos/act is not in Debian, and it
// runs every step in a container, which the test lanes cannot count on).

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace spyglass::test::workflows {

struct WorkflowEvent {
  std::string name;  // pull_request, workflow_run, ...
  nlohmann::json payload;
  std::string sha;  // GITHUB_SHA: the commit checked out by default
};

struct RunnerSetup {
  std::filesystem::path origin;         // the repository actions/checkout fetches from
  std::filesystem::path artifacts;      // artifact store: <run id>/<artifact name>/...
  std::filesystem::path tools_bin;      // first on every step's PATH (the asv and pip shims)
  std::filesystem::path scratch;        // job directories (workspace, home, runner temp)
  std::filesystem::path action_dir;     // holds action.yml of the action under test
  std::filesystem::path action_binary;  // what the action's container would run
  std::string repository;               // github.repository, owner/name
  std::string token;                    // github.token
  std::string api_url;
  std::string graphql_url;
};

struct StepResult {
  std::string id;
  std::string name;
  std::string outcome;  // success, failure or skipped
  int exit_code = 0;
  std::string log;  // stdout and stderr together
  std::map<std::string, std::string> outputs;
};

struct JobResult {
  std::string key;   // the job's key in `jobs:`
  std::string name;  // key, with the matrix values in parentheses
  std::string runs_on;
  std::string result;  // success, failure, skipped or cancelled
  std::vector<StepResult> steps;
  std::filesystem::path workspace;

  // The step with id (or else name) `id_or_name`; fails the test (throws) when there is none.
  const StepResult& step(const std::string& id_or_name) const;
};

struct WorkflowResult {
  std::string workflow_name;  // the workflow's `name:`
  std::vector<JobResult> jobs;

  // The job named `name` (key plus matrix values); fails the test (throws) when there is none.
  const JobResult& job(const std::string& name) const;
};

// Run the workflow in `workflow_file` for `event` as run `run_id` (its artifacts go to
// setup.artifacts/<run_id>/). Throws std::runtime_error for anything the harness does not know.
WorkflowResult run_workflow(const std::filesystem::path& workflow_file, const WorkflowEvent& event,
                            const std::string& run_id, const RunnerSetup& setup);

// The workflow's `name:` and the events in its `on:`.
std::string workflow_name(const std::filesystem::path& workflow_file);
std::vector<std::string> workflow_events(const std::filesystem::path& workflow_file);

}  // namespace spyglass::test::workflows
