#include "spyglass/ingest/benchmarks_json.hpp"

#include <array>
#include <filesystem>
#include <string_view>
#include <utility>

#include "spyglass/ingest/json_reader.hpp"
#include "spyglass/util/file.hpp"
#include "spyglass/util/mapped_file.hpp"
#include "spyglass/util/python_json.hpp"

namespace spyglass::ingest {

namespace {

using util::JsonValue;

// The members of a benchmarks.json entry that spyglass reads. The rest (the benchmark's source
// `code`, timing settings) is most of the file, so the parser checks it but keeps none of it.
constexpr std::array<std::string_view, 6> k_entry_keys = {"name",        "type",   "unit",
                                                          "param_names", "params", "version"};
constexpr int k_entry_member_depth = 2;

// One benchmarks.json entry `key: {...}`; its `name` defaults to the key.
model::BenchmarkInfo read_benchmark(const std::string& file, const JsonPath& where,
                                    std::string_view key, const JsonValue& entry) {
  require_object(file, where, entry);
  model::BenchmarkInfo info;
  const JsonValue* name = entry.find("name");
  info.name = name != nullptr ? require_string(file, where.member("name"), *name) : key;
  if (const JsonValue* type = entry.find("type"); type != nullptr) {
    info.type = require_string(file, where.member("type"), *type);
  }
  if (const JsonValue* unit = entry.find("unit"); unit != nullptr && !unit->is_null()) {
    info.unit = require_string(file, where.member("unit"), *unit);
  }
  if (const JsonValue* names = entry.find("param_names"); names != nullptr && !names->is_null()) {
    info.param_names = read_strings(file, where.member("param_names"), *names);
  }
  info.params = read_string_lists(file, where.member("params"), entry.find("params"));
  if (const JsonValue* version = entry.find("version"); version != nullptr && !version->is_null()) {
    info.version = require_string(file, where.member("version"), *version);
  }
  return info;
}

}  // namespace

model::BenchmarkCatalog parse_benchmarks_json(std::string_view contents,
                                              const std::string& display_name) {
  const util::JsonDocument document = util::parse_python_json(
      contents, display_name, util::JsonMemberFilter{k_entry_member_depth, k_entry_keys});
  const JsonValue& doc = document.root();
  check_format_version(display_name, doc);
  const JsonPath root;
  model::BenchmarkCatalog catalog;
  catalog.by_name.reserve(doc.members().size());
  for (const auto& [key, entry] : doc.members()) {
    if (key == "version") {
      continue;
    }
    model::BenchmarkInfo info = read_benchmark(display_name, root.member(key), key, entry);
    // asv-spyglass indexes by the entry's `name`; a later duplicate replaces an earlier one.
    std::string name = info.name;
    catalog.by_name.insert_or_assign(std::move(name), std::move(info));
  }
  return catalog;
}

model::BenchmarkCatalog load_benchmarks_json(const std::string& path, std::uint64_t max_size) {
  const util::MappedFile file(path, max_size);
  return parse_benchmarks_json(file.text(), path);
}

std::optional<std::string> discover_benchmarks_json(const std::string& result_path) {
  // Rebuild the path the way pathlib reads it: "." and empty components vanish.
  std::filesystem::path cleaned;
  for (const auto& part : std::filesystem::path(result_path)) {
    if (!part.empty() && part != ".") {
      cleaned /= part;
    }
  }
  const std::filesystem::path machine_dir = cleaned.parent_path();
  const std::filesystem::path results_dir = machine_dir.parent_path();
  if (machine_dir.empty() || results_dir.empty() || results_dir == machine_dir) {
    return std::nullopt;
  }
  std::string candidate = (results_dir / "benchmarks.json").string();
  if (!util::is_regular_file(candidate)) {
    return std::nullopt;
  }
  return candidate;
}

}  // namespace spyglass::ingest
