#pragma once

#include <optional>
#include <string>

#include "spyglass/github/client.hpp"
#include "spyglass/model/comparison.hpp"

namespace spyglass::github {

// When a comparison trips a gate (`--fail-on-regression`, `--draft-on-regression`). Rows on the
// ignore list never count.
struct GateThresholds {
  // A regression counts only when its ratio (after/before) is at least this; nullopt: every
  // significant regression counts. A regression whose ratio is unknown always counts.
  std::optional<double> fail_threshold;
  bool ignore_failures = false;  // newly failing benchmarks do not trip the gate
};

// What the gate saw; the counts are the same whatever `ignore_failures` says.
struct GateVerdict {
  int regressions = 0;    // '+' rows at or over the threshold
  int newly_failing = 0;  // '!' rows
  bool regression_detected = false;
};

// The verdict for one comparison, or for every contender of a compare-many run (counts summed).
GateVerdict evaluate_gate(const model::Comparison& comparison, const GateThresholds& thresholds);
GateVerdict evaluate_gate(const model::MultiComparison& comparison,
                          const GateThresholds& thresholds);

enum class DraftChange {
  k_converted,
  k_already_draft,  // nothing was sent
};

// Turn pull request `pr` of `repo` back into a draft (GraphQL convertPullRequestToDraft, with the
// PR's node_id from GET pulls/{pr}). Throws ApiError naming the PR and GitHub's message when
// GitHub refuses.
DraftChange convert_to_draft(Client& client, const std::string& repo, int pr);

}  // namespace spyglass::github
