#pragma once

#include <string>

#include "spyglass/ingest/input_format.hpp"

namespace spyglass::test {

// `spyglass compare`'s default text for two loaded results of any format, without the CLI:
// compare_results on the union of their catalogs at asv-spyglass's default factor, then
// render_compare_text with default options.
std::string compare_loaded_text(const ingest::LoadedResults& before,
                                const ingest::LoadedResults& after);

}  // namespace spyglass::test
