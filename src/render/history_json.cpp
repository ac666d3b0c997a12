#include "spyglass/render/history_json.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>

#include "spyglass/util/json_writer.hpp"

namespace spyglass::render {

namespace {

constexpr int k_schema_version = 1;

// The commit of point `index` of `series`.
const std::string& commit_at(const history::Series& series, std::int64_t index) {
  return series.points[static_cast<std::size_t>(index)].commit;
}

void optional_floating(util::JsonWriter& json, std::optional<double> value) {
  if (value) {
    json.floating(*value);
  } else {
    json.null();
  }
}

void write_steps(util::JsonWriter& json, const history::SeriesHistory& history) {
  json.key("steps");
  json.begin_array();
  for (const history::Step& step : history.steps) {
    json.begin_array();
    json.string(commit_at(history.series, step.left));
    json.string(commit_at(history.series, step.right_excl - 1));
    json.floating(step.value);
    json.floating(step.min_value);
    json.floating(step.err);
    json.end_array();
  }
  json.end_array();
}

void write_regressions(util::JsonWriter& json, const history::SeriesHistory& history) {
  json.key("regressions");
  json.begin_array();
  if (history.regressions) {
    for (const history::Jump& jump : history.regressions->jumps) {
      json.begin_array();
      json.string(commit_at(history.series, jump.before));
      json.string(commit_at(history.series, jump.after));
      json.floating(jump.value_before);
      json.floating(jump.value_after);
      json.end_array();
    }
  }
  json.end_array();
  const auto& found = history.regressions;
  json.key("last_value");
  optional_floating(json, found ? std::optional(found->last_value) : std::nullopt);
  json.key("best_value");
  optional_floating(json, found ? std::optional(found->best_value) : std::nullopt);
}

}  // namespace

std::string render_history_json(const std::vector<history::SeriesHistory>& histories) {
  util::JsonWriter json;
  json.begin_object();
  json.key("schema_version");
  json.integer(k_schema_version);
  json.key("series");
  json.begin_array();
  for (const history::SeriesHistory& history : histories) {
    const history::Series& series = history.series;
    json.begin_object();
    json.key("benchmark");
    json.string(series.benchmark);
    json.key("machine");
    json.string(series.machine);
    json.key("env");
    json.string(series.env);
    json.key("unit");
    if (series.unit) {
      json.string(*series.unit);
    } else {
      json.null();
    }
    json.key("points");
    json.integer(static_cast<std::int64_t>(history.measured));
    write_steps(json, history);
    write_regressions(json, history);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.take() + "\n";
}

}  // namespace spyglass::render
