#include "spyglass/ingest/pytest_benchmark.hpp"

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "spyglass/ingest/json_reader.hpp"
#include "spyglass/ingest/sampled_result.hpp"
#include "spyglass/util/python_json.hpp"

namespace spyglass::ingest {

namespace {

using util::JsonValue;

// The number at `object[key]`, which must be there.
double number_member(const std::string& file, const JsonPath& where, const JsonValue& object,
                     std::string_view key) {
  return require_number(file, where.member(key), require(file, where, object, key));
}

// The string `object[key]`, or "" when the key is absent or null.
std::string optional_string(const std::string& file, const JsonPath& where, const JsonValue* object,
                            std::string_view key) {
  const JsonValue* value = object != nullptr ? object->find(key) : nullptr;
  if (value == nullptr || value->is_null()) {
    return {};
  }
  return std::string(require_string(file, where.member(key), *value));
}

// The object `doc[key]`, or nullptr when absent.
const JsonValue* optional_object(const std::string& file, const JsonPath& root,
                                 const JsonValue& doc, std::string_view key) {
  const JsonValue* value = doc.find(key);
  return value != nullptr ? &require_object(file, root.member(key), *value) : nullptr;
}

// The pytest node id of a benchmark entry: `fullname`, or `name` in files without one.
std::string benchmark_name(const std::string& file, const JsonPath& where, const JsonValue& entry) {
  if (const JsonValue* fullname = entry.find("fullname");
      fullname != nullptr && !fullname->is_null()) {
    return std::string(require_string(file, where.member("fullname"), *fullname));
  }
  return std::string(
      require_string(file, where.member("name"), require(file, where, entry, "name")));
}

// The raw per-iteration round times `stats.data`, or nullopt when the run did not save them.
std::optional<std::vector<double>> read_data(const std::string& file, const JsonPath& where,
                                             const JsonValue& stats) {
  const JsonValue* data = stats.find("data");
  if (data == nullptr || data->is_null()) {
    return std::nullopt;
  }
  const JsonPath data_path = where.member("data");
  if (!data->is_array()) {
    fail_type(file, data_path, "a list of numbers", *data);
  }
  if (data->items().empty()) {
    fail_at(file, data_path, "no rounds");
  }
  std::vector<double> samples;
  samples.reserve(data->items().size());
  for (std::size_t i = 0; i < data->items().size(); ++i) {
    const double sample = require_number(file, data_path.index(i), data->items()[i]);
    if (std::isnan(sample)) {
      fail_at(file, data_path.index(i), "NaN is not a round time");
    }
    samples.push_back(sample);
  }
  return samples;
}

// One entry of `benchmarks` as an asv result.
model::BenchmarkResult read_benchmark(const std::string& file, const JsonPath& where,
                                      const JsonValue& entry) {
  require_object(file, where, entry);
  const std::string name = benchmark_name(file, where, entry);
  const JsonPath stats_path = where.member("stats");
  const JsonValue& stats = require_object(file, stats_path, require(file, where, entry, "stats"));
  const double iterations = number_member(file, stats_path, stats, "iterations");
  if (auto samples = read_data(file, stats_path, stats)) {
    // As the other readers do: one round is a value without stats, none a failed benchmark.
    return sampled_result(name, {}, std::move(*samples), iterations);
  }
  model::BenchmarkResult result;
  result.name = name;
  result.key = name;
  result.value = model::Number{number_member(file, stats_path, stats, "median"), false};
  model::Stats& summary = result.stats.emplace();
  summary.q_25 = number_member(file, stats_path, stats, "q1");
  summary.q_75 = number_member(file, stats_path, stats, "q3");
  summary.repeat = number_member(file, stats_path, stats, "rounds");
  summary.number = iterations;
  return result;
}

// machine, env, python and commit: what the `[a -> b]` label and env-diff show.
void read_header(const std::string& file, const JsonValue& doc, model::ResultFile& out) {
  const JsonPath root;
  const JsonValue* machine = optional_object(file, root, doc, "machine_info");
  const JsonPath machine_path = root.member("machine_info");
  out.machine = optional_string(file, machine_path, machine, "node");
  out.python = optional_string(file, machine_path, machine, "python_version");
  const std::string implementation =
      optional_string(file, machine_path, machine, "python_implementation");
  out.env_name = implementation.empty() ? out.python : implementation + "-" + out.python;
  out.commit_hash = optional_string(file, root.member("commit_info"),
                                    optional_object(file, root, doc, "commit_info"), "id");
}

}  // namespace

LoadedResults parse_pytest_benchmark(std::string_view text, const std::string& display_name,
                                     const ReadOptions& /*options*/) {
  const std::string& file = display_name;
  const util::JsonDocument document = util::parse_python_json(text, file);
  const JsonValue& doc = require_object(file, JsonPath(), document.root());
  const JsonPath root;

  LoadedResults loaded;
  loaded.file.path = file;
  read_header(file, doc, loaded.file);

  const JsonPath list_path = root.member("benchmarks");
  const JsonValue& list = require(file, root, doc, "benchmarks");
  if (!list.is_array()) {
    fail_type(file, list_path, "a list of benchmarks", list);
  }
  if (list.items().empty()) {
    fail_at(file, list_path, "no benchmarks (the run saved none)");
  }
  loaded.file.results.reserve(list.items().size());
  for (std::size_t i = 0; i < list.items().size(); ++i) {
    const model::BenchmarkResult& result =
        loaded.file.results.emplace_back(read_benchmark(file, list_path.index(i), list.items()[i]));
    add_time_benchmark(loaded.catalog, result.name);
  }
  return loaded;
}

}  // namespace spyglass::ingest
