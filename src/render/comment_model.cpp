#include "spyglass/render/comment_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "spyglass/render/asv_table.hpp"
#include "spyglass/render/markdown.hpp"

namespace spyglass::render {
namespace {

using json = nlohmann::ordered_json;
using model::Change;
using model::ComparisonRow;

constexpr std::size_t k_verdict_count = 7;

struct VerdictInfo {
  const char* key;    // the counts key in the model
  const char* emoji;  // shown in the first column
  const char* words;  // the headline's words after the count
};

constexpr std::array<VerdictInfo, k_verdict_count> k_verdicts = {{
    {"regressed", "\U0001F534", "regressed"},           // red circle
    {"failing", "\U0001F4A5", "newly failing"},          // collision
    {"improved", "\U0001F7E2", "improved"},              // green circle
    {"fixed", "\u2705", "fixed"},                        // check mark
    {"insignificant", "\u3030\uFE0F", "insignificant (~)"},  // wavy dash
    {"unchanged", "\u26AA", "unchanged"},                // white circle
    {"not_comparable", "\u2754", "not comparable"},      // question mark
}};

const VerdictInfo& info(Verdict verdict) { return k_verdicts[static_cast<std::size_t>(verdict)]; }

// The three parts of the comment: open tables for regressions and improvements, folded others.
enum class Group { k_regressions, k_improvements, k_others };

Group group_of(Verdict verdict) {
  switch (verdict) {
    case Verdict::k_regressed:
    case Verdict::k_failing:
      return Group::k_regressions;
    case Verdict::k_improved:
    case Verdict::k_fixed:
      return Group::k_improvements;
    default:
      return Group::k_others;
  }
}

// Sort key within a group, smaller first: the worst regression and the best improvement lead,
// failures and fixes before any ratio.
double severity(const ComparisonRow& row) {
  const auto verdict = verdict_of(row);
  switch (group_of(verdict)) {
    case Group::k_regressions:
      return verdict == Verdict::k_failing ? -INFINITY : -row.ratio;
    case Group::k_improvements:
      return verdict == Verdict::k_fixed ? -INFINITY : row.ratio;
    case Group::k_others:
      return static_cast<double>(verdict);
  }
  return 0.0;
}

std::string ratio_text(const ComparisonRow& row) {
  if (!std::isfinite(row.ratio)) {
    return "n/a";
  }
  return fmt::format("{}{:.2f}\u00D7", row.insignificant ? "~" : "", row.ratio);
}

std::string percent_text(const ComparisonRow& row) {
  if (!std::isfinite(row.ratio)) {
    return "";
  }
  const double percent = (row.ratio - 1.0) * 100.0;
  return std::fabs(percent) < 10.0 ? fmt::format("{:+.1f}%", percent)
                                   : fmt::format("{:+.0f}%", percent);
}

// A bar as long as the change is large on a log scale: two full blocks per doubling, in eighths,
// at most ten blocks.
std::string bar_text(const ComparisonRow& row) {
  if (!std::isfinite(row.ratio) || row.ratio <= 0.0) {
    return "";
  }
  static constexpr std::array<const char*, 8> k_partial = {
      "", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589"};
  const auto eighths = static_cast<std::size_t>(
      std::min(80.0, std::round(std::fabs(std::log2(row.ratio)) * 16.0)));
  std::string bar;
  for (std::size_t i = 0; i < eighths / 8; ++i) {
    bar += "\u2588";
  }
  return bar + k_partial[eighths % 8];
}

json name_fields(const ComparisonRow& row) {
  return json{{"name", row.name}, {"name_md", code_span(row.name)}};
}

json single_row(const ComparisonRow& row) {
  const auto verdict = verdict_of(row);
  const auto cells = compare_cells(row);
  json out = {{"verdict", info(verdict).key}, {"emoji", info(verdict).emoji}};
  out.update(name_fields(row));
  out["before"] = cells.before;
  out["after"] = cells.after;
  out["ratio"] = ratio_text(row);
  out["change"] = percent_text(row);
  out["bar"] = bar_text(row);
  return out;
}

// One benchmark of a compare-many: the rows of every contender at the same index.
std::vector<const ComparisonRow*> cells_at(const model::MultiComparison& multi, std::size_t index) {
  std::vector<const ComparisonRow*> cells;
  for (const auto& contender : multi.contenders) {
    cells.push_back(&contender.rows[index]);
  }
  return cells;
}

// The verdict that places a compare-many benchmark: its worst cell.
Verdict worst_verdict(const std::vector<const ComparisonRow*>& cells) {
  Verdict worst = Verdict::k_not_comparable;
  for (const auto* cell : cells) {
    const auto verdict = verdict_of(*cell);
    if (static_cast<int>(group_of(verdict)) < static_cast<int>(group_of(worst)) ||
        (group_of(verdict) == group_of(worst) && verdict < worst)) {
      worst = verdict;
    }
  }
  return worst;
}

json multi_row(const std::vector<const ComparisonRow*>& cells) {
  const auto verdict = worst_verdict(cells);
  json out = {{"verdict", info(verdict).key}, {"emoji", info(verdict).emoji}};
  out.update(name_fields(*cells.front()));
  out["baseline"] = baseline_value_text(*cells.front());
  json contenders = json::array();
  for (const auto* cell : cells) {
    const auto cell_verdict = verdict_of(*cell);
    contenders.push_back({{"value", contender_value_text(*cell)},
                          {"ratio", ratio_text(*cell)},
                          {"change", percent_text(*cell)},
                          {"verdict", info(cell_verdict).key},
                          {"emoji", info(cell_verdict).emoji}});
  }
  out["cells"] = std::move(contenders);
  return out;
}

// A group's rows, the first `limit` of them shown.
struct GroupRows {
  std::vector<std::pair<double, json>> rows;  // severity, row
  std::size_t limit = CommentDetail::k_all;

  json to_json() const {
    json shown = json::array();
    for (std::size_t i = 0; i < rows.size() && i < limit; ++i) {
      shown.push_back(rows[i].second);
    }
    const std::size_t omitted = rows.size() - shown.size();
    return json{{"any", !rows.empty()},
                {"count", rows.size()},
                {"shown", shown.size()},
                {"omitted", omitted},
                {"any_omitted", omitted > 0},
                {"rows", std::move(shown)}};
  }
};

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("**{}** {}", n, n == 1 ? one : many);
}

json alert(const std::array<std::size_t, k_verdict_count>& counts) {
  auto count = [&](Verdict v) { return counts[static_cast<std::size_t>(v)]; };
  const std::size_t regressed = count(Verdict::k_regressed);
  const std::size_t failing = count(Verdict::k_failing);
  const std::size_t better = count(Verdict::k_improved) + count(Verdict::k_fixed);
  if (regressed + failing > 0) {
    std::vector<std::string> parts;
    if (regressed > 0) {
      parts.push_back(plural(regressed, "benchmark regressed", "benchmarks regressed"));
    }
    if (failing > 0) {
      parts.push_back(plural(failing, "benchmark fails now", "benchmarks fail now"));
    }
    return {{"level", "CAUTION"}, {"text_md", fmt::format("{}.", fmt::join(parts, " and "))}};
  }
  if (better > 0) {
    return {{"level", "TIP"},
            {"text_md", plural(better, "benchmark improved", "benchmarks improved") +
                            ", and nothing regressed."}};
  }
  return {{"level", "NOTE"}, {"text_md", "No significant changes."}};
}

std::string headline(const std::array<std::size_t, k_verdict_count>& counts) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < k_verdict_count; ++i) {
    if (counts[i] > 0) {
      parts.push_back(fmt::format("**{}** {}", counts[i], k_verdicts[i].words));
    }
  }
  return parts.empty() ? "No benchmarks to compare." : fmt::format("{}", fmt::join(parts, " · "));
}

std::string others_summary(const std::array<std::size_t, k_verdict_count>& counts) {
  std::vector<std::string> parts;
  for (auto verdict : {Verdict::k_insignificant, Verdict::k_not_comparable, Verdict::k_unchanged}) {
    const auto n = counts[static_cast<std::size_t>(verdict)];
    if (n > 0) {
      parts.push_back(fmt::format("{} {}", n, info(verdict).words));
    }
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

json commit_json(const std::string& sha, const model::RunContext& run) {
  if (sha.empty()) {
    return nullptr;
  }
  const auto short_sha = sha.substr(0, 8);
  const auto url = run.commit_url(sha);
  return json{{"sha", sha},
              {"short", short_sha},
              {"url", url ? json(*url) : json(nullptr)},
              {"link_md", url ? fmt::format("[`{}`]({})", short_sha, *url)
                              : fmt::format("`{}`", short_sha)}};
}

std::string label_or(const std::vector<std::string>& labels, std::size_t i,
                     const model::Source& source) {
  return labels.empty() ? source.machine_env() : labels[i];
}

}  // namespace

Verdict verdict_of(const ComparisonRow& row) {
  switch (row.change) {
    case Change::k_regressed:
      return Verdict::k_regressed;
    case Change::k_failure_introduced:
      return Verdict::k_failing;
    case Change::k_improved:
      return Verdict::k_improved;
    case Change::k_failure_fixed:
      return Verdict::k_fixed;
    case Change::k_incomparable:
      return Verdict::k_not_comparable;
    case Change::k_none:
      break;
  }
  if (!std::isfinite(row.ratio)) {
    return Verdict::k_not_comparable;
  }
  return row.insignificant ? Verdict::k_insignificant : Verdict::k_unchanged;
}

json build_comment_model(const CommentInput& input, const CommentDetail& detail) {
  std::array<std::size_t, k_verdict_count> counts{};
  std::array<GroupRows, 3> groups;
  groups[0].limit = detail.regression_rows;
  groups[1].limit = detail.improvement_rows;
  groups[2].limit = detail.other_rows;
  auto add = [&](Verdict placed_by, double key, json row) {
    groups[static_cast<std::size_t>(group_of(placed_by))].rows.emplace_back(key, std::move(row));
  };

  json model = {{"marker", fmt::format("<!-- spyglass:{} -->", input.id)},
                {"id", input.id},
                {"title", "Benchmark results"}};
  json meta;
  if (input.comparison != nullptr) {
    const auto& comparison = *input.comparison;
    for (const auto& row : comparison.rows) {
      ++counts[static_cast<std::size_t>(verdict_of(row))];
      add(verdict_of(row), severity(row), single_row(row));
    }
    model["mode"] = "compare";
    model["is_compare_many"] = false;
    const auto before = comparison.before.machine_env();
    const auto after = comparison.after.machine_env();
    meta["env_label"] = before == after ? before : fmt::format("{} \u2192 {}", before, after);
    meta["base"] = commit_json(comparison.before.commit_hash, input.run);
    meta["head"] = commit_json(comparison.after.commit_hash, input.run);
    meta["factor"] = fmt::format("{}", comparison.factor);
  } else {
    const auto& multi = *input.multi;
    const std::size_t row_count = multi.contenders.empty() ? 0 : multi.contenders[0].rows.size();
    for (std::size_t r = 0; r < row_count; ++r) {
      const auto cells = cells_at(multi, r);
      double key = INFINITY;
      const auto placed_by = worst_verdict(cells);
      for (const auto* cell : cells) {
        ++counts[static_cast<std::size_t>(verdict_of(*cell))];
        if (group_of(verdict_of(*cell)) == group_of(placed_by)) {
          key = std::min(key, severity(*cell));
        }
      }
      add(placed_by, key, multi_row(cells));
    }
    model["mode"] = "compare-many";
    model["is_compare_many"] = true;
    json contenders = json::array();
    for (std::size_t i = 0; i < multi.contenders.size(); ++i) {
      contenders.push_back({{"label", label_or(input.labels, i + 1, multi.contenders[i].after)}});
    }
    model["baseline_label"] = label_or(input.labels, 0, multi.baseline);
    meta["env_label"] = nullptr;
    model["contenders"] = std::move(contenders);
    meta["base"] = commit_json(multi.baseline.commit_hash, input.run);
    meta["head"] = nullptr;
    meta["factor"] = fmt::format("{}", multi.factor);
  }
  for (auto& group : groups) {
    std::stable_sort(group.rows.begin(), group.rows.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  json counts_json;
  std::size_t total = 0;
  for (std::size_t i = 0; i < k_verdict_count; ++i) {
    counts_json[k_verdicts[i].key] = counts[i];
    total += counts[i];
  }
  counts_json["total"] = total;
  model["counts"] = std::move(counts_json);
  model["alert"] = alert(counts);
  model["headline_md"] = headline(counts);
  model["regressions"] = groups[0].to_json();
  model["improvements"] = groups[1].to_json();
  model["others"] = groups[2].to_json();
  model["others"]["summary"] = others_summary(counts);

  const bool show_raw = detail.raw_table && !input.raw_table.empty();
  model["raw_table"] = {{"any", show_raw},
                        {"block_md", show_raw ? code_block(input.raw_table) : ""}};
  const bool show_env = detail.environment && input.environment_markdown.has_value();
  model["environment"] = {{"any", show_env},
                          {"markdown_md", show_env ? *input.environment_markdown : ""}};

  const std::size_t omitted_rows = model["regressions"]["omitted"].get<std::size_t>() +
                                   model["improvements"]["omitted"].get<std::size_t>() +
                                   model["others"]["omitted"].get<std::size_t>();
  const bool truncated = omitted_rows > 0 || (!detail.raw_table && !input.raw_table.empty()) ||
                         (!detail.environment && input.environment_markdown.has_value());
  model["truncated"] = truncated;
  if (truncated) {
    const auto run_url = input.run.run_url();
    model["truncation_note_md"] = fmt::format(
        "This comment was shortened to fit GitHub's size limit{}. The full report is in the {}.",
        omitted_rows > 0 ? fmt::format(": {} rows are not shown", omitted_rows) : "",
        run_url ? fmt::format("[job summary]({})", *run_url) : "job summary");
  }

  meta["version"] = SPYGLASS_VERSION;
  const auto run_url = input.run.run_url();
  meta["run_url"] = run_url ? json(*run_url) : json(nullptr);
  meta["dashboard_url"] = input.dashboard_url ? json(*input.dashboard_url) : json(nullptr);
  model["meta"] = std::move(meta);
  return model;
}

}  // namespace spyglass::render
