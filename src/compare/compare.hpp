#pragma once

#include <span>
#include <string>

#include "spyglass/model/asv_results.hpp"
#include "spyglass/model/benchmark_catalog.hpp"
#include "spyglass/model/comparison.hpp"

namespace spyglass::compare {

using model::k_default_factor;

// Compare `before` with `after` on the union of their benchmark names (spec 3.2, 3.4, 3.5):
// ratio, asv's change mark with its precedence, the statistical evidence and the `~` flag.
// Units come from `catalog` by exact benchmark name. Failed benchmarks are data, not errors.
// A row is bigger-is-better when its catalog entry says so or one of the `bigger_is_better`
// regular expressions (--bigger-is-better) matches its name anywhere; a bad pattern throws
// Error(k_bad_input) naming --bigger-is-better.
model::Comparison compare_results(const model::ResultFile& before, const model::ResultFile& after,
                                  const model::BenchmarkCatalog& catalog, double factor,
                                  std::span<const std::string> bigger_is_better = {});

// Compare `baseline` with each contender on the union of the names in all files (spec 3.8).
model::MultiComparison compare_many(const model::ResultFile& baseline,
                                    std::span<const model::ResultFile> contenders,
                                    const model::BenchmarkCatalog& catalog, double factor,
                                    std::span<const std::string> bigger_is_better = {});

}  // namespace spyglass::compare
