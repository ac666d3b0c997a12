#include "support/compare_loaded.hpp"

#include "spyglass/compare/compare.hpp"
#include "spyglass/render/asv_table.hpp"

namespace spyglass::test {

std::string compare_loaded_text(const ingest::LoadedResults& before,
                                const ingest::LoadedResults& after) {
  model::BenchmarkCatalog catalog = before.catalog;
  catalog.by_name.insert(after.catalog.by_name.begin(), after.catalog.by_name.end());
  const model::Comparison comparison =
      compare::compare_results(before.file, after.file, catalog, compare::k_default_factor);
  return render::render_compare_text(comparison, render::CompareTableOptions{});
}

}  // namespace spyglass::test
