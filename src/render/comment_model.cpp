#include "spyglass/render/comment_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "spyglass/render/asv_table.hpp"
#include "spyglass/render/change_chart.hpp"
#include "spyglass/render/change_text.hpp"
#include "spyglass/render/markdown.hpp"
#include "spyglass/util/utf8.hpp"

namespace spyglass::render {
namespace {

using json = nlohmann::ordered_json;
using model::Change;
using model::ComparisonRow;

struct VerdictInfo {
  const char* key;    // the counts key in the model
  const char* emoji;  // shown in the first column
  const char* words;  // the headline's words after the count
};

constexpr std::array<VerdictInfo, k_verdict_count> k_verdicts = {{
    {"regressed", "\U0001F534", "regressed"},                  // red circle
    {"failing", "\U0001F4A5", "newly failing"},                // collision
    {"improved", "\U0001F7E2", "improved"},                    // green circle
    {"fixed", "\u2705", "fixed"},                              // check mark
    {"insignificant", "\u3030\uFE0F", "not significant (~)"},  // wavy dash
    {"within_factor", "\u26AA", "within factor"},              // white circle
    {"unchanged", "\U0001F7F0", "unchanged"},                  // heavy equals sign
    {"not_comparable", "\u2754", "not comparable"},            // question mark
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

// How many times worse the row got: its ratio, inverted where bigger is better.
double worsening(const ComparisonRow& row) {
  return row.direction == model::Direction::k_bigger_is_better ? 1.0 / row.ratio : row.ratio;
}

// Sort key within a group, smaller first: the worst regression and the best improvement lead,
// failures and fixes before any ratio.
double severity(const ComparisonRow& row) {
  const auto verdict = verdict_of(row);
  switch (group_of(verdict)) {
    case Group::k_regressions:
      return verdict == Verdict::k_failing ? -INFINITY : -worsening(row);
    case Group::k_improvements:
      return verdict == Verdict::k_fixed ? -INFINITY : worsening(row);
    case Group::k_others:
      return static_cast<double>(verdict);
  }
  return 0.0;
}

// after/before as `1.25×`, with two significant digits below 0.01 so that no ratio reads 0.
std::string ratio_text(const ComparisonRow& row) {
  const auto ratio = change_ratio(row);
  if (!ratio) {
    return "n/a";
  }
  return fmt::format(
      "{}{}\u00D7", row.insignificant ? "~" : "",
      *ratio >= 0.01 ? fmt::format("{:.2f}", *ratio) : fmt::format("{:.2g}", *ratio));
}

// The row's change as the comment states it (change_text), `n/a` without a ratio.
std::string row_change_text(const ComparisonRow& row) {
  const auto text = change_text(row);
  return text.empty() ? "n/a" : text;
}

// Whether `row` is marked improved or regressed on the ratio alone: no samples or statistics.
bool marked_untested(const ComparisonRow& row) {
  return (row.change == Change::k_regressed || row.change == Change::k_improved) &&
         row.evidence == model::Evidence::k_factor_only;
}

// A bar as long as the change is large on a log scale: two full blocks per doubling, in eighths,
// at most ten blocks.
std::string bar_text(const ComparisonRow& row) {
  const auto ratio = change_ratio(row);
  if (!ratio || *ratio <= 0.0) {
    return "";
  }
  static constexpr std::array<const char*, 8> k_partial = {"",       "\u258F", "\u258E", "\u258D",
                                                           "\u258C", "\u258B", "\u258A", "\u2589"};
  const auto eighths =
      static_cast<std::size_t>(std::min(80.0, std::round(std::fabs(std::log2(*ratio)) * 16.0)));
  std::string bar;
  for (std::size_t i = 0; i < eighths / 8; ++i) {
    bar += "\u2588";
  }
  return bar + k_partial[eighths % 8];
}

json name_fields(const ComparisonRow& row) {
  return json{{"name", row.name}, {"name_md", code_span(row.name, SpanPlace::k_table_cell)}};
}

json single_row(const ComparisonRow& row) {
  const auto verdict = verdict_of(row);
  const auto cells = compare_cells(row);
  json out = {{"verdict", info(verdict).key}, {"emoji", info(verdict).emoji}};
  out.update(name_fields(row));
  out["before"] = cells.before;
  out["after"] = cells.after;
  out["ratio"] = ratio_text(row);
  out["change"] = row_change_text(row);
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
                          {"change", row_change_text(*cell)},
                          {"verdict", info(cell_verdict).key},
                          {"emoji", info(cell_verdict).emoji}});
  }
  out["cells"] = std::move(contenders);
  return out;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("**{}** {}", n, n == 1 ? one : many);
}

json alert(const VerdictCounts& counts) {
  auto count = [&](Verdict v) { return counts[static_cast<std::size_t>(v)]; };
  const std::size_t regressed = count(Verdict::k_regressed);
  const std::size_t failing = count(Verdict::k_failing);
  const std::size_t improved = count(Verdict::k_improved);
  const std::size_t fixed = count(Verdict::k_fixed);
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
  if (improved + fixed > 0) {
    std::vector<std::string> parts;
    if (improved > 0) {
      parts.push_back(plural(improved, "benchmark improved", "benchmarks improved"));
    }
    if (fixed > 0) {
      parts.push_back(plural(fixed, "failing benchmark is fixed", "failing benchmarks are fixed"));
    }
    return {{"level", "TIP"},
            {"text_md", fmt::format("{}; nothing regressed.", fmt::join(parts, " and "))}};
  }
  return {{"level", "NOTE"}, {"text_md", "No significant changes."}};
}

std::string headline(const VerdictCounts& counts) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < k_verdict_count; ++i) {
    if (counts[i] > 0) {
      parts.push_back(fmt::format("**{}** {}", counts[i], k_verdicts[i].words));
    }
  }
  return parts.empty() ? "No benchmarks to compare." : fmt::format("{}", fmt::join(parts, " · "));
}

std::string others_summary(const VerdictCounts& counts) {
  std::vector<std::string> parts;
  for (auto verdict : {Verdict::k_insignificant, Verdict::k_within_factor, Verdict::k_unchanged,
                       Verdict::k_not_comparable}) {
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
  const std::string short_sha(util::first_code_points(sha, 8));
  const auto url = run.commit_url(sha);
  return json{
      {"sha", sha},
      {"short", short_sha},
      {"url", url ? json(*url) : json(nullptr)},
      {"link_md", url ? fmt::format("[{}]({})", code_span(short_sha, SpanPlace::k_text), *url)
                      : code_span(short_sha, SpanPlace::k_text)}};
}

// "base X → head Y": each commit after its side's name (`--label-before`/`--label-after`, else
// base and head), or the names alone when they are given and the files name no commits.
std::string commits_md(const json& meta, const CommentInput& input) {
  const json& base = meta.at("base");
  const json& head = meta.at("head");
  const auto side = [](const json& commit, const std::optional<std::string>& label,
                       const char* fallback) {
    std::string name = label ? escape_markdown(*label) : std::string();
    if (commit.is_null()) {
      return name;
    }
    return (label ? name : std::string(fallback)) + " " + commit.at("link_md").get<std::string>();
  };
  const auto before = side(base, input.label_before, "base");
  const auto after = side(head, input.label_after, "head");
  if (before.empty() || after.empty()) {
    return before + after;
  }
  return before + " \u2192 " + after;
}

// "base X → head Y · env", of the parts `meta` has (null when it has none), so the footer never
// starts with a separator: Google Benchmark, hyperfine and many tables record no commits.
json provenance_md(const json& meta, const CommentInput& input) {
  std::vector<std::string> parts;
  auto commits = commits_md(meta, input);
  if (!commits.empty()) {
    parts.push_back(std::move(commits));
  }
  if (const json& env = meta.at("env_label"); !env.is_null()) {
    parts.push_back(escape_markdown(env.get<std::string>()));
  }
  return parts.empty() ? json(nullptr) : json(fmt::format("{}", fmt::join(parts, " · ")));
}

// asv-spyglass starts its table with a blank line, which would open the code block with one.
std::string_view without_leading_blank_lines(std::string_view text) {
  while (!text.empty() && text.front() == '\n') {
    text.remove_prefix(1);
  }
  return text;
}

// "a", "a and b", "a, b and c".
std::string join_words(const std::vector<std::string>& words) {
  if (words.size() <= 1) {
    return words.empty() ? "" : words.front();
  }
  return fmt::format("{} and {}", fmt::join(words.begin(), words.end() - 1, ", "), words.back());
}

// What a shortened comment left out, and where the rest is.
std::string truncation_note(const std::vector<std::string>& left_out,
                            const std::optional<std::string>& run_url) {
  return fmt::format(
      "This comment was shortened to fit GitHub's size limit, leaving out {}. The full report is "
      "in the {}.",
      join_words(left_out),
      run_url ? fmt::format("[job summary]({})", *run_url) : std::string("job summary"));
}

// The comment's line on the noise controls that applied (`noise_md`); nullopt when none did.
std::optional<std::string> noise_md(const model::NoiseSummary& noise) {
  if (!noise.any()) {
    return std::nullopt;
  }
  std::vector<std::string> parts;
  if (noise.skipped > 0) {
    parts.push_back(plural(noise.skipped, "benchmark skipped", "benchmarks skipped"));
  }
  if (noise.ignored > 0) {
    parts.push_back(fmt::format("**{}** ignored (not counted)", noise.ignored));
  }
  for (const auto& rule : noise.factors) {
    parts.push_back(fmt::format("factor {} for **{}** matching {}", rule.factor, rule.benchmarks,
                                code_span(rule.pattern, SpanPlace::k_text)));
  }
  return fmt::format("Noise controls: {}", fmt::join(parts, " · "));
}

// Whether `labels` has a label twice.
bool has_repeats(std::vector<std::string> labels) {
  std::sort(labels.begin(), labels.end());
  return std::adjacent_find(labels.begin(), labels.end()) != labels.end();
}

// Changes marked on the ratio alone (no samples or statistics to test them): what the comment says.
std::string untested_note(std::size_t count) {
  return fmt::format(
      "Significance could not be tested for {}, marked on the ratio alone: the result files hold "
      "no samples (one repeat, or `asv run --quick`). Record them with `asv run "
      "--record-samples -a repeat=10` (Google Benchmark: `--benchmark_repetitions=10`).",
      plural(count, "change", "changes"));
}

}  // namespace

std::string_view verdict_key(Verdict verdict) { return info(verdict).key; }

json alert_json(const VerdictCounts& counts) { return alert(counts); }

std::string headline_md(const VerdictCounts& counts) { return headline(counts); }

std::vector<std::string> column_labels(const CommentInput& input) {
  if (!input.labels.empty()) {
    return input.labels;
  }
  const auto& multi = *input.multi;
  std::vector<const model::Source*> sources = {&multi.baseline};
  for (const auto& contender : multi.contenders) {
    sources.push_back(&contender.after);
  }
  std::vector<std::string> labels;
  for (const auto* source : sources) {
    labels.push_back(source->machine_env());
  }
  if (has_repeats(labels)) {
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (!sources[i]->commit_hash.empty()) {
        labels[i] += fmt::format(" @ {}", util::first_code_points(sources[i]->commit_hash, 8));
      }
    }
  }
  if (has_repeats(labels)) {
    for (std::size_t i = 0; i < labels.size(); ++i) {
      labels[i] += fmt::format(" #{}", i + 1);
    }
  }
  return labels;
}

std::vector<ChartBar> comment_chart_bars(const CommentInput& input) {
  if (input.comparison != nullptr) {
    return largest_changes(chart_bars(*input.comparison, ChartRows::k_significant));
  }
  const auto& multi = *input.multi;
  const auto labels = column_labels(input);
  std::vector<ChartBar> changes;
  for (std::size_t i = 0; i < multi.contenders.size(); ++i) {
    auto more = chart_bars(multi.contenders[i], ChartRows::k_significant,
                           fmt::format(" [{}]", labels[i + 1]));
    changes.insert(changes.end(), more.begin(), more.end());
  }
  return largest_changes(std::move(changes));
}

std::string comment_marker(std::string_view id) { return fmt::format("<!-- spyglass:{} -->", id); }

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
  if (row.insignificant) {
    return Verdict::k_insignificant;
  }
  return row.ratio == 1.0 ? Verdict::k_unchanged : Verdict::k_within_factor;
}

std::size_t VerdictTally::total() const {
  return std::accumulate(by_verdict.begin(), by_verdict.end(), ignored);
}

CommentModel::CommentModel(const CommentInput& input) : m_input(&input) {
  VerdictTally tally;
  std::array<std::vector<std::pair<double, std::size_t>>, 3> keyed;  // severity, row index
  auto add = [&](Verdict placed_by, double key, std::size_t index, bool on_ignore_list) {
    tally.add(placed_by, on_ignore_list);
    if (on_ignore_list) {  // listed last among the others
      keyed[static_cast<std::size_t>(Group::k_others)].emplace_back(
          static_cast<double>(k_verdict_count), index);
      return;
    }
    keyed[static_cast<std::size_t>(group_of(placed_by))].emplace_back(key, index);
  };

  std::size_t untested = 0;  // changes (compare-many: cells) marked on the ratio alone
  m_head = {{"marker", comment_marker(input.id)},
            {"id", input.id},
            {"title", input.section.value_or(k_comment_title)}};
  if (input.comparison != nullptr) {
    const auto& comparison = *input.comparison;
    for (std::size_t r = 0; r < comparison.rows.size(); ++r) {
      const auto& row = comparison.rows[r];
      add(verdict_of(row), severity(row), r, row.ignored);
    }
    m_row_json.resize(comparison.rows.size());
    m_head["mode"] = "compare";
    m_head["is_compare_many"] = false;
    const auto before = comparison.before.machine_env();
    const auto after = comparison.after.machine_env();
    if (before.empty() && after.empty()) {
      m_meta["env_label"] = nullptr;  // a table that names no environment
    } else {
      m_meta["env_label"] = before == after ? before : fmt::format("{} \u2192 {}", before, after);
    }
    m_meta["base"] = commit_json(comparison.before.commit_hash, input.run);
    m_meta["head"] = commit_json(comparison.after.commit_hash, input.run);
    m_meta["factor"] = fmt::format("{}", comparison.factor);
    m_head["before_label"] = input.label_before ? json(*input.label_before) : json(nullptr);
    m_head["after_label"] = input.label_after ? json(*input.label_after) : json(nullptr);
    for (const auto& row : comparison.rows) {
      untested += !row.ignored && marked_untested(row) ? 1 : 0;
    }
  } else {
    const auto& multi = *input.multi;
    const std::size_t row_count = multi.contenders.empty() ? 0 : multi.contenders[0].rows.size();
    for (std::size_t r = 0; r < row_count; ++r) {
      const auto cells = cells_at(multi, r);
      const auto placed_by = worst_verdict(cells);
      double key = INFINITY;
      for (const auto* cell : cells) {
        if (group_of(verdict_of(*cell)) == group_of(placed_by)) {
          key = std::min(key, severity(*cell));
        }
      }
      add(placed_by, key, r, cells.front()->ignored);
      for (const auto* cell : cells) {
        untested += !cell->ignored && marked_untested(*cell) ? 1 : 0;
      }
    }
    m_row_json.resize(row_count);
    m_head["mode"] = "compare-many";
    m_head["is_compare_many"] = true;
    const auto labels = column_labels(input);
    json contenders = json::array();
    for (std::size_t i = 0; i < multi.contenders.size(); ++i) {
      contenders.push_back({{"label", labels[i + 1]}});
    }
    m_head["baseline_label"] = labels[0];
    m_head["contenders"] = std::move(contenders);
    m_meta["env_label"] = nullptr;
    m_meta["base"] = commit_json(multi.baseline.commit_hash, input.run);
    m_meta["head"] = nullptr;
    m_meta["factor"] = fmt::format("{}", multi.factor);
  }
  if (input.chart) {
    m_chart_block = mermaid_change_chart(comment_chart_bars(input));
  }
  m_untested = {{"any", untested > 0},
                {"count", untested},
                {"note_md", untested > 0 ? untested_note(untested) : ""}};
  m_meta["provenance_md"] = provenance_md(m_meta, input);
  m_meta["version"] = SPYGLASS_VERSION;
  const auto run_url = input.run.run_url();
  m_meta["run_url"] = run_url ? json(*run_url) : json(nullptr);
  m_meta["dashboard_url"] = input.dashboard_url ? json(*input.dashboard_url) : json(nullptr);

  for (std::size_t g = 0; g < keyed.size(); ++g) {
    std::stable_sort(keyed[g].begin(), keyed[g].end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, index] : keyed[g]) {
      m_groups[g].push_back(index);
    }
  }
  m_verdict_counts = tally.by_verdict;
  const auto& counts = m_verdict_counts;
  const std::size_t ignored = tally.ignored;
  for (std::size_t i = 0; i < k_verdict_count; ++i) {
    m_counts[k_verdicts[i].key] = counts[i];
  }
  m_counts["ignored"] = ignored;
  m_counts["total"] = tally.total();
  m_alert = alert(counts);
  m_headline = headline(counts);
  m_others_summary = others_summary(counts);
  if (ignored > 0) {
    m_others_summary += fmt::format("{}{} ignored", m_others_summary.empty() ? "" : ", ", ignored);
  }
  const auto& noise = input.comparison != nullptr ? input.comparison->noise : input.multi->noise;
  if (const auto line = noise_md(noise)) {
    m_head["noise_md"] = *line;
  }
  if (!input.raw_table.empty()) {
    m_raw_block = code_block(without_leading_blank_lines(input.raw_table));
  }
}

const json& CommentModel::row_json(std::size_t index) const {
  auto& row = m_row_json[index];
  if (!row) {
    row = m_input->comparison != nullptr ? single_row(m_input->comparison->rows[index])
                                         : multi_row(cells_at(*m_input->multi, index));
  }
  return *row;
}

json CommentModel::group_json(std::size_t group, std::size_t limit, std::size_t cap) const {
  const auto& rows = m_groups[group];
  const std::size_t shown = std::min(rows.size(), limit);
  json listed = json::array();
  for (std::size_t i = 0; i < shown && i < cap; ++i) {
    listed.push_back(row_json(rows[i]));
  }
  const std::size_t omitted = rows.size() - shown;
  return json{{"any", !rows.empty()},     {"any_shown", shown > 0}, {"count", rows.size()},
              {"shown", shown},           {"omitted", omitted},     {"any_omitted", omitted > 0},
              {"rows", std::move(listed)}};
}

std::size_t CommentModel::listed_rows(const CommentDetail& detail, std::size_t row_cap) const {
  const std::array<std::size_t, 3> limits = {detail.regression_rows, detail.improvement_rows,
                                             detail.other_rows};
  std::size_t listed = 0;
  for (std::size_t g = 0; g < m_groups.size(); ++g) {
    listed += std::min({m_groups[g].size(), limits[g], row_cap});
  }
  return listed;
}

json CommentModel::build(const CommentDetail& detail, std::size_t row_cap) const {
  json model = m_head;
  model["counts"] = m_counts;
  model["alert"] = m_alert;
  model["headline_md"] = m_headline;
  model["untested"] = m_untested;
  const std::array<std::size_t, 3> limits = {detail.regression_rows, detail.improvement_rows,
                                             detail.other_rows};
  static constexpr std::array<const char*, 3> k_group_keys = {"regressions", "improvements",
                                                              "others"};
  static constexpr std::array<const char*, 3> k_group_nouns = {"regression rows",
                                                               "improvement rows", "other rows"};
  std::vector<std::string> left_out;
  for (std::size_t g = 0; g < m_groups.size(); ++g) {
    model[k_group_keys[g]] = group_json(g, limits[g], row_cap);
    const std::size_t count = m_groups[g].size();
    const std::size_t shown = std::min(count, limits[g]);
    if (shown < count) {
      left_out.push_back(shown == 0
                             ? fmt::format("all {} {}", count, k_group_nouns[g])
                             : fmt::format("{} of {} {}", count - shown, count, k_group_nouns[g]));
    }
  }
  model["others"]["summary"] = m_others_summary;
  model["others"]["summary_html"] = escape_html(m_others_summary);

  const bool has_env = m_input->environment_markdown.has_value();
  const bool show_env = detail.environment && has_env;
  if (has_env && !show_env) {
    left_out.emplace_back("the environment section");
  }
  const bool show_raw = detail.raw_table && !m_raw_block.empty();
  if (!m_raw_block.empty() && !show_raw) {
    left_out.emplace_back("the comparison table");
  }
  const bool show_chart = detail.chart && !m_chart_block.empty();
  if (!m_chart_block.empty() && !show_chart) {
    left_out.emplace_back("the chart");
  }
  model["chart"] = {{"any", show_chart}, {"block_md", show_chart ? m_chart_block : ""}};
  model["raw_table"] = {{"any", show_raw}, {"block_md", show_raw ? m_raw_block : ""}};
  model["environment"] = {{"any", show_env},
                          {"markdown_md", show_env ? *m_input->environment_markdown : ""}};
  model["truncated"] = !left_out.empty();
  if (!left_out.empty()) {
    model["truncation_note_md"] = truncation_note(left_out, m_input->run.run_url());
  }
  model["meta"] = m_meta;
  return model;
}

json build_comment_model(const CommentInput& input, const CommentDetail& detail) {
  return CommentModel(input).build(detail);
}

}  // namespace spyglass::render
