// Writes a synthetic, deterministic asv results tree for the performance harness (bench/run.sh):
//
//   spyglass_bench_gen OUT N
//   spyglass_bench_gen --gbench OUT N
//   spyglass_bench_gen --history OUT N FILES
//
// OUT/results/benchmarks.json and OUT/results/bench-machine/{base,pr,c2}-virtualenv-py3.12.json
// (results format 2, written the way Python's `json` writes them) holding N unrolled benchmarks:
// about 70% plain and 30% parameter combinations; time_ (seconds, 10 samples and the asv stats),
// mem_/peakmem_ (bytes) and track_ (custom units) benchmarks; a few failures (null) and skips
// (NaN); about 10% real regressions or improvements in pr and c2 against base; about 2% changed
// versions. Only the raw std::mt19937_64 stream is standardized, so every distribution is built
// here by hand from 64-bit draws: the same N gives the same files with any standard library.
//
// With --history OUT N FILES it writes a history of FILES result files instead (write_history).
//
// With --gbench it writes OUT/gbench/{base,pr}.json instead: Google Benchmark's JSON output
// (`--benchmark_repetitions=10 --benchmark_format=json`, library 1.7's layout) for N benchmarks,
// each with 10 repetition rows and the mean, median, stddev and cv aggregates; about 1% of the
// benchmarks fail (`error_occurred`) and about 10% really changed in pr.
// Standalone on purpose (std only): the harness must not depend on the code it measures.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <numbers>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <variant>
#include <vector>

namespace {

constexpr std::uint64_t k_seed = 20261126;
constexpr std::size_t k_sample_count = 10;
constexpr double k_sample_time = 0.01;
constexpr const char* k_machine = "bench-machine";
constexpr const char* k_env_name = "virtualenv-py3.12";

// --- Random draws --------------------------------------------------------------------------

// Distributions derived from raw 64-bit draws, identical across standard libraries.
class Random {
 public:
  explicit Random(std::uint64_t seed) : m_engine(seed) {}

  // Uniform in [0, 1) from the top 53 bits of one draw.
  double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  // Uniform in [0, `count`); the tiny modulo bias does not matter for synthetic data.
  std::size_t index(std::size_t count) { return static_cast<std::size_t>(m_engine() % count); }
  bool chance(double probability) { return uniform() < probability; }
  // Log-uniform in [`low`, `high`): realistic magnitudes spread over decades.
  double log_uniform(double low, double high) { return low * std::pow(high / low, uniform()); }
  // Standard normal by the Box-Muller transform (1 - u keeps the logarithm finite).
  double normal() {
    const double radius = std::sqrt(-2.0 * std::log(1.0 - uniform()));
    return radius * std::cos(2.0 * std::numbers::pi * uniform());
  }
  // `digits` lowercase hex digits, like a git commit or an asv benchmark version hash.
  std::string hex(std::size_t digits) {
    static constexpr std::string_view k_digits = "0123456789abcdef";
    std::string text;
    for (std::size_t i = 0; i < digits; ++i) {
      text += k_digits[index(k_digits.size())];
    }
    return text;
  }

 private:
  std::mt19937_64 m_engine;
};

// --- JSON as Python's json module writes it ---------------------------------------------------

// Python's repr of a float, as json.dumps prints it: 42.0, 0.0001, 1e-07, 1.5e+16, NaN, Infinity.
std::string python_float_repr(double value) {
  if (std::isnan(value)) {
    return "NaN";
  }
  if (std::isinf(value)) {
    return value > 0 ? "Infinity" : "-Infinity";
  }
  char buffer[64];
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific).ptr;
  const std::string_view shortest(buffer, static_cast<std::size_t>(end - buffer));
  const std::size_t e_pos = shortest.find('e');
  std::string sign;
  std::string digits;
  for (const char c : shortest.substr(0, e_pos)) {
    if (c == '-') {
      sign = "-";
    } else if (c != '.') {
      digits += c;
    }
  }
  const int exponent = std::atoi(std::string(shortest.substr(e_pos + 1)).c_str());
  if (exponent < -4 || exponent >= 16) {
    std::string mantissa = digits.substr(0, 1);
    if (digits.size() > 1) {
      mantissa += "." + digits.substr(1);
    }
    const std::string magnitude = std::to_string(std::abs(exponent));
    return sign + mantissa + (exponent < 0 ? "e-" : "e+") + (magnitude.size() < 2 ? "0" : "") +
           magnitude;
  }
  if (exponent < 0) {
    return sign + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  }
  const auto integer_digits = static_cast<std::size_t>(exponent + 1);
  if (digits.size() <= integer_digits) {
    return sign + digits + std::string(integer_digits - digits.size(), '0') + ".0";
  }
  return sign + digits.substr(0, integer_digits) + "." + digits.substr(integer_digits);
}

// A JSON string literal with Python's default ensure_ascii escaping (our text is ASCII).
std::string python_string_literal(std::string_view text) {
  std::string literal = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        literal += "\\\"";
        break;
      case '\\':
        literal += "\\\\";
        break;
      case '\n':
        literal += "\\n";
        break;
      case '\t':
        literal += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
          literal += escape;
        } else {
          literal += c;
        }
    }
  }
  return literal + "\"";
}

// json.dump's two layouts: compact (separators ", " and ": ") and indent=4 with sort_keys=True.
enum class Layout { k_compact, k_indented };

class Json;

// Writes one JSON object member by member, so a huge object never has to exist as a tree.
class ObjectWriter {
 public:
  // Writes the opening brace of an object nested `depth` levels deep.
  ObjectWriter(std::string& out, Layout layout, int depth)
      : m_out(out), m_layout(layout), m_depth(depth) {
    m_out += '{';
  }
  void member(std::string_view key, const Json& value);
  // Writes the closing brace; `{}` when there were no members, as Python writes it.
  void finish();

 private:
  std::string& m_out;
  Layout m_layout;
  int m_depth;
  bool m_empty = true;
};

// Appends the separator before an element and, when indented, the new line and indentation.
void begin_element(std::string& out, Layout layout, int depth, bool first) {
  if (layout == Layout::k_compact) {
    out += first ? "" : ", ";
    return;
  }
  out += first ? "\n" : ",\n";
  out.append(static_cast<std::size_t>(4 * depth), ' ');
}

// Appends the closing bracket of a non-empty container.
void end_container(std::string& out, Layout layout, int depth, char bracket) {
  if (layout == Layout::k_indented) {
    out += '\n';
    out.append(static_cast<std::size_t>(4 * depth), ' ');
  }
  out += bracket;
}

// A small JSON value tree, enough for one result row or one benchmarks.json entry.
class Json {
 public:
  using Array = std::vector<Json>;
  using Object = std::vector<std::pair<std::string, Json>>;

  Json() = default;
  static Json integer(std::int64_t value) { return Json(value); }
  static Json number(double value) { return Json(value); }
  static Json string(std::string value) { return Json(std::move(value)); }
  static Json array(Array items) { return Json(std::move(items)); }
  // An object whose members `write` sorts by key in the indented layout (sort_keys=True).
  static Json object(Object members) { return Json(std::move(members)); }
  static Json strings(const std::vector<std::string>& values) {
    Array items;
    for (const auto& value : values) {
      items.push_back(string(value));
    }
    return array(std::move(items));
  }

  bool is_null() const { return std::holds_alternative<std::monostate>(m_value); }

  // Appends this value, nested `depth` levels deep, to `out`.
  void write(std::string& out, Layout layout, int depth) const {
    if (is_null()) {
      out += "null";
    } else if (const auto* integer_value = std::get_if<std::int64_t>(&m_value)) {
      out += std::to_string(*integer_value);
    } else if (const auto* float_value = std::get_if<double>(&m_value)) {
      out += python_float_repr(*float_value);
    } else if (const auto* string_value = std::get_if<std::string>(&m_value)) {
      out += python_string_literal(*string_value);
    } else if (const auto* items = std::get_if<Array>(&m_value)) {
      write_array(out, *items, layout, depth);
    } else {
      write_object(out, std::get<Object>(m_value), layout, depth);
    }
  }

 private:
  template <typename T>
  explicit Json(T value) : m_value(std::move(value)) {}

  static void write_array(std::string& out, const Array& items, Layout layout, int depth) {
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
      begin_element(out, layout, depth + 1, i == 0);
      items[i].write(out, layout, depth + 1);
    }
    if (!items.empty()) {
      end_container(out, layout, depth, ']');
    } else {
      out += ']';
    }
  }

  static void write_object(std::string& out, Object members, Layout layout, int depth) {
    if (layout == Layout::k_indented) {
      std::sort(members.begin(), members.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    ObjectWriter writer(out, layout, depth);
    for (const auto& [key, value] : members) {
      writer.member(key, value);
    }
    writer.finish();
  }

  std::variant<std::monostate, std::int64_t, double, std::string, Array, Object> m_value;
};

void ObjectWriter::member(std::string_view key, const Json& value) {
  begin_element(m_out, m_layout, m_depth + 1, m_empty);
  m_empty = false;
  m_out += python_string_literal(key) + ": ";
  value.write(m_out, m_layout, m_depth + 1);
}

void ObjectWriter::finish() {
  if (m_empty) {
    m_out += '}';
  } else {
    end_container(m_out, m_layout, m_depth, '}');
  }
}

// --- The benchmark suite -----------------------------------------------------------------------

enum class Kind { k_time, k_memory, k_peak_memory, k_track };

// One parameter grid shape: names and the repr strings of their values.
struct ParamShape {
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> values;
};

const std::vector<ParamShape>& param_shapes() {
  static const std::vector<ParamShape> k_shapes = {
      {{"dtype", "n"}, {{"'float32'", "'float64'"}, {"100", "10000", "1000000"}}},
      {{"threads"}, {{"1", "2", "4", "8"}}},
      {{"method", "cached"}, {{"'fast'", "'exact'"}, {"True", "False"}}},
      {{"backend"}, {{"'numpy'", "'python'", "None"}}},
  };
  return k_shapes;
}

// One benchmark of the suite, with the true value of each parameter combination.
struct Benchmark {
  std::string name;
  Kind kind = Kind::k_time;
  std::string unit;
  ParamShape params;
  std::string version;
  // The version pr and c2 ran: differs from `version` for about 2% of the benchmarks.
  std::string new_version;
  // Whether results are ints (memory, some track_ counters) rather than floats.
  bool integral = false;
  // Relative noise of the measurements (the coefficient of variation).
  double noise = 0.0;
  std::vector<double> true_values;
  // Combinations skipped in every run (NotImplementedError in setup): NaN.
  std::vector<bool> skipped;
};

std::size_t combination_count(const ParamShape& shape) {
  std::size_t count = 1;
  for (const auto& values : shape.values) {
    count *= values.size();
  }
  return count;
}

std::string zero_padded(std::size_t value, std::size_t width) {
  std::string text = std::to_string(value);
  return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
}

Kind draw_kind(Random& random) {
  const double u = random.uniform();
  if (u < 0.78) {
    return Kind::k_time;
  }
  if (u < 0.84) {
    return Kind::k_memory;
  }
  return u < 0.92 ? Kind::k_peak_memory : Kind::k_track;
}

std::string_view kind_prefix(Kind kind) {
  switch (kind) {
    case Kind::k_time:
      return "time_";
    case Kind::k_memory:
      return "mem_";
    case Kind::k_peak_memory:
      return "peakmem_";
    case Kind::k_track:
      return "track_";
  }
  return "";
}

std::string_view kind_type(Kind kind) {
  switch (kind) {
    case Kind::k_time:
      return "time";
    case Kind::k_memory:
      return "memory";
    case Kind::k_peak_memory:
      return "peakmemory";
    case Kind::k_track:
      return "track";
  }
  return "";
}

// A realistic magnitude for one combination of a benchmark of `kind`.
double draw_true_value(Random& random, Kind kind, bool integral) {
  switch (kind) {
    case Kind::k_time:
      return random.log_uniform(1e-7, 10.0);
    case Kind::k_memory:
      return std::round(random.log_uniform(1e3, 1e8));
    case Kind::k_peak_memory:
      return std::round(random.log_uniform(3e7, 4e9));
    case Kind::k_track:
      return integral ? std::round(random.log_uniform(1.0, 1e6)) : random.log_uniform(1e-3, 1e6);
  }
  return 0.0;
}

Benchmark draw_benchmark(Random& random, std::size_t index, std::optional<ParamShape> shape) {
  static const std::vector<std::string> k_modules = {"io",      "linalg", "parse", "sort",
                                                     "strings", "graph",  "stats", "cache"};
  static const std::vector<std::string> k_operations = {"read",     "write", "solve",  "factor",
                                                        "tokenize", "merge", "lookup", "insert",
                                                        "scan",     "reduce"};
  static const std::vector<std::string> k_track_units = {"unit", "count", "iterations", "ratio",
                                                         "latent_var"};
  Benchmark benchmark;
  benchmark.kind = draw_kind(random);
  const std::string& module = k_modules[random.index(k_modules.size())];
  benchmark.name = "benchmarks." + module + ".Suite" + zero_padded(index / 25, 4) + "." +
                   std::string(kind_prefix(benchmark.kind)) +
                   k_operations[random.index(k_operations.size())] + "_" + zero_padded(index, 6);
  if (benchmark.kind == Kind::k_time) {
    benchmark.unit = "seconds";
  } else if (benchmark.kind == Kind::k_track) {
    benchmark.unit = k_track_units[random.index(k_track_units.size())];
  } else {
    benchmark.unit = "bytes";
  }
  benchmark.integral = benchmark.kind == Kind::k_memory || benchmark.kind == Kind::k_peak_memory ||
                       (benchmark.kind == Kind::k_track && random.chance(0.3));
  benchmark.params = shape.value_or(ParamShape{});
  benchmark.version = random.hex(64);
  benchmark.new_version = random.chance(0.02) ? random.hex(64) : benchmark.version;
  benchmark.noise = benchmark.kind == Kind::k_time ? random.log_uniform(0.002, 0.05)
                                                   : random.log_uniform(0.0005, 0.01);
  for (std::size_t i = 0; i < combination_count(benchmark.params); ++i) {
    benchmark.true_values.push_back(draw_true_value(random, benchmark.kind, benchmark.integral));
    benchmark.skipped.push_back(random.chance(0.01));
  }
  return benchmark;
}

// The suite: `unrolled` combinations in all, about 30% of them from parameterized benchmarks.
std::vector<Benchmark> draw_suite(std::size_t unrolled) {
  Random random(k_seed);
  std::vector<Benchmark> suite;
  std::size_t produced = 0;
  std::size_t parameterized = 0;
  while (produced < unrolled) {
    std::optional<ParamShape> shape;
    const ParamShape& candidate = param_shapes()[random.index(param_shapes().size())];
    const std::size_t combinations = combination_count(candidate);
    if (parameterized * 10 < (produced + combinations) * 3 && random.chance(0.5) &&
        produced + combinations <= unrolled) {
      shape = candidate;
      parameterized += combinations;
    }
    suite.push_back(draw_benchmark(random, suite.size(), shape));
    produced += shape ? combinations : 1;
  }
  return suite;
}

// The `params` of a benchmark: one list of repr strings per parameter.
Json params_json(const ParamShape& shape) {
  Json::Array params;
  for (const auto& values : shape.values) {
    params.push_back(Json::strings(values));
  }
  return Json::array(std::move(params));
}

// --- benchmarks.json -------------------------------------------------------------------------

Json catalog_entry(const Benchmark& benchmark) {
  const std::string method = benchmark.name.substr(benchmark.name.rfind('.') + 1);
  std::string arguments = "self";
  for (const auto& name : benchmark.params.names) {
    arguments += ", " + name;
  }
  Json::Object entry = {
      {"code", Json::string("class Suite:\n    def " + method + "(" + arguments +
                            "):\n        run(self.data)")},
      {"name", Json::string(benchmark.name)},
      {"param_names", Json::strings(benchmark.params.names)},
      {"params", params_json(benchmark.params)},
      {"timeout", Json::number(60.0)},
      {"type", Json::string(std::string(kind_type(benchmark.kind)))},
      {"unit", Json::string(benchmark.unit)},
      {"version", Json::string(benchmark.new_version)},
  };
  if (benchmark.kind == Kind::k_time) {
    entry.insert(entry.end(), {{"min_run_count", Json::integer(2)},
                               {"number", Json::integer(0)},
                               {"repeat", Json::integer(0)},
                               {"rounds", Json::integer(2)},
                               {"sample_time", Json::number(k_sample_time)},
                               {"warmup_time", Json::integer(-1)}});
  }
  return Json::object(std::move(entry));
}

// benchmarks.json as asv writes it: indent=4, sort_keys=True, "version": 2 among the names.
std::string catalog_text(const std::vector<Benchmark>& suite) {
  std::vector<std::pair<std::string, const Benchmark*>> keys = {{"version", nullptr}};
  for (const auto& benchmark : suite) {
    keys.emplace_back(benchmark.name, &benchmark);
  }
  std::sort(keys.begin(), keys.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  ObjectWriter writer(out, Layout::k_indented, 0);
  for (const auto& [key, benchmark] : keys) {
    writer.member(key, benchmark ? catalog_entry(*benchmark) : Json::integer(2));
  }
  writer.finish();
  return out;
}

// --- Result files ------------------------------------------------------------------------------

// One result file: which build ran and how often its code changed speed against base.
struct Run {
  std::string file_stem;
  std::uint64_t seed = 0;
  // Chance that a combination really got slower or faster than base (0 for base itself).
  double change_probability = 0.0;
  bool new_versions = false;
  std::int64_t date_ms = 0;
  // Every benchmark's true value times this: a history's step shared by all benchmarks.
  double level = 1.0;
  // Whether the samples column is written (`asv run --record-samples`).
  bool record_samples = true;
};

// One parameter combination as measured in one run; no value means the benchmark failed.
struct Measurement {
  std::optional<double> value;
  std::vector<double> samples;
};

// The 5-significant-digit rounding asv applies to stats and durations.
double round5(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.5g", value);
  return std::strtod(text, nullptr);
}

// The linear-interpolation quantile of sorted `values` (numpy's default).
double quantile(const std::vector<double>& values, double q) {
  const double position = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(position);
  const std::size_t above = std::min(below + 1, values.size() - 1);
  return values[below] + (position - static_cast<double>(below)) * (values[above] - values[below]);
}

Measurement measure(Random& random, const Benchmark& benchmark, double true_value) {
  Measurement measurement;
  if (benchmark.kind != Kind::k_time) {
    const double value = true_value * (1.0 + benchmark.noise * random.normal());
    measurement.value = benchmark.integral ? std::max(1.0, std::round(value)) : value;
    return measurement;
  }
  for (std::size_t i = 0; i < k_sample_count; ++i) {
    const double factor = std::max(0.5, 1.0 + benchmark.noise * random.normal());
    measurement.samples.push_back(true_value * factor);
  }
  std::vector<double> sorted = measurement.samples;
  std::sort(sorted.begin(), sorted.end());
  measurement.value = quantile(sorted, 0.5);
  return measurement;
}

// The factor by which a run really changed one combination: 1, or a regression/improvement.
double draw_change(Random& random, double probability) {
  if (!random.chance(probability)) {
    return 1.0;
  }
  const double factor = random.uniform(1.15, 3.0);
  return random.chance(0.5) ? factor : 1.0 / factor;
}

Json value_json(const Benchmark& benchmark, double value) {
  return benchmark.integral && !std::isnan(value) ? Json::integer(static_cast<std::int64_t>(value))
                                                  : Json::number(value);
}

// A param-list column: one entry per combination, or null when every entry is null.
template <typename Entry>
Json param_list(const std::vector<Measurement>& measurements, Entry entry) {
  Json::Array items;
  bool any = false;
  for (const auto& measurement : measurements) {
    items.push_back(measurement.value && !std::isnan(*measurement.value) ? entry(measurement)
                                                                         : Json());
    any = any || !items.back().is_null();
  }
  return any ? Json::array(std::move(items)) : Json();
}

// The stats columns of a time benchmark, in result_columns order.
std::vector<Json> stats_columns(const std::vector<Measurement>& measurements) {
  const auto sorted_quantile = [](double q) {
    return [q](const Measurement& m) {
      std::vector<double> sorted = m.samples;
      std::sort(sorted.begin(), sorted.end());
      return Json::number(round5(quantile(sorted, q)));
    };
  };
  return {
      param_list(measurements, sorted_quantile(0.0)),
      param_list(measurements, sorted_quantile(1.0)),
      param_list(measurements, sorted_quantile(0.25)),
      param_list(measurements, sorted_quantile(0.75)),
      param_list(measurements,
                 [](const Measurement& m) {
                   return Json::integer(std::max<std::int64_t>(
                       1, static_cast<std::int64_t>(std::llround(k_sample_time / *m.value))));
                 }),
      param_list(measurements,
                 [](const Measurement&) {
                   return Json::integer(static_cast<std::int64_t>(k_sample_count));
                 }),
      param_list(measurements,
                 [](const Measurement& m) {
                   Json::Array samples;
                   for (const double sample : m.samples) {
                     samples.push_back(Json::number(sample));
                   }
                   return Json::array(std::move(samples));
                 }),
  };
}

// One results row: the result_columns values with trailing nulls dropped.
Json result_row(Random& random, const Run& run, const Benchmark& benchmark,
                std::int64_t started_at_ms) {
  std::vector<Measurement> measurements;
  Json::Array result;
  bool any_result = false;
  for (std::size_t i = 0; i < benchmark.true_values.size(); ++i) {
    const double change = draw_change(random, run.change_probability);
    Measurement measurement;
    if (benchmark.skipped[i]) {
      measurement.value = std::nan("");
    } else if (!random.chance(0.01)) {
      measurement = measure(random, benchmark, benchmark.true_values[i] * run.level * change);
    }
    result.push_back(measurement.value ? value_json(benchmark, *measurement.value) : Json());
    any_result = any_result || measurement.value.has_value();
    measurements.push_back(std::move(measurement));
  }
  Json::Array row = {
      any_result ? Json::array(std::move(result)) : Json(),
      params_json(benchmark.params),
      Json::string(run.new_versions ? benchmark.new_version : benchmark.version),
      Json::integer(started_at_ms),
      Json::number(round5(random.log_uniform(0.05, 30.0))),
  };
  if (benchmark.kind == Kind::k_time) {
    std::vector<Json> columns = stats_columns(measurements);
    if (!run.record_samples) {
      columns.pop_back();
    }
    for (auto& column : columns) {
      row.push_back(std::move(column));
    }
  }
  while (row.back().is_null()) {
    row.pop_back();
  }
  return Json::array(std::move(row));
}

std::string result_file_text(const std::vector<Benchmark>& suite, const Run& run) {
  static const std::vector<std::string> k_columns = {
      "result",        "params",        "version",    "started_at", "duration",
      "stats_ci_99_a", "stats_ci_99_b", "stats_q_25", "stats_q_75", "stats_number",
      "stats_repeat",  "samples",       "profile"};
  Random random(run.seed);
  const Json machine_params = Json::object({
      {"arch", Json::string("x86_64")},
      {"cpu", Json::string("Synthetic CPU @ 3.0GHz")},
      {"machine", Json::string(k_machine)},
      {"num_cpu", Json::string("8")},
      {"os", Json::string("Linux 6.1.0")},
      {"ram", Json::string("32768000")},
      {"python", Json::string("3.12")},
  });
  std::string out;
  ObjectWriter file(out, Layout::k_compact, 0);
  file.member("commit_hash", Json::string(random.hex(40)));
  file.member("env_name", Json::string(k_env_name));
  file.member("date", Json::integer(run.date_ms));
  file.member("params", machine_params);
  file.member("python", Json::string("3.12"));
  file.member("requirements", Json::object({}));
  file.member("env_vars", Json::object({}));
  file.member("result_columns", Json::strings(k_columns));
  out += ", \"results\": ";
  ObjectWriter results(out, Layout::k_compact, 1);
  std::int64_t started_at_ms = run.date_ms + 3'600'000;
  for (const auto& benchmark : suite) {
    results.member(benchmark.name, result_row(random, run, benchmark, started_at_ms));
    started_at_ms += static_cast<std::int64_t>(random.log_uniform(50.0, 5000.0));
  }
  results.finish();
  file.member("durations",
              Json::object({{"<build>", Json::number(round5(random.uniform(5, 60)))}}));
  file.member("version", Json::integer(2));
  file.finish();
  return out;
}

// --- Google Benchmark ---------------------------------------------------------------------------

constexpr std::size_t k_gbench_repetitions = 10;

// One row of Google Benchmark's JSON output (times in ns, printed as the library prints them).
struct GbenchRow {
  std::string name;
  std::string run_name;
  std::size_t family = 0;
  std::string aggregate;  // empty for a repetition
  std::size_t repetition = 0;
  std::int64_t iterations = 0;
  double real_ns = 0.0;
  double cpu_ns = 0.0;
  bool error = false;
};

void append_gbench_row(std::string& out, const GbenchRow& row, bool first) {
  char number[64];
  const auto scientific = [&](double value) {
    std::snprintf(number, sizeof number, "%.16e", value);
    return std::string(number);
  };
  out += first ? "\n    {\n" : ",\n    {\n";
  out += "      \"name\": " + python_string_literal(row.name) + ",\n";
  out += "      \"family_index\": " + std::to_string(row.family) + ",\n";
  out += "      \"per_family_instance_index\": 0,\n";
  out += "      \"run_name\": " + python_string_literal(row.run_name) + ",\n";
  out += std::string("      \"run_type\": \"") +
         (row.aggregate.empty() ? "iteration" : "aggregate") + "\",\n";
  out += "      \"repetitions\": " + std::to_string(k_gbench_repetitions) + ",\n";
  if (row.aggregate.empty()) {
    out += "      \"repetition_index\": " + std::to_string(row.repetition) + ",\n";
  }
  out += "      \"threads\": 1,\n";
  if (!row.aggregate.empty()) {
    out += "      \"aggregate_name\": \"" + row.aggregate + "\",\n";
    out += std::string("      \"aggregate_unit\": \"") +
           (row.aggregate == "cv" ? "percentage" : "time") + "\",\n";
  }
  if (row.error) {
    out += "      \"error_occurred\": true,\n";
    out += "      \"error_message\": \"setup failed\",\n";
  }
  out += "      \"iterations\": " + std::to_string(row.iterations) + ",\n";
  out += "      \"real_time\": " + scientific(row.real_ns) + ",\n";
  out += "      \"cpu_time\": " + scientific(row.cpu_ns) + ",\n";
  out += "      \"time_unit\": \"ns\"\n    }";
}

// The mean, median, stddev and cv aggregates of `times`, in that order.
std::vector<std::pair<std::string, double>> gbench_aggregates(std::vector<double> times) {
  double sum = 0.0;
  for (const double time : times) {
    sum += time;
  }
  const double mean = sum / static_cast<double>(times.size());
  double squares = 0.0;
  for (const double time : times) {
    squares += (time - mean) * (time - mean);
  }
  const double stddev = std::sqrt(squares / static_cast<double>(times.size() - 1));
  std::sort(times.begin(), times.end());
  return {
      {"mean", mean}, {"median", quantile(times, 0.5)}, {"stddev", stddev}, {"cv", stddev / mean}};
}

// A Google Benchmark JSON file of `count` benchmarks; `change_probability` as in Run.
std::string gbench_file_text(std::size_t count, std::uint64_t seed, double change_probability) {
  Random suite(k_seed);  // the same benchmarks and true times in every file
  Random random(seed);
  std::string out =
      "{\n  \"context\": {\n    \"date\": \"2026-11-26T12:00:00+00:00\",\n"
      "    \"host_name\": \"bench-machine\",\n    \"executable\": \"./bench_suite\",\n"
      "    \"num_cpus\": 8,\n    \"mhz_per_cpu\": 3000,\n    \"cpu_scaling_enabled\": false,\n"
      "    \"caches\": [\n    ],\n    \"load_avg\": [0.5,0.4,0.3],\n"
      "    \"library_build_type\": \"release\"\n  },\n  \"benchmarks\": [";
  bool first = true;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string name = "BM_suite" + zero_padded(i / 25, 4) + "/" + std::to_string(i);
    const double true_ns = suite.log_uniform(10.0, 1e8);
    const double noise = suite.log_uniform(0.002, 0.05);
    const double change = draw_change(random, change_probability);
    const bool error = random.chance(0.01);
    const auto iterations =
        std::max<std::int64_t>(1, static_cast<std::int64_t>(std::llround(1e8 / true_ns)));
    std::vector<double> times;
    for (std::size_t r = 0; r < k_gbench_repetitions; ++r) {
      const double real_ns =
          error ? 0.0 : true_ns * change * std::max(0.5, 1.0 + noise * random.normal());
      times.push_back(real_ns);
      append_gbench_row(out, {name, name, i, "", r, iterations, real_ns, real_ns * 0.98, error},
                        first);
      first = false;
    }
    if (error) {
      continue;  // the library writes no aggregates for a failed benchmark
    }
    for (const auto& [aggregate, value] : gbench_aggregates(times)) {
      append_gbench_row(
          out,
          {name + "_" + aggregate, name, i, aggregate, 0,
           static_cast<std::int64_t>(k_gbench_repetitions), value, value * 0.98, false},
          false);
    }
  }
  return out + "\n  ]\n}\n";
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream stream(path, std::ios::binary);
  stream << text;
  stream.close();
  if (!stream) {
    throw std::runtime_error(path.string() + ": cannot write");
  }
}

std::size_t parse_count(std::string_view text) {
  std::size_t count = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (error != std::errc() || end != text.data() + text.size() || count == 0) {
    throw std::invalid_argument("N must be a positive integer, got '" + std::string(text) + "'");
  }
  return count;
}

}  // namespace

// `--history OUT N FILES`: a results history of FILES commits, a day apart, in
// OUT/results/bench-machine/ (no samples, as `asv run` writes by default); from the middle
// commit on every benchmark is 20% slower, so each series has one real step.
void write_history(const std::filesystem::path& out, std::size_t count, std::size_t files) {
  const std::filesystem::path results = out / "results";
  const std::vector<Benchmark> suite = draw_suite(count);
  std::filesystem::create_directories(results / k_machine);
  write_file(results / "benchmarks.json", catalog_text(suite));
  constexpr std::int64_t k_day_ms = 86'400'000;
  for (std::size_t i = 0; i < files; ++i) {
    const Run run{"",
                  k_seed + 100 + i,
                  0.0,
                  false,
                  1'790'000'000'000 + static_cast<std::int64_t>(i) * k_day_ms,
                  i < files / 2 ? 1.0 : 1.2,
                  false};
    char stem[32];
    std::snprintf(stem, sizeof stem, "%06zu", i);
    write_file(results / k_machine / (std::string(stem) + "-" + k_env_name + ".json"),
               result_file_text(suite, run));
  }
}

int main(int argc, char** argv) {
  const bool gbench = argc == 4 && std::string_view(argv[1]) == "--gbench";
  const bool history = argc == 5 && std::string_view(argv[1]) == "--history";
  if (argc != 3 && !gbench && !history) {
    std::cerr << "usage: spyglass_bench_gen [--gbench] OUT N | --history OUT N FILES\n";
    return 2;
  }
  try {
    if (history) {
      write_history(argv[2], parse_count(argv[3]), parse_count(argv[4]));
      return 0;
    }
    if (gbench) {
      const std::filesystem::path out = std::filesystem::path(argv[2]) / "gbench";
      const std::size_t count = parse_count(argv[3]);
      std::filesystem::create_directories(out);
      write_file(out / "base.json", gbench_file_text(count, k_seed + 1, 0.0));
      write_file(out / "pr.json", gbench_file_text(count, k_seed + 2, 0.10));
      return 0;
    }
    const std::filesystem::path results = std::filesystem::path(argv[1]) / "results";
    const std::vector<Benchmark> suite = draw_suite(parse_count(argv[2]));
    std::filesystem::create_directories(results / k_machine);
    write_file(results / "benchmarks.json", catalog_text(suite));
    const std::vector<Run> runs = {
        {"base", k_seed + 1, 0.0, false, 1'790'000'000'000, 1.0, true},
        {"pr", k_seed + 2, 0.10, true, 1'790'086'400'000, 1.0, true},
        {"c2", k_seed + 3, 0.10, true, 1'790'172'800'000, 1.0, true},
    };
    for (const auto& run : runs) {
      write_file(results / k_machine / (run.file_stem + "-" + k_env_name + ".json"),
                 result_file_text(suite, run));
    }
  } catch (const std::exception& error) {
    std::cerr << "spyglass_bench_gen: error: " << error.what() << "\n";
    return 2;
  }
  return 0;
}
