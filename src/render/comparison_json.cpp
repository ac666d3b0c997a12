#include "spyglass/render/comparison_json.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

#include "spyglass/render/comment_model.hpp"
#include "spyglass/util/json_writer.hpp"

namespace spyglass::render {
namespace {

using model::ComparisonRow;
using model::Measurement;

// A section by the verdict whose name it shares, so the JSON has one vocabulary.
std::string_view section_name(model::Section section) {
  switch (section) {
    case model::Section::k_improved:
      return verdict_key(Verdict::k_improved);
    case model::Section::k_regressed:
      return verdict_key(Verdict::k_regressed);
    case model::Section::k_incomparable:
      return verdict_key(Verdict::k_not_comparable);
    case model::Section::k_unchanged:
      break;
  }
  return verdict_key(Verdict::k_unchanged);
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

// `text` ending in a newline, as the commands print it.
std::string with_newline(std::string text) {
  text += '\n';
  return text;
}

// JSON has no NaN or infinity: those become null, and `status` says why. An integer literal
// beyond 64 bits is written as the float it was read as.
void write_number(util::JsonWriter& out, const model::Number& number) {
  if (!std::isfinite(number.value)) {
    out.null();
  } else if (const auto integer = number.as_int64()) {
    out.integer(*integer);
  } else {
    out.floating(number.value);
  }
}

// `value` or null.
void write_optional(util::JsonWriter& out, const std::optional<double>& value) {
  if (value) {
    out.floating(*value);
  } else {
    out.null();
  }
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

// The members describing one side of a comparison.
void write_side_members(util::JsonWriter& out, const Measurement& side,
                        const std::string& display) {
  out.key("status");
  out.string(status_of(side));
  out.key("value");
  if (side.value) {
    write_number(out, *side.value);
  } else {
    out.null();
  }
  out.key("err");
  write_optional(out, side.err);
  out.key("display");
  out.string(display);
}

void write_side(util::JsonWriter& out, const Measurement& side, const std::string& display) {
  out.begin_object();
  write_side_members(out, side, display);
  out.end_object();
}

void write_source(util::JsonWriter& out, const model::Source& source, const std::string& label) {
  out.begin_object();
  out.key("label");
  out.string(label);
  out.key("file");
  out.string(source.path);
  out.key("machine");
  out.string(source.machine);
  out.key("env");
  out.string(source.env_name);
  out.key("commit");
  out.string(source.commit_hash);
  out.end_object();
}

// The verdict members every compared pair shares.
void write_verdict(util::JsonWriter& out, const ComparisonRow& row) {
  out.key("ratio");
  out.floating(row.ratio);
  out.key("mark");
  out.string(std::string(1, model::change_mark(row.change)));
  out.key("change");
  out.string(verdict_key(verdict_of(row)));
  out.key("section");
  out.string(section_name(model::section_of(row.change)));
  out.key("insignificant");
  out.boolean(row.insignificant);
  out.key("ignored");
  out.boolean(row.ignored);
  out.key("evidence");
  out.string(evidence_name(row.evidence));
  out.key("p_value");
  write_optional(out, row.p_value);
}

// The members naming the benchmark of `row`.
void write_identity(util::JsonWriter& out, const ComparisonRow& row) {
  out.key("name");
  out.string(row.name);
  out.key("benchmark");
  out.string(row.key);
  out.key("params");
  out.begin_array();
  for (const auto& param : row.params) {
    out.string(param);
  }
  out.end_array();
  out.key("unit");
  if (row.unit) {
    out.string(*row.unit);
  } else {
    out.null();
  }
  out.key("direction");
  out.string(row.direction == model::Direction::k_bigger_is_better ? "bigger_is_better"
                                                                   : "smaller_is_better");
}

// The rows per verdict, as the comment counts them: a row on the ignore list under no verdict.
void write_counts(util::JsonWriter& out, const std::vector<const ComparisonRow*>& rows) {
  VerdictTally tally;
  for (const auto* row : rows) {
    tally.add(*row);
  }
  out.begin_object();
  out.key("total");
  out.integer(static_cast<std::int64_t>(rows.size()));
  for (std::size_t i = 0; i < tally.by_verdict.size(); ++i) {
    out.key(verdict_key(static_cast<Verdict>(i)));
    out.integer(static_cast<std::int64_t>(tally.by_verdict[i]));
  }
  out.key("ignored");
  out.integer(static_cast<std::int64_t>(tally.ignored));
  out.end_object();
}

// The members every document starts with.
void write_head(util::JsonWriter& out, const char* kind, double factor) {
  out.key("schema_version");
  out.integer(k_json_schema_version);
  out.key("kind");
  out.string(kind);
  out.key("factor");
  out.floating(factor);
}

}  // namespace

std::string render_compare_json(const model::Comparison& comparison, const RowFilter& filter,
                                SortOrder sort) {
  const auto rows = select_rows(comparison, filter, sort);
  util::JsonWriter out;
  out.begin_object();
  write_head(out, "compare", comparison.factor);
  out.key("before");
  write_source(out, comparison.before, comparison.before.machine_env());
  out.key("after");
  write_source(out, comparison.after, comparison.after.machine_env());
  out.key("counts");
  write_counts(out, rows);
  out.key("benchmarks");
  out.begin_array();
  for (const auto* row : rows) {
    const auto cells = compare_cells(*row);
    out.begin_object();
    write_identity(out, *row);
    out.key("before");
    write_side(out, row->before, cells.before);
    out.key("after");
    write_side(out, row->after, cells.after);
    write_verdict(out, *row);
    out.key("ratio_display");
    out.string(cells.ratio);
    out.end_object();
  }
  out.end_array();
  out.end_object();
  return with_newline(out.take());
}

std::string render_compare_many_json(const model::MultiComparison& comparison,
                                     const std::vector<std::string>& labels) {
  auto label_of = [&](std::size_t i, const model::Source& source) {
    return labels.empty() ? source.machine_env() : labels[i];
  };
  util::JsonWriter out;
  out.begin_object();
  write_head(out, "compare-many", comparison.factor);
  out.key("baseline");
  write_source(out, comparison.baseline, label_of(0, comparison.baseline));
  out.key("contenders");
  out.begin_array();
  for (std::size_t i = 0; i < comparison.contenders.size(); ++i) {
    const model::Source& source = comparison.contenders[i].after;
    write_source(out, source, label_of(i + 1, source));
  }
  out.end_array();
  out.key("benchmarks");
  out.begin_array();
  const std::size_t row_count =
      comparison.contenders.empty() ? 0 : comparison.contenders.front().rows.size();
  for (std::size_t r = 0; r < row_count; ++r) {
    const auto& first = comparison.contenders.front().rows[r];
    out.begin_object();
    write_identity(out, first);
    out.key("baseline");
    write_side(out, first.before, baseline_value_text(first));
    out.key("contenders");
    out.begin_array();
    for (const auto& contender : comparison.contenders) {
      const auto& row = contender.rows[r];
      out.begin_object();
      write_side_members(out, row.after, contender_value_text(row));
      write_verdict(out, row);
      out.end_object();
    }
    out.end_array();
    out.end_object();
  }
  out.end_array();
  out.end_object();
  return with_newline(out.take());
}

}  // namespace spyglass::render
