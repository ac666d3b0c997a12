#include "spyglass/render/tabulate_github.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>
#include <string_view>
#include <system_error>

// Emulates tabulate 0.9.0 for the inputs spyglass produces. Not emulated, because spyglass cells
// never contain them: ANSI escape sequences (tabulate strips them for typing and widths), the
// SEPARATING_LINE marker "\x01" as a first or second cell, a "True"/"False" cell in a float column
// (tabulate raises ValueError; here the cell is kept as written) and Python 3.11's 4300-digit limit
// on int(). Unicode decimal digits are those of Python 3.11 (Unicode 14.0).

namespace spyglass::render {
namespace {

// tabulate's type lattice above None, in its order: a column takes the most generic type of its
// cells.
enum class CellType { k_bool, k_int, k_float, k_str };

// tabulate's alignments: "left" pads after the stripped text; "decimal" pads after so the points
// line up, then right-justifies.
enum class Align { k_left, k_decimal };

// A UTF-8 sequence decoded: the code point and how many bytes it used.
struct CodePoint {
  char32_t m_value;
  std::size_t m_size;
};

// Stands in for a malformed UTF-8 byte: neither whitespace nor a digit.
constexpr char32_t k_malformed = 0xFFFFFFFF;

// The code point of every Unicode decimal digit zero above ASCII; each starts a run of ten.
constexpr std::array<char32_t, 65> k_decimal_zeros = {
    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,   0xc66,
    0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,
    0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,
    0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
    0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec,
    0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0};

// Longest `%g` output at precision 6 ("-1.23457e-308" is 13 characters).
constexpr std::size_t k_max_general_size = 16;

// The code point starting at `text[pos]`; a malformed byte decodes alone as `k_malformed`.
CodePoint decode_at(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    return {lead, 1};
  }
  const std::size_t size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (size == 1 || pos + size > text.size()) {
    return {k_malformed, 1};
  }
  char32_t value = lead & (0x7F >> size);
  for (std::size_t i = 1; i < size; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if ((byte & 0xC0) != 0x80) {
      return {k_malformed, 1};
    }
    value = (value << 6) | (byte & 0x3F);
  }
  return {value, size};
}

// The code point that ends `text` (non-empty); a malformed tail decodes alone as `k_malformed`.
CodePoint decode_last(std::string_view text) {
  std::size_t start = text.size() - 1;
  while (start > 0 && text.size() - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  const CodePoint decoded = decode_at(text, start);
  if (start + decoded.m_size != text.size()) {
    return {k_malformed, 1};
  }
  return decoded;
}

// Python's `len()` of the string: the number of code points, i.e. of bytes that do not continue
// a UTF-8 sequence (10xxxxxx). Counts eight bytes at a time: this runs on every cell.
std::size_t code_point_count(std::string_view text) {
  constexpr std::uint64_t k_high_bits = 0x8080808080808080ULL;
  std::size_t continuations = 0;
  std::size_t pos = 0;
  for (; pos + sizeof(std::uint64_t) <= text.size(); pos += sizeof(std::uint64_t)) {
    std::uint64_t bytes = 0;
    std::memcpy(&bytes, text.data() + pos, sizeof bytes);
    // Bit 7 of each byte set and its bit 6 clear.
    continuations += static_cast<std::size_t>(std::popcount(bytes & ~(bytes << 1) & k_high_bits));
  }
  for (; pos < text.size(); ++pos) {
    continuations += (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80 ? 1 : 0;
  }
  return text.size() - continuations;
}

// Python's `str.isspace()` for one code point (what `str.strip()` removes).
bool is_python_space(char32_t c) {
  if (c < 0x80) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
  }
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// C's `Py_ISSPACE`: the ASCII whitespace that int() and float() skip around a number.
bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// The value of a non-ASCII Unicode decimal digit, or -1.
int unicode_decimal_value(char32_t c) {
  const auto after = std::upper_bound(k_decimal_zeros.begin(), k_decimal_zeros.end(), c);
  if (after == k_decimal_zeros.begin()) {
    return -1;
  }
  const char32_t offset = c - *(after - 1);
  return offset < 10 ? static_cast<int>(offset) : -1;
}

// Python's `str.strip()`.
std::string_view python_strip(std::string_view text) {
  while (!text.empty()) {
    const CodePoint first = decode_at(text, 0);
    if (!is_python_space(first.m_value)) {
      break;
    }
    text.remove_prefix(first.m_size);
  }
  while (!text.empty()) {
    const CodePoint last = decode_last(text);
    if (!is_python_space(last.m_value)) {
      break;
    }
    text.remove_suffix(last.m_size);
  }
  return text;
}

// The ASCII text int() and float() parse (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII):
// Unicode whitespace becomes ' ' and Unicode digits their ASCII digit. nullopt when another
// non-ASCII character makes the conversion fail. Non-ASCII input is rewritten into `scratch`.
std::optional<std::string_view> to_number_ascii(std::string_view text, std::string& scratch) {
  const bool ascii = std::none_of(text.begin(), text.end(),
                                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (ascii) {
    return text;
  }
  scratch.clear();
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint point = decode_at(text, pos);
    pos += point.m_size;
    if (point.m_value < 0x80) {
      scratch += static_cast<char>(point.m_value);
    } else if (is_python_space(point.m_value)) {
      scratch += ' ';
    } else if (const int digit = unicode_decimal_value(point.m_value); digit >= 0) {
      scratch += static_cast<char>('0' + digit);
    } else {
      return std::nullopt;
    }
  }
  return std::string_view(scratch);
}

// `text` without the ASCII whitespace int() and float() allow around a number.
std::string_view trim_ascii_space(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_ascii_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

// Whether Python's `int(text)` (base 10) succeeds on the ASCII form: [+-]digits with single
// underscores between digits, whitespace around.
bool is_python_int(std::string_view ascii) {
  std::string_view text = trim_ascii_space(ascii);
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    text.remove_prefix(1);
  }
  if (text.empty() || !is_ascii_digit(text.front()) || !is_ascii_digit(text.back())) {
    return false;
  }
  for (std::size_t i = 1; i < text.size(); ++i) {
    const bool lone_underscore = text[i] == '_' && is_ascii_digit(text[i - 1]);
    if (!is_ascii_digit(text[i]) && !lone_underscore) {
      return false;
    }
  }
  return true;
}

// Whether every '_' in `text` sits between two ASCII digits, as float() requires.
bool underscores_between_digits(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && (i == 0 || i + 1 == text.size() || !is_ascii_digit(text[i - 1]) ||
                           !is_ascii_digit(text[i + 1]))) {
      return false;
    }
  }
  return true;
}

// Whether `lower` equals `text` ignoring ASCII case (`lower` is lower-case).
bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  return std::equal(text.begin(), text.end(), lower.begin(), lower.end(), [](char a, char b) {
    return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
  });
}

// Whether an unsigned decimal that std::from_chars found out of range overflowed: its first
// significant digit plus its exponent lands above the units place (otherwise it underflowed).
bool overflows(std::string_view decimal) {
  constexpr long k_exponent_cap = 1'000'000;
  long magnitude = 0;
  bool significant = false;
  bool fraction = false;
  std::size_t pos = 0;
  for (; pos < decimal.size() && decimal[pos] != 'e' && decimal[pos] != 'E'; ++pos) {
    if (decimal[pos] == '.') {
      fraction = true;
    } else if (!fraction && (significant || decimal[pos] != '0')) {
      significant = true;
      ++magnitude;
    } else if (fraction && !significant) {
      significant = decimal[pos] != '0';
      magnitude -= significant ? 0 : 1;
    }
  }
  long exponent = 0;
  bool negative_exponent = false;
  for (++pos; pos < decimal.size(); ++pos) {
    if (decimal[pos] == '-') {
      negative_exponent = true;
    } else if (is_ascii_digit(decimal[pos])) {
      exponent = std::min(exponent * 10 + (decimal[pos] - '0'), k_exponent_cap);
    }
  }
  return magnitude + (negative_exponent ? -exponent : exponent) > 0;
}

// The double of an unsigned decimal already checked against float()'s grammar.
double decimal_value(std::string_view decimal) {
  double value = 0.0;
  const auto result = std::from_chars(decimal.data(), decimal.data() + decimal.size(), value);
  if (result.ec == std::errc::result_out_of_range) {
    return overflows(decimal) ? std::numeric_limits<double>::infinity() : 0.0;
  }
  return value;
}

// Python's `float(text)` on the ASCII form: nullopt where it raises ValueError. Accepts
// whitespace around, a sign, digits with '.' and an exponent, and inf/infinity/nan in any case.
std::optional<double> python_float(std::string_view ascii) {
  std::string without_underscores;
  if (ascii.find('_') != std::string_view::npos) {
    if (!underscores_between_digits(ascii)) {
      return std::nullopt;
    }
    std::copy_if(ascii.begin(), ascii.end(), std::back_inserter(without_underscores),
                 [](char c) { return c != '_'; });
    ascii = without_underscores;
  }
  std::string_view text = trim_ascii_space(ascii);
  const bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '+' || negative)) {
    text.remove_prefix(1);
  }
  const double sign = negative ? -1.0 : 1.0;
  std::size_t pos = 0;
  std::size_t digits = 0;
  const auto skip_digits = [&] {
    for (; pos < text.size() && is_ascii_digit(text[pos]); ++pos) {
      ++digits;
    }
  };
  skip_digits();
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    skip_digits();
  }
  if (digits == 0) {
    if (equals_ignoring_case(text, "inf") || equals_ignoring_case(text, "infinity")) {
      return sign * std::numeric_limits<double>::infinity();
    }
    if (equals_ignoring_case(text, "nan")) {
      return std::numeric_limits<double>::quiet_NaN();
    }
    return std::nullopt;
  }
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    std::size_t exponent = pos + 1;
    if (exponent < text.size() && (text[exponent] == '+' || text[exponent] == '-')) {
      ++exponent;
    }
    // An 'e' without digits after it is not part of the number, so the text is rejected below.
    if (exponent < text.size() && is_ascii_digit(text[exponent])) {
      pos = exponent;
      while (pos < text.size() && is_ascii_digit(text[pos])) {
        ++pos;
      }
    }
  }
  if (pos != text.size()) {
    return std::nullopt;
  }
  return sign * decimal_value(text);
}

// tabulate's `_type` of one cell given as a string (never None).
CellType cell_type(std::string_view cell, std::string& scratch) {
  if (cell == "True" || cell == "False") {
    return CellType::k_bool;
  }
  const std::optional<std::string_view> ascii = to_number_ascii(cell, scratch);
  if (!ascii) {
    return CellType::k_str;
  }
  if (is_python_int(*ascii)) {
    return CellType::k_int;
  }
  const std::optional<double> value = python_float(*ascii);
  if (!value) {
    return CellType::k_str;
  }
  // `_isnumber` only lets inf and nan through when spelled exactly inf, -inf or nan.
  const bool special = equals_ignoring_case(cell, "inf") || equals_ignoring_case(cell, "-inf") ||
                       equals_ignoring_case(cell, "nan");
  return std::isfinite(*value) || special ? CellType::k_float : CellType::k_str;
}

// The cell at `column` of `row`, or nullptr where the row is short (tabulate's None).
const std::string* cell_at(const std::vector<std::string>& row, std::size_t column) {
  return column < row.size() ? &row[column] : nullptr;
}

// tabulate's `_column_type`: the most generic cell type, starting from bool. Missing cells
// (tabulate's None) rank below bool, so they never change it.
CellType column_type(const std::vector<std::vector<std::string>>& rows, std::size_t column) {
  std::string scratch;
  CellType type = CellType::k_bool;
  for (const auto& row : rows) {
    if (const std::string* cell = cell_at(row, column)) {
      type = std::max(type, cell_type(*cell, scratch));
      if (type == CellType::k_str) {
        break;
      }
    }
  }
  return type;
}

// `_afterpoint` of a `%g` text: characters after the last '.', else after the 'e', else -1.
int decimals_after_point(std::string_view formatted) {
  std::size_t point = formatted.rfind('.');
  if (point == std::string_view::npos) {
    point = formatted.rfind('e');
  }
  return point == std::string_view::npos ? -1 : static_cast<int>(formatted.size() - point - 1);
}

// One column after tabulate's `_format` and `_align_column`, ready to pad to its width.
struct FormattedColumn {
  // Cell texts before padding, one per row; they may point into `m_storage`.
  std::vector<std::string_view> m_texts;
  // Code points of each text.
  std::vector<std::uint32_t> m_text_widths;
  // Spaces after each text that line the decimal points up (numeric columns).
  std::vector<std::uint32_t> m_trailing;
  // Backing text of the `%g`-reformatted cells of a float column; a vector (not a string, whose
  // small-string buffer would move) so the texts stay valid when the column is moved.
  std::vector<char> m_storage;
  Align m_align = Align::k_left;
  // The widest padded cell, in code points.
  std::size_t m_width = 0;
  // Bytes of the texts beyond one per code point, to size the output exactly.
  std::size_t m_extra_bytes = 0;
};

// Fills in the widths and the column width once `m_texts` and `m_trailing` are final.
void measure(FormattedColumn& column) {
  column.m_text_widths.reserve(column.m_texts.size());
  for (std::size_t row = 0; row < column.m_texts.size(); ++row) {
    const auto width = static_cast<std::uint32_t>(code_point_count(column.m_texts[row]));
    column.m_text_widths.push_back(width);
    column.m_extra_bytes += column.m_texts[row].size() - width;
    column.m_width = std::max<std::size_t>(column.m_width, width + column.m_trailing[row]);
  }
}

// A column whose cells keep their text: str and bool columns left-aligned with each cell
// `strip()`ped, int columns (`format(s, "")`) decimal-aligned exactly as written, which for ints
// needs no trailing spaces. Missing cells are empty.
FormattedColumn format_written_column(const std::vector<std::vector<std::string>>& rows,
                                      std::size_t column, Align align) {
  FormattedColumn formatted;
  formatted.m_align = align;
  formatted.m_texts.reserve(rows.size());
  for (const auto& row : rows) {
    const std::string* cell = cell_at(row, column);
    const std::string_view text = cell != nullptr ? std::string_view(*cell) : std::string_view();
    formatted.m_texts.push_back(align == Align::k_left ? python_strip(text) : text);
  }
  formatted.m_trailing.assign(rows.size(), 0);
  measure(formatted);
  return formatted;
}

// A float column: cells as `format(float(s), "g")`, padded after so the points line up, then
// right-aligned. Missing cells are empty; a bool cell (tabulate would raise) stays as written.
FormattedColumn format_float_column(const std::vector<std::vector<std::string>>& rows,
                                    std::size_t column) {
  FormattedColumn formatted;
  formatted.m_align = Align::k_decimal;
  // Reserved up front so that appending never moves the texts already pointing into it.
  formatted.m_storage.reserve(rows.size() * k_max_general_size);
  formatted.m_texts.reserve(rows.size());
  std::vector<int> decimals;
  decimals.reserve(rows.size());
  std::string scratch;
  for (const auto& row : rows) {
    const std::string* cell = cell_at(row, column);
    if (cell == nullptr || *cell == "True" || *cell == "False") {
      formatted.m_texts.push_back(cell != nullptr ? std::string_view(*cell) : std::string_view());
      decimals.push_back(-1);
      continue;
    }
    // The column type guarantees every remaining cell parses as an int or a float.
    const std::optional<double> value = python_float(*to_number_ascii(*cell, scratch));
    std::array<char, k_max_general_size> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), *value,
                                      std::chars_format::general, 6);
    const std::string_view text(buffer.data(),
                                static_cast<std::size_t>(result.ptr - buffer.data()));
    const char* stored = formatted.m_storage.data() + formatted.m_storage.size();
    formatted.m_storage.insert(formatted.m_storage.end(), text.begin(), text.end());
    formatted.m_texts.emplace_back(stored, text.size());
    decimals.push_back(decimals_after_point(text));
  }
  const int max_decimals = *std::max_element(decimals.begin(), decimals.end());
  formatted.m_trailing.reserve(rows.size());
  for (const int row_decimals : decimals) {
    formatted.m_trailing.push_back(static_cast<std::uint32_t>(max_decimals - row_decimals));
  }
  measure(formatted);
  return formatted;
}

// The column as tabulate formats and aligns it for its type.
FormattedColumn format_column(const std::vector<std::vector<std::string>>& rows,
                              std::size_t column) {
  switch (column_type(rows, column)) {
    case CellType::k_int:
      return format_written_column(rows, column, Align::k_decimal);
    case CellType::k_float:
      return format_float_column(rows, column);
    case CellType::k_bool:
    case CellType::k_str:
      break;
  }
  return format_written_column(rows, column, Align::k_left);
}

// Appends ` text |` with `text` (of `text_width` code points, then `trailing` spaces) padded to
// `width` on the side `align` says.
void append_cell(std::string& out, std::string_view text, std::size_t text_width,
                 std::size_t trailing, std::size_t width, Align align) {
  const std::size_t padding = width - text_width - trailing;
  out += ' ';
  if (align == Align::k_decimal) {
    out.append(padding, ' ');
  }
  out += text;
  out.append(trailing, ' ');
  if (align == Align::k_left) {
    out.append(padding, ' ');
  }
  out += " |";
}

// Appends `|---|---|` for the column widths (each widened by the two padding spaces).
void append_separator(std::string& out, const std::vector<std::size_t>& widths) {
  out += '|';
  for (const std::size_t width : widths) {
    out.append(width + 2, '-');
    out += '|';
  }
}

// The table of a header row alone (no data columns): every header left-aligned, two spaces wide.
std::string header_only_table(const std::vector<std::string_view>& headers) {
  std::string out = "|";
  std::vector<std::size_t> widths;
  for (const std::string_view header : headers) {
    const std::size_t width = code_point_count(header);
    widths.push_back(width + 2);
    append_cell(out, header, width, 0, width + 2, Align::k_left);
  }
  out += '\n';
  append_separator(out, widths);
  return out;
}

}  // namespace

std::string tabulate_github(const std::vector<std::string>& headers,
                            const std::vector<std::vector<std::string>>& rows) {
  // tabulate prepends "" headers when the first row has more cells than there are headers.
  std::vector<std::string_view> all_headers;
  if (!headers.empty() && !rows.empty() && rows.front().size() > headers.size()) {
    all_headers.assign(rows.front().size() - headers.size(), std::string_view());
  }
  all_headers.insert(all_headers.end(), headers.begin(), headers.end());

  std::size_t data_columns = 0;
  for (const auto& row : rows) {
    data_columns = std::max(data_columns, row.size());
  }
  if (data_columns == 0) {
    return headers.empty() ? std::string() : header_only_table(all_headers);
  }
  // Headers beyond the data columns are dropped, and so are data columns beyond the headers.
  const std::size_t columns =
      headers.empty() ? data_columns : std::min(all_headers.size(), data_columns);

  std::vector<FormattedColumn> formatted;
  formatted.reserve(columns);
  std::vector<std::size_t> widths;
  std::vector<std::size_t> header_widths;
  // Bytes of the whole table: every line is as wide in code points, plus the multi-byte extras.
  std::size_t line_size = 1;
  std::size_t extra_bytes = 0;
  for (std::size_t column = 0; column < columns; ++column) {
    formatted.push_back(format_column(rows, column));
    std::size_t width = formatted.back().m_width;
    if (!headers.empty()) {
      header_widths.push_back(code_point_count(all_headers[column]));
      width = std::max(width, header_widths.back() + 2);
      extra_bytes += all_headers[column].size() - header_widths.back();
    }
    extra_bytes += formatted.back().m_extra_bytes;
    widths.push_back(width);
    line_size += width + 3;
  }

  std::string out;
  out.reserve((line_size + 1) * (rows.size() + 2) + extra_bytes);
  if (headers.empty()) {
    // Without headers the github format draws its line above the first row instead.
    append_separator(out, widths);
  } else {
    out += '|';
    for (std::size_t column = 0; column < columns; ++column) {
      append_cell(out, all_headers[column], header_widths[column], 0, widths[column],
                  formatted[column].m_align);
    }
    out += '\n';
    append_separator(out, widths);
  }
  for (std::size_t row = 0; row < rows.size(); ++row) {
    out += "\n|";
    for (std::size_t column = 0; column < columns; ++column) {
      const FormattedColumn& cells = formatted[column];
      append_cell(out, cells.m_texts[row], cells.m_text_widths[row], cells.m_trailing[row],
                  widths[column], cells.m_align);
    }
  }
  return out;
}

}  // namespace spyglass::render
