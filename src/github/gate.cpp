#include "spyglass/github/gate.hpp"

#include <fmt/format.h>

#include <cmath>

#include "spyglass/github/api_error.hpp"

namespace spyglass::github {

namespace {

constexpr const char* k_convert_to_draft =
    "mutation($id:ID!){ convertPullRequestToDraft(input:{pullRequestId:$id}){ "
    "pullRequest{ id number isDraft } } }";

// Add `comparison`'s rows to the counts of `verdict`.
void count_rows(const model::Comparison& comparison, const GateThresholds& thresholds,
                GateVerdict& verdict) {
  for (const auto& row : comparison.rows) {
    if (!model::counts_as_regression(row)) {
      continue;
    }
    if (row.change == model::Change::k_failure_introduced) {
      ++verdict.newly_failing;
    } else if (row.change == model::Change::k_regressed &&
               (!thresholds.fail_threshold || std::isnan(row.ratio) ||
                row.ratio >= *thresholds.fail_threshold)) {
      ++verdict.regressions;
    }
  }
}

GateVerdict decide(GateVerdict verdict, const GateThresholds& thresholds) {
  verdict.regression_detected =
      verdict.regressions > 0 || (!thresholds.ignore_failures && verdict.newly_failing > 0);
  return verdict;
}

}  // namespace

GateVerdict evaluate_gate(const model::Comparison& comparison, const GateThresholds& thresholds) {
  GateVerdict verdict;
  count_rows(comparison, thresholds, verdict);
  return decide(verdict, thresholds);
}

GateVerdict evaluate_gate(const model::MultiComparison& comparison,
                          const GateThresholds& thresholds) {
  GateVerdict verdict;
  for (const auto& contender : comparison.contenders) {
    count_rows(contender, thresholds, verdict);
  }
  return decide(verdict, thresholds);
}

DraftChange convert_to_draft(Client& client, const std::string& repo, int pr) {
  const PullRequest pull = client.get_pull(repo, pr);
  if (pull.draft) {
    return DraftChange::k_already_draft;
  }
  try {
    client.graphql(k_convert_to_draft, {{"id", pull.node_id}});
  } catch (const ApiError& e) {
    // GraphQL refuses a read-only token with HTTP 200 and an error; report it as the 403 that
    // REST sends, so that is_read_only_token() holds for both.
    const bool read_only = ApiError(403, e.github_message(), "").is_read_only_token();
    throw ApiError(read_only ? 403 : e.status(), e.github_message(),
                   fmt::format("cannot convert {}#{} to a draft: {}", repo, pr, e.what()));
  }
  return DraftChange::k_converted;
}

}  // namespace spyglass::github
