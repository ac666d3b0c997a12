#include "spyglass/render/change_text.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string_view>

namespace spyglass::render {
namespace {

// `value` (at least 1) rounded to an integer, its thousands separated by commas.
std::string grouped_integer(double value) {
  const auto digits = fmt::format("{:.0f}", value);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      grouped += ',';
    }
    grouped += digits[i];
  }
  return grouped;
}

// A factor of at least 2: three significant digits up to 100, whole numbers from there.
std::string factor_text(double factor) {
  if (factor < 10.0) {
    return fmt::format("{:.2f}", factor);
  }
  if (factor < 100.0) {
    return fmt::format("{:.1f}", factor);
  }
  return grouped_integer(factor);
}

bool is_timed(const model::ComparisonRow& row) {
  if (row.unit) {
    return *row.unit == "seconds";
  }
  const auto dot = row.key.rfind('.');
  return std::string_view(row.key)
      .substr(dot == std::string::npos ? 0 : dot + 1)
      .starts_with("time");
}

}  // namespace

ChangeWords change_words(const model::ComparisonRow& row) {
  return is_timed(row) ? ChangeWords{"slower", "faster"} : ChangeWords{};
}

std::optional<double> change_ratio(const model::ComparisonRow& row) {
  const auto infinite = [](const model::Measurement& side) {
    return side.value && std::isinf(side.value->value);
  };
  if (!std::isfinite(row.ratio) || row.ratio <= 0.0 || infinite(row.before) ||
      infinite(row.after)) {
    return std::nullopt;
  }
  return row.ratio;
}

std::string change_text(double ratio, const ChangeWords& words) {
  if (ratio == 1.0) {
    return "0%";
  }
  const double factor = ratio > 1.0 ? ratio : 1.0 / ratio;
  if (factor >= k_factor_wording_from) {
    return fmt::format("{}\u00D7 {}", factor_text(factor), ratio > 1.0 ? words.grew : words.shrank);
  }
  const double percent = (ratio - 1.0) * 100.0;
  return std::fabs(percent) >= 1.0 ? fmt::format("{:+.1f}%", percent)
                                   : fmt::format("{:+.2g}%", percent);
}

std::string change_text(const model::ComparisonRow& row) {
  const auto ratio = change_ratio(row);
  if (!ratio) {
    return "";
  }
  return (row.insignificant ? "~" : "") + change_text(*ratio, change_words(row));
}

}  // namespace spyglass::render
