#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spyglass/model/comparison.hpp"

namespace spyglass::ingest {

// --- Interface ---
// Reading single cells of a printed comparison table back into model values. Every function is
// pure and knows nothing of lines or files: it returns nullopt for text it cannot read, and the
// table parser turns that into a located error.

// A value cell read back: the measurement (its `text` is the cell verbatim) and the unit the cell
// implies (`seconds` for a time suffix, `bytes` for k/M/G/T/P/E, nullopt for a plain number).
struct ValueCell {
  model::Measurement measurement;
  std::optional<std::string> unit;
};

// Read a Before/After/Baseline value as asv or spyglass prints it: `failed` (no value), `n/a`
// (NaN, present), `nan` (NaN, absent: compare-many's missing baseline), `~0` (infinite time),
// `94.8±30μs`, `123M`, `1.00s`, `5.73m`, `42`, `9.48e-05±3e-05`. `+/-` is read as `±`, `us` and
// `µs` (U+00B5) as `μs`. Time suffixes: ns μs ms s m h d w y; byte suffixes (base 1000): k M G T P
// E.
std::optional<ValueCell> parse_value_cell(std::string_view text);

// A Ratio cell read back.
struct RatioCell {
  double ratio = 0.0;          // NaN for `n/a`
  bool insignificant = false;  // the `~` prefix
};

// Read `0.87`, `~3.00`, `5e+06` or `n/a`.
std::optional<RatioCell> parse_ratio_cell(std::string_view text);

// The change a Change-column mark stands for: blank, `-`, `+`, `!`, `*` or `x`.
std::optional<model::Change> parse_change_mark(std::string_view text);

// A compare-many contender cell split into its parts: `34.0±0.1μs (-  0.36)` gives value
// `34.0±0.1μs`, mark `-`, ratio `0.36`. The mark is the first character inside the parentheses
// when that is one of ` -+!*x`; otherwise there is none (k_none) and the whole inside is the ratio.
struct ContenderCellText {
  std::string_view value;
  model::Change change = model::Change::k_none;
  std::string_view ratio;
};
std::optional<ContenderCellText> split_contender_cell(std::string_view text);

// A benchmark name cell split into the name and a trailing ` [label]` suffix (without brackets):
// `b.time_x(1) [m/e1 -> m/e2]` gives `b.time_x(1)` and `m/e1 -> m/e2`.
struct NameAndLabel {
  std::string_view name;
  std::optional<std::string_view> label;
};
NameAndLabel split_env_label(std::string_view cell);

// The before and after halves of an `a -> b` label; nullopt for a one-sided label.
std::optional<std::pair<std::string_view, std::string_view>> split_label_pair(
    std::string_view label);

// The benchmark key and parameter reprs of an unrolled name: `b.t(10, 'a, b')` gives `b.t` and
// {`10`, `'a, b'`}. Parameters split on `, ` outside quotes and brackets; unbalanced quotes or
// brackets in an odd repr only stop the splitting. A name is opaque text a fork controls: one whose
// `(` is not closed at its end (`b.time_<script>alert(1)</script>`) is all key, with no parameters.
struct KeyAndParams {
  std::string key;
  std::vector<std::string> params;
};
KeyAndParams split_benchmark_name(std::string_view name);

// A Source for a `machine/env` label: split at the first `/` (machine names are folder names);
// a label without `/` (a user's --label) becomes the machine with an empty env.
model::Source source_from_label(std::string_view label);

// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

}  // namespace spyglass::ingest
