#include "spyglass/cli/parse_cmd.hpp"

#include <memory>

#include "spyglass/action/load_inputs.hpp"
#include "spyglass/cli/common_options.hpp"
#include "spyglass/ingest/comparison_table.hpp"
#include "spyglass/render/comparison_json.hpp"

namespace spyglass::cli {
CLI::App* add_parse_options(CLI::App& app, ParseOptions& options) {
  auto* command = app.add_subcommand(
      "parse", "Read a printed comparison table back and print it as compare's JSON");
  command
      ->add_option("--table", options.table_path,
                   "asv-spyglass compare/compare-many or asv compare output (- for stdin)")
      ->required();
  add_max_input_size_option(*command, options.max_input_size);
  return command;
}

ExitCode run_parse(const ParseOptions& options, Io& io) {
  const auto text = action::read_input(options.table_path, options.max_input_size, io);
  const auto table = ingest::parse_comparison_table(text, action::input_name(options.table_path));
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
