#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "spyglass/model/number.hpp"

namespace spyglass::model {

// The per-measurement statistics asv stores (`stats_*` columns). A key the file left null is
// absent; all absent is the empty dict, which disables the statistical test.
struct Stats {
  std::optional<double> ci_99_a;
  std::optional<double> ci_99_b;
  std::optional<double> q_25;
  std::optional<double> q_75;
  std::optional<double> number;
  std::optional<double> repeat;

  bool empty() const { return !ci_99_a && !ci_99_b && !q_25 && !q_75 && !number && !repeat; }
};

// One unrolled measurement: a benchmark, or one parameter combination of a parameterized one.
struct BenchmarkResult {
  std::string name;                 // display name: `key` or `key(p1, p2)` (spec 3.6)
  std::string key;                  // the benchmark's own name, as in benchmarks.json
  std::vector<std::string> params;  // this combination's repr strings, whitespace-collapsed
  // nullopt: the benchmark failed (JSON null). NaN: skipped (JSON NaN).
  std::optional<Number> value;
  std::optional<Stats> stats;                  // nullopt when the file stored no stats at all
  std::optional<std::vector<double>> samples;  // present with `asv run --record-samples`
  std::optional<std::string> version;          // the benchmark code's version hash
};

// An ordered list of string pairs, as the file wrote them.
using StringPairs = std::vector<std::pair<std::string, std::string>>;

// One asv result file (format 2, or format 1 converted as `asv update` does).
struct ResultFile {
  std::string path;      // as given on the command line; used in messages
  std::string machine;   // params.machine
  std::string env_name;  // env_name, or derived from python+requirements for format 1
  std::string commit_hash;
  std::optional<std::int64_t> date;  // JS milliseconds of the commit
  std::string python;
  StringPairs requirements;  // name -> pinned version ("" when unpinned)
  StringPairs params;        // machine facts, python and requirement versions, as text
  StringPairs env_vars;
  std::vector<BenchmarkResult> results;  // in file order, parameter combinations unrolled
};

}  // namespace spyglass::model
