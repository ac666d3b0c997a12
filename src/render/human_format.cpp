#include "spyglass/render/human_format.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <span>
#include <string_view>

#include "spyglass/util/python_repr.hpp"

namespace spyglass::render {

namespace {

// A human_time unit: its suffix and its length in seconds.
struct TimeUnit {
  std::string_view suffix;
  double seconds;
};

// asv_runner's `_human_time_units`; a month is a twelfth and a quarter a quarter of a 52-week year.
constexpr std::array<TimeUnit, 12> k_time_units{{
    {"ns", 1e-9},
    {"\u03bcs", 1e-6},
    {"ms", 1e-3},
    {"s", 1},
    {"m", 60},
    {"h", 60 * 60},
    {"d", 60 * 60 * 24},
    {"w", 60 * 60 * 24 * 7},
    {"M", 60 * 60 * 24 * 7 * 52 / 12},
    {"q", 60 * 60 * 24 * 7 * 52 / 4},
    {"y", 60 * 60 * 24 * 7 * 52},
    {"C", 60.0 * 60 * 24 * 7 * 52 * 100},
}};

// The units human_time falls back to when both the value and the err are zero.
constexpr std::array<TimeUnit, 2> k_zero_time_units{{{"s", 1}, {"m", 60}}};

// human_file_size's suffixes for powers of 1000; larger powers print '?'.
constexpr std::array<std::string_view, 8> k_size_suffixes{"", "k", "M", "G", "T", "P", "E", "H"};

constexpr std::string_view k_plus_minus = "\u00b1";

// `value` as C printf's `%.*e` (scientific), `%.*f` (fixed) or `%.*g` (general) writes it with
// `precision`: std::to_chars rounds the exact binary value half-even like printf and Python's
// `%`, without printf's cost. NaN loses its sign because Python never prints "-nan".
std::string format_double(double value, std::chars_format format, int precision) {
  if (std::isnan(value)) {
    value = std::fabs(value);
  }
  std::array<char, 64> buffer{};
  const auto result =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, format, precision);
  if (result.ec == std::errc()) {
    return std::string(buffer.data(), result.ptr);
  }
  // Fixed notation of a huge value: up to 309 digits, the sign, the point and `precision`.
  std::string out(static_cast<std::size_t>(precision) + 320, '\0');
  const auto long_result =
      std::to_chars(out.data(), out.data() + out.size(), value, format, precision);
  out.resize(static_cast<std::size_t>(long_result.ptr - out.data()));
  return out;
}

// Python's `f"{value:.{precision}g}"`.
std::string python_g(double value, int precision) {
  return format_double(value, std::chars_format::general, precision);
}

// Python's `"%d" % value`.
std::string integer_text(std::int64_t value) {
  std::array<char, 24> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

// Python's `int(round(value, -exponent))` for 0 <= `value` < 2^63 that is integral or rounded
// to a whole power of ten (`exponent` >= 0): ties go to even on the exact binary value.
std::int64_t round_to_power_of_ten(double value, int exponent) {
  const auto whole = static_cast<std::int64_t>(value);
  const double fraction = value - static_cast<double>(whole);
  if (exponent < 0) {
    return whole;
  }
  if (exponent > 18) {
    return 0;
  }
  std::int64_t unit = 1;
  for (int i = 0; i < exponent; ++i) {
    unit *= 10;
  }
  const std::int64_t remainder = whole % unit;
  const std::int64_t base = whole - remainder;
  // -1, 0, 1 as `remainder + fraction` is below, at or above half a unit.
  int versus_half = 0;
  if (unit == 1) {
    versus_half = fraction < 0.5 ? -1 : (fraction > 0.5 ? 1 : 0);
  } else {
    const std::int64_t half = unit / 2;
    versus_half = remainder < half ? -1 : (remainder > half || fraction > 0 ? 1 : 0);
  }
  const bool round_up = versus_half > 0 || (versus_half == 0 && (base / unit) % 2 == 1);
  return round_up ? base + unit : base;
}

// `numerator / unit` to 3 digits, `±` `err / unit` to 1 digit, then `suffix`, as human_time and
// human_file_size join them.
std::string value_with_err(double numerator, std::optional<double> err, double unit,
                           bool significant_zeros, std::string_view suffix) {
  std::string out = human_float(numerator / unit, 3, std::nullopt, significant_zeros);
  if (err) {
    out += k_plus_minus;
    out += human_float(*err / unit, 1, 2);
  }
  out += suffix;
  return out;
}

}  // namespace

std::string human_float(double value, int significant, std::optional<int> truncate_small,
                        bool significant_zeros) {
  if (value == 0) {
    return "0";
  }
  if (std::isnan(value)) {
    return "nan";
  }
  if (std::isinf(value)) {
    return value > 0 ? "inf" : "-inf";
  }
  std::string formatted = value < 0 ? "-" : "";
  const double magnitude_value = std::fabs(value);
  int magnitude = static_cast<int>(std::floor(std::log10(magnitude_value))) + 1;
  if (truncate_small) {
    magnitude = std::max(magnitude, -*truncate_small + 1);
  }
  const int num_digits = significant - magnitude;
  if (magnitude <= -5 || magnitude >= 9) {
    formatted += format_double(magnitude_value, std::chars_format::scientific, significant);
  } else if (magnitude_value == std::trunc(magnitude_value) || num_digits <= 0) {
    formatted += integer_text(round_to_power_of_ten(magnitude_value, -num_digits));
  } else {
    formatted += format_double(magnitude_value, std::chars_format::fixed, num_digits);
    if (!significant_zeros) {
      formatted.erase(formatted.find_last_not_of('0') + 1);
      if (formatted.back() == '.') {
        formatted.pop_back();
      }
    }
  }
  const auto length = static_cast<int>(formatted.size());
  if (significant_zeros && formatted.find('.') == std::string::npos && length < significant) {
    formatted += '.';
    formatted.append(static_cast<std::size_t>(significant - length), '0');
  }
  return formatted;
}

std::string human_time(double seconds, std::optional<double> err) {
  double scale = seconds;
  if (scale == 0 && err) {
    scale = *err;
  }
  if (std::isnan(scale)) {
    return "n/a";
  }
  const std::span<const TimeUnit> units = scale == 0 ? std::span<const TimeUnit>(k_zero_time_units)
                                                     : std::span<const TimeUnit>(k_time_units);
  for (std::size_t i = 0; i + 1 < units.size(); ++i) {
    if (scale < units[i + 1].seconds) {
      return value_with_err(seconds, err, units[i].seconds, true, units[i].suffix);
    }
  }
  return "~0";
}

std::string human_file_size(double size, std::optional<double> err) {
  if (std::isnan(size)) {
    return "n/a";
  }
  if (std::isinf(size) && size > 0) {
    return "inf";
  }
  if (size < 1) {
    size = 0.0;
  }
  const int num_scale =
      size == 0 ? 0 : static_cast<int>(std::floor(std::log(size) / std::log(1000.0)));
  const std::string_view suffix = num_scale < static_cast<int>(k_size_suffixes.size())
                                      ? k_size_suffixes[static_cast<std::size_t>(num_scale)]
                                      : "?";
  return value_with_err(size, err, std::pow(1000.0, num_scale), false, suffix);
}

std::string human_value(const std::optional<model::Number>& value, const std::string& unit,
                        std::optional<double> err) {
  if (!value) {
    return "failed";
  }
  if (std::isnan(value->value)) {
    return "n/a";
  }
  if (unit == "seconds") {
    return human_time(value->value, err);
  }
  if (unit == "bytes") {
    return human_file_size(value->value, err);
  }
  std::string out = value->is_integer ? format_double(value->value, std::chars_format::fixed, 0)
                                      : util::python_float_repr(value->value);
  if (err) {
    out += k_plus_minus;
    out += python_g(*err, 2);
  }
  return out;
}

std::string human_value_fallback(const std::optional<model::Number>& value,
                                 const std::optional<std::string>& unit,
                                 std::optional<double> err) {
  if (unit && !unit->empty()) {
    return human_value(value, *unit, err);
  }
  if (!value) {
    return "failed";
  }
  std::string out = python_g(value->value, 3);
  if (err && *err != 0) {
    out += k_plus_minus;
    out += python_g(*err, 1);
  }
  return out;
}

std::string format_ratio_6_2f(double ratio) {
  constexpr std::size_t k_width = 6;
  std::string text = format_double(ratio, std::chars_format::fixed, 2);
  if (text.size() < k_width) {
    text.insert(0, k_width - text.size(), ' ');
  }
  return text;
}

}  // namespace spyglass::render
