#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "spyglass/model/comparison.hpp"
#include "spyglass/util/regex.hpp"

namespace spyglass::compare {

// `--factor-for PATTERN=FACTOR`: the factor of the benchmarks whose name the pattern matches.
struct FactorRule {
  util::Regex pattern;
  double factor;
};

// The noise controls (docs/noise-controls.md). Every pattern matches anywhere in a benchmark's
// full name, parameters included (`util::Regex::search`, as asv's `-b`).
struct NoiseRules {
  std::vector<util::Regex> bench;      // keep only the benchmarks one matches; none: keep all
  std::vector<util::Regex> skip;       // leave out the benchmarks one matches
  std::vector<util::Regex> ignore;     // keep, but out of the gates and counts (row.ignored)
  std::vector<FactorRule> factor_for;  // the first that matches sets the factor
  std::vector<util::Regex> bigger_is_better;  // bigger is better where one matches (a throughput)

  bool selects(std::string_view name) const;
  bool ignores(std::string_view name) const;
  bool bigger(std::string_view name) const;
  // The index in `factor_for` of the first rule matching `name`; nullopt for none.
  std::optional<std::size_t> factor_rule_of(std::string_view name) const;
  // The factor `name` is compared with: its rule's, else `factor`.
  double factor_of(std::string_view name, double factor) const;
};

// Whether a comparison's marks were decided here (with the rules' factors) or came ready-made in
// a printed table, where `--factor-for` cannot change them.
enum class Marks { k_compared, k_from_table };

// Drop the rows `rules` does not select, set `ignored` on the rest, and fill `comparison.noise`
// (the factor rules' counts only with Marks::k_compared). The one place the rules touch rows.
void apply_noise_rules(model::Comparison& comparison, const NoiseRules& rules, Marks marks);
void apply_noise_rules(model::MultiComparison& comparison, const NoiseRules& rules, Marks marks);

}  // namespace spyglass::compare
