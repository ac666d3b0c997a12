#include "spyglass/ingest/table_cells.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace spyglass::ingest {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr double k_inf = std::numeric_limits<double>::infinity();
constexpr std::string_view k_plus_minus = "\xc2\xb1";  // ±, U+00B1
constexpr std::string_view k_plus_minus_ascii = "+/-";

// A unit suffix: the value is `literal * 10^exponent * factor` in `unit`.
struct Suffix {
  std::string_view text;
  const char* unit;
  int exponent;
  double factor;
};

// Longest first where one suffix ends another (`ns` before `s`, `ms` before `s`).
constexpr std::array<Suffix, 17> k_suffixes = {{
    {"ns", "seconds", -9, 1.0},
    {"\xce\xbcs", "seconds", -6, 1.0},  // μs, U+03BC (what asv prints)
    {"\xc2\xb5s", "seconds", -6, 1.0},  // µs, U+00B5 (the micro sign)
    {"us", "seconds", -6, 1.0},
    {"ms", "seconds", -3, 1.0},
    {"s", "seconds", 0, 1.0},
    {"m", "seconds", 0, 60.0},
    {"h", "seconds", 0, 3600.0},
    {"d", "seconds", 0, 86400.0},
    {"w", "seconds", 0, 604800.0},
    {"y", "seconds", 0, 31449600.0},  // asv's year: 52 weeks
    {"k", "bytes", 3, 1.0},
    {"M", "bytes", 6, 1.0},
    {"G", "bytes", 9, 1.0},
    {"T", "bytes", 12, 1.0},
    {"P", "bytes", 15, 1.0},
    {"E", "bytes", 18, 1.0},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Index just past a run of digits starting at `i`.
std::size_t skip_digits(std::string_view text, std::size_t i) {
  while (i < text.size() && is_digit(text[i])) {
    ++i;
  }
  return i;
}

// The parts of a decimal literal `-?D*(.D*)?([eE][+-]?D+)?` with at least one mantissa digit.
struct Literal {
  std::string_view mantissa;
  int exponent = 0;
  bool is_integer = true;  // no `.` and no exponent
};

std::optional<Literal> split_literal(std::string_view text) {
  std::size_t i = (!text.empty() && text[0] == '-') ? 1 : 0;
  const std::size_t int_end = skip_digits(text, i);
  std::size_t end = int_end;
  bool digits = int_end > i;
  Literal literal;
  if (end < text.size() && text[end] == '.') {
    const std::size_t frac_end = skip_digits(text, end + 1);
    digits = digits || frac_end > end + 1;
    end = frac_end;
    literal.is_integer = false;
  }
  if (!digits) {
    return std::nullopt;
  }
  literal.mantissa = text.substr(0, end);
  if (end == text.size()) {
    return literal;
  }
  if (text[end] != 'e' && text[end] != 'E') {
    return std::nullopt;
  }
  literal.is_integer = false;
  const bool plus = end + 1 < text.size() && text[end + 1] == '+';
  const bool sign = plus || (end + 1 < text.size() && text[end + 1] == '-');
  const std::size_t digits_start = end + 1 + (sign ? 1 : 0);
  if (digits_start == text.size() || skip_digits(text, digits_start) != text.size()) {
    return std::nullopt;
  }
  // from_chars takes a `-` but not a `+`; it fails only on overflow here.
  const char* first = text.data() + end + 1 + (plus ? 1 : 0);
  if (std::from_chars(first, text.data() + text.size(), literal.exponent).ec != std::errc()) {
    return std::nullopt;
  }
  return literal;
}

// `literal * 10^shift`, rounded once (the shift goes into the exponent, not a multiplication).
std::optional<double> literal_value(const Literal& literal, int shift) {
  const long long exponent = static_cast<long long>(literal.exponent) + shift;
  // mantissa + "e" + exponent, in a stack buffer for the usual short mantissa.
  constexpr std::size_t k_exponent_room = 24;
  std::array<char, 64> buffer{};
  std::string heap;
  char* first = buffer.data();
  if (literal.mantissa.size() + k_exponent_room > buffer.size()) {
    heap.resize(literal.mantissa.size() + k_exponent_room);
    first = heap.data();
  }
  char* last = std::copy(literal.mantissa.begin(), literal.mantissa.end(), first);
  *last++ = 'e';
  last = std::to_chars(last, last + k_exponent_room - 1, exponent).ptr;
  double value = 0.0;
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || ptr != last) {
    return std::nullopt;
  }
  return value;
}

bool is_infinity_text(std::string_view text) {
  return text == "inf" || text == "Infinity" || text == "-inf" || text == "-Infinity";
}

// A number as asv prints one without a unit: a decimal literal, or Python's/printf's infinity.
std::optional<model::Number> parse_number(std::string_view text) {
  if (is_infinity_text(text)) {
    return model::Number{text.starts_with('-') ? -k_inf : k_inf, false};
  }
  const auto literal = split_literal(text);
  if (!literal) {
    return std::nullopt;
  }
  const auto value = literal_value(*literal, 0);
  if (!value) {
    return std::nullopt;
  }
  return model::Number{*value, literal->is_integer};
}

// A number carrying `suffix`'s scale, in the suffix's unit.
std::optional<double> parse_scaled(std::string_view text, const Suffix& suffix) {
  const auto literal = split_literal(text);
  if (!literal) {
    return std::nullopt;
  }
  const auto value = literal_value(*literal, suffix.exponent);
  if (!value) {
    return std::nullopt;
  }
  return *value * suffix.factor;
}

// `text` split at its `±` (or `+/-`): the value part, and the err part when there is one.
std::pair<std::string_view, std::optional<std::string_view>> split_err(std::string_view text) {
  for (const auto separator : {k_plus_minus, k_plus_minus_ascii}) {
    const auto at = text.find(separator);
    if (at != std::string_view::npos) {
      return {text.substr(0, at), text.substr(at + separator.size())};
    }
  }
  return {text, std::nullopt};
}

ValueCell value_cell(std::string_view text, std::optional<model::Number> value, bool present) {
  ValueCell cell;
  cell.measurement.value = value;
  cell.measurement.present = present;
  cell.measurement.text = std::string(text);
  return cell;
}

// The unit suffix `tail` ends with; nullopt for a plain number (`Infinity` ends in no `y`ear).
const Suffix* find_suffix(std::string_view tail) {
  if (is_infinity_text(tail)) {
    return nullptr;
  }
  const auto found = std::find_if(k_suffixes.begin(), k_suffixes.end(),
                                  [&](const auto& suffix) { return tail.ends_with(suffix.text); });
  return found == k_suffixes.end() ? nullptr : &*found;
}

// A measured value with an optional err, plain or with a unit suffix on the last part.
std::optional<ValueCell> parse_measured(std::string_view text) {
  const auto [value_part, err_part] = split_err(text);
  const std::string_view tail = err_part ? *err_part : value_part;
  const Suffix* suffix = find_suffix(tail);
  if (suffix == nullptr) {
    const auto value = parse_number(value_part);
    const auto err = err_part ? parse_number(*err_part) : std::nullopt;
    if (!value || (err_part && !err)) {
      return std::nullopt;
    }
    auto cell = value_cell(text, value, true);
    if (err) {
      cell.measurement.err = err->value;
    }
    return cell;
  }
  const auto unscaled_tail = tail.substr(0, tail.size() - suffix->text.size());
  const auto value = parse_scaled(err_part ? value_part : unscaled_tail, *suffix);
  const auto err = err_part ? parse_scaled(unscaled_tail, *suffix) : std::nullopt;
  if (!value || (err_part && !err)) {
    return std::nullopt;
  }
  auto cell = value_cell(text, model::Number{*value, false}, true);
  cell.measurement.err = err;
  cell.unit = suffix->unit;
  return cell;
}

bool is_mark_char(char c) {
  return c == ' ' || c == '-' || c == '+' || c == '!' || c == '*' || c == 'x';
}

}  // namespace

std::string_view trim(std::string_view text) {
  // A plain loop: find_first_not_of calls memchr once per character.
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && blank(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && blank(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::optional<ValueCell> parse_value_cell(std::string_view text) {
  if (text == "failed") {
    return value_cell(text, std::nullopt, true);
  }
  if (text == "n/a") {
    return value_cell(text, model::Number{k_nan, false}, true);
  }
  if (text == "nan") {
    return value_cell(text, model::Number{k_nan, false}, false);
  }
  if (text == "~0") {
    auto cell = value_cell(text, model::Number{k_inf, false}, true);
    cell.unit = "seconds";
    return cell;
  }
  return parse_measured(text);
}

std::optional<RatioCell> parse_ratio_cell(std::string_view text) {
  if (text == "n/a") {
    return RatioCell{k_nan, false};
  }
  const bool insignificant = text.starts_with('~');
  const auto number = parse_number(insignificant ? text.substr(1) : text);
  if (!number) {
    return std::nullopt;
  }
  return RatioCell{number->value, insignificant};
}

std::optional<model::Change> parse_change_mark(std::string_view text) {
  if (text.empty() || text == " ") {
    return model::Change::k_none;
  }
  if (text.size() != 1) {
    return std::nullopt;
  }
  switch (text[0]) {
    case '-':
      return model::Change::k_improved;
    case '+':
      return model::Change::k_regressed;
    case '!':
      return model::Change::k_failure_introduced;
    case '*':
      return model::Change::k_failure_fixed;
    case 'x':
      return model::Change::k_incomparable;
    default:
      return std::nullopt;
  }
}

std::optional<ContenderCellText> split_contender_cell(std::string_view text) {
  const auto open = text.rfind('(');
  if (open == std::string_view::npos || !text.ends_with(')')) {
    return std::nullopt;
  }
  ContenderCellText cell;
  cell.value = trim(text.substr(0, open));
  auto inside = text.substr(open + 1, text.size() - open - 2);
  if (!inside.empty() && is_mark_char(inside[0])) {
    cell.change = *parse_change_mark(inside.substr(0, 1));
    inside.remove_prefix(1);
  }
  cell.ratio = trim(inside);
  return cell;
}

NameAndLabel split_env_label(std::string_view cell) {
  // A label holds no brackets, so its `[` is the last one.
  const auto open = cell.rfind('[');
  if (!cell.ends_with(']') || open == std::string_view::npos || open == 0 ||
      cell[open - 1] != ' ') {
    return {cell, std::nullopt};
  }
  const auto label = cell.substr(open + 1, cell.size() - open - 2);
  if (label.empty() || label.find(']') != std::string_view::npos) {
    return {cell, std::nullopt};
  }
  return {cell.substr(0, open - 1), label};
}

std::optional<std::pair<std::string_view, std::string_view>> split_label_pair(
    std::string_view label) {
  constexpr std::string_view k_arrow = " -> ";
  const auto arrow = label.find(k_arrow);
  if (arrow == std::string_view::npos) {
    return std::nullopt;
  }
  return std::pair{label.substr(0, arrow), label.substr(arrow + k_arrow.size())};
}

KeyAndParams split_benchmark_name(std::string_view name) {
  const auto open = name.find('(');
  if (open == std::string_view::npos || !name.ends_with(')')) {
    return KeyAndParams{std::string(name), {}};
  }
  KeyAndParams out{std::string(name.substr(0, open)), {}};
  const auto inside = name.substr(open + 1, name.size() - open - 2);
  if (inside.empty()) {
    return out;
  }
  int depth = 0;
  char quote = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < inside.size(); ++i) {
    const char c = inside[i];
    if (quote != 0) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      depth = depth > 0 ? depth - 1 : 0;
    } else if (c == ',' && depth == 0 && i + 1 < inside.size() && inside[i + 1] == ' ') {
      out.params.emplace_back(inside.substr(start, i - start));
      start = i + 2;
      ++i;
    }
  }
  out.params.emplace_back(inside.substr(start));
  return out;
}

model::Source source_from_label(std::string_view label) {
  model::Source source;
  const auto slash = label.find('/');
  source.machine = std::string(label.substr(0, slash));
  if (slash != std::string_view::npos) {
    source.env_name = std::string(label.substr(slash + 1));
  }
  return source;
}

}  // namespace spyglass::ingest
