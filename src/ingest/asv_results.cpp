#include "spyglass/ingest/asv_results.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "spyglass/ingest/json_reader.hpp"
#include "spyglass/ingest/unroll.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/mapped_file.hpp"
#include "spyglass/util/python_json.hpp"
#include "spyglass/util/python_repr.hpp"

namespace spyglass::ingest {

namespace {

using util::JsonValue;

constexpr std::int64_t k_legacy_version = 1;
// More combinations than this is a hostile file, not a benchmark: refuse before allocating.
constexpr std::size_t k_max_combinations = 1'000'000;

// --- Scalars -----------------------------------------------------------------

// Python's `str()` of a JSON scalar as the file wrote it: strings as they are, numbers as
// their literal (`8`, `3.5`), `True`/`False`, `None`.
std::string scalar_text(const std::string& file, const JsonPath& where, const JsonValue& value) {
  switch (value.type()) {
    case JsonValue::Type::k_string:
      return std::string(value.as_string());
    case JsonValue::Type::k_integer:
      return std::to_string(value.as_integer());
    case JsonValue::Type::k_float:
      return util::python_float_repr(value.as_double());
    case JsonValue::Type::k_bool:
      return value.as_bool() ? "True" : "False";
    case JsonValue::Type::k_null:
      return "None";
    case JsonValue::Type::k_array:
    case JsonValue::Type::k_object:
      break;
  }
  fail_type(file, where, "a string or a number", value);
}

// An object of scalars as ordered text pairs; `null_text` stands for a null value.
model::StringPairs string_pairs(const std::string& file, const JsonPath& where,
                                const JsonValue& object, std::string_view null_text = "None") {
  require_object(file, where, object);
  model::StringPairs pairs;
  pairs.reserve(object.members().size());
  for (const auto& [name, value] : object.members()) {
    pairs.emplace_back(name, value.is_null() ? std::string(null_text)
                                             : scalar_text(file, where.member(name), value));
  }
  return pairs;
}

// A benchmark's value: a number (NaN when skipped) or nullopt when it failed (null).
std::optional<model::Number> read_value(const std::string& file, const JsonPath& where,
                                        const JsonValue& value) {
  switch (value.type()) {
    case JsonValue::Type::k_integer:
      return model::Number{value.as_double(), true};
    case JsonValue::Type::k_float:
      return model::Number{value.as_double(), false};
    case JsonValue::Type::k_null:
      return std::nullopt;
    default:
      fail_type(file, where, "a number, NaN or null", value);
  }
}

// A number or null.
std::optional<double> read_optional_number(const std::string& file, const JsonPath& where,
                                           const JsonValue& value) {
  if (value.is_null()) {
    return std::nullopt;
  }
  if (!value.is_number()) {
    fail_type(file, where, "a number or null", value);
  }
  return value.as_double();
}

// A version string or null.
std::optional<std::string> read_version(const std::string& file, const JsonPath& where,
                                        const JsonValue* value) {
  if (value == nullptr || value->is_null()) {
    return std::nullopt;
  }
  return std::string(require_string(file, where, *value));
}

// --- Benchmark rows ----------------------------------------------------------

// One benchmark as read from either format, before its parameter combinations are unrolled.
// Every per-combination vector has one entry per combination (or none, where noted). A format 2
// reader fills one row for benchmark after benchmark, so its vectors keep their capacity.
struct BenchmarkRow {
  std::string_view key;
  std::vector<std::vector<std::string>> params;
  std::vector<std::optional<model::Number>> values;
  std::vector<model::Stats> stats;                          // empty: the file stored no stats
  std::vector<std::optional<std::vector<double>>> samples;  // empty: no samples column
  std::optional<std::string> version;
};

// The `stats_*` fields in result-column order.
constexpr std::array<std::optional<double> model::Stats::*, 6> k_stats_fields = {
    &model::Stats::ci_99_a, &model::Stats::ci_99_b, &model::Stats::q_25,
    &model::Stats::q_75,    &model::Stats::number,  &model::Stats::repeat};

// The number of parameter combinations of `params` (`where` names them in an error).
std::size_t combination_count(const std::string& file, const JsonPath& where,
                              const std::vector<std::vector<std::string>>& params) {
  std::size_t count = 1;
  for (const auto& values : params) {
    if (values.empty()) {
      return 0;
    }
    if (values.size() > k_max_combinations / count) {
      fail_at(file, where,
              "more than " + std::to_string(k_max_combinations) + " parameter combinations");
    }
    count *= values.size();
  }
  return count;
}

// Throw "`where`: N values for M parameter combinations".
[[noreturn]] void fail_length(const std::string& file, const JsonPath& where, std::size_t found,
                              std::size_t count) {
  fail_at(file, where,
          std::to_string(found) + (found == 1 ? " value" : " values") + " for " +
              std::to_string(count) +
              (count == 1 ? " parameter combination" : " parameter combinations"));
}

// The elements of the per-combination list `value`, or nullopt for null; a list whose length
// is not `count` is an error naming the benchmark's path.
std::optional<std::span<const JsonValue>> per_combination(const std::string& file,
                                                          const JsonPath& where,
                                                          const JsonValue& value,
                                                          std::size_t count) {
  if (value.is_null()) {
    return std::nullopt;
  }
  if (!value.is_array()) {
    fail_type(file, where, "a list or null", value);
  }
  if (value.items().size() != count) {
    fail_length(file, where, value.items().size(), count);
  }
  return value.items();
}

// Set `values` to the per-combination values of `result` (null: every combination failed).
void read_values(const std::string& file, const JsonPath& where, const JsonValue& result,
                 std::size_t count, std::vector<std::optional<model::Number>>& values) {
  values.clear();
  const auto items = per_combination(file, where, result, count);
  if (!items) {
    values.resize(count);
    return;
  }
  for (std::size_t j = 0; j < count; ++j) {
    values.push_back(read_value(file, where.index(j), (*items)[j]));
  }
}

// Set `samples` to the per-combination samples: each a list of numbers or null; none for null.
void read_samples(const std::string& file, const JsonPath& where, const JsonValue& value,
                  std::size_t count, std::vector<std::optional<std::vector<double>>>& samples) {
  samples.clear();
  const auto items = per_combination(file, where, value, count);
  if (!items) {
    return;
  }
  for (std::size_t j = 0; j < count; ++j) {
    const JsonValue& list = (*items)[j];
    const JsonPath list_path = where.index(j);
    if (list.is_null()) {
      samples.emplace_back();
      continue;
    }
    if (!list.is_array()) {
      fail_type(file, list_path, "a list of numbers or null", list);
    }
    std::vector<double>& numbers = samples.emplace_back().emplace();
    numbers.reserve(list.items().size());
    for (std::size_t k = 0; k < list.items().size(); ++k) {
      numbers.push_back(require_number(file, list_path.index(k), list.items()[k]));
    }
  }
}

// Append one row's combinations, unrolled and named (spec 3.6), to `out`. The samples and the
// version move out of `row`.
void append_unrolled(BenchmarkRow& row, std::vector<model::BenchmarkResult>& out) {
  std::vector<std::vector<std::string>> combinations = param_combinations(row.params);
  for (std::size_t j = 0; j < combinations.size(); ++j) {
    model::BenchmarkResult& result = out.emplace_back();
    for (std::string& param : combinations[j]) {
      param = collapse_whitespace(param);
    }
    result.name = unrolled_name(row.key, combinations[j]);
    result.key = row.key;
    result.params = std::move(combinations[j]);
    result.value = row.values[j];
    if (!row.stats.empty()) {
      result.stats = row.stats[j];
    }
    if (!row.samples.empty()) {
      result.samples = std::move(row.samples[j]);
    }
    result.version = j + 1 < combinations.size() ? row.version : std::move(row.version);
  }
}

// --- Header ------------------------------------------------------------------

// The keys both formats share. `env_name` is left to the caller: format 1 may derive it.
model::ResultFile read_header(const std::string& file, const JsonValue& doc) {
  const JsonPath root;
  model::ResultFile header;
  header.path = file;

  const JsonPath params_path = root.member("params");
  const JsonValue& params = require(file, root, doc, "params");
  header.params = string_pairs(file, params_path, params);
  header.machine = scalar_text(file, params_path.member("machine"),
                               require(file, params_path, params, "machine"));

  // An unpinned requirement is "" (asv writes it so); a null one means the same.
  header.requirements =
      string_pairs(file, root.member("requirements"), require(file, root, doc, "requirements"), "");
  header.commit_hash =
      require_string(file, root.member("commit_hash"), require(file, root, doc, "commit_hash"));

  const JsonValue& date = require(file, root, doc, "date");
  if (date.type() == JsonValue::Type::k_integer) {
    header.date = date.as_integer();
  } else if (!date.is_null()) {
    fail_type(file, root.member("date"), "an integer or null", date);
  }
  header.python = scalar_text(file, root.member("python"), require(file, root, doc, "python"));
  if (const JsonValue* env_vars = doc.find("env_vars"); env_vars != nullptr) {
    header.env_vars = string_pairs(file, root.member("env_vars"), *env_vars);
  }
  return header;
}

// asv's `get_env_name('', python, requirements, {})`: `py<python>` then each requirement,
// sorted by name, as `<name><version>` (just `<name>` when unpinned), joined by '-', with the
// characters asv's `sanitize_filename` refuses replaced by '_' (its reserved-name rule never
// applies: the name starts with "py").
std::string derived_env_name(const std::string& python, model::StringPairs requirements) {
  std::sort(requirements.begin(), requirements.end());
  std::string name = "py" + python;
  for (const auto& [package, version] : requirements) {
    name.append("-").append(package).append(version);
  }
  for (char& c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || std::string_view("<>:\"/^|?*").find(c) != std::string_view::npos) {
      c = '_';
    }
  }
  return name;
}

// --- Format 2 ----------------------------------------------------------------

// What a `result_columns` entry holds.
enum class Column {
  k_stats_ci_99_a,  // the six stats columns first, in k_stats_fields order
  k_stats_ci_99_b,
  k_stats_q_25,
  k_stats_q_75,
  k_stats_number,
  k_stats_repeat,
  k_result,
  k_params,
  k_version,
  k_samples,
  k_ignored,  // started_at, duration, profile, and stats asv may add (compare never reads them)
  k_unknown,
};
constexpr std::size_t k_kept_columns = static_cast<std::size_t>(Column::k_ignored);

Column column_kind(std::string_view name) {
  constexpr std::array<std::pair<std::string_view, Column>, 13> k_names = {{
      {"result", Column::k_result},
      {"params", Column::k_params},
      {"version", Column::k_version},
      {"started_at", Column::k_ignored},
      {"duration", Column::k_ignored},
      {"stats_ci_99_a", Column::k_stats_ci_99_a},
      {"stats_ci_99_b", Column::k_stats_ci_99_b},
      {"stats_q_25", Column::k_stats_q_25},
      {"stats_q_75", Column::k_stats_q_75},
      {"stats_number", Column::k_stats_number},
      {"stats_repeat", Column::k_stats_repeat},
      {"samples", Column::k_samples},
      {"profile", Column::k_ignored},
  }};
  for (const auto& [known, kind] : k_names) {
    if (name == known) {
      return kind;
    }
  }
  // asv's loader files any other `stats_*` column under that stats key without complaint.
  return name.starts_with("stats_") ? Column::k_ignored : Column::k_unknown;
}

// One row's cells by column kind and their positions in the row (for error paths). An absent
// cell is nullptr with position 0; it reads as null, which no check rejects, so its position
// never reaches a message.
struct RowCells {
  std::array<const JsonValue*, k_kept_columns> value{};
  std::array<std::size_t, k_kept_columns> position{};

  const JsonValue* get(Column column) const { return value[static_cast<std::size_t>(column)]; }
  std::size_t at(Column column) const { return position[static_cast<std::size_t>(column)]; }
};

// Fill `result` with the row `results[key]` of a format 2 file.
void read_row_v2(const std::string& file, const JsonPath& where, std::string_view key,
                 const JsonValue& row, const std::vector<std::string_view>& column_names,
                 const std::vector<Column>& columns, BenchmarkRow& result) {
  if (!row.is_array()) {
    fail_type(file, where, "a list of result columns", row);
  }
  // Cells beyond the declared columns are dropped, as asv's zip() drops them; absent trailing
  // cells are nulls the writer left out.
  RowCells cells;
  const std::size_t width = std::min(row.items().size(), columns.size());
  for (std::size_t i = 0; i < width; ++i) {
    if (columns[i] == Column::k_unknown) {
      fail_at(file, where.index(i),
              "unknown result column \"" + std::string(column_names[i]) + "\"");
    }
    if (columns[i] != Column::k_ignored) {
      const auto slot = static_cast<std::size_t>(columns[i]);
      cells.value[slot] = &row.items()[i];
      cells.position[slot] = i;
    }
  }

  result.key = key;
  result.params =
      read_string_lists(file, where.index(cells.at(Column::k_params)), cells.get(Column::k_params));
  const std::size_t count = combination_count(file, where, result.params);
  const JsonValue null{};
  const auto cell = [&](Column column) -> const JsonValue& {
    const JsonValue* value = cells.get(column);
    return value != nullptr ? *value : null;
  };

  read_values(file, where.index(cells.at(Column::k_result)), cell(Column::k_result), count,
              result.values);
  result.version =
      read_version(file, where.index(cells.at(Column::k_version)), cells.get(Column::k_version));
  read_samples(file, where.index(cells.at(Column::k_samples)), cell(Column::k_samples), count,
               result.samples);

  result.stats.clear();
  for (std::size_t s = 0; s < k_stats_fields.size(); ++s) {
    const auto column = static_cast<Column>(s);
    const JsonPath column_path = where.index(cells.at(column));
    const auto items = per_combination(file, column_path, cell(column), count);
    if (!items) {
      continue;
    }
    // asv's loader: any non-null stats column gives every combination a (maybe empty) dict.
    result.stats.resize(count);
    for (std::size_t j = 0; j < count; ++j) {
      result.stats[j].*k_stats_fields[s] =
          read_optional_number(file, column_path.index(j), (*items)[j]);
    }
  }
}

// How many results the rows of a format 2 `results` object unroll into, to reserve room for them
// at once: growing the vector would move every result. A row's result list has one value per
// parameter combination; a row without one counts once. Only a hint: reading checks the rows.
std::size_t expected_result_count(const JsonValue& results, const std::vector<Column>& columns) {
  const auto result_column = std::find(columns.begin(), columns.end(), Column::k_result);
  if (result_column == columns.end()) {
    return results.members().size();
  }
  const auto column = static_cast<std::size_t>(result_column - columns.begin());
  std::size_t count = 0;
  for (const util::JsonMember& row : results.members()) {
    const auto cells = row.value.items();
    count += column < cells.size() ? std::max<std::size_t>(cells[column].items().size(), 1) : 1;
  }
  return count;
}

void read_body_v2(const std::string& file, const JsonValue& doc, model::ResultFile& out) {
  const JsonPath root;
  const JsonPath columns_path = root.member("result_columns");
  const JsonValue& results = require(file, root, doc, "results");
  const JsonValue& column_list = require(file, root, doc, "result_columns");
  if (!column_list.is_array()) {
    fail_type(file, columns_path, "a list of column names", column_list);
  }
  std::vector<std::string_view> column_names;
  std::vector<Column> columns;
  column_names.reserve(column_list.items().size());
  columns.reserve(column_list.items().size());
  for (std::size_t i = 0; i < column_list.items().size(); ++i) {
    column_names.push_back(require_string(file, columns_path.index(i), column_list.items()[i]));
    columns.push_back(column_kind(column_names.back()));
  }

  const JsonPath results_path = root.member("results");
  require_object(file, results_path, results);
  out.results.reserve(expected_result_count(results, columns));
  BenchmarkRow row;
  for (const auto& [key, cells] : results.members()) {
    read_row_v2(file, results_path.member(key), key, cells, column_names, columns, row);
    append_unrolled(row, out.results);
  }
}

// --- Format 1 (converted as asv's `Results.update_to_2` does) ----------------

// asv's `truncate_float_list`: round a float literal to 5 significant digits (`"%.4e"`);
// integers stay as they are.
double truncated(const JsonValue& value) {
  if (value.type() != JsonValue::Type::k_float) {
    return value.as_double();
  }
  std::array<char, 40> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.4e", value.as_double());
  return std::strtod(buffer.data(), nullptr);
}

// A stats number of format 1, truncated as the conversion stores it, or nullopt for null.
std::optional<double> read_stat_v1(const std::string& file, const JsonPath& where,
                                   const JsonValue* value) {
  if (value == nullptr || value->is_null()) {
    return std::nullopt;
  }
  if (!value->is_number()) {
    fail_type(file, where, "a number or null", *value);
  }
  return truncated(*value);
}

// One format 1 stats dict `{"ci_99": [a, b], "q_25", "q_75", "number", "repeat"}`.
model::Stats read_stats_entry_v1(const std::string& file, const JsonPath& where,
                                 const JsonValue& entry) {
  model::Stats stats;
  if (entry.is_null()) {
    return stats;
  }
  require_object(file, where, entry);
  const JsonPath ci_path = where.member("ci_99");
  const JsonValue& ci = require(file, where, entry, "ci_99");
  if (!ci.is_array()) {
    fail_type(file, ci_path, "a list of two numbers", ci);
  }
  if (ci.items().size() < 2) {
    fail_at(file, ci_path, "expected 2 values, found " + std::to_string(ci.items().size()));
  }
  stats.ci_99_a = read_stat_v1(file, ci_path.index(0), &ci.items()[0]);
  stats.ci_99_b = read_stat_v1(file, ci_path.index(1), &ci.items()[1]);
  stats.q_25 = read_stat_v1(file, where.member("q_25"), entry.find("q_25"));
  stats.q_75 = read_stat_v1(file, where.member("q_75"), entry.find("q_75"));
  stats.number = read_stat_v1(file, where.member("number"), entry.find("number"));
  stats.repeat = read_stat_v1(file, where.member("repeat"), entry.find("repeat"));
  return stats;
}

// A format 1 `stats`: a list of dicts (or one dict for one combination); none for null. The
// conversion drops every all-null stats column, so stats that are empty for every combination
// are none at all.
std::vector<model::Stats> read_stats_v1(const std::string& file, const JsonPath& where,
                                        const JsonValue* value, std::size_t count) {
  std::vector<model::Stats> stats;
  if (value == nullptr || value->is_null()) {
    return stats;
  }
  if (value->is_array()) {
    const auto items = per_combination(file, where, *value, count);
    stats.reserve(count);
    for (std::size_t j = 0; j < count; ++j) {
      stats.push_back(read_stats_entry_v1(file, where.index(j), (*items)[j]));
    }
  } else {
    if (count != 1) {
      fail_length(file, where, 1, count);
    }
    stats.push_back(read_stats_entry_v1(file, where, *value));
  }
  if (std::all_of(stats.begin(), stats.end(), [](const model::Stats& s) { return s.empty(); })) {
    stats.clear();
  }
  return stats;
}

// Set `values` from a format 1 `result`: a list, or a scalar standing for a one-element list.
// An all-null list means every combination failed, whatever its length (the conversion stores
// it as null).
void read_values_v1(const std::string& file, const JsonPath& where, const JsonValue& result,
                    std::size_t count, std::vector<std::optional<model::Number>>& values) {
  if (!result.is_array()) {
    const std::optional<model::Number> value = read_value(file, where, result);
    if (value && count != 1) {
      fail_length(file, where, 1, count);
    }
    values.assign(count, value);
    return;
  }
  const auto items = result.items();
  if (std::all_of(items.begin(), items.end(), [](const JsonValue& v) { return v.is_null(); })) {
    values.assign(count, std::nullopt);
    return;
  }
  read_values(file, where, result, count, values);
}

// The entry `results[key]` of a format 1 file: a bare value, or a dict with `result`, `params`,
// `stats` and `samples`.
BenchmarkRow read_row_v1(const std::string& file, const JsonPath& where, std::string_view key,
                         const JsonValue& entry) {
  BenchmarkRow row;
  row.key = key;
  if (!entry.is_object()) {
    row.values.push_back(read_value(file, where, entry));
    return row;
  }
  row.params = read_string_lists(file, where.member("params"), entry.find("params"));
  const std::size_t count = combination_count(file, where, row.params);
  read_values_v1(file, where.member("result"), require(file, where, entry, "result"), count,
                 row.values);
  row.stats = read_stats_v1(file, where.member("stats"), entry.find("stats"), count);
  if (const JsonValue* samples = entry.find("samples"); samples != nullptr) {
    read_samples(file, where.member("samples"), *samples, count, row.samples);
  }
  return row;
}

void read_body_v1(const std::string& file, const JsonValue& doc, model::ResultFile& out) {
  const JsonPath root;
  const JsonPath results_path = root.member("results");
  const JsonValue& results =
      require_object(file, results_path, require(file, root, doc, "results"));
  const JsonPath versions_path = root.member("benchmark_version");
  std::unordered_map<std::string_view, const JsonValue*> versions;
  if (const JsonValue* version_object = doc.find("benchmark_version"); version_object != nullptr) {
    require_object(file, versions_path, *version_object);
    versions.reserve(version_object->members().size());
    for (const auto& [key, version] : version_object->members()) {
      versions.emplace(key, &version);
    }
  }

  // The conversion writes the benchmarks sorted by name.
  std::vector<const util::JsonMember*> sorted;
  sorted.reserve(results.members().size());
  for (const auto& member : results.members()) {
    sorted.push_back(&member);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->key < b->key; });

  out.results.reserve(sorted.size());
  for (const util::JsonMember* member : sorted) {
    const std::string_view key = member->key;
    BenchmarkRow row = read_row_v1(file, results_path.member(key), key, member->value);
    if (const auto version = versions.find(key); version != versions.end()) {
      row.version = read_version(file, versions_path.member(key), version->second);
    }
    append_unrolled(row, out.results);
  }
}

}  // namespace

model::ResultFile parse_asv_results(std::string_view contents, const std::string& display_name) {
  const std::string& file = display_name;  // the name every reader here takes
  const util::JsonDocument document = util::parse_python_json(contents, file);
  const JsonValue& doc = document.root();
  const JsonPath root;
  const std::int64_t format = check_format_version(file, doc);

  model::ResultFile result = read_header(file, doc);
  const JsonPath env_path = root.member("env_name");
  const JsonValue* env_name = doc.find("env_name");
  if (format != k_legacy_version) {
    result.env_name = require_string(file, env_path, require(file, root, doc, "env_name"));
    read_body_v2(file, doc, result);
  } else {
    result.env_name = env_name != nullptr ? std::string(require_string(file, env_path, *env_name))
                                          : derived_env_name(result.python, result.requirements);
    read_body_v1(file, doc, result);
  }
  return result;
}

model::ResultFile load_asv_results(const std::string& path, std::uint64_t max_size) {
  const util::MappedFile file(path, max_size);
  return parse_asv_results(file.text(), path);
}

}  // namespace spyglass::ingest
