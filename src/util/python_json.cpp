#include "spyglass/util/python_json.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <unordered_set>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "spyglass/util/error.hpp"
#include "spyglass/util/utf8.hpp"

namespace spyglass::util {

// --- JsonValue ---------------------------------------------------------------

JsonValue::JsonValue(Type type, std::size_t size) : m_type(type) {
  if (size > k_max_size) {
    throw std::length_error("JsonValue: more than 2^32 - 1 bytes or elements");
  }
  m_size = static_cast<std::uint32_t>(size);
}

JsonValue JsonValue::boolean(bool b) {
  JsonValue value(Type::k_bool, 0);
  value.m_bool = b;
  return value;
}

JsonValue JsonValue::integer(std::int64_t i) {
  JsonValue value(Type::k_integer, 0);
  value.m_integer = i;
  return value;
}

JsonValue JsonValue::floating(double d) {
  JsonValue value(Type::k_float, 0);
  value.m_float = d;
  return value;
}

JsonValue JsonValue::string(std::string_view s) {
  JsonValue value(Type::k_string, s.size());
  value.m_chars = s.data();
  return value;
}

JsonValue JsonValue::array(std::span<const JsonValue> items) {
  JsonValue value(Type::k_array, items.size());
  value.m_items = items.data();
  return value;
}

JsonValue JsonValue::object(std::span<const JsonMember> members) {
  JsonValue value(Type::k_object, members.size());
  value.m_members = members.data();
  return value;
}

void JsonValue::expect(Type type) const {
  if (m_type != type) {
    throw std::logic_error(std::string("JsonValue: ") + describe(m_type) + ", not " +
                           describe(type));
  }
}

bool JsonValue::as_bool() const {
  expect(Type::k_bool);
  return m_bool;
}

std::int64_t JsonValue::as_integer() const {
  expect(Type::k_integer);
  return m_integer;
}

double JsonValue::as_double() const {
  switch (m_type) {
    case Type::k_integer:
      return static_cast<double>(m_integer);
    case Type::k_float:
      return m_float;
    default:
      return std::numeric_limits<double>::quiet_NaN();
  }
}

std::string_view JsonValue::as_string() const {
  expect(Type::k_string);
  return {m_chars, m_size};
}

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const JsonMember& member : members()) {
    if (member.key == key) {
      return &member.value;
    }
  }
  return nullptr;
}

const char* JsonValue::describe(Type type) {
  switch (type) {
    case Type::k_null:
      return "null";
    case Type::k_bool:
      return "a boolean";
    case Type::k_integer:
      return "an integer";
    case Type::k_float:
      return "a number";
    case Type::k_string:
      return "a string";
    case Type::k_array:
      return "an array";
    case Type::k_object:
      return "an object";
  }
  return "an unknown type";
}

// --- Parser ------------------------------------------------------------------

namespace {

constexpr int k_max_depth = 256;
constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view k_truncated = "unexpected end of file (truncated?)";
constexpr std::uint32_t k_replacement_character = 0xFFFD;

// The bytes that stand for themselves in a string: ASCII but for the quote, the backslash and the
// control characters.
constexpr std::array<bool, 256> k_literal_string_byte = [] {
  std::array<bool, 256> literal{};
  for (int c = 0x20; c < 0x80; ++c) {
    literal[c] = true;
  }
  literal['"'] = false;
  literal['\\'] = false;
  return literal;
}();

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_whitespace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Block scanners, for the long runs of string bytes and indentation in large files: the offset of
// the first byte of the 16 at `p` that ends the run, or 16 when none does. SSE2 (every x86-64)
// looks at the 16 at once.
constexpr std::size_t k_block = 16;

#if defined(__SSE2__)
// The first byte that does not stand for itself in a string: a quote, a backslash, a control
// character or a byte of a multi-byte UTF-8 character.
std::size_t first_special_string_byte(const char* p) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i special = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                   _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))),
      _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)));  // signed: control bytes and all of 0x80-0xFF
  const auto mask = static_cast<unsigned>(_mm_movemask_epi8(special));
  return mask == 0 ? k_block : static_cast<std::size_t>(__builtin_ctz(mask));
}

// The first byte that is not JSON whitespace.
std::size_t first_non_whitespace(const char* p) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i blank = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')),
                                                  _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))),
                                     _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')),
                                                  _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t'))));
  const unsigned mask = ~static_cast<unsigned>(_mm_movemask_epi8(blank)) & 0xFFFFU;
  return mask == 0 ? k_block : static_cast<std::size_t>(__builtin_ctz(mask));
}
#else
std::size_t first_special_string_byte(const char* p) {
  std::size_t i = 0;
  while (i < k_block && k_literal_string_byte[static_cast<unsigned char>(p[i])]) {
    ++i;
  }
  return i;
}

std::size_t first_non_whitespace(const char* p) {
  std::size_t i = 0;
  while (i < k_block && is_whitespace(p[i])) {
    ++i;
  }
  return i;
}
#endif

bool is_printable(char c) { return c > 0x20 && c < 0x7F; }

// Byte `c` as two uppercase hex digits.
std::string hex_byte(char c) {
  constexpr std::string_view k_hex = "0123456789ABCDEF";
  const auto byte = static_cast<unsigned char>(c);
  return {k_hex[byte >> 4], k_hex[byte & 0xF]};
}

// `c` for error messages: "character 'x'" when printable ASCII, else "byte 0x0A".
std::string describe_byte(char c) {
  if (is_printable(c)) {
    return std::string("character '") + c + "'";
  }
  return "byte 0x" + hex_byte(c);
}

// The value of hex digit `c`, or -1.
int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// Append code point `cp` (at most U+10FFFF) to `out` as UTF-8.
void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Python's dict semantics for duplicate keys: the first occurrence keeps its position and takes
// the value of the last one; later occurrences are dropped. Compacts `members` in place and
// returns how many remain.
std::size_t merge_duplicate_keys(std::span<JsonMember> members) {
  std::vector<std::size_t> order(members.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return members[a].key < members[b].key; });
  std::vector<bool> dropped(members.size(), false);
  for (std::size_t run = 0; run < order.size();) {
    std::size_t end = run + 1;
    while (end < order.size() && members[order[end]].key == members[order[run]].key) {
      ++end;
    }
    members[order[run]].value = members[order[end - 1]].value;
    for (std::size_t i = run + 1; i < end; ++i) {
      dropped[order[i]] = true;
    }
    run = end;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (!dropped[i]) {
      members[kept++] = members[i];
    }
  }
  return kept;
}

// True when two members share a key: quadratic for small objects, which is most of them, and
// hashed for large ones (a result file's `results` has one member per benchmark).
bool has_duplicate_keys(std::span<const JsonMember> members) {
  constexpr std::size_t k_small_object = 16;
  if (members.size() > k_small_object) {
    // The set lives in one arena: a node allocation per key cost more than hashing the key.
    std::pmr::monotonic_buffer_resource arena;
    std::pmr::unordered_set<std::string_view> keys(&arena);
    keys.reserve(members.size());
    return !std::all_of(members.begin(), members.end(),
                        [&](const JsonMember& member) { return keys.insert(member.key).second; });
  }
  for (std::size_t i = 1; i < members.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (members[i].key == members[j].key) {
        return true;
      }
    }
  }
  return false;
}

// What Python's float() gives for a well-formed `literal` that std::from_chars reports as out
// of range: ±inf when it overflows, ±0 when it underflows.
double out_of_range_value(std::string_view literal) {
  const bool negative = literal.starts_with('-');
  const std::size_t exponent_at = std::min(literal.find_first_of("eE"), literal.size());
  const std::size_t sign_length = negative ? 1 : 0;
  const std::string_view mantissa = literal.substr(sign_length, exponent_at - sign_length);
  // The value is about 0.D * 10^(magnitude + exponent), D being the first significant digits.
  const std::string_view whole = mantissa.substr(0, mantissa.find('.'));
  const std::string_view fraction =
      mantissa.substr(whole.size() + (whole.size() < mantissa.size()));
  const std::size_t whole_zeros = std::min(whole.find_first_not_of('0'), whole.size());
  const std::size_t fraction_zeros = std::min(fraction.find_first_not_of('0'), fraction.size());
  long magnitude = whole_zeros < whole.size() ? static_cast<long>(whole.size() - whole_zeros)
                                              : -static_cast<long>(fraction_zeros);
  std::string_view exponent = literal.substr(std::min(exponent_at + 1, literal.size()));
  const bool exponent_negative = exponent.starts_with('-');
  if (exponent.starts_with('-') || exponent.starts_with('+')) {
    exponent.remove_prefix(1);
  }
  constexpr long k_saturated = 1'000'000;
  long exponent_value = 0;
  for (const char digit : exponent) {
    exponent_value = std::min(k_saturated, exponent_value * 10 + (digit - '0'));
  }
  magnitude += exponent_negative ? -exponent_value : exponent_value;
  const double value = magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  return negative ? -value : value;
}

// What the parser keeps of a value.
enum class Keep { k_value, k_syntax_only };

// A string's UTF-8 contents: the input's own bytes when it has no escapes, else decoded into the
// parser's scratch buffer (valid until the next string is parsed).
struct ParsedString {
  std::string_view contents;
  bool decoded = false;
};

// A recursive-descent parser over one buffer. Finished children wait on shared stacks, and each
// array, object and decoded string is copied once, at its exact size, into the document's
// storage; strings without escapes stay where they are in the input.
class Parser {
 public:
  Parser(std::string_view text, const std::string& display_name, const JsonMemberFilter& filter,
         const JsonStream& stream, std::pmr::memory_resource& storage)
      : m_begin(text.data()),
        m_pos(text.data()),
        m_end(text.data() + text.size()),
        m_display_name(display_name),
        m_filter(filter),
        m_stream(stream),
        m_storage(&storage) {}

  JsonValue parse_document() {
    if (std::string_view(m_pos, static_cast<std::size_t>(m_end - m_pos)).starts_with(k_utf8_bom)) {
      m_pos += k_utf8_bom.size();
    }
    skip_whitespace();
    if (m_pos == m_end) {
      fail(m_pos, "file is empty");
    }
    const JsonValue root = parse_value(0, Keep::k_value);
    skip_whitespace();
    if (m_pos != m_end) {
      fail(m_pos, "unexpected " + describe_byte(*m_pos) + " after the JSON value");
    }
    return root;
  }

 private:
  // Throw the input error for the byte at `where`, located as LINE:COL (1-based, COL in bytes).
  [[noreturn]] void fail(const char* where, std::string_view what) const {
    std::size_t line = 1;
    const char* line_start = m_begin;
    for (const char* p = m_begin; p < where; ++p) {
      if (*p == '\n') {
        ++line;
        line_start = p + 1;
      }
    }
    const auto column = static_cast<std::size_t>(where - line_start) + 1;
    throw Error(ExitCode::k_bad_input, m_display_name + ":" + std::to_string(line) + ":" +
                                           std::to_string(column) + ": " + std::string(what));
  }

  [[noreturn]] void fail_truncated() const { fail(m_end, k_truncated); }

  std::size_t remaining() const { return static_cast<std::size_t>(m_end - m_pos); }

  // Advance m_pos over the bytes `accept` takes. The scan runs on a local pointer: the compiler
  // cannot keep m_pos in a register while reading chars, which may alias it.
  template <class Accept>
  void skip_while(Accept accept) {
    const char* pos = m_pos;
    while (pos < m_end && accept(*pos)) {
      ++pos;
    }
    m_pos = pos;
  }

  // Advance m_pos over the bytes `accept` takes, a block at a time while `first_stop` (a block
  // scanner with the same verdicts) has a whole block to look at.
  template <class FirstStop, class Accept>
  void skip_run(FirstStop first_stop, Accept accept) {
    const char* pos = m_pos;
    while (static_cast<std::size_t>(m_end - pos) >= k_block) {
      const std::size_t offset = first_stop(pos);
      pos += offset;
      if (offset < k_block) {
        m_pos = pos;
        return;
      }
    }
    m_pos = pos;
    skip_while(accept);
  }

  void skip_whitespace() {
    // Most runs are empty or one space (after ':' and ','): setting up a block costs more than
    // those, so blocks are for the longer runs (indentation).
    const bool long_run = remaining() >= 2 && is_whitespace(m_pos[0]) && is_whitespace(m_pos[1]);
    if (long_run) {
      skip_run(first_non_whitespace, is_whitespace);
    } else {
      skip_while(is_whitespace);
    }
  }

  // The current byte; the input must not be exhausted.
  char peek() const {
    if (m_pos == m_end) {
      fail_truncated();
    }
    return *m_pos;
  }

  // A copy of `run` in the document's storage.
  template <class T>
  std::span<const T> store(std::span<const T> run) {
    if (run.empty()) {
      return {};
    }
    T* copy = std::pmr::polymorphic_allocator<T>(m_storage).allocate(run.size());
    std::uninitialized_copy(run.begin(), run.end(), copy);
    return {copy, run.size()};
  }

  // `text` as the document keeps it: in place in the input, or copied out of m_scratch when
  // escapes were decoded there.
  std::string_view keep_string(const ParsedString& text) {
    if (!text.decoded) {
      return text.contents;
    }
    const std::span<const char> copy = store(std::span<const char>(text.contents));
    return {copy.data(), copy.size()};
  }

  // Parse the value starting at m_pos (no leading whitespace); `depth` counts enclosing containers.
  // With Keep::k_syntax_only it is checked just as strictly, and null comes back.
  JsonValue parse_value(int depth, Keep keep) {
    const char c = peek();
    switch (c) {
      case '{':
        return parse_object(depth + 1, keep);
      case '[':
        return parse_array(depth + 1, keep);
      case '"': {
        const ParsedString text = parse_string();
        return keep == Keep::k_value ? JsonValue::string(keep_string(text)) : JsonValue();
      }
      case 't':
        expect_literal("true");
        return JsonValue::boolean(true);
      case 'f':
        expect_literal("false");
        return JsonValue::boolean(false);
      case 'n':
        expect_literal("null");
        return JsonValue::null();
      case 'N':
        expect_literal("NaN");
        return JsonValue::floating(std::numeric_limits<double>::quiet_NaN());
      case 'I':
        expect_literal("Infinity");
        return JsonValue::floating(std::numeric_limits<double>::infinity());
      default:
        break;
    }
    if (c == '-' || is_digit(c)) {
      return parse_number(keep);
    }
    fail(m_pos, "unexpected " + describe_byte(c));
  }

  // Consume `word` at m_pos; a prefix of it cut off by the end of input counts as truncation.
  void expect_literal(std::string_view word) {
    const std::string_view here(m_pos, std::min(remaining(), word.size()));
    if (here == word) {
      m_pos += word.size();
      return;
    }
    if (remaining() < word.size() && word.starts_with(here)) {
      fail_truncated();
    }
    fail(m_pos, "invalid literal (expected '" + std::string(word) + "')");
  }

  void enter_container(int depth) const {
    if (depth > k_max_depth) {
      fail(m_pos, "nesting deeper than " + std::to_string(k_max_depth) + " levels");
    }
  }

  // An array; with Keep::k_syntax_only its elements are checked and dropped.
  JsonValue parse_array(int depth, Keep keep) {
    const std::size_t base = m_values.size();
    parse_elements(depth, keep, [this, keep](std::size_t /*index*/, const JsonValue& item) {
      if (keep == Keep::k_value) {
        m_values.push_back(item);
      }
    });
    const JsonValue array =
        JsonValue::array(store(std::span<const JsonValue>(m_values).subspan(base)));
    m_values.resize(base);
    return array;
  }

  // The streamed array (JsonStream): each element is built in a scratch arena, handed to the
  // reader and forgotten; the document keeps an empty array.
  JsonValue parse_streamed_array(int depth) {
    // A row-sized first block that release() keeps: no allocation per element.
    std::array<std::byte, 4096> first_block;
    std::pmr::monotonic_buffer_resource element_storage(first_block.data(), first_block.size());
    std::pmr::memory_resource* const document_storage = m_storage;
    m_storage = &element_storage;
    parse_elements(depth, Keep::k_value, [&](std::size_t index, const JsonValue& element) {
      m_stream.on_element(index, element);
      element_storage.release();
    });
    m_storage = document_storage;
    return JsonValue::array({});
  }

  // Parse the elements of the array whose '[' is at m_pos, passing each to `on_element(index,
  // element)`.
  template <class OnElement>
  void parse_elements(int depth, Keep keep, OnElement on_element) {
    enter_container(depth);
    ++m_pos;
    skip_whitespace();
    if (peek() == ']') {
      ++m_pos;
      return;
    }
    for (std::size_t index = 0;; ++index) {
      on_element(index, parse_value(depth, keep));
      skip_whitespace();
      const char c = peek();
      if (c == ']') {
        ++m_pos;
        return;
      }
      if (c != ',') {
        fail(m_pos, "expected ',' or ']' after array element");
      }
      ++m_pos;
      skip_whitespace();
      if (peek() == ']') {
        fail(m_pos, "trailing comma before ']'");
      }
    }
  }

  // An object; members the filter leaves out, and all of them with Keep::k_syntax_only, are
  // checked and dropped.
  JsonValue parse_object(int depth, Keep keep) {
    enter_container(depth);
    ++m_pos;
    skip_whitespace();
    if (peek() == '}') {
      ++m_pos;
      return JsonValue::object({});
    }
    const std::size_t base = m_members.size();
    for (;;) {
      if (peek() != '"') {
        fail(m_pos, "expected '\"' to start an object key");
      }
      const ParsedString key = parse_string();
      const Keep member_keep = keep == Keep::k_value && m_filter.keeps(depth, key.contents)
                                   ? Keep::k_value
                                   : Keep::k_syntax_only;
      const std::string_view stored_key =
          member_keep == Keep::k_value ? keep_string(key) : std::string_view();
      skip_whitespace();
      if (peek() != ':') {
        fail(m_pos, "expected ':' after object key");
      }
      ++m_pos;
      skip_whitespace();
      const bool streamed = depth == 1 && member_keep == Keep::k_value && !m_stream.key.empty() &&
                            key.contents == m_stream.key && peek() == '[';
      const JsonValue value =
          streamed ? parse_streamed_array(depth + 1) : parse_value(depth, member_keep);
      if (member_keep == Keep::k_value) {
        m_members.push_back({stored_key, value});
      }
      skip_whitespace();
      const char c = peek();
      if (c == '}') {
        ++m_pos;
        break;
      }
      if (c != ',') {
        fail(m_pos, "expected ',' or '}' after object member");
      }
      ++m_pos;
      skip_whitespace();
      if (peek() == '}') {
        fail(m_pos, "trailing comma before '}'");
      }
    }
    std::span<JsonMember> members = std::span<JsonMember>(m_members).subspan(base);
    if (has_duplicate_keys(members)) {
      members = members.first(merge_duplicate_keys(members));
    }
    const JsonValue object = JsonValue::object(store(std::span<const JsonMember>(members)));
    m_members.resize(base);
    return object;
  }

  // Parse the string whose opening quote is at m_pos.
  ParsedString parse_string() {
    ++m_pos;
    const char* run = m_pos;
    skip_literal_bytes();
    if (m_pos < m_end && *m_pos == '"') {
      ++m_pos;
      return {{run, static_cast<std::size_t>(m_pos - 1 - run)}, false};
    }
    // Escapes ahead: decode into the scratch buffer.
    m_scratch.assign(run, m_pos);
    for (;;) {
      const char c = peek();
      if (c == '"') {
        ++m_pos;
        return {m_scratch, true};
      }
      if (c != '\\') {
        fail(m_pos, "unescaped control character U+00" + hex_byte(c) + " in string");
      }
      parse_escape(m_scratch);
      run = m_pos;
      skip_literal_bytes();
      m_scratch.append(run, m_pos);
    }
  }

  // Advance m_pos over string bytes that stand for themselves, up to a quote, a backslash, a
  // control character or the end of input. Other characters must be well-formed UTF-8.
  void skip_literal_bytes() {
    for (;;) {
      skip_run(first_special_string_byte,
               [](char c) { return k_literal_string_byte[static_cast<unsigned char>(c)]; });
      if (m_pos == m_end || static_cast<unsigned char>(*m_pos) < 0x80) {
        return;
      }
      const std::size_t length = utf8_sequence_length(std::string_view(m_pos, remaining()));
      if (length == 0) {
        fail(m_pos, "invalid UTF-8 in string");
      }
      if (length > remaining()) {
        fail_truncated();
      }
      m_pos += length;
    }
  }

  // Decode the escape sequence whose backslash is at m_pos into `out`.
  void parse_escape(std::string& out) {
    const char* backslash = m_pos;
    ++m_pos;
    const char c = peek();
    ++m_pos;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out += c;
        return;
      case 'b':
        out += '\b';
        return;
      case 'f':
        out += '\f';
        return;
      case 'n':
        out += '\n';
        return;
      case 'r':
        out += '\r';
        return;
      case 't':
        out += '\t';
        return;
      case 'u':
        append_utf8(out, parse_unicode_escape(backslash));
        return;
      default:
        break;
    }
    if (is_printable(c)) {
      fail(backslash, std::string("invalid escape '\\") + c + "' in string");
    }
    fail(backslash, "invalid escape: '\\' followed by " + describe_byte(c) + " in string");
  }

  // The code point of a \uXXXX escape (m_pos after the 'u'), joining a following low surrogate
  // escape into one character. Lone surrogates become U+FFFD so the result stays valid UTF-8.
  std::uint32_t parse_unicode_escape(const char* backslash) {
    const std::uint32_t unit = parse_hex4(backslash);
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      return k_replacement_character;
    }
    if (unit < 0xD800 || unit > 0xDBFF) {
      return unit;
    }
    const bool low_follows = remaining() >= 6 && m_pos[0] == '\\' && m_pos[1] == 'u';
    if (!low_follows) {
      return k_replacement_character;
    }
    const char* saved = m_pos;
    m_pos += 2;
    const std::uint32_t low = parse_hex4(saved);
    if (low < 0xDC00 || low > 0xDFFF) {
      // Not a pair: the second escape is decoded on its own.
      m_pos = saved;
      return k_replacement_character;
    }
    return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
  }

  // Four hex digits at m_pos, for the escape starting at `backslash`.
  std::uint32_t parse_hex4(const char* backslash) {
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = hex_value(peek());
      if (digit < 0) {
        fail(backslash, "invalid \\u escape in string (expected 4 hex digits)");
      }
      value = (value << 4) | static_cast<std::uint32_t>(digit);
      ++m_pos;
    }
    return value;
  }

  // Parse a number (or -Infinity) at m_pos with Python's grammar:
  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
  // Only its syntax is checked with Keep::k_syntax_only: converting it could not fail.
  JsonValue parse_number(Keep keep) {
    const char* start = m_pos;
    if (*m_pos == '-') {
      ++m_pos;
      if (peek() == 'I') {
        expect_literal("Infinity");
        return JsonValue::floating(-std::numeric_limits<double>::infinity());
      }
    }
    if (peek() == '0') {
      ++m_pos;
      if (m_pos < m_end && is_digit(*m_pos)) {
        fail(start, "invalid number (leading zero)");
      }
    } else {
      expect_digits(start);
    }
    bool integral = true;
    if (m_pos < m_end && *m_pos == '.') {
      integral = false;
      ++m_pos;
      expect_digits(start);
    }
    if (m_pos < m_end && (*m_pos == 'e' || *m_pos == 'E')) {
      integral = false;
      ++m_pos;
      const char sign = peek();
      if (sign == '+' || sign == '-') {
        ++m_pos;
      }
      expect_digits(start);
    }
    if (keep == Keep::k_syntax_only) {
      return JsonValue();
    }
    if (integral) {
      std::int64_t i = 0;
      if (std::from_chars(start, m_pos, i).ec == std::errc()) {
        return JsonValue::integer(i);
      }
    }
    double d = 0.0;
    if (std::from_chars(start, m_pos, d).ec != std::errc()) {
      d = out_of_range_value(std::string_view(start, static_cast<std::size_t>(m_pos - start)));
    }
    return JsonValue::floating(d);
  }

  // Consume one or more digits, for the number starting at `start`.
  void expect_digits(const char* start) {
    if (!is_digit(peek())) {
      fail(start, "invalid number");
    }
    skip_while(is_digit);
  }

  std::vector<JsonValue> m_values;
  std::vector<JsonMember> m_members;
  std::string m_scratch;  // a string being decoded
  const char* m_begin;
  const char* m_pos;
  const char* m_end;
  const std::string& m_display_name;
  const JsonMemberFilter& m_filter;
  const JsonStream& m_stream;
  std::pmr::memory_resource* m_storage;
};

}  // namespace

JsonDocument parse_python_json(std::string_view text, const std::string& display_name,
                               const JsonMemberFilter& filter, const JsonStream& stream) {
  if (text.size() > JsonValue::k_max_size) {
    throw_input_error(display_name, "larger than 4 GiB, too large to read");
  }
  // The values take about as many bytes as the text, so one first block usually holds them all.
  auto storage = std::make_unique<std::pmr::monotonic_buffer_resource>(text.size());
  const JsonValue root = Parser(text, display_name, filter, stream, *storage).parse_document();
  return JsonDocument(std::move(storage), root);
}

}  // namespace spyglass::util
