#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "spyglass/model/direction.hpp"
#include "spyglass/model/number.hpp"

namespace spyglass::model {

// asv-spyglass's default significance factor (`--factor`), the default of every comparison.
inline constexpr double k_default_factor = 1.1;

// The mark asv prints in the Change column, in asv's precedence order (spec 3.4).
enum class Change {
  k_none,                // ' ': no significant change, both failed, or missing on one side
  k_improved,            // '-'
  k_regressed,           // '+'
  k_failure_introduced,  // '!': ran before, fails now
  k_failure_fixed,       // '*': failed before, runs now
  k_incomparable,        // 'x': the benchmark's version changed, or a side is infinite
};

// The colour group asv sorts a row into; `--split` prints one table per group.
enum class Section { k_improved, k_unchanged, k_regressed, k_incomparable };

// How the significance of a difference was decided, for the JSON output and the comment.
enum class Evidence {
  k_none,          // no numbers to compare (missing, skipped, failed, incomparable)
  k_factor_only,   // no usable stats (none stored, or repeat == 1): the factor alone decided
  k_mann_whitney,  // samples allowed the Mann-Whitney U test
  k_ci_overlap,    // the 99% confidence intervals decided
};

// One side of a comparison row.
struct Measurement {
  std::optional<Number> value;  // nullopt: failed; NaN: skipped or absent from the file
  std::optional<double> err;    // half the interquartile range, when the file stored stats
  bool present = false;         // the file has this benchmark at all
  // The cell exactly as a parsed comparison table printed it; renderers print it verbatim
  // rather than re-formatting the value.
  std::optional<std::string> text;
};

// One compared benchmark (one parameter combination).
struct ComparisonRow {
  std::string name;                 // unrolled display name, without the env suffix
  std::string key;                  // the benchmark's own name
  std::vector<std::string> params;  // this combination's repr strings
  Measurement before;
  Measurement after;
  std::optional<std::string> unit;  // from benchmarks.json; nullopt when unknown
  // Which way is better: it decides the mark (a bigger-is-better row that shrank regressed); the
  // ratio stays after/before either way, as asv prints it.
  Direction direction = Direction::k_smaller_is_better;
  double ratio = 0.0;              // after/before; NaN when not computable, inf when before is 0
  bool insignificant = false;      // '~': beyond the factor, but not statistically significant
  Change change = Change::k_none;  // the verdict spyglass acts on
  // What asv's table marks where spyglass gives no verdict but asv does: a side is infinite, and
  // asv ranks any finite value above it (docs/compatibility.md). nullopt: `change`.
  std::optional<Change> asv_table_change;
  Evidence evidence = Evidence::k_none;
  std::optional<double> p_value;  // with Evidence::k_mann_whitney
  // On the ignore list (`--ignore`): shown in the tables with its mark, but out of the exit code,
  // the gates and the comment's counts. Set by compare::apply_noise_rules only.
  bool ignored = false;

  // The change the asv-compatible tables print.
  Change table_change() const { return asv_table_change.value_or(change); }
};

// Where one side of a comparison came from.
struct Source {
  std::string path;
  std::string machine;
  std::string env_name;
  std::string commit_hash;

  // The `machine/env` label asv-spyglass prints. A side that knows only one of the two (a table
  // labelled `gcc`, a format without environments) is labelled by that one alone, not `gcc/`.
  std::string machine_env() const {
    if (machine.empty() || env_name.empty()) {
      return machine + env_name;
    }
    return machine + "/" + env_name;
  }
};

// A `--factor-for` rule that set the factor of some benchmarks, for the comment's note.
struct PatternFactor {
  std::string pattern;
  double factor = k_default_factor;
  std::size_t benchmarks = 0;  // how many benchmarks it set the factor of
};

// What the noise controls (compare::NoiseRules) did to a comparison; all zero without them.
struct NoiseSummary {
  std::size_t skipped = 0;  // benchmarks left out by `--bench` and `--skip`
  std::size_t ignored = 0;  // benchmarks kept but on the ignore list
  std::vector<PatternFactor> factors;

  bool any() const { return skipped > 0 || ignored > 0 || !factors.empty(); }
};

// Two result files compared benchmark by benchmark; rows sorted by name (code-point order).
struct Comparison {
  Source before;
  Source after;
  double factor = k_default_factor;
  std::vector<ComparisonRow> rows;
  NoiseSummary noise;
};

// A baseline compared with several contenders. Every contender's Comparison has the same rows
// in the same order: the sorted union of the names in all files.
struct MultiComparison {
  Source baseline;
  std::vector<Comparison> contenders;
  double factor = k_default_factor;
  NoiseSummary noise;  // the same for every contender: the rules go by benchmark name
};

// The mark character for `change` (' ', '-', '+', '!', '*', 'x').
char change_mark(Change change);

// The section a change belongs to.
Section section_of(Change change);

// True for the changes that count as regressions (`+` and `!`).
inline bool is_regression(Change change) {
  return change == Change::k_regressed || change == Change::k_failure_introduced;
}

// True for a row that counts as a regression: `+` or `!`, and not on the ignore list. The exit
// code, the gates, the annotations and the comment's counts all read this.
inline bool counts_as_regression(const ComparisonRow& row) {
  return !row.ignored && is_regression(row.change);
}

}  // namespace spyglass::model
