#pragma once

#include <optional>
#include <string>

#include "spyglass/model/comparison.hpp"

namespace spyglass::render {

// From this factor of change on (either way), a change is stated as a factor, below as a percent.
inline constexpr double k_factor_wording_from = 2.0;

// The words for a ratio (after/before) above 1 and below 1.
struct ChangeWords {
  const char* grew = "larger";
  const char* shrank = "smaller";
};

// How `row`'s change reads: a timing (unit seconds, or no unit and asv's `time` prefix) that grew
// got slower; any other value grew larger. The one place that says which way is which.
ChangeWords change_words(const model::ComparisonRow& row);

// The row's ratio when it states a change: finite and positive, both sides finite (asv's `0.00`
// for an infinite base is arithmetic, not a speed-up). nullopt otherwise.
std::optional<double> change_ratio(const model::ComparisonRow& row);

// `ratio` (finite, positive) as the comment states a change (docs/templates.md, "Changes"):
// `0%` for exactly equal; below a factor of 2 either way the signed percent of the before value,
// one decimal from 1% (`+12.3%`, `-4.1%`), two significant digits below it (`+0.042%`), so no real
// change reads as zero; from a factor of 2 the factor with `words` (`2.31× slower`, `87.3× faster`,
// `318× faster`, `255,251,125,589× slower`).
std::string change_text(double ratio, const ChangeWords& words);

// The change of `row`, `~` first when it is insignificant; empty when it has no change ratio.
std::string change_text(const model::ComparisonRow& row);

}  // namespace spyglass::render
