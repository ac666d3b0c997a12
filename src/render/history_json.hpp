#pragma once

#include <string>
#include <vector>

#include "spyglass/history/history.hpp"

namespace spyglass::render {

// `history --format json` (docs/history.md): schema_version 1 and one record per series, with
// its steps, asv's regressions by full commit hash, and asv's last and best values (null where
// asv reports nothing). Floats read back as the same doubles.
std::string render_history_json(const std::vector<history::SeriesHistory>& histories);

}  // namespace spyglass::render
