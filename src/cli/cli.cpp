#include "spyglass/cli/cli.hpp"

#include <exception>

#include <CLI/CLI.hpp>

#include "spyglass/cli/compare_cmd.hpp"
#include "spyglass/cli/compare_many_cmd.hpp"
#include "spyglass/util/error.hpp"

namespace spyglass::cli {
namespace {

int print_error(Io& io, ExitCode code, const std::string& message) {
  io.err << "spyglass: error: " << message << "\n";
  return static_cast<int>(code);
}

}  // namespace

int run(int argc, const char* const* argv, Io& io) {
  CLI::App app{
      "spyglass: asv benchmark comparisons you can trust, as tables and pull-request comments"};
  app.name("spyglass");
  app.set_version_flag("--version", std::string("spyglass ") + SPYGLASS_VERSION);
  app.require_subcommand(1);

  CompareOptions compare_options;
  auto* compare = add_compare_command(app, compare_options);
  CompareManyOptions many_options;
  auto* compare_many = add_compare_many_command(app, many_options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, io.out, io.err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, io.out, io.err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, io.out, io.err);
  } catch (const CLI::ParseError& e) {
    return print_error(io, ExitCode::k_bad_input,
                       std::string(e.what()) + " (see spyglass --help)");
  }

  try {
    if (compare->parsed()) {
      return static_cast<int>(run_compare(compare_options, io));
    }
    if (compare_many->parsed()) {
      return static_cast<int>(run_compare_many(many_options, io));
    }
    return print_error(io, ExitCode::k_bad_input, "no command given (see spyglass --help)");
  } catch (const Error& e) {
    return print_error(io, e.code(), e.what());
  } catch (const std::exception& e) {
    return print_error(io, ExitCode::k_internal, std::string("internal error: ") + e.what());
  }
}

}  // namespace spyglass::cli
