#include "spyglass/cli/action_cmd.hpp"

#include "spyglass/action/comment_job.hpp"
#include "spyglass/action/inputs.hpp"
#include "spyglass/action/outputs.hpp"

namespace spyglass::cli {

Command make_action_command(CLI::App& app) {
  auto* command = app.add_subcommand(
      "action", "Run as the GitHub Action: read the INPUT_* variables, comment, gate");
  command->footer(action::inputs_help());
  return {command, [](Io& io) {
            try {
              return action::run_comment_job(action::comment_job_from_inputs(io.environment()), io);
            } catch (const Error& error) {
              // The job's code is the CLI's too: its messages name flags, which the action's user
              // never set. Also surface the error as an annotation on the run.
              const auto message = action::name_inputs(error.what());
              io.write_command(action::annotation("error", "spyglass", message));
              throw Error(error.code(), message);
            }
          }};
}

}  // namespace spyglass::cli
