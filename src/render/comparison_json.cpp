#include "spyglass/render/comparison_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>


namespace spyglass::render {
namespace {

using json = nlohmann::ordered_json;  // keys in the order written, for people reading it
using model::Change;
using model::ComparisonRow;
using model::Measurement;

const char* change_name(Change change) {
  switch (change) {
    case Change::k_none:
      return "unchanged";
    case Change::k_improved:
      return "improved";
    case Change::k_regressed:
      return "regressed";
    case Change::k_failure_introduced:
      return "failure_introduced";
    case Change::k_failure_fixed:
      return "failure_fixed";
    case Change::k_incomparable:
      return "incomparable";
  }
  return "unchanged";
}

const char* section_name(model::Section section) {
  switch (section) {
    case model::Section::k_improved:
      return "improved";
    case model::Section::k_unchanged:
      return "unchanged";
    case model::Section::k_regressed:
      return "regressed";
    case model::Section::k_incomparable:
      return "incomparable";
  }
  return "unchanged";
}

const char* evidence_name(model::Evidence evidence) {
  switch (evidence) {
    case model::Evidence::k_none:
      return "none";
    case model::Evidence::k_factor_only:
      return "factor";
    case model::Evidence::k_mann_whitney:
      return "mann-whitney";
    case model::Evidence::k_ci_overlap:
      return "ci-overlap";
  }
  return "none";
}

// JSON has no NaN or infinity: those become null, and `status` says why.
json number_or_null(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

json number_json(const model::Number& number) {
  if (!std::isfinite(number.value)) {
    return nullptr;
  }
  if (number.is_integer) {
    return static_cast<std::int64_t>(number.value);
  }
  return number.value;
}

const char* status_of(const Measurement& side) {
  if (!side.present) {
    return "missing";
  }
  if (!side.value) {
    return "failed";
  }
  return std::isnan(side.value->value) ? "skipped" : "ok";
}

json side_json(const Measurement& side, const std::string& display) {
  return json{
      {"status", status_of(side)},
      {"value", side.value ? number_json(*side.value) : json(nullptr)},
      {"err", side.err ? number_or_null(*side.err) : json(nullptr)},
      {"display", display},
  };
}

json source_json(const model::Source& source, const std::string& label) {
  return json{{"label", label},         {"file", source.path},
              {"machine", source.machine}, {"env", source.env_name},
              {"commit", source.commit_hash}};
}

// The verdict fields every compared pair shares.
void add_verdict(json& out, const ComparisonRow& row) {
  out["ratio"] = number_or_null(row.ratio);
  out["mark"] = std::string(1, model::change_mark(row.change));
  out["change"] = change_name(row.change);
  out["section"] = section_name(model::section_of(row.change));
  out["insignificant"] = row.insignificant;
  out["evidence"] = evidence_name(row.evidence);
  out["p_value"] = row.p_value ? json(*row.p_value) : json(nullptr);
}

json benchmark_identity(const ComparisonRow& row) {
  return json{{"name", row.name},
              {"benchmark", row.key},
              {"params", row.params},
              {"unit", row.unit ? json(*row.unit) : json(nullptr)}};
}

json counts_json(const std::vector<const ComparisonRow*>& rows) {
  json counts = {{"total", rows.size()}};
  for (auto change : {Change::k_none, Change::k_improved, Change::k_regressed,
                      Change::k_failure_introduced, Change::k_failure_fixed,
                      Change::k_incomparable}) {
    counts[change_name(change)] = 0;
  }
  for (const auto* row : rows) {
    counts[change_name(row->change)] = counts[change_name(row->change)].get<int>() + 1;
  }
  return counts;
}

}  // namespace

std::string render_compare_json(const model::Comparison& comparison, const RowFilter& filter,
                                SortOrder sort) {
  const auto rows = select_rows(comparison, filter, sort);
  json benchmarks = json::array();
  for (const auto* row : rows) {
    const auto cells = compare_cells(*row);
    json entry = benchmark_identity(*row);
    entry["before"] = side_json(row->before, cells.before);
    entry["after"] = side_json(row->after, cells.after);
    add_verdict(entry, *row);
    entry["ratio_display"] = cells.ratio;
    benchmarks.push_back(std::move(entry));
  }
  json out = {
      {"kind", "compare"},
      {"factor", comparison.factor},
      {"before", source_json(comparison.before, comparison.before.machine_env())},
      {"after", source_json(comparison.after, comparison.after.machine_env())},
      {"counts", counts_json(rows)},
      {"benchmarks", std::move(benchmarks)},
  };
  return out.dump(2) + "\n";
}

std::string render_compare_many_json(const model::MultiComparison& comparison,
                                     const std::vector<std::string>& labels) {
  auto label_of = [&](std::size_t i, const model::Source& source) {
    return labels.empty() ? source.machine_env() : labels[i];
  };
  json contenders = json::array();
  for (std::size_t i = 0; i < comparison.contenders.size(); ++i) {
    contenders.push_back(source_json(comparison.contenders[i].after,
                                     label_of(i + 1, comparison.contenders[i].after)));
  }
  json benchmarks = json::array();
  const std::size_t row_count =
      comparison.contenders.empty() ? 0 : comparison.contenders.front().rows.size();
  for (std::size_t r = 0; r < row_count; ++r) {
    const auto& first = comparison.contenders.front().rows[r];
    json entry = benchmark_identity(first);
    entry["baseline"] = side_json(first.before, baseline_value_text(first));
    json cells = json::array();
    for (const auto& contender : comparison.contenders) {
      const auto& row = contender.rows[r];
      json cell = side_json(row.after, contender_value_text(row));
      add_verdict(cell, row);
      cells.push_back(std::move(cell));
    }
    entry["contenders"] = std::move(cells);
    benchmarks.push_back(std::move(entry));
  }
  json out = {
      {"kind", "compare-many"},
      {"factor", comparison.factor},
      {"baseline", source_json(comparison.baseline, label_of(0, comparison.baseline))},
      {"contenders", std::move(contenders)},
      {"benchmarks", std::move(benchmarks)},
  };
  return out.dump(2) + "\n";
}

}  // namespace spyglass::render
