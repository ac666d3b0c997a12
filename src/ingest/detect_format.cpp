#include "spyglass/ingest/detect_format.hpp"

#include <cstddef>
#include <functional>
#include <string_view>

namespace spyglass::ingest {
namespace {

// A forward-only reader of JSON's shape: it finds object keys and skips values without
// building or checking them (the format's reader parses the file properly afterwards).
// Every step returns false on text it cannot follow, which leaves the format undecided.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : m_text(text) {}

  // The next non-space character, or '\0' at the end.
  char peek() {
    while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' ||
                                     m_text[m_pos] == '\r' || m_text[m_pos] == '\t')) {
      ++m_pos;
    }
    return m_pos < m_text.size() ? m_text[m_pos] : '\0';
  }

  bool consume(char c) {
    if (peek() != c) {
      return false;
    }
    ++m_pos;
    return true;
  }

  // A string's raw contents (escapes left as written).
  bool string(std::string_view& contents) {
    if (!consume('"')) {
      return false;
    }
    const std::size_t start = m_pos;
    for (; m_pos < m_text.size(); ++m_pos) {
      if (m_text[m_pos] == '\\') {
        ++m_pos;
      } else if (m_text[m_pos] == '"') {
        contents = m_text.substr(start, m_pos - start);
        ++m_pos;
        return true;
      }
    }
    return false;
  }

  // Skip one value of any kind.
  bool skip_value() {
    const char first = peek();
    if (first == '"') {
      std::string_view ignored;
      return string(ignored);
    }
    if (first != '{' && first != '[') {
      const std::size_t start = m_pos;
      while (m_pos < m_text.size() &&
             std::string_view(",]} \n\r\t").find(m_text[m_pos]) == std::string_view::npos) {
        ++m_pos;
      }
      return m_pos > start;
    }
    std::size_t depth = 0;
    while (m_pos < m_text.size()) {
      const char c = m_text[m_pos];
      if (c == '"') {
        std::string_view ignored;
        if (!string(ignored)) {
          return false;
        }
        continue;
      }
      ++m_pos;
      if (c == '{' || c == '[') {
        ++depth;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return true;
      }
    }
    return false;
  }

  // Call `on_key(key)` at each member of the object here, positioned at the member's value; it
  // returns true to stop, else the value is skipped (unless on_key consumed it). Returns whether
  // on_key stopped the walk.
  bool members(const std::function<bool(std::string_view)>& on_key) {
    if (!consume('{') || consume('}')) {
      return false;
    }
    do {
      std::string_view key;
      if (!string(key) || !consume(':')) {
        return false;
      }
      const std::size_t value_start = m_pos;
      if (on_key(key)) {
        return true;
      }
      m_pos = value_start;
      if (!skip_value()) {
        return false;
      }
    } while (consume(','));
    return false;
  }

 private:
  std::string_view m_text;
  std::size_t m_pos = 0;
};

// What the first element of the list at the scanner's position holds.
struct FirstEntry {
  bool list = false;   // the value is a list
  bool empty = false;  // ... with no element
  bool command = false, times = false, run_type = false, real_time = false, stats = false;
  bool name = false, unit = false, value = false;
};

FirstEntry first_entry(Scanner& scanner) {
  FirstEntry entry;
  if (!scanner.consume('[')) {
    return entry;
  }
  entry.list = true;
  if (scanner.peek() == ']') {
    entry.empty = true;
    return entry;
  }
  scanner.members([&](std::string_view key) {
    entry.command |= key == "command";
    entry.times |= key == "times";
    entry.run_type |= key == "run_type";
    entry.real_time |= key == "real_time";
    entry.stats |= key == "stats";
    entry.name |= key == "name";
    entry.unit |= key == "unit";
    entry.value |= key == "value";
    return false;
  });
  return entry;
}

}  // namespace

std::optional<InputFormat> detect_format(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  if (text.starts_with("# pytest-jax-bench")) {
    return InputFormat::k_ptjb;
  }
  Scanner scanner(text);
  if (scanner.peek() == '[') {
    // Only github-action-benchmark's custom JSON is a list; which way is better it does not say.
    const FirstEntry entry = first_entry(scanner);
    if (entry.empty || (entry.name && entry.unit && entry.value)) {
      return InputFormat::k_custom_smaller_is_better;
    }
    return std::nullopt;
  }
  std::optional<InputFormat> found;
  bool context = false;
  bool machine_info = false;
  std::optional<FirstEntry> benchmarks;
  // gbench and pytest-benchmark name `benchmarks` after the key that tells them apart.
  const auto decide_benchmarks = [&] {
    if (!benchmarks) {
      return;
    }
    if (context && (benchmarks->empty || benchmarks->run_type || benchmarks->real_time)) {
      found = InputFormat::k_gbench;
    } else if (machine_info && (benchmarks->empty || benchmarks->stats)) {
      found = InputFormat::k_pytest_benchmark;
    }
  };
  scanner.members([&](std::string_view key) {
    if (key == "commit_hash" || key == "result_columns" || key == "env_name") {
      found = InputFormat::k_asv;
    } else if (key == "results") {
      if (scanner.peek() == '{') {
        found = InputFormat::k_asv;
      } else if (const FirstEntry entry = first_entry(scanner);
                 entry.empty || (entry.command && entry.times)) {
        found = InputFormat::k_hyperfine;
      }
    } else if (key == "context" || key == "machine_info") {
      (key == "context" ? context : machine_info) = true;
      decide_benchmarks();
    } else if (key == "benchmarks") {
      benchmarks = first_entry(scanner);
      decide_benchmarks();
    }
    return found.has_value();
  });
  return found;
}

}  // namespace spyglass::ingest
