#include "spyglass/ingest/ptjb.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "spyglass/util/error.hpp"

namespace spyglass::ingest {

namespace {

constexpr std::string_view k_magic = "# pytest-jax-bench";
constexpr std::string_view k_default_tag = "base";
constexpr std::string_view k_whitespace = " \t\r";
constexpr double k_ms_per_second = 1000.0;
// The shortest id git abbreviates a commit to: a shorter recorded commit (a tag name from
// `git describe`) never stands for a longer hash given.
constexpr std::size_t k_short_id = 7;
// The most commits an unknown-run error lists.
constexpr std::size_t k_listed_commits = 8;

enum class MetricKind { k_time_ms, k_bytes };

// A column of the file that becomes a benchmark.
struct MetricColumn {
  std::string_view name;
  MetricKind kind;
  std::string_view rounds;  // the column counting the rounds it is the mean of; empty for none
};

constexpr std::array<MetricColumn, 8> k_metrics = {{
    {"compile_ms", MetricKind::k_time_ms, {}},
    {"jit_mean_ms", MetricKind::k_time_ms, "jit_rounds"},
    {"eager_mean_ms", MetricKind::k_time_ms, "eager_rounds"},
    {"jit_peak_bytes", MetricKind::k_bytes, {}},
    {"jit_constants_bytes", MetricKind::k_bytes, {}},
    {"jit_temporary_bytes", MetricKind::k_bytes, {}},
    {"eager_peak_bytes", MetricKind::k_bytes, {}},
    {"eager_peak_memory", MetricKind::k_bytes, {}},  // the name before eager_peak_bytes
}};

[[noreturn]] void fail_line(const std::string& file, std::size_t line, const std::string& what) {
  throw Error(ExitCode::k_bad_input, fmt::format("{}:{}: {}", file, line, what));
}

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(k_whitespace);
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(k_whitespace) - first + 1);
}

std::vector<std::string_view> split_fields(std::string_view text) {
  std::vector<std::string_view> fields;
  std::size_t at = text.find_first_not_of(k_whitespace);
  while (at != std::string_view::npos) {
    const std::size_t end = std::min(text.find_first_of(k_whitespace, at), text.size());
    fields.push_back(text.substr(at, end - at));
    at = text.find_first_not_of(k_whitespace, end);
  }
  return fields;
}

bool is_identifier(std::string_view text) {
  const auto word = [](char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  return !text.empty() && !(text[0] >= '0' && text[0] <= '9') &&
         std::all_of(text.begin(), text.end(), word);
}

// The number and name of a column-naming comment `(N) name` (the text after '#'), or nullopt.
std::optional<std::pair<std::size_t, std::string_view>> column_entry(std::string_view comment) {
  comment = trim(comment);
  if (!comment.starts_with('(')) {
    return std::nullopt;
  }
  const std::size_t close = comment.find(')');
  std::size_t number = 0;
  const std::string_view digits =
      comment.substr(1, close == std::string_view::npos ? 0 : close - 1);
  const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  const std::string_view name = trim(comment.substr(std::min(close + 1, comment.size())));
  if (digits.empty() || parsed.ec != std::errc() || parsed.ptr != digits.data() + digits.size() ||
      !is_identifier(name)) {
    return std::nullopt;
  }
  return std::pair{number, name};
}

// A number as the plugin printed it (`%d`, `%.2f`, `nan`), keeping whether it was an integer.
std::optional<model::Number> parse_number(std::string_view field) {
  const char* end = field.data() + field.size();
  std::int64_t integer = 0;
  if (const auto parsed = std::from_chars(field.data(), end, integer);
      parsed.ec == std::errc() && parsed.ptr == end) {
    return model::Number{static_cast<double>(integer), true};
  }
  double value = 0.0;
  if (const auto parsed = std::from_chars(field.data(), end, value);
      parsed.ec == std::errc() && parsed.ptr == end) {
    return model::Number{value, false};
  }
  return std::nullopt;
}

// One measurement line, split into one field per column.
struct Row {
  std::size_t line = 0;
  std::vector<std::string_view> fields;
};

// The file as read: its header facts (`# key: value`), column names and measurement lines.
struct Table {
  std::vector<std::pair<std::string_view, std::string_view>> facts;
  std::vector<std::string_view> columns;
  std::vector<Row> rows;

  // The value of the header fact `key`, or "".
  std::string_view fact(std::string_view key) const {
    const auto it = std::find_if(facts.begin(), facts.end(),
                                 [&](const auto& entry) { return entry.first == key; });
    return it == facts.end() ? std::string_view() : it->second;
  }

  // The position of column `name`, or nullopt.
  std::optional<std::size_t> column(std::string_view name) const {
    const auto it = std::find(columns.begin(), columns.end(), name);
    return it == columns.end() ? std::nullopt : std::optional(it - columns.begin());
  }
};

// Read the header comments and the measurement lines of `text`.
Table read_table(std::string_view text, const std::string& file) {
  if (trim(text.substr(0, text.find('\n'))) != k_magic) {
    throw_input_error(file, "not a pytest-jax-bench file (its first line is not \"" +
                                std::string(k_magic) + "\")");
  }
  Table table;
  std::size_t line = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view content = text.substr(at, end - at);
    at = end + 1;
    ++line;
    if (content.starts_with('#')) {
      const std::string_view comment = content.substr(1);
      if (const auto entry = column_entry(comment)) {
        if (entry->first != table.columns.size() + 1) {
          fail_line(file, line,
                    fmt::format("column ({}) where ({}) was due", entry->first,
                                table.columns.size() + 1));
        }
        table.columns.push_back(entry->second);
      } else if (const std::size_t colon = comment.find(": "); colon != std::string_view::npos) {
        table.facts.emplace_back(trim(comment.substr(0, colon)), trim(comment.substr(colon + 2)));
      }
      continue;
    }
    std::vector<std::string_view> fields = split_fields(content);
    if (fields.empty()) {
      continue;
    }
    if (table.columns.empty()) {
      fail_line(file, line,
                "measurements before any column names (`# (1) run_id`, ...): this "
                "pytest-jax-bench version's files are not supported");
    }
    if (fields.size() != table.columns.size()) {
      fail_line(file, line,
                fmt::format("{} fields for {} columns", fields.size(), table.columns.size()));
    }
    table.rows.push_back(Row{line, std::move(fields)});
  }
  return table;
}

// Where the columns spyglass reads sit in a row.
struct Layout {
  std::size_t run_id = 0;
  std::size_t commit = 0;
  std::optional<std::size_t> tag;
  // The metric columns the file has, with the position of each and of its rounds column.
  struct Metric {
    const MetricColumn* column;
    std::size_t at;
    std::optional<std::size_t> rounds;
  };
  std::vector<Metric> metrics;
};

Layout read_layout(const Table& table, const std::string& file) {
  Layout layout;
  for (const std::string_view name : {"run_id", "commit", "commit_run"}) {
    if (!table.column(name)) {
      throw_input_error(file, "the header names no \"" + std::string(name) + "\" column");
    }
  }
  layout.run_id = *table.column("run_id");
  layout.commit = *table.column("commit");
  layout.tag = table.column("tag");
  for (const MetricColumn& metric : k_metrics) {
    if (const auto at = table.column(metric.name)) {
      layout.metrics.push_back(
          {&metric, *at, metric.rounds.empty() ? std::nullopt : table.column(metric.rounds)});
    }
  }
  if (layout.metrics.empty()) {
    throw_input_error(file, "the header names no metric column (compile_ms, jit_mean_ms, ...)");
  }
  return layout;
}

// The number in column `at` of `row`, else an error naming the line and column.
model::Number row_number(const std::string& file, const Table& table, const Row& row,
                         std::size_t at) {
  const auto number = parse_number(row.fields[at]);
  if (!number) {
    fail_line(file, row.line,
              fmt::format("{}: \"{}\" is not a number", table.columns[at], row.fields[at]));
  }
  return *number;
}

// The run ids of `table`'s rows, in row order; an id must be an integer.
std::vector<std::int64_t> run_ids(const std::string& file, const Table& table,
                                  const Layout& layout) {
  std::vector<std::int64_t> ids;
  ids.reserve(table.rows.size());
  for (const Row& row : table.rows) {
    const model::Number id = row_number(file, table, row, layout.run_id);
    const auto integer = id.as_int64();
    if (!integer) {
      fail_line(file, row.line,
                fmt::format("run_id: \"{}\" is not {}", row.fields[layout.run_id],
                            id.is_integer ? "a 64-bit integer" : "an integer"));
    }
    ids.push_back(*integer);
  }
  return ids;
}

// Whether the recorded `commit` is the one `wanted` names: one is a prefix of the other (a
// short id, or a full hash of the recorded short id), and both have local changes ('+') or
// neither has.
bool commit_matches(std::string_view commit, std::string_view wanted) {
  const bool dirty = commit.ends_with('+');
  if (dirty != wanted.ends_with('+')) {
    return false;
  }
  if (dirty) {
    commit.remove_suffix(1);
    wanted.remove_suffix(1);
  }
  return !wanted.empty() && (commit.starts_with(wanted) ||
                             (commit.size() >= k_short_id && wanted.starts_with(commit)));
}

// The run `wanted` names (a run id, else a commit's latest run, or k_previous_run); absent, the
// latest run.
std::int64_t select_run(const std::string& file, const Table& table, const Layout& layout,
                        const std::vector<std::int64_t>& ids,
                        const std::optional<std::string>& wanted) {
  const std::int64_t last = *std::max_element(ids.begin(), ids.end());
  if (!wanted) {
    return last;
  }
  if (*wanted == k_previous_run) {
    std::optional<std::int64_t> previous;
    for (const std::int64_t id : ids) {
      if (id < last) {
        previous = std::max(previous.value_or(id), id);
      }
    }
    if (!previous) {
      throw_input_error(file, fmt::format("only one run ({}): nothing to compare it with", last));
    }
    return *previous;
  }
  std::int64_t number = 0;
  const char* end = wanted->data() + wanted->size();
  if (const auto parsed = std::from_chars(wanted->data(), end, number);
      parsed.ec == std::errc() && parsed.ptr == end &&
      std::find(ids.begin(), ids.end(), number) != ids.end()) {
    return number;
  }
  std::optional<std::int64_t> latest;
  std::vector<std::string_view> commits;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const std::string_view commit = table.rows[i].fields[layout.commit];
    if (commit_matches(commit, *wanted)) {
      latest = std::max(latest.value_or(ids[i]), ids[i]);
    }
    if (std::find(commits.begin(), commits.end(), commit) == commits.end()) {
      commits.push_back(commit);
    }
  }
  if (!latest) {
    const bool more = commits.size() > k_listed_commits;
    commits.resize(std::min(commits.size(), k_listed_commits));
    throw_input_error(file, fmt::format("no run or commit \"{}\" (runs {} to {} of commits {}{})",
                                        *wanted, *std::min_element(ids.begin(), ids.end()),
                                        *std::max_element(ids.begin(), ids.end()),
                                        fmt::join(commits, ", "), more ? ", ..." : ""));
  }
  return *latest;
}

// The test's node id from the header; a file written outside pytest names none, so its stem.
std::string test_name(const Table& table, const std::string& file) {
  const std::string_view nodeid = table.fact("test_nodeid");
  if (!nodeid.empty() && nodeid != "None") {
    return std::string(nodeid);
  }
  std::string_view stem = file;
  stem = stem.substr(std::min(stem.find_last_of('/') + 1, stem.size()));
  if (stem.ends_with(".csv")) {
    stem.remove_suffix(4);
  }
  return std::string(stem);
}

// Append the benchmarks of one measurement `row` to `out`.
void append_row(const std::string& file, const Table& table, const Layout& layout, const Row& row,
                const std::string& test, LoadedResults& out) {
  const std::string_view tag = layout.tag ? row.fields[*layout.tag] : k_default_tag;
  const std::string prefix =
      test + "." + (tag == k_default_tag ? std::string() : std::string(tag) + ".");
  for (const Layout::Metric& metric : layout.metrics) {
    model::Number value = row_number(file, table, row, metric.at);
    const bool time = metric.column->kind == MetricKind::k_time_ms;
    if (time ? std::isnan(value.value) : !(value.value >= 0)) {
      continue;  // not measured in this run
    }
    model::BenchmarkResult& result = out.file.results.emplace_back();
    result.name = prefix + std::string(metric.column->name);
    result.key = result.name;
    if (time) {
      value = model::Number{value.value / k_ms_per_second, false};
    }
    result.value = value;
    if (metric.rounds) {
      result.stats.emplace().repeat = row_number(file, table, row, *metric.rounds).value;
    }
    out.catalog.by_name.insert_or_assign(
        result.name,
        model::BenchmarkInfo{
            result.name, time ? "time" : "memory", time ? "seconds" : "bytes", {}, {}, {}});
  }
}

}  // namespace

LoadedResults parse_ptjb(std::string_view text, const std::string& display_name,
                         const ReadOptions& options) {
  const std::string& file = display_name;
  const Table table = read_table(text, file);
  const Layout layout = read_layout(table, file);
  if (table.rows.empty()) {
    throw_input_error(file, "no runs (the file has a header only)");
  }
  const std::vector<std::int64_t> ids = run_ids(file, table, layout);
  const std::int64_t run = select_run(file, table, layout, ids, options.run);

  LoadedResults loaded;
  model::ResultFile& result = loaded.file;
  result.path = file;
  const std::string_view backend = table.fact("backend");
  const std::string_view device = table.fact("device");
  result.machine = std::string(!device.empty() ? device : !backend.empty() ? backend : "unknown");
  result.env_name = std::string(!backend.empty() ? backend : "unknown");
  const std::string test = test_name(table, file);
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    if (ids[i] == run) {
      result.commit_hash = std::string(table.rows[i].fields[layout.commit]);
      append_row(file, table, layout, table.rows[i], test, loaded);
    }
  }
  return loaded;
}

}  // namespace spyglass::ingest
