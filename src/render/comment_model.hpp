#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "spyglass/model/comparison.hpp"
#include "spyglass/model/run_context.hpp"

namespace spyglass::render {

// Everything a pull-request comment shows. Exactly one of `comparison` and `multi` is set.
struct CommentInput {
  std::string id = "default";                     // the hidden marker's id (`--id`)
  const model::Comparison* comparison = nullptr;  // compare: before vs after
  const model::MultiComparison* multi = nullptr;  // compare-many: baseline vs contenders
  std::vector<std::string> labels;  // compare-many column labels, baseline first; may be empty
  std::string raw_table;            // the comparison as asv-spyglass prints it
  std::optional<std::string> environment_markdown;  // what differs between the environments
  model::RunContext run;
  std::optional<std::string> dashboard_url;
};

// How much the comment shows. The fitter lowers these, least important first, until the comment
// fits GitHub's size limit; what is left out is counted and said.
struct CommentDetail {
  static constexpr std::size_t k_all = std::numeric_limits<std::size_t>::max();
  bool raw_table = true;
  bool environment = true;
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
  k_insignificant,   // ' ' with '~'
  k_unchanged,       // ' ' with a ratio
  k_not_comparable,  // 'x', or no ratio (missing, skipped, both failed)
};

// The verdict of one compared pair.
Verdict verdict_of(const model::ComparisonRow& row);

// The data model the comment template sees (documented in docs/templates.md). `{{name}}`-style
// fields hold plain text; fields ending in `_md` hold markdown for `{{{...}}}`.
nlohmann::ordered_json build_comment_model(const CommentInput& input, const CommentDetail& detail);

}  // namespace spyglass::render
