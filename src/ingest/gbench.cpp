#include "spyglass/ingest/gbench.hpp"

#include <array>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "spyglass/ingest/json_reader.hpp"
#include "spyglass/ingest/sampled_result.hpp"
#include "spyglass/util/error.hpp"

namespace spyglass::ingest {
namespace {

using util::JsonValue;

// The members of a benchmark row the reader uses, `metric` among them; the parser drops the
// others (converting the unused time would cost a number parse per row).
std::array<std::string_view, 8> row_keys(std::string_view metric) {
  return {"name",           "run_name",   "run_type", "aggregate_name",
          "error_occurred", "iterations", metric,     "time_unit"};
}

// Rows are members of the objects in `benchmarks`: root (1), array (2), row (3).
constexpr int k_row_depth = 3;

// One benchmark's rows, gathered in file order.
struct Group {
  std::string key;
  std::vector<double> samples;  // the metric (a time in seconds), one per repetition
  double number = 1;            // iterations per repetition
  bool failed = false;
  std::optional<double> median;  // the aggregates
  std::optional<double> mean;
};

// The members of one row, found in one pass over it: a row holds only the members the filter
// keeps, and looking each up by name would compare every key several times (140k rows in a 10k
// benchmark file).
struct RowMembers {
  const JsonValue* name = nullptr;
  const JsonValue* run_name = nullptr;
  const JsonValue* run_type = nullptr;
  const JsonValue* aggregate_name = nullptr;
  const JsonValue* error_occurred = nullptr;
  const JsonValue* iterations = nullptr;
  const JsonValue* time = nullptr;  // the metric's member (a time, or a counter)
  const JsonValue* time_unit = nullptr;

  RowMembers(const JsonValue& row, std::string_view metric) {
    for (const util::JsonMember& member : row.members()) {
      if (const JsonValue** found = slot(member.key, metric)) {
        *found = &member.value;
      }
    }
  }

 private:
  // Where the member `key` goes, nullptr for a member the reader does not use.
  const JsonValue** slot(std::string_view key, std::string_view metric) {
    if (key == metric) {
      return &time;
    }
    // The candidates of `key`'s length first: rows are many, and most keys then need one compare.
    const auto is = [&key](std::string_view candidate, const JsonValue*& target) {
      return key == candidate ? &target : nullptr;
    };
    switch (key.size()) {
      case 4:
        return is("name", name);
      case 8:
        return key[4] == 'n' ? is("run_name", run_name) : is("run_type", run_type);
      case 9:
        return is("time_unit", time_unit);
      case 10:
        return is("iterations", iterations);
      case 14:
        return key[0] == 'a' ? is("aggregate_name", aggregate_name)
                             : is("error_occurred", error_occurred);
      default:
        return nullptr;
    }
  }
};

// Seconds per `time_unit` (Google Benchmark writes ns, us, ms or s).
double seconds_per(const std::string& file, const JsonPath& where, std::string_view unit) {
  if (const auto factor = seconds_per_unit(unit)) {
    return *factor;
  }
  fail_at(file, where,
          "unknown time unit \"" + std::string(unit) + "\" (expected ns, us, ms or s)");
}

// Whether `metric` is one of the times, not a counter.
bool is_time_metric(std::string_view metric) {
  return metric == "real_time" || metric == "cpu_time";
}

// The row's `metric`: a time in seconds, or a counter's number as the file wrote it.
double row_value(const std::string& file, const JsonPath& where, const RowMembers& row,
                 std::string_view metric) {
  const double time =
      require_number(file, where.member(metric), require_found(file, where, row.time, metric));
  if (!is_time_metric(metric)) {
    return time;
  }
  const double factor =
      row.time_unit == nullptr
          ? 1e-9
          : seconds_per(file, where.member("time_unit"),
                        require_string(file, where.member("time_unit"), *row.time_unit));
  return time * factor;
}

// The optional string member `key` (`value`, null when absent) of a row.
std::optional<std::string_view> optional_string(const std::string& file, const JsonPath& where,
                                                const JsonValue* value, std::string_view key) {
  if (value == nullptr) {
    return std::nullopt;
  }
  return require_string(file, where.member(key), *value);
}

// What an aggregate row is: "median", "mean", "stddev", "BigO", ... Files older than
// `aggregate_name` only say it in the name's suffix.
std::string_view aggregate_kind(const std::string& file, const JsonPath& where,
                                const RowMembers& row, std::string_view name) {
  if (auto kind = optional_string(file, where, row.aggregate_name, "aggregate_name")) {
    return *kind;
  }
  const auto underscore = name.rfind('_');
  return underscore == std::string_view::npos ? std::string_view() : name.substr(underscore + 1);
}

// The benchmark an aggregate row of a file without run_name belongs to: `name` less its
// "_<kind>" suffix.
std::string_view without_suffix(std::string_view name, std::string_view kind) {
  const bool suffixed = name.size() > kind.size() && name.ends_with(kind) &&
                        name[name.size() - kind.size() - 1] == '_';
  return suffixed ? name.substr(0, name.size() - kind.size() - 1) : name;
}

// The executable's file name, whichever separator its path uses.
std::string file_name(std::string_view path) {
  const auto slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// machine = context.host_name, env_name = the executable's file name; the context's string and
// integer facts (num_cpus, mhz_per_cpu, library_build_type, ...) are the machine params.
void read_context(const std::string& file, const JsonValue& doc, model::ResultFile& out) {
  const JsonPath root;
  const JsonPath context_path = root.member("context");
  const JsonValue& context =
      require_object(file, context_path, require(file, root, doc, "context"));
  out.machine = std::string(
      optional_string(file, context_path, context.find("host_name"), "host_name").value_or(""));
  out.env_name = file_name(
      optional_string(file, context_path, context.find("executable"), "executable").value_or(""));
  for (const auto& [key, value] : context.members()) {
    if (key == "date") {
      continue;  // when it ran, not what it ran on
    }
    if (value.is_string()) {
      out.params.emplace_back(key, std::string(value.as_string()));
    } else if (value.type() == JsonValue::Type::k_integer) {
      out.params.emplace_back(key, std::to_string(value.as_integer()));
    }
  }
}

}  // namespace

LoadedResults parse_gbench(std::string_view text, const std::string& display_name,
                           const ReadOptions& options) {
  const std::string& file = display_name;
  const std::string_view metric = options.metric;
  if (metric.empty()) {
    throw_input_error(file,
                      "an empty metric for Google Benchmark (expected real_time, cpu_time "
                      "or a counter's name)");
  }
  const JsonPath root;
  // A deque keeps each group where it is, so the index can key on the group's own name: the
  // row's name may live only as long as the row (a name with escapes is decoded into the
  // parser's per-row arena).
  std::deque<Group> groups;
  std::unordered_map<std::string_view, Group*> index;
  const auto group_of = [&](std::string_view key) -> Group& {
    auto it = index.find(key);
    if (it == index.end()) {
      Group& added = groups.emplace_back();
      added.key = std::string(key);
      it = index.emplace(added.key, &added).first;
    }
    return *it->second;
  };

  // The rows are streamed (folded into `groups` as they are parsed, never stored): a 10k
  // benchmark file with repetitions has 140k of them.
  const JsonPath rows_path = root.member("benchmarks");
  const auto on_row = [&](std::size_t i, const JsonValue& value) {
    const JsonPath where = rows_path.index(i);
    require_object(file, where, value);
    const RowMembers row(value, metric);
    const std::string_view name =
        require_string(file, where.member("name"), require_found(file, where, row.name, "name"));
    const auto run_name = optional_string(file, where, row.run_name, "run_name");
    const auto run_type = optional_string(file, where, row.run_type, "run_type");
    const bool aggregate = run_type ? *run_type == "aggregate" : row.aggregate_name != nullptr;
    const bool failed = row.error_occurred != nullptr &&
                        row.error_occurred->type() == JsonValue::Type::k_bool &&
                        row.error_occurred->as_bool();
    if (!aggregate) {
      Group& group = group_of(run_name.value_or(name));
      if (failed) {
        group.failed = true;
        return;
      }
      if (group.samples.empty()) {
        if (row.iterations != nullptr && row.iterations->is_number()) {
          group.number = row.iterations->as_double();
        }
      }
      group.samples.push_back(row_value(file, where, row, metric));
      return;
    }
    const std::string_view kind = aggregate_kind(file, where, row, name);
    if (kind != "median" && kind != "mean") {
      return;  // stddev, cv, min, max, BigO, RMS: not a value of the benchmark
    }
    const std::string_view key = run_name ? *run_name : without_suffix(name, kind);
    Group& group = group_of(key);
    if (failed) {
      group.failed = true;
      return;
    }
    (kind == "median" ? group.median : group.mean) = row_value(file, where, row, metric);
  };
  const auto kept_keys = row_keys(metric);
  const util::JsonDocument document =
      util::parse_python_json(text, file, util::JsonMemberFilter{k_row_depth, kept_keys},
                              util::JsonStream{"benchmarks", on_row});
  const JsonValue& doc = document.root();
  require_object(file, root, doc);

  LoadedResults loaded;
  loaded.file.path = file;
  read_context(file, doc, loaded.file);
  const JsonValue& rows = require(file, root, doc, "benchmarks");
  if (!rows.is_array()) {
    fail_type(file, rows_path, "a list of benchmark runs", rows);
  }

  // A counter is a plain number in no unit spyglass formats; a rate (Google Benchmark writes
  // SetItemsProcessed and SetBytesProcessed as `items_per_second`, `bytes_per_second`, and marks
  // no counter a rate in the JSON) is better bigger.
  const model::Direction direction = metric.find("_per_second") != std::string_view::npos
                                         ? model::Direction::k_bigger_is_better
                                         : model::Direction::k_smaller_is_better;
  loaded.file.results.reserve(groups.size());
  for (Group& group : groups) {
    if (is_time_metric(metric)) {
      add_time_benchmark(loaded.catalog, group.key);
    } else {
      add_benchmark(loaded.catalog, group.key, std::string(metric), direction);
    }
    if (group.failed) {
      loaded.file.results.push_back(stated_result(group.key, std::nullopt));
    } else if (!group.samples.empty()) {
      loaded.file.results.push_back(
          sampled_result(group.key, {}, std::move(group.samples), group.number));
    } else {
      loaded.file.results.push_back(
          stated_result(group.key, group.median ? group.median : group.mean));
    }
  }
  return loaded;
}

}  // namespace spyglass::ingest
