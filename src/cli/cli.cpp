#include "spyglass/cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <exception>
#include <vector>

#include "spyglass/cli/action_cmd.hpp"
#include "spyglass/cli/command.hpp"
#include "spyglass/cli/comment_cmd.hpp"
#include "spyglass/cli/compare_cmd.hpp"
#include "spyglass/cli/compare_many_cmd.hpp"
#include "spyglass/cli/env_diff_cmd.hpp"
#include "spyglass/cli/history_cmd.hpp"
#include "spyglass/cli/parse_cmd.hpp"
#include "spyglass/cli/report_cmd.hpp"
#include "spyglass/util/diagnostics.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/workflow_commands.hpp"

namespace spyglass::cli {
namespace {

int print_error(Io& io, ExitCode code, const std::string& message) {
  util::write_error(io.err, message);
  return static_cast<int>(code);
}

// The tokens a run may hold, known before any option is read: never printed, whatever echoes them.
void add_environment_secrets(const Io& io) {
  for (const char* name : {"GITHUB_TOKEN", "INPUT_GITHUB-TOKEN", "INPUT_GITHUB_TOKEN"}) {
    if (const auto secret = io.environment().get(name)) {
      io.add_secret(*secret);
    }
  }
}

// Every subcommand, in the order `spyglass --help` lists them.
std::vector<Command> make_commands(CLI::App& app) {
  return {
      make_compare_command(app), make_compare_many_command(app), make_env_diff_command(app),
      make_comment_command(app), make_report_command(app),       make_parse_command(app),
      make_action_command(app),  make_history_command(app),
  };
}

// Parse `argv` and run the command it names; errors are caught here, once.
int run_guarded(int argc, const char* const* argv, Io& io) {
  CLI::App app{
      "spyglass: asv benchmark comparisons you can trust, as tables and pull-request comments"};
  app.name("spyglass");
  app.set_version_flag("--version", std::string("spyglass ") + SPYGLASS_VERSION);
  app.require_subcommand(1);
  const auto commands = make_commands(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, io.out, io.err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, io.out, io.err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, io.out, io.err);
  } catch (const CLI::ParseError& e) {
    return print_error(io, ExitCode::k_bad_input, std::string(e.what()) + " (see spyglass --help)");
  }

  try {
    for (const auto& command : commands) {
      if (command.app->parsed()) {
        return static_cast<int>(command.run(io));
      }
    }
    return print_error(io, ExitCode::k_bad_input, "no command given (see spyglass --help)");
  } catch (const Error& e) {
    return print_error(io, e.code(), e.what());
  } catch (const std::exception& e) {
    return print_error(io, ExitCode::k_internal, std::string("internal error: ") + e.what());
  }
}

}  // namespace

// Everything a command prints passes a WorkflowCommandGuard: text from input files can reach
// stdout and stderr (names in tables, keys in error messages), and the Actions runner must obey
// none of it.
int run(int argc, const char* const* argv, Io& io) {
  util::WorkflowCommandGuard out_guard(io.out);
  util::WorkflowCommandGuard err_guard(io.err);
  std::ostream out(&out_guard);
  std::ostream err(&err_guard);
  Io guarded{out, err, io.in, io.env, io.clock, &out_guard, &err_guard};
  add_environment_secrets(guarded);
  return run_guarded(argc, argv, guarded);
}

}  // namespace spyglass::cli
