#include "spyglass/ingest/github_action_benchmark.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "spyglass/ingest/json_reader.hpp"
#include "spyglass/ingest/sampled_result.hpp"

namespace spyglass::ingest {
namespace {

using util::JsonValue;

// `text` without the blanks around it.
std::string_view trimmed(std::string_view text) {
  const auto start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) {
    return {};
  }
  return text.substr(start, text.find_last_not_of(" \t") - start + 1);
}

// A range written as text: an optional "±" or "+/-", a number, an optional "%" of `value`.
std::optional<double> range_from_text(std::string_view text, double value) {
  text = trimmed(text);
  for (const std::string_view sign : {std::string_view("\u00b1"), std::string_view("+/-")}) {
    if (text.starts_with(sign)) {
      text = trimmed(text.substr(sign.size()));
      break;
    }
  }
  const bool percent = text.ends_with('%');
  if (percent) {
    text = trimmed(text.substr(0, text.size() - 1));
  }
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return percent ? std::fabs(value) * number / 100 : number;
}

// The spread `range` gives `value` (in the file's unit), when it reads as a finite non-negative
// number; anything else is not a spread spyglass can use, and upstream shows it only as text.
std::optional<double> spread_of(const JsonValue* range, double value) {
  if (range == nullptr) {
    return std::nullopt;
  }
  std::optional<double> spread;
  if (range->is_number()) {
    spread = range->as_double();
  } else if (range->is_string()) {
    spread = range_from_text(range->as_string(), value);
  }
  if (!spread || !std::isfinite(*spread) || *spread < 0) {
    return std::nullopt;
  }
  return spread;
}

}  // namespace

LoadedResults parse_github_action_benchmark(std::string_view text, const std::string& display_name,
                                            model::Direction direction) {
  const std::string& file = display_name;
  const util::JsonDocument document = util::parse_python_json(text, file);
  const JsonValue& doc = document.root();
  const JsonPath root;
  if (!doc.is_array()) {
    fail_type(file, root, "a list of benchmarks", doc);
  }

  LoadedResults loaded;
  loaded.file.path = file;
  loaded.file.env_name = file_stem(file);
  loaded.file.results.reserve(doc.items().size());
  for (std::size_t i = 0; i < doc.items().size(); ++i) {
    const JsonValue& entry = doc.items()[i];
    const JsonPath where = root.index(i);
    require_object(file, where, entry);
    const std::string name(
        require_string(file, where.member("name"), require(file, where, entry, "name")));
    const std::string unit(
        require_string(file, where.member("unit"), require(file, where, entry, "unit")));
    const JsonValue& value_member = require(file, where, entry, "value");
    const double value = require_number(file, where.member("value"), value_member);
    const auto spread = spread_of(entry.find("range"), value);

    // A time is converted to seconds, as asv stores it; another unit keeps the file's number
    // (an integer literal prints as one).
    const std::optional<double> seconds = seconds_per_unit(unit);
    const double scale = seconds.value_or(1.0);
    model::BenchmarkResult result = stated_result(name, value * scale);
    result.value->is_integer = !seconds && value_member.type() == JsonValue::Type::k_integer;
    if (spread) {
      // The spread as an interquartile range: the table's `±` is half of it; without confidence
      // bounds the factor alone decides, as for a file without stats.
      model::Stats stats;
      stats.q_25 = (value - *spread) * scale;
      stats.q_75 = (value + *spread) * scale;
      result.stats = stats;
    }
    add_benchmark(loaded.catalog, name, seconds ? std::string(k_seconds_unit) : unit, direction);
    loaded.file.results.push_back(std::move(result));
  }
  return loaded;
}

}  // namespace spyglass::ingest
