#include "spyglass/cli/parse_cmd.hpp"

#include <iterator>
#include <memory>

#include "spyglass/ingest/comparison_table.hpp"
#include "spyglass/render/comparison_json.hpp"
#include "spyglass/util/file.hpp"

namespace spyglass::cli {
namespace {

constexpr const char* k_stdin_name = "<stdin>";

std::string read_stdin(Io& io) {
  if (io.in == nullptr) {
    throw_input_error(k_stdin_name, "standard input is not available");
  }
  std::string text{std::istreambuf_iterator<char>(*io.in), std::istreambuf_iterator<char>()};
  if (io.in->bad()) {
    throw_input_error(k_stdin_name, "read error");
  }
  return text;
}

}  // namespace

CLI::App* add_parse_options(CLI::App& app, ParseOptions& options) {
  auto* command = app.add_subcommand(
      "parse", "Read a printed comparison table back and print it as compare's JSON");
  command
      ->add_option("--table", options.table_path,
                   "asv-spyglass compare/compare-many or asv compare output (- for stdin)")
      ->required();
  return command;
}

ExitCode run_parse(const ParseOptions& options, Io& io) {
  const bool from_stdin = options.table_path == "-";
  const auto text = from_stdin ? read_stdin(io) : util::read_file(options.table_path);
  const auto table =
      ingest::parse_comparison_table(text, from_stdin ? k_stdin_name : options.table_path);
  if (table.kind == ingest::TableKind::k_compare_many) {
    io.out << render::render_compare_many_json(table.multi, {});
  } else {
    io.out << render::render_compare_json(table.comparison, {}, render::SortOrder::k_default);
  }
  return ExitCode::k_success;
}

Command make_parse_command(CLI::App& app) {
  auto options = std::make_shared<ParseOptions>();
  return {add_parse_options(app, *options), [options](Io& io) { return run_parse(*options, io); }};
}

}  // namespace spyglass::cli
