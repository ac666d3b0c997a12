#include "spyglass/ingest/benchmarks_json.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "spyglass/util/error.hpp"
#include "spyglass/util/input_limit.hpp"
#include "support/paths.hpp"

namespace spyglass::ingest {
namespace {

using Params = std::vector<std::vector<std::string>>;

// Check every kept field of the catalog entry `name`.
void expect_info(const model::BenchmarkCatalog& catalog, const std::string& name,
                 const std::string& type, const std::optional<std::string>& unit,
                 const std::vector<std::string>& param_names, const Params& params) {
  SCOPED_TRACE(name);
  const model::BenchmarkInfo* info = catalog.find(name);
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->name, name);
  EXPECT_EQ(info->type, type);
  EXPECT_EQ(info->unit, unit);
  EXPECT_EQ(info->param_names, param_names);
  EXPECT_EQ(info->params, params);
}

// The message parse_benchmarks_json throws for `json`, or "<no error>".
std::string error_of(const std::string& json) {
  try {
    parse_benchmarks_json(json, "benchmarks.json");
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    return error.what();
  }
  return "<no error>";
}

TEST(BenchmarksJson, ReadsTheUpstreamParameterizedCatalog) {
  const model::BenchmarkCatalog catalog = load_benchmarks_json(
      test::fixture_path(
          "asv-spyglass-upstream/asv_spyglass/tests/data/d6b286b8_asv_samples_benchmarks.json"),
      util::k_default_max_input_size);
  EXPECT_EQ(catalog.by_name.size(), 5U);
  const Params sizes = {{"10", "100", "200"}};
  const Params ranges = {{"10", "100"}, {"'range'", "'arange'"}};
  expect_info(catalog, "benchmarks.TimeSuiteDecoratorSingle.time_keys", "time", "seconds", {"size"},
              sizes);
  expect_info(catalog, "benchmarks.TimeSuiteDecoratorSingle.time_values", "time", "seconds",
              {"size"}, sizes);
  expect_info(catalog, "benchmarks.TimeSuiteMultiDecorator.time_ranges", "time", "seconds",
              {"n", "func_name"}, ranges);
  expect_info(catalog, "benchmarks.time_ranges_multi", "time", "seconds", {"n", "func_name"},
              ranges);
  expect_info(catalog, "benchmarks.time_sort", "time", "seconds", {"n"}, {{"10", "100"}});
  EXPECT_EQ(catalog.find("version"), nullptr);
  EXPECT_EQ(catalog.find("benchmarks.time_sort(10)"), nullptr);
}

TEST(BenchmarksJson, ReadsAsvsExampleCatalog) {
  const model::BenchmarkCatalog catalog = load_benchmarks_json(
      test::fixture_path("asv-spyglass-upstream/asv/test/example_results/benchmarks.json"),
      util::k_default_max_input_size);
  EXPECT_EQ(catalog.by_name.size(), 35U);
  expect_info(catalog, "mem_examples.mem_list", "memory", "bytes", {}, {});
  expect_info(catalog, "params_examples.ParamSuite.track_value", "track", "unit", {"param1"},
              {{"'a'", "'b'", "'c'"}});
  expect_info(catalog, "params_examples.mem_param", "memory", "bytes", {"number", "depth"},
              {{"10", "20"}, {"2", "3"}});
  expect_info(catalog, "params_examples.track_param", "track", "unit", {"param1"},
              {{"<class 'benchmark.params_examples.ClassOne'>",
                "<class 'benchmark.params_examples.ClassTwo'>"}});
  expect_info(catalog, "time_units.mem_unit", "time", "seconds", {}, {});
  expect_info(catalog, "time_secondary.track_value", "track", "unit", {}, {});
}

TEST(BenchmarksJson, ReadsARealCatalog) {
  const model::BenchmarkCatalog catalog =
      load_benchmarks_json(test::fixture_path("asv-real/metpy-benchmark/results/benchmarks.json"),
                           util::k_default_max_input_size);
  EXPECT_EQ(catalog.by_name.size(), 128U);
  for (const auto& [name, info] : catalog.by_name) {
    SCOPED_TRACE(name);
    EXPECT_EQ(info.name, name);
    EXPECT_EQ(info.type, "time");
    EXPECT_EQ(info.unit, "seconds");
    EXPECT_TRUE(info.params.empty());
  }
}

TEST(BenchmarksJson, DefaultsTheOptionalFields) {
  const model::BenchmarkCatalog catalog = parse_benchmarks_json(
      R"({"version": 1, "a.track_x": {"unit": null}, "b": {"name": "b.time_y", "params": null}})",
      "benchmarks.json");
  EXPECT_EQ(catalog.by_name.size(), 2U);
  expect_info(catalog, "a.track_x", "", std::nullopt, {}, {});
  expect_info(catalog, "b.time_y", "", std::nullopt, {}, {});
}

TEST(BenchmarksJson, KeepsTheLaterOfTwoEntriesWithOneName) {
  const model::BenchmarkCatalog catalog = parse_benchmarks_json(
      R"({"version": 2, "x": {"name": "b.t", "unit": "first"}, "y": {"name": "b.t", "unit": "second"}})",
      "benchmarks.json");
  ASSERT_EQ(catalog.by_name.size(), 1U);
  EXPECT_EQ(catalog.find("b.t")->unit, "second");
}

TEST(BenchmarksJson, RejectsBadDocuments) {
  EXPECT_EQ(error_of("[]"), "benchmarks.json: expected an object, found an array");
  EXPECT_EQ(error_of(R"({"b.time_x": {}})"),
            "benchmarks.json: no format version (expected \"version\": 2)");
  EXPECT_EQ(error_of(R"({"version": 3})"),
            "benchmarks.json: format version 3 is newer than spyglass understands (expected 2)");
  EXPECT_EQ(error_of(R"({"version": 2, "b.time_x": 1})"),
            "benchmarks.json: b.time_x: expected an object, found an integer");
  EXPECT_EQ(error_of(R"({"version": 2, "b.time_x": {"name": 1}})"),
            R"(benchmarks.json: b.time_x["name"]: expected a string, found an integer)");
  EXPECT_EQ(error_of(R"({"version": 2, "b.time_x": {"type": null}})"),
            R"(benchmarks.json: b.time_x["type"]: expected a string, found null)");
  EXPECT_EQ(error_of(R"({"version": 2, "b.time_x": {"unit": 1}})"),
            R"(benchmarks.json: b.time_x["unit"]: expected a string, found an integer)");
  EXPECT_EQ(
      error_of(R"({"version": 2, "b.time_x": {"param_names": "n"}})"),
      R"(benchmarks.json: b.time_x["param_names"]: expected a list of strings, found a string)");
  EXPECT_EQ(error_of(R"({"version": 2, "b.time_x": {"params": [["1", 2]]}})"),
            R"(benchmarks.json: b.time_x["params"][0][1]: expected a string, found an integer)");
  EXPECT_EQ(
      error_of(R"({"version": 2, "b.time_x": {"params": {}}})"),
      R"(benchmarks.json: b.time_x["params"]: expected a list of lists of strings, found an object)");
}

TEST(BenchmarksJson, ChecksTheMembersItDoesNotRead) {
  EXPECT_EQ(error_of("{\"version\": 2, \"b.time_x\": {\"code\": \"caf\xe9\"}}"),
            "benchmarks.json:1:41: invalid UTF-8 in string");
  EXPECT_EQ(error_of(R"({"version": 2, "b.time_x": {"timeout": 01}})"),
            "benchmarks.json:1:40: invalid number (leading zero)");
  EXPECT_EQ(error_of(R"({"version": 2, "b.time_x": {"code": ["a",]}})"),
            "benchmarks.json:1:42: trailing comma before ']'");
  const model::BenchmarkCatalog catalog = parse_benchmarks_json(
      R"({"version": 2, "b.time_x": {"code": "x", "number": 1e999, "unit": "seconds",
          "name": "b.time_x", "type": "time", "params": [], "param_names": []}})",
      "benchmarks.json");
  expect_info(catalog, "b.time_x", "time", "seconds", {}, {});
}

// A fresh directory under the system temp dir that is removed, with everything in it, at scope
// exit; while it lives it is also the working directory.
class TempWorkingDir {
 public:
  TempWorkingDir() : m_previous(std::filesystem::current_path()) {
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() /
             ("spyglass-ingest-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(m_path);
    std::filesystem::current_path(m_path);
  }
  ~TempWorkingDir() {
    std::error_code ignored;
    std::filesystem::current_path(m_previous, ignored);
    std::filesystem::remove_all(m_path, ignored);
  }
  TempWorkingDir(const TempWorkingDir&) = delete;
  TempWorkingDir& operator=(const TempWorkingDir&) = delete;

  // Create the file `relative` (and its directories) with some contents.
  void touch(const std::string& relative) const {
    std::filesystem::create_directories((m_path / relative).parent_path());
    std::ofstream(m_path / relative) << "{}";
  }

 private:
  std::filesystem::path m_previous;
  std::filesystem::path m_path;
};

TEST(BenchmarksJson, DiscoversTheCatalogBesideTheMachineDirectory) {
  const TempWorkingDir dir;
  dir.touch("results/benchmarks.json");
  EXPECT_EQ(discover_benchmarks_json("results/m/A.json"), "results/benchmarks.json");
  EXPECT_EQ(discover_benchmarks_json("results/./m/A.json"), "results/benchmarks.json");
  EXPECT_EQ(discover_benchmarks_json("./results//m/A.json"), "results/benchmarks.json");
  EXPECT_EQ(discover_benchmarks_json("results/other/A.json"), "results/benchmarks.json");
  EXPECT_EQ(discover_benchmarks_json("elsewhere/m/A.json"), std::nullopt);
}

TEST(BenchmarksJson, NeverFallsBackToTheWorkingDirectory) {
  const TempWorkingDir dir;
  dir.touch("benchmarks.json");
  EXPECT_EQ(discover_benchmarks_json("A.json"), std::nullopt);
  EXPECT_EQ(discover_benchmarks_json("m/A.json"), std::nullopt);
  EXPECT_EQ(discover_benchmarks_json("./m/A.json"), std::nullopt);
  EXPECT_EQ(discover_benchmarks_json("m/./A.json"), std::nullopt);
  EXPECT_EQ(discover_benchmarks_json("../A.json"), std::nullopt);
  EXPECT_EQ(discover_benchmarks_json("/A.json"), std::nullopt);
}

TEST(BenchmarksJson, DiscoversTheCatalogsOfTheFixtures) {
  EXPECT_EQ(discover_benchmarks_json(test::fixture_path(
                "asv-real/django-asv/results/ubuntu-latest/4c4f8fd7-conda-py3.12.json")),
            test::fixture_path("asv-real/django-asv/results/benchmarks.json"));
  EXPECT_EQ(discover_benchmarks_json(
                test::fixture_path("asv-spyglass-upstream/asv/test/example_results/cheetah/"
                                   "22b920c6-py2.7-Cython-numpy1.8.json")),
            test::fixture_path("asv-spyglass-upstream/asv/test/example_results/benchmarks.json"));
  // The upstream data folder has no benchmarks.json one level up.
  EXPECT_EQ(discover_benchmarks_json(test::fixture_path(
                "asv-spyglass-upstream/asv_spyglass/tests/data/a0f29428-conda-py3.11-numpy.json")),
            std::nullopt);
}

TEST(BenchmarksJson, NamesTheUnreadableFile) {
  try {
    load_benchmarks_json("/nonexistent/benchmarks.json", util::k_default_max_input_size);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()),
              "/nonexistent/benchmarks.json: cannot open: No such file or directory");
  }
}

// The benchmark code's version, which `history` compares with each result's (spec history.md
// 2.1); absent or null is none.
TEST(BenchmarksJson, KeepsEachBenchmarksVersion) {
  const auto catalog = parse_benchmarks_json(
      R"({"a": {"name": "a", "version": "abc"}, "b": {"name": "b", "version": null},
          "c": {"name": "c"}, "version": 2})",
      "benchmarks.json");
  EXPECT_EQ(catalog.find("a")->version, "abc");
  EXPECT_EQ(catalog.find("b")->version, std::nullopt);
  EXPECT_EQ(catalog.find("c")->version, std::nullopt);
  EXPECT_EQ(error_of(R"({"a": {"version": 3}, "version": 2})"),
            R"(benchmarks.json: a["version"]: expected a string, found an integer)");
}

}  // namespace
}  // namespace spyglass::ingest
