#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "spyglass/util/regex.hpp"

namespace spyglass::history {

// One result file's measurement of one benchmark combination.
struct Point {
  std::string commit;  // the full hash the file names
  std::int64_t date = 0;
  double value = 0.0;   // NaN when the benchmark failed or was skipped (spec history.md 2.1)
  double weight = 0.0;  // 2 / |ci_99_b − ci_99_a|; NaN when missing (spec 2.5)
};

// One benchmark × parameter combination × machine × env_name, its points in commit order:
// (date, commit hash) ascending (spec section 0, decision 1).
struct Series {
  std::string benchmark;  // the name as `compare` prints it: `key(p1, p2)`
  std::string machine;
  std::string env;
  std::optional<std::string> unit;  // benchmarks.json's
  std::vector<Point> points;
};

// Which series to build; an empty field selects everything.
struct SeriesFilter {
  std::optional<std::string> machine;
  std::optional<std::string> env;
  std::optional<util::Regex> benchmark;  // searched anywhere in the name
};

// The series of the asv results folders `folders` (each holding benchmarks.json and one folder
// per machine of result files), sorted by (benchmark, machine, env) as byte strings. A result
// counts when benchmarks.json has its benchmark, parameter combination and version (spec 2.1);
// series with no measured value are left out. Throws Error(k_bad_input) naming the folder or
// file: a folder that does not exist or has no benchmarks.json, a result file that is not an asv
// result file or has no commit date, and a folder with no result files at all.
std::vector<Series> load_series(const std::vector<std::string>& folders, const SeriesFilter& filter,
                                std::uint64_t max_input_size);

}  // namespace spyglass::history
