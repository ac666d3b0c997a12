#include "spyglass/compare/noise_rules.hpp"

#include <algorithm>

namespace spyglass::compare {
namespace {

bool any_matches(const std::vector<util::Regex>& patterns, std::string_view name) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [name](const util::Regex& pattern) { return pattern.search(name); });
}

}  // namespace

bool NoiseRules::selects(std::string_view name) const {
  return (bench.empty() || any_matches(bench, name)) && !any_matches(skip, name);
}

bool NoiseRules::ignores(std::string_view name) const { return any_matches(ignore, name); }

bool NoiseRules::bigger(std::string_view name) const { return any_matches(bigger_is_better, name); }

std::optional<std::size_t> NoiseRules::factor_rule_of(std::string_view name) const {
  for (std::size_t i = 0; i < factor_for.size(); ++i) {
    if (factor_for[i].pattern.search(name)) {
      return i;
    }
  }
  return std::nullopt;
}

double NoiseRules::factor_of(std::string_view name, double factor) const {
  const auto rule = factor_rule_of(name);
  return rule ? factor_for[*rule].factor : factor;
}

void apply_noise_rules(model::Comparison& comparison, const NoiseRules& rules, Marks marks) {
  auto& rows = comparison.rows;
  const auto kept = std::stable_partition(
      rows.begin(), rows.end(),
      [&rules](const model::ComparisonRow& row) { return rules.selects(row.name); });
  model::NoiseSummary noise;
  noise.skipped = static_cast<std::size_t>(rows.end() - kept);
  rows.erase(kept, rows.end());
  std::vector<std::size_t> rule_uses(rules.factor_for.size(), 0);
  for (auto& row : rows) {
    row.ignored = rules.ignores(row.name);
    noise.ignored += row.ignored ? 1 : 0;
    if (marks == Marks::k_compared) {
      if (const auto rule = rules.factor_rule_of(row.name)) {
        ++rule_uses[*rule];
      }
    }
  }
  for (std::size_t i = 0; i < rule_uses.size(); ++i) {
    if (rule_uses[i] > 0) {
      const auto& rule = rules.factor_for[i];
      noise.factors.push_back({rule.pattern.pattern(), rule.factor, rule_uses[i]});
    }
  }
  comparison.noise = std::move(noise);
}

void apply_noise_rules(model::MultiComparison& comparison, const NoiseRules& rules, Marks marks) {
  for (auto& contender : comparison.contenders) {
    apply_noise_rules(contender, rules, marks);
  }
  if (!comparison.contenders.empty()) {
    comparison.noise = comparison.contenders.front().noise;
  }
}

}  // namespace spyglass::compare
