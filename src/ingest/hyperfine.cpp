#include "spyglass/ingest/hyperfine.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "spyglass/ingest/json_reader.hpp"
#include "spyglass/ingest/sampled_result.hpp"
#include "spyglass/util/python_repr.hpp"

namespace spyglass::ingest {
namespace {

using util::JsonValue;

// The numbers of the list `value`.
std::vector<double> numbers(const std::string& file, const JsonPath& where,
                            const JsonValue& value) {
  if (!value.is_array()) {
    fail_type(file, where, "a list of numbers", value);
  }
  std::vector<double> out;
  out.reserve(value.items().size());
  for (std::size_t i = 0; i < value.items().size(); ++i) {
    out.push_back(require_number(file, where.index(i), value.items()[i]));
  }
  return out;
}

// Whether every exit code in the list `codes` is 0 (null: killed by a signal).
bool all_zero(const std::string& file, const JsonPath& where, const JsonValue& codes) {
  if (!codes.is_array()) {
    fail_type(file, where, "a list of exit codes", codes);
  }
  return std::all_of(codes.items().begin(), codes.items().end(), [](const JsonValue& code) {
    return code.type() == JsonValue::Type::k_integer && code.as_integer() == 0;
  });
}

// A parameter's value as text: strings as they are, numbers as their literal.
std::string parameter_text(const std::string& file, const JsonPath& where, const JsonValue& value) {
  if (value.is_string()) {
    return std::string(value.as_string());
  }
  if (value.type() == JsonValue::Type::k_integer) {
    return std::to_string(value.as_integer());
  }
  if (value.type() == JsonValue::Type::k_float) {
    return util::python_float_repr(value.as_double());
  }
  fail_type(file, where, "a string or a number", value);
}

}  // namespace

LoadedResults parse_hyperfine(std::string_view text, const std::string& display_name,
                              const ReadOptions& /*options*/) {
  const std::string& file = display_name;
  const util::JsonDocument document = util::parse_python_json(text, file);
  const JsonValue& doc = document.root();
  const JsonPath root;
  require_object(file, root, doc);

  LoadedResults loaded;
  loaded.file.path = file;
  loaded.file.machine = "hyperfine";
  loaded.file.env_name = file_stem(file);

  const JsonPath results_path = root.member("results");
  const JsonValue& results = require(file, root, doc, "results");
  if (!results.is_array()) {
    fail_type(file, results_path, "a list of commands", results);
  }
  loaded.file.results.reserve(results.items().size());
  for (std::size_t i = 0; i < results.items().size(); ++i) {
    const JsonValue& result = results.items()[i];
    const JsonPath where = results_path.index(i);
    require_object(file, where, result);
    const std::string command(
        require_string(file, where.member("command"), require(file, where, result, "command")));
    std::vector<std::string> param_names;
    std::vector<std::string> params;
    if (const JsonValue* parameters = result.find("parameters"); parameters != nullptr) {
      const JsonPath parameters_path = where.member("parameters");
      require_object(file, parameters_path, *parameters);
      for (const auto& [name, value] : parameters->members()) {
        param_names.emplace_back(name);
        params.push_back(parameter_text(file, parameters_path.member(name), value));
      }
    }
    std::vector<double> samples =
        numbers(file, where.member("times"), require(file, where, result, "times"));
    if (const JsonValue* exit_codes = result.find("exit_codes");
        exit_codes != nullptr && !all_zero(file, where.member("exit_codes"), *exit_codes)) {
      samples.clear();  // failed
    }
    add_time_benchmark(loaded.catalog, command, std::move(param_names));
    loaded.file.results.push_back(
        sampled_result(command, std::move(params), std::move(samples), 1));
  }
  return loaded;
}

}  // namespace spyglass::ingest
