#pragma once

#include <span>
#include <string>

#include "spyglass/compare/noise_rules.hpp"
#include "spyglass/model/asv_results.hpp"
#include "spyglass/model/benchmark_catalog.hpp"
#include "spyglass/model/comparison.hpp"

namespace spyglass::compare {

using model::k_default_factor;

// Compare `before` with `after` on the union of their benchmark names (spec 3.2, 3.4, 3.5):
// ratio, asv's change mark with its precedence, the statistical evidence and the `~` flag.
// Units come from `catalog` by exact benchmark name. Failed benchmarks are data, not errors.
// `rules` select the benchmarks, set some factors by pattern, mark the ignored ones and name the
// bigger-is-better ones (a row is bigger-is-better when its catalog entry says so or a
// --bigger-is-better pattern matches its name anywhere).
model::Comparison compare_results(const model::ResultFile& before, const model::ResultFile& after,
                                  const model::BenchmarkCatalog& catalog, double factor,
                                  const NoiseRules& rules = {});

// Compare `baseline` with each contender on the union of the names in all files (spec 3.8).
model::MultiComparison compare_many(const model::ResultFile& baseline,
                                    std::span<const model::ResultFile> contenders,
                                    const model::BenchmarkCatalog& catalog, double factor,
                                    const NoiseRules& rules = {});

}  // namespace spyglass::compare
