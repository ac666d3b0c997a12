#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spyglass/model/comparison.hpp"
#include "spyglass/model/run_context.hpp"
#include "spyglass/render/change_chart.hpp"

namespace spyglass::render {

// Everything a pull-request comment shows. Exactly one of `comparison` and `multi` is set.
struct CommentInput {
  std::string id = "default";                     // the hidden marker's id (`--id`)
  const model::Comparison* comparison = nullptr;  // compare: before vs after
  const model::MultiComparison* multi = nullptr;  // compare-many: baseline vs contenders
  std::vector<std::string> labels;  // compare-many column labels, baseline first; may be empty
  // compare: the sides' names (`--label-before`, `--label-after`). The raw table drops them when
  // both files share machine and env (asv-spyglass does); the comment always names the sides so.
  std::optional<std::string> label_before;
  std::optional<std::string> label_after;
  std::string raw_table;                            // the comparison as asv-spyglass prints it
  std::optional<std::string> environment_markdown;  // what differs between the environments
  model::RunContext run;
  std::optional<std::string> dashboard_url;
  bool chart = true;  // a Mermaid chart of the largest changes (`--no-chart` turns it off)
  // This job's section of a shared comment (`--section`): becomes the title; nullopt: no sections.
  std::optional<std::string> section;
};

// How much the comment shows. The fitter lowers these, least important first, until the comment
// fits GitHub's size limit; what is left out is counted and said.
struct CommentDetail {
  static constexpr std::size_t k_all = std::numeric_limits<std::size_t>::max();
  bool raw_table = true;
  bool environment = true;
  bool chart = true;
  std::size_t other_rows = k_all;
  std::size_t improvement_rows = k_all;
  std::size_t regression_rows = k_all;
};

// How a benchmark (or a compare-many cell) fared, as the comment groups and counts it.
enum class Verdict {
  k_regressed,       // '+'
  k_failing,         // '!': fails now
  k_improved,        // '-'
  k_fixed,           // '*': failed before
  k_insignificant,   // ' ' with '~': beyond the factor, but the statistics do not support it
  k_within_factor,   // ' ': a changed ratio within the factor
  k_unchanged,       // ' ' with a ratio of exactly 1
  k_not_comparable,  // 'x', or no ratio (missing, skipped, both failed)
};

// The comment's title (`title` in the model); with sections, the title above them.
inline constexpr const char* k_comment_title = "Benchmark results";

inline constexpr std::size_t k_verdict_count = 8;

// Benchmarks per verdict, indexed by Verdict.
using VerdictCounts = std::array<std::size_t, k_verdict_count>;

// The verdict's key in the model's `counts`, e.g. "regressed".
std::string_view verdict_key(Verdict verdict);

// The model's `alert` for `counts`: its level (CAUTION, TIP, NOTE) and sentence (`text_md`).
nlohmann::ordered_json alert_json(const VerdictCounts& counts);

// The model's `headline_md` for `counts`: every non-zero count.
std::string headline_md(const VerdictCounts& counts);

// The hidden first line of the comment with `id`, by which spyglass finds its comment again.
std::string comment_marker(std::string_view id);

// The verdict of one compared pair.
Verdict verdict_of(const model::ComparisonRow& row);

// Benchmarks per verdict, with those on the ignore list apart: listed, but counted under no
// verdict. The one count the comment, --format json and the HTML report share.
struct VerdictTally {
  VerdictCounts by_verdict{};
  std::size_t ignored = 0;

  void add(Verdict verdict, bool on_ignore_list) {
    ++(on_ignore_list ? ignored : by_verdict[static_cast<std::size_t>(verdict)]);
  }
  void add(const model::ComparisonRow& row) { add(verdict_of(row), row.ignored); }
  // Every benchmark added, the ignored ones too.
  std::size_t total() const;
};

// compare-many's column labels, baseline first: `input.labels` when given, else each file's
// machine/env, followed by ` @ ` and the short commit when two files would read the same (and by
// ` #n`, the file's place, when even that does not tell them apart).
std::vector<std::string> column_labels(const CommentInput& input);

// The bars of the comment's chart: the largest significant changes (in compare-many each name
// followed by ` [contender label]`).
std::vector<ChartBar> comment_chart_bars(const CommentInput& input);

// The data model the comment template sees (documented in docs/templates.md), built for many
// details: the rows are formatted, grouped and sorted once, and each model cut from them.
// `{{name}}`-style fields hold plain text; fields ending in `_md` hold markdown for `{{{...}}}`,
// and `_html` ones text escaped for raw HTML. `input` must outlive the object.
class CommentModel {
 public:
  explicit CommentModel(const CommentInput& input);

  // The model with `detail`. A `row_cap` lists at most that many rows per group without counting
  // the rest as omitted: its comment is no longer than the real one, and cheaper to render.
  nlohmann::ordered_json build(const CommentDetail& detail,
                               std::size_t row_cap = CommentDetail::k_all) const;

  // Benchmarks per verdict (in compare-many, each by its worst cell).
  const VerdictCounts& counts() const { return m_verdict_counts; }

  // How many rows the regressions table has in full (regressions and new failures).
  std::size_t regression_count() const { return m_groups[0].size(); }

  // How many rows the model with `detail` and `row_cap` lists, in all groups.
  std::size_t listed_rows(const CommentDetail& detail,
                          std::size_t row_cap = CommentDetail::k_all) const;

 private:
  const CommentInput* m_input;
  nlohmann::ordered_json m_head;  // the fields before the counts, as the template sees them
  VerdictCounts m_verdict_counts{};
  nlohmann::ordered_json m_counts;
  nlohmann::ordered_json m_alert;
  std::string m_headline;
  nlohmann::ordered_json m_untested;  // the changes marked on the ratio alone, and the note on them
  std::string m_others_summary;
  std::string m_raw_block;    // the raw table as a code block
  std::string m_chart_block;  // the Mermaid chart of the largest changes; empty for none
  // Row indexes into the comparison (or compare-many benchmarks) per group, most severe first:
  // regressions, improvements, others.
  std::array<std::vector<std::size_t>, 3> m_groups;
  nlohmann::ordered_json m_meta;
  mutable std::vector<std::optional<nlohmann::ordered_json>> m_row_json;  // formatted on first use

  // The template's fields for row `index`.
  const nlohmann::ordered_json& row_json(std::size_t index) const;
  // Group `group` as the template sees it: its first `limit` rows, of which at most `cap` listed.
  nlohmann::ordered_json group_json(std::size_t group, std::size_t limit, std::size_t cap) const;
};

// The model of the comment with `detail` (one-off; see CommentModel).
nlohmann::ordered_json build_comment_model(const CommentInput& input, const CommentDetail& detail);

}  // namespace spyglass::render
