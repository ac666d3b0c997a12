#pragma once

#include <optional>
#include <string>

#include "spyglass/model/number.hpp"

namespace spyglass::render {

// asv_runner's `human_float`: `significant` digits, exponent form outside 1e-5..1e9 (spec 3.3).
std::string human_float(double value, int significant = 3,
                        std::optional<int> truncate_small = std::nullopt,
                        bool significant_zeros = false);

// asv's `human_time`: seconds as `1.23ms`, `4.56±0.07μs` (UTF-8 μ and ±); "~0" from 100 52-week
// years up (and for inf), "n/a" for NaN.
std::string human_time(double seconds, std::optional<double> err = std::nullopt);

// asv's `human_file_size`: bytes as `123M`, `3.6k`. Where asv raises this returns "inf" (an
// infinite size, OverflowError) or "n/a" (NaN, ValueError).
std::string human_file_size(double size, std::optional<double> err = std::nullopt);

// asv's `human_value`: "failed" for nullopt, "n/a" for NaN, then by unit: `seconds` (human_time),
// `bytes` (human_file_size), else the JSON literal with an optional `±err`.
std::string human_value(const std::optional<model::Number>& value, const std::string& unit,
                        std::optional<double> err = std::nullopt);

// asv-spyglass's `human_value_fallback`: human_value when the unit is non-empty, else `%.3g` with
// `±%.1g` only for a non-zero err (spec 3.2). nullopt values print "failed".
std::string human_value_fallback(const std::optional<model::Number>& value,
                                 const std::optional<std::string>& unit,
                                 std::optional<double> err = std::nullopt);

// Python's `"%6.2f" % ratio`, unstripped (`  0.12` for 0.125: the exact binary value rounds).
std::string format_ratio_6_2f(double ratio);

}  // namespace spyglass::render
