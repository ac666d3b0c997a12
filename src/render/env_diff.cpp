#include "spyglass/render/env_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "spyglass/render/markdown.hpp"
#include "spyglass/util/utf8.hpp"

namespace spyglass::render {
namespace {

using compare::ComponentChange;
using compare::ComponentStatus;
using compare::EnvDiff;
using compare::EnvInventory;
using json = nlohmann::json;  // std::map keys: sorted, as `json.dumps(sort_keys=True)`

constexpr std::string_view k_arrow = "\u2192";
// How many characters of a commit hash the report shows.
constexpr std::size_t k_commit_chars = 12;

// `machine/env`, or just the env name when the file names no machine.
std::string side_label(const EnvInventory& side) {
  return side.machine.empty() ? side.env_name : side.machine + "/" + side.env_name;
}

// The first 12 characters (code points) of `hash`, or ` - ` when there is none.
std::string commit_prefix(std::string_view hash) {
  return hash.empty() ? " - " : std::string(util::first_code_points(hash, k_commit_chars));
}

// A version cell's text: ` - ` when the side lacks the component, `(empty)` when it is unpinned.
std::string version_text(const std::optional<std::string>& version) {
  if (!version) {
    return " - ";
  }
  return version->empty() ? "(empty)" : *version;
}

bool shown(const ComponentChange& change, UnchangedRows unchanged) {
  return unchanged == UnchangedRows::k_include || change.status != ComponentStatus::k_unchanged;
}

std::string table_row(const ComponentChange& change) {
  return fmt::format("| {} | {} | {} | {} | {} |\n", compare::component_status_name(change.status),
                     code_span(change.name, SpanPlace::k_table_cell),
                     code_span(version_text(change.before), SpanPlace::k_table_cell),
                     code_span(version_text(change.after), SpanPlace::k_table_cell),
                     compare::component_kind_name(change.kind));
}

json side_json(const EnvInventory& side) {
  return {{"path", side.path},
          {"machine", side.machine},
          {"env_name", side.env_name},
          {"python", side.python},
          {"commit_hash", side.commit_hash}};
}

json version_json(const std::optional<std::string>& version) {
  return version ? json(*version) : json(nullptr);
}

}  // namespace

std::string render_env_diff_markdown(const EnvDiff& diff, UnchangedRows unchanged) {
  std::string out = "# Environment inventory diff\n\n";
  out += fmt::format("Baseline ({}) {} contender ({}).\n\n",
                     code_span(side_label(diff.before), SpanPlace::k_text), k_arrow,
                     code_span(side_label(diff.after), SpanPlace::k_text));
  if (!diff.before.commit_hash.empty() || !diff.after.commit_hash.empty()) {
    out +=
        fmt::format("Commits: {} {} {}.\n\n",
                    code_span(commit_prefix(diff.before.commit_hash), SpanPlace::k_text), k_arrow,
                    code_span(commit_prefix(diff.after.commit_hash), SpanPlace::k_text));
  }
  out += "## Summary\n\n";
  for (const auto status : compare::k_all_component_statuses) {
    out +=
        fmt::format("- **{}**: {}\n", compare::component_status_name(status), diff.count(status));
  }
  out += "\n## Components\n\n";

  const auto table = render_env_diff_table(diff, unchanged);
  if (table.empty()) {
    return out + "_No component changes under the current filter._\n\n";
  }
  return out + table + "\n";
}

std::string render_env_diff_table(const EnvDiff& diff, UnchangedRows unchanged) {
  std::string rows;
  for (const auto& change : diff.changes) {
    if (shown(change, unchanged)) {
      rows += table_row(change);
    }
  }
  if (rows.empty()) {
    return rows;
  }
  return "| Status | Component | Baseline | Contender | Kind |\n"
         "|--------|-----------|----------|-----------|------|\n" +
         rows;
}

std::string render_env_diff_json(const EnvDiff& diff, UnchangedRows unchanged) {
  json changes = json::array();
  for (const auto& change : diff.changes) {
    if (shown(change, unchanged)) {
      changes.push_back({{"name", change.name},
                         {"kind", compare::component_status_name(change.status)},
                         {"baseline_version", version_json(change.before)},
                         {"solved_version", version_json(change.after)},
                         {"component_kind", compare::component_kind_name(change.kind)}});
    }
  }
  json summary = json::object();
  for (const auto status : compare::k_all_component_statuses) {
    summary[std::string(compare::component_status_name(status))] = diff.count(status);
  }
  const json out = {{"baseline", side_json(diff.before)},
                    {"contender", side_json(diff.after)},
                    {"changes", changes},
                    {"summary", summary}};
  return out.dump(2, ' ', true, json::error_handler_t::replace) + "\n";
}

}  // namespace spyglass::render
