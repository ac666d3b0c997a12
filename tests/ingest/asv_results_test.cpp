#include "spyglass/ingest/asv_results.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spyglass/util/error.hpp"
#include "spyglass/util/input_limit.hpp"
#include "support/paths.hpp"

namespace spyglass::ingest {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

model::Number num(double value) { return {value, false}; }
model::Number integer(double value) { return {value, true}; }

model::Stats stats(std::optional<double> ci_99_a, std::optional<double> ci_99_b,
                   std::optional<double> q_25, std::optional<double> q_75,
                   std::optional<double> number, std::optional<double> repeat) {
  return {ci_99_a, ci_99_b, q_25, q_75, number, repeat};
}

// What one unrolled result must hold; samples are checked separately where a file has them.
struct ExpectedRow {
  std::string name;
  std::optional<model::Number> value;
  std::optional<model::Stats> stats;
  std::optional<std::string> version;
};

void expect_value(const std::optional<model::Number>& actual,
                  const std::optional<model::Number>& expected) {
  ASSERT_EQ(actual.has_value(), expected.has_value());
  if (!expected) {
    return;
  }
  EXPECT_EQ(actual->is_integer, expected->is_integer);
  if (std::isnan(expected->value)) {
    EXPECT_TRUE(std::isnan(actual->value)) << actual->value;
  } else {
    EXPECT_EQ(actual->value, expected->value);
  }
}

void expect_stats(const std::optional<model::Stats>& actual,
                  const std::optional<model::Stats>& expected) {
  ASSERT_EQ(actual.has_value(), expected.has_value());
  if (!expected) {
    return;
  }
  EXPECT_EQ(actual->ci_99_a, expected->ci_99_a);
  EXPECT_EQ(actual->ci_99_b, expected->ci_99_b);
  EXPECT_EQ(actual->q_25, expected->q_25);
  EXPECT_EQ(actual->q_75, expected->q_75);
  EXPECT_EQ(actual->number, expected->number);
  EXPECT_EQ(actual->repeat, expected->repeat);
}

// Every result of `file` in order: names, values, stats and versions; no samples.
void expect_rows(const model::ResultFile& file, const std::vector<ExpectedRow>& expected) {
  std::vector<std::string> names;
  for (const auto& result : file.results) {
    names.push_back(result.name);
  }
  std::vector<std::string> expected_names;
  for (const auto& row : expected) {
    expected_names.push_back(row.name);
  }
  ASSERT_EQ(names, expected_names);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(file.path + ": " + expected[i].name);
    const model::BenchmarkResult& result = file.results[i];
    expect_value(result.value, expected[i].value);
    expect_stats(result.stats, expected[i].stats);
    EXPECT_EQ(result.version, expected[i].version);
    EXPECT_EQ(result.samples, std::nullopt);
  }
}

model::ResultFile load_fixture(const std::string& relative) {
  return load_asv_results(test::fixture_path(relative), util::k_default_max_input_size);
}

const std::string k_upstream_data = "asv-spyglass-upstream/asv_spyglass/tests/data/";
const std::string k_cheetah = "asv-spyglass-upstream/asv/test/example_results/cheetah/";

// --- Format 2, upstream asv-spyglass data --------------------------------------

TEST(AsvResults, ReadsTheUpstreamCondaFile) {
  const model::ResultFile file = load_fixture(k_upstream_data + "a0f29428-conda-py3.11-numpy.json");
  EXPECT_EQ(file.path, test::fixture_path(k_upstream_data + "a0f29428-conda-py3.11-numpy.json"));
  EXPECT_EQ(file.machine, "rgx1gen11");
  EXPECT_EQ(file.env_name, "conda-py3.11-numpy");
  EXPECT_EQ(file.commit_hash, "a0f29428eeb7563d7d5ab8385c722e8d5560bd07");
  EXPECT_EQ(file.date, 1707691590000);
  EXPECT_EQ(file.python, "3.11");
  EXPECT_EQ(file.requirements, (model::StringPairs{{"numpy", ""}}));
  EXPECT_EQ(file.params, (model::StringPairs{{"arch", "x86_64"},
                                             {"cpu", "13th Gen Intel(R) Core(TM) i7-1365U"},
                                             {"machine", "rgx1gen11"},
                                             {"num_cpu", "12"},
                                             {"os", "Linux 6.11.9-arch1-1"},
                                             {"ram", "32504640"},
                                             {"python", "3.11"},
                                             {"numpy", ""}}));
  EXPECT_EQ(file.env_vars, model::StringPairs{});
  expect_rows(file, {{"benchmarks.TimeSuite.time_add_arr", num(9.483513206484194e-5),
                      stats(6.1389e-5, 0.00013045, 6.2319e-5, 0.00012683, 178, 10),
                      "a7119d8d28c9accb9643fb287a1f26775e9d1bcddcd76213aca1b56822c89f0c"}});
  EXPECT_EQ(file.results[0].key, "benchmarks.TimeSuite.time_add_arr");
  EXPECT_TRUE(file.results[0].params.empty());
  EXPECT_TRUE(file.results[0].stats->number.has_value());
}

TEST(AsvResults, UnrollsTheUpstreamRattlerFile) {
  const model::ResultFile file =
      load_fixture(k_upstream_data + "d6b286b8-rattler-py3.12-numpy.json");
  EXPECT_EQ(file.machine, "rgx1gen11");
  EXPECT_EQ(file.env_name, "rattler-py3.12-numpy");
  EXPECT_EQ(file.commit_hash, "d6b286b8794b81e009e097b7f3f28860861fc563");
  EXPECT_EQ(file.date, 1707690777000);
  EXPECT_EQ(file.python, "3.12");
  expect_rows(
      file,
      {
          {"benchmarks.TimeSuiteDecoratorSingle.time_keys(10)", num(1.37378532884605e-07),
           stats(1.3444e-07, 1.4947e-07, 1.3621e-07, 1.431e-07, 67364, 10),
           "64746c9051ff76aa879b428c27b4247e8ed976c44a40579ae9aa4601b9883ed5"},
          {"benchmarks.TimeSuiteDecoratorSingle.time_keys(100)", num(5.429162653926854e-07),
           stats(5.3813e-07, 5.4586e-07, 5.419e-07, 5.4495e-07, 16815, 10),
           "64746c9051ff76aa879b428c27b4247e8ed976c44a40579ae9aa4601b9883ed5"},
          {"benchmarks.TimeSuiteDecoratorSingle.time_keys(200)", num(1.0728282369663897e-06),
           stats(1.0672e-06, 1.091e-06, 1.0707e-06, 1.0782e-06, 8960, 10),
           "64746c9051ff76aa879b428c27b4247e8ed976c44a40579ae9aa4601b9883ed5"},
          {"benchmarks.TimeSuiteDecoratorSingle.time_values(10)", num(1.870523832540821e-07),
           stats(1.8023e-07, 1.9282e-07, 1.8595e-07, 1.9121e-07, 63961, 10),
           "ab162b6142a1390a0e2a667ed8d2d3285f77152d9caa559b4fd784bb120aa153"},
          {"benchmarks.TimeSuiteDecoratorSingle.time_values(100)", num(7.847095893996428e-07),
           stats(7.7445e-07, 7.9307e-07, 7.8003e-07, 7.8758e-07, 15516, 10),
           "ab162b6142a1390a0e2a667ed8d2d3285f77152d9caa559b4fd784bb120aa153"},
          {"benchmarks.TimeSuiteDecoratorSingle.time_values(200)", num(1.4613044126333168e-06),
           stats(1.4525e-06, 1.4623e-06, 1.4593e-06, 1.4621e-06, 8748, 10),
           "ab162b6142a1390a0e2a667ed8d2d3285f77152d9caa559b4fd784bb120aa153"},
          {"benchmarks.TimeSuiteMultiDecorator.time_ranges(10, 'range')",
           num(2.3096740716340811e-07),
           stats(2.2972e-07, 2.3326e-07, 2.3038e-07, 2.3224e-07, 51698, 10),
           "bf8381bfa42fb47f084462e83ab870e9779fb25535168f77415db72845b02f6d"},
          {"benchmarks.TimeSuiteMultiDecorator.time_ranges(10, 'arange')",
           num(1.3737530519982098e-06),
           stats(1.366e-06, 1.3947e-06, 1.3691e-06, 1.3791e-06, 9417, 10),
           "bf8381bfa42fb47f084462e83ab870e9779fb25535168f77415db72845b02f6d"},
          {"benchmarks.TimeSuiteMultiDecorator.time_ranges(100, 'range')",
           num(6.507371149493031e-07),
           stats(6.4741e-07, 6.5358e-07, 6.4921e-07, 6.5143e-07, 20005, 10),
           "bf8381bfa42fb47f084462e83ab870e9779fb25535168f77415db72845b02f6d"},
          {"benchmarks.TimeSuiteMultiDecorator.time_ranges(100, 'arange')",
           num(3.831307194414474e-06),
           stats(3.7563e-06, 3.9037e-06, 3.8065e-06, 3.8388e-06, 3213, 10),
           "bf8381bfa42fb47f084462e83ab870e9779fb25535168f77415db72845b02f6d"},
          {"benchmarks.time_ranges_multi(10, 'range')", num(1.75908075758346e-07),
           stats(1.7102e-07, 1.7728e-07, 1.7412e-07, 1.7638e-07, 54349, 10),
           "f9ae8b134446c273c0d3eb1e90246ae0d6f99389d06119dfe4fed7210eccdb15"},
          {"benchmarks.time_ranges_multi(10, 'arange')", num(1.04194673574825e-06),
           stats(1.0348e-06, 1.0653e-06, 1.0378e-06, 1.044e-06, 9631, 10),
           "f9ae8b134446c273c0d3eb1e90246ae0d6f99389d06119dfe4fed7210eccdb15"},
          {"benchmarks.time_ranges_multi(100, 'range')", num(4.322195698640758e-07),
           stats(4.3157e-07, 4.3557e-07, 4.3176e-07, 4.342e-07, 20588, 10),
           "f9ae8b134446c273c0d3eb1e90246ae0d6f99389d06119dfe4fed7210eccdb15"},
          {"benchmarks.time_ranges_multi(100, 'arange')", num(3.0868006284377445e-06),
           stats(3.0563e-06, 3.1576e-06, 3.0622e-06, 3.1181e-06, 3042, 10),
           "f9ae8b134446c273c0d3eb1e90246ae0d6f99389d06119dfe4fed7210eccdb15"},
          {"benchmarks.time_sort(10)", num(1.0754531829770897e-06),
           stats(1.0645e-06, 1.3746e-06, 1.0715e-06, 1.0777e-06, 9345, 10),
           "60785bf757da0254d857b696482db7a25509a5b28a2c9d2a54e85d2a593ce272"},
          {"benchmarks.time_sort(100)", num(1.6311290342036977e-06),
           stats(1.6189e-06, 1.6341e-06, 1.6225e-06, 1.6326e-06, 5828, 10),
           "60785bf757da0254d857b696482db7a25509a5b28a2c9d2a54e85d2a593ce272"},
      });
  const model::BenchmarkResult& ranges = file.results[7];
  EXPECT_EQ(ranges.key, "benchmarks.TimeSuiteMultiDecorator.time_ranges");
  EXPECT_EQ(ranges.params, (std::vector<std::string>{"10", "'arange'"}));
}

TEST(AsvResults, UnrollsTheUpstreamVirtualenvFile) {
  const model::ResultFile file =
      load_fixture(k_upstream_data + "d6b286b8-virtualenv-py3.12-numpy.json");
  EXPECT_EQ(file.machine, "rgx1gen11");
  EXPECT_EQ(file.env_name, "virtualenv-py3.12-numpy");
  EXPECT_EQ(file.commit_hash, "d6b286b8794b81e009e097b7f3f28860861fc563");
  expect_rows(
      file,
      {
          {"benchmarks.TimeSuiteDecoratorSingle.time_keys(10)", num(1.57378532884605e-07),
           stats(1.5444e-07, 1.6947e-07, 1.5621e-07, 1.631e-07, 67364, 10),
           "64746c9051ff76aa879b428c27b4247e8ed976c44a40579ae9aa4601b9883ed5"},
          {"benchmarks.TimeSuiteDecoratorSingle.time_keys(100)", num(6.429162653926854e-07),
           stats(6.3813e-07, 6.4586e-07, 6.419e-07, 6.4495e-07, 16815, 10),
           "64746c9051ff76aa879b428c27b4247e8ed976c44a40579ae9aa4601b9883ed5"},
          {"benchmarks.TimeSuiteDecoratorSingle.time_keys(200)", num(1.1728282369663896e-06),
           stats(1.1672e-06, 1.191e-06, 1.1707e-06, 1.1782e-06, 8960, 10),
           "64746c9051ff76aa879b428c27b4247e8ed976c44a40579ae9aa4601b9883ed5"},
          {"benchmarks.TimeSuiteDecoratorSingle.time_values(10)", num(1.670523832540821e-07),
           stats(1.6023e-07, 1.7282e-07, 1.6595e-07, 1.7121e-07, 63961, 10),
           "ab162b6142a1390a0e2a667ed8d2d3285f77152d9caa559b4fd784bb120aa153"},
          {"benchmarks.TimeSuiteDecoratorSingle.time_values(100)", num(6.847095893996428e-07),
           stats(6.7445e-07, 6.9307e-07, 6.8003e-07, 6.8758e-07, 15516, 10),
           "ab162b6142a1390a0e2a667ed8d2d3285f77152d9caa559b4fd784bb120aa153"},
          {"benchmarks.TimeSuiteDecoratorSingle.time_values(200)", num(1.2613044126333168e-06),
           stats(1.2525e-06, 1.2623e-06, 1.2593e-06, 1.2621e-06, 8748, 10),
           "ab162b6142a1390a0e2a667ed8d2d3285f77152d9caa559b4fd784bb120aa153"},
          {"benchmarks.TimeSuiteMultiDecorator.time_ranges(10, 'range')",
           num(2.1096740716340812e-07),
           stats(2.0972e-07, 2.1326e-07, 2.1038e-07, 2.1224e-07, 51698, 10),
           "bf8381bfa42fb47f084462e83ab870e9779fb25535168f77415db72845b02f6d"},
          {"benchmarks.TimeSuiteMultiDecorator.time_ranges(10, 'arange')",
           num(1.1737530519982098e-06),
           stats(1.166e-06, 1.1947e-06, 1.1691e-06, 1.1791e-06, 9417, 10),
           "bf8381bfa42fb47f084462e83ab870e9779fb25535168f77415db72845b02f6d"},
          {"benchmarks.TimeSuiteMultiDecorator.time_ranges(100, 'range')",
           num(5.507371149493031e-07),
           stats(5.4741e-07, 5.5358e-07, 5.4921e-07, 5.5143e-07, 20005, 10),
           "bf8381bfa42fb47f084462e83ab870e9779fb25535168f77415db72845b02f6d"},
          {"benchmarks.TimeSuiteMultiDecorator.time_ranges(100, 'arange')",
           num(3.4313071944144745e-06),
           stats(3.3563e-06, 3.5037e-06, 3.4065e-06, 3.4388e-06, 3213, 10),
           "bf8381bfa42fb47f084462e83ab870e9779fb25535168f77415db72845b02f6d"},
          {"benchmarks.time_ranges_multi(10, 'range')", num(1.95908075758346e-07),
           stats(1.9102e-07, 1.9728e-07, 1.9412e-07, 1.9638e-07, 54349, 10),
           "f9ae8b134446c273c0d3eb1e90246ae0d6f99389d06119dfe4fed7210eccdb15"},
          {"benchmarks.time_ranges_multi(10, 'arange')", num(1.14194673574825e-06),
           stats(1.1348e-06, 1.1653e-06, 1.1378e-06, 1.144e-06, 9631, 10),
           "f9ae8b134446c273c0d3eb1e90246ae0d6f99389d06119dfe4fed7210eccdb15"},
          {"benchmarks.time_ranges_multi(100, 'range')", num(5.322195698640758e-07),
           stats(5.3157e-07, 5.3557e-07, 5.3176e-07, 5.342e-07, 20588, 10),
           "f9ae8b134446c273c0d3eb1e90246ae0d6f99389d06119dfe4fed7210eccdb15"},
          {"benchmarks.time_ranges_multi(100, 'arange')", num(3.3868006284377446e-06),
           stats(3.3563e-06, 3.4576e-06, 3.3622e-06, 3.4181e-06, 3042, 10),
           "f9ae8b134446c273c0d3eb1e90246ae0d6f99389d06119dfe4fed7210eccdb15"},
          {"benchmarks.time_sort(10)", num(1.1754531829770896e-06),
           stats(1.1645e-06, 1.4746e-06, 1.1715e-06, 1.1777e-06, 9345, 10),
           "60785bf757da0254d857b696482db7a25509a5b28a2c9d2a54e85d2a593ce272"},
          {"benchmarks.time_sort(100)", num(1.8311290342036977e-06),
           stats(1.8189e-06, 1.8341e-06, 1.8225e-06, 1.8326e-06, 5828, 10),
           "60785bf757da0254d857b696482db7a25509a5b28a2c9d2a54e85d2a593ce272"},
      });
}

// --- Format 1, asv's example results -----------------------------------------------

TEST(AsvResults, ConvertsTheOlderCheetahFile) {
  const model::ResultFile file = load_fixture(k_cheetah + "22b920c6-py2.7-Cython-numpy1.8.json");
  EXPECT_EQ(file.machine, "cheetah");
  // asv derives `py<python>` plus the requirements; the file name's "Cython" is not in them.
  EXPECT_EQ(file.env_name, "py2.7-numpy1.8");
  EXPECT_EQ(file.commit_hash, "22b920c6d0d54112ccbc020eddba9ea7a2d204f3");
  EXPECT_EQ(file.date, 1378902176000);
  EXPECT_EQ(file.python, "2.7");
  EXPECT_EQ(file.requirements, (model::StringPairs{{"numpy", "1.8"}}));
  EXPECT_EQ(file.params.size(), 7U);
  EXPECT_EQ(file.env_vars, model::StringPairs{});
  // Sorted by name, as `asv update` writes them.
  expect_rows(
      file,
      {
          {"time_AAA_failure", std::nullopt, std::nullopt, std::nullopt},
          {"time_AAA_skip", num(k_nan), std::nullopt, std::nullopt},
          {"time_ci_big", integer(1), stats(0.5, 2.5, 0.5, 2.5, std::nullopt, std::nullopt),
           std::nullopt},
          {"time_ci_small", integer(1), stats(0.9, 1.1, 1, 1, std::nullopt, std::nullopt),
           std::nullopt},
          {"time_coordinates.time_latitude", num(0.0004540278911590576), std::nullopt,
           std::nullopt},
          {"time_other.time_parameterized(1)", integer(1), std::nullopt, std::nullopt},
          {"time_other.time_parameterized(2)", integer(2), std::nullopt, std::nullopt},
          {"time_other.time_parameterized(3)", integer(3), std::nullopt, std::nullopt},
          {"time_quantity.time_quantity_array_conversion", num(0.0017511451244354248), std::nullopt,
           std::nullopt},
          {"time_quantity.time_quantity_init_array", num(0.0009337139129638672), std::nullopt,
           std::nullopt},
          {"time_quantity.time_quantity_init_scalar", num(8.364510536193848e-05), std::nullopt,
           std::nullopt},
          {"time_quantity.time_quantity_scalar_conversion", num(0.00028171396255493165),
           std::nullopt, std::nullopt},
          {"time_quantity.time_quantity_ufunc_sin", num(0.001310124158859253), std::nullopt,
           std::nullopt},
          {"time_secondary.track_value", integer(42), std::nullopt, std::nullopt},
          {"time_units.mem_unit", integer(344), std::nullopt, std::nullopt},
          {"time_units.time_simple_unit_parse", num(0.00012511448860168457), std::nullopt,
           std::nullopt},
          {"time_units.time_unit_compose", num(0.0016420300006866455), std::nullopt, std::nullopt},
          {"time_units.time_unit_parse", num(0.00037211203575134277), std::nullopt, std::nullopt},
          {"time_units.time_unit_to", num(6.909289360046387e-05), std::nullopt, std::nullopt},
          {"time_units.time_very_simple_unit_parse", num(1.186551809310913e-05), std::nullopt,
           std::nullopt},
          {"time_with_version_match", integer(1), std::nullopt, "1"},
          {"time_with_version_mismatch_bench", integer(1), std::nullopt, "1"},
          {"time_with_version_mismatch_other", integer(1), std::nullopt, "1"},
      });
  EXPECT_EQ(file.results[5].key, "time_other.time_parameterized");
  EXPECT_EQ(file.results[5].params, std::vector<std::string>{"1"});
}

TEST(AsvResults, ConvertsTheNewerCheetahFile) {
  const model::ResultFile file = load_fixture(k_cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json");
  EXPECT_EQ(file.machine, "cheetah");
  EXPECT_EQ(file.env_name, "py2.7-numpy1.8");
  EXPECT_EQ(file.commit_hash, "fcf8c079fae7ebad9f27bd31a819f0e4fdd85b99");
  EXPECT_EQ(file.date, 1367127519000);
  expect_rows(
      file,
      {
          {"params_examples.ParamSuite.track_value", std::nullopt, std::nullopt, std::nullopt},
          {"time_AAA_failure", std::nullopt, std::nullopt, std::nullopt},
          {"time_AAA_skip", num(k_nan), std::nullopt, std::nullopt},
          {"time_ci_big", integer(3), stats(1.5, 3.5, 1.5, 3.5, std::nullopt, std::nullopt),
           std::nullopt},
          {"time_ci_small", integer(3), stats(3.1, 3.9, 3, 3, std::nullopt, std::nullopt),
           std::nullopt},
          {"time_coordinates.time_latitude", std::nullopt, std::nullopt, std::nullopt},
          {"time_other.time_parameterized(1)", integer(1), std::nullopt, std::nullopt},
          {"time_other.time_parameterized(2)", integer(4), std::nullopt, std::nullopt},
          {"time_other.time_parameterized(3)", std::nullopt, std::nullopt, std::nullopt},
          {"time_quantity.time_quantity_array_conversion", num(0.15283851623535155), std::nullopt,
           std::nullopt},
          {"time_quantity.time_quantity_init_array", num(0.10822079181671143), std::nullopt,
           std::nullopt},
          {"time_quantity.time_quantity_init_scalar", num(5.538060665130615e-05), std::nullopt,
           std::nullopt},
          {"time_quantity.time_quantity_scalar_conversion", num(0.00014688129425048828),
           std::nullopt, std::nullopt},
          {"time_quantity.time_quantity_ufunc_sin", num(0.0077467203140258786), std::nullopt,
           std::nullopt},
          {"time_secondary.track_value", integer(42), std::nullopt, std::nullopt},
          {"time_units.mem_unit", integer(344), std::nullopt, std::nullopt},
          {"time_units.time_simple_unit_parse", num(0.003806138038635254), std::nullopt,
           std::nullopt},
          {"time_units.time_unit_compose", num(0.0015271089076995849), std::nullopt, std::nullopt},
          {"time_units.time_unit_parse", num(0.011466357707977295), std::nullopt, std::nullopt},
          {"time_units.time_unit_to", num(1.8321509361267086e-05), std::nullopt, std::nullopt},
          {"time_units.time_very_simple_unit_parse", num(1.3104991912841798e-05), std::nullopt,
           std::nullopt},
          {"time_with_version_match", integer(3), std::nullopt, "1"},
          {"time_with_version_mismatch_bench", integer(3), std::nullopt, "1"},
          {"time_with_version_mismatch_other", integer(3), std::nullopt, "2"},
      });
}

// --- Format 2, real-world data -----------------------------------------------------

TEST(AsvResults, ReadsARealFileWithSamples) {
  const model::ResultFile file =
      load_fixture("asv-real/django-asv/results/ubuntu-latest/4c4f8fd7-conda-py3.12.json");
  EXPECT_EQ(file.machine, "ubuntu-latest");
  EXPECT_EQ(file.env_name, "conda-py3.12");
  EXPECT_EQ(file.commit_hash, "4c4f8fd775c61ad8cfb07b4da244b07000c89edc");
  EXPECT_EQ(file.date, 1787261473000);
  EXPECT_EQ(file.params, (model::StringPairs{{"machine", "ubuntu-latest"}, {"python", "3.12"}}));
  EXPECT_EQ(file.requirements, model::StringPairs{});
  ASSERT_EQ(file.results.size(), 66U);

  const model::BenchmarkResult& first = file.results.front();
  EXPECT_EQ(first.name,
            "data_struct_benchmarks.multi_value_dict.benchmark.MultiValueDictBench."
            "time_multi_value_dict");
  expect_value(first.value, num(0.18346833599999002));
  expect_stats(first.stats, stats(0.18057, 0.18716, 0.18267, 0.18564, 1, 10));
  EXPECT_EQ(first.version, "87acd4d238cf055be76b8987a6748b697c7515e52712dfee8ee0efebc4de5f86");
  EXPECT_EQ(first.samples,
            (std::vector<double>{0.18565602200001763, 0.18300558000001388, 0.18598688700001276,
                                 0.18716112800001383, 0.18285279799999898, 0.18206031500000108,
                                 0.18056693599999107, 0.18393109199996616, 0.18260728399997106,
                                 0.18559092699996427}));

  const model::BenchmarkResult& last = file.results.back();
  EXPECT_EQ(last.name,
            "query_benchmarks.query_related_in.benchmark.QueryRelatedIn.time_query_related_in");
  expect_value(last.value, num(0.011784100499994565));
  expect_stats(last.stats, stats(0.011078, 0.012389, 0.011701, 0.011846, 1, 10));
  EXPECT_EQ(last.samples,
            (std::vector<double>{0.011670046000006096, 0.011771285999998327, 0.012389179999985345,
                                 0.011892154000008759, 0.011695905000010498, 0.011796914999990804,
                                 0.011858876000019336, 0.011715874999993048, 0.011807259999955022,
                                 0.01107840299999907}));
  for (const auto& result : file.results) {
    SCOPED_TRACE(result.name);
    EXPECT_TRUE(result.value.has_value());
    ASSERT_TRUE(result.samples.has_value());
    EXPECT_EQ(result.samples->size(), 10U);
  }
}

// --- Inline documents --------------------------------------------------------------

constexpr std::string_view k_all_columns =
    R"(["result", "params", "version", "started_at", "duration", "stats_ci_99_a",
       "stats_ci_99_b", "stats_q_25", "stats_q_75", "stats_number", "stats_repeat", "samples",
       "profile"])";

// A format 2 document with `results` and `columns`; `header` replaces the usual header keys.
std::string v2(std::string_view results, std::string_view columns = k_all_columns,
               std::string_view header = R"("commit_hash": "abc", "env_name": "env",
                  "date": 1, "params": {"machine": "m"}, "python": "3.12",
                  "requirements": {})") {
  return "{\"version\": 2, " + std::string(header) +
         ", \"result_columns\": " + std::string(columns) +
         ", \"results\": " + std::string(results) + "}";
}

// A format 1 document with `results` and extra top-level members `extra` (", ..." or "").
std::string v1(std::string_view results, std::string_view extra = "") {
  return R"({"version": 1, "commit_hash": "abc", "date": 1, "params": {"machine": "m"},
             "python": "2.7", "requirements": {"numpy": "1.8"}, "results": )" +
         std::string(results) + std::string(extra) + "}";
}

model::ResultFile parse(const std::string& json) { return parse_asv_results(json, "r.json"); }

// The message `parse` throws for `json`, or "<no error>".
std::string error_of(const std::string& json) {
  try {
    parse(json);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    return error.what();
  }
  return "<no error>";
}

TEST(AsvResults, AcceptsAFileWithoutResults) {
  EXPECT_TRUE(parse(v2("{}")).results.empty());
  EXPECT_TRUE(parse(v1("{}")).results.empty());
}

TEST(AsvResults, ReadsRowsWithTrailingNullsDropped) {
  const model::ResultFile file = parse(v2(R"({"b.time_x": [[1.5], []]})"));
  expect_rows(file, {{"b.time_x", num(1.5), std::nullopt, std::nullopt}});
}

TEST(AsvResults, KeepsIntegerAndFloatLiteralsApart) {
  const model::ResultFile file =
      parse(v2(R"({"b.track_i": [[42], []], "b.track_f": [[42.0], []]})"));
  expect_rows(file, {{"b.track_i", integer(42), std::nullopt, std::nullopt},
                     {"b.track_f", num(42), std::nullopt, std::nullopt}});
}

TEST(AsvResults, FailsEveryCombinationOfANullResult) {
  const model::ResultFile file = parse(v2(R"({"b.time_x": [null, [["1", "2"]], "v1"]})"));
  expect_rows(file, {{"b.time_x(1)", std::nullopt, std::nullopt, "v1"},
                     {"b.time_x(2)", std::nullopt, std::nullopt, "v1"}});
}

TEST(AsvResults, ReadsPerCombinationNumbersSkipsAndFailures) {
  const model::ResultFile file =
      parse(v2(R"({"b.time_x": [[1, NaN, null, 2.5], [["1", "2"], ["'a'", "'b'"]]]})"));
  expect_rows(file, {{"b.time_x(1, 'a')", integer(1), std::nullopt, std::nullopt},
                     {"b.time_x(1, 'b')", num(k_nan), std::nullopt, std::nullopt},
                     {"b.time_x(2, 'a')", std::nullopt, std::nullopt, std::nullopt},
                     {"b.time_x(2, 'b')", num(2.5), std::nullopt, std::nullopt}});
  EXPECT_EQ(file.results[1].params, (std::vector<std::string>{"1", "'b'"}));
}

TEST(AsvResults, CollapsesWhitespaceInParameterNames) {
  const model::ResultFile file = parse(v2(R"j({"b.time_x": [[1], [["AnnData(\n  obs\n)"]]]})j"));
  ASSERT_EQ(file.results.size(), 1U);
  EXPECT_EQ(file.results[0].name, "b.time_x(AnnData( obs ))");
  EXPECT_EQ(file.results[0].key, "b.time_x");
  EXPECT_EQ(file.results[0].params, std::vector<std::string>{"AnnData( obs )"});
}

TEST(AsvResults, KeepsOnlyTheStatsKeysThatAreNotNull) {
  const model::ResultFile file = parse(v2(R"({"b.time_x": [[1.0, 2.0], [["1", "2"]], null,
      null, null, [0.5, null], null, [0.75, 1.75], null, [10, null]]})"));
  expect_rows(
      file, {{"b.time_x(1)", num(1), stats(0.5, std::nullopt, 0.75, std::nullopt, 10, std::nullopt),
              std::nullopt},
             {"b.time_x(2)", num(2),
              stats(std::nullopt, std::nullopt, 1.75, std::nullopt, std::nullopt, std::nullopt),
              std::nullopt}});
}

TEST(AsvResults, ReadsInfiniteStats) {
  const model::ResultFile file =
      parse(v2(R"({"b.time_x": [[1.0], [], null, null, null, [-Infinity], [Infinity], null, null,
          [1], [1]]})"));
  constexpr double k_inf = std::numeric_limits<double>::infinity();
  expect_rows(file, {{"b.time_x", num(1), stats(-k_inf, k_inf, std::nullopt, std::nullopt, 1, 1),
                      std::nullopt}});
}

TEST(AsvResults, GivesNoStatsWhenEveryStatsColumnIsNull) {
  const model::ResultFile file = parse(
      v2(R"({"b.time_x": [[1.0], [], null, null, null, null, null, null, null, null, null]})"));
  expect_rows(file, {{"b.time_x", num(1), std::nullopt, std::nullopt}});
}

TEST(AsvResults, GivesEmptyStatsForAStatsColumnOfNulls) {
  // asv's loader makes a dict per combination as soon as one stats column is a list.
  const model::ResultFile file =
      parse(v2(R"({"b.time_x": [[1.0], [], null, null, null, [null]]})"));
  expect_rows(file, {{"b.time_x", num(1), model::Stats{}, std::nullopt}});
}

TEST(AsvResults, ReadsSamplesPerCombination) {
  const model::ResultFile file = parse(v2(R"({"b.time_x": [[1.0, null, 3.0], [["1", "2", "3"]],
      null, null, null, null, null, null, null, null, null, [[1, 2.5], null, []]]})"));
  ASSERT_EQ(file.results.size(), 3U);
  EXPECT_EQ(file.results[0].samples, (std::vector<double>{1, 2.5}));
  EXPECT_EQ(file.results[1].samples, std::nullopt);
  EXPECT_EQ(file.results[2].samples, std::vector<double>{});
}

TEST(AsvResults, MatchesColumnsByName) {
  const model::ResultFile file = parse(v2(R"({"b.time_x": ["v7", [["1"]], [[0.25]], [3.0]]})",
                                          R"(["version", "params", "samples", "result"])"));
  ASSERT_EQ(file.results.size(), 1U);
  EXPECT_EQ(file.results[0].name, "b.time_x(1)");
  expect_value(file.results[0].value, num(3));
  EXPECT_EQ(file.results[0].version, "v7");
  EXPECT_EQ(file.results[0].samples, std::vector<double>{0.25});
  EXPECT_EQ(file.results[0].stats, std::nullopt);
}

TEST(AsvResults, IgnoresCellsBeyondTheColumnsAndColumnsItNeverReads) {
  const model::ResultFile file =
      parse(v2(R"({"b.time_x": [[1.0], [], "v", "x", {"p": 1}, [2.0], "extra"]})",
               R"(["result", "params", "version", "started_at", "profile", "stats_future"])"));
  expect_rows(file, {{"b.time_x", num(1), std::nullopt, "v"}});
}

TEST(AsvResults, KeepsHeaderScalarsAsText) {
  const model::ResultFile file = parse(v2("{}", k_all_columns,
                                          R"("commit_hash": "abc", "env_name": "env",
      "date": null, "python": 3.12, "requirements": {"numpy": "", "six": null, "scipy": "1.11"},
      "env_vars": {"OMP_NUM_THREADS": "1"},
      "params": {"machine": "m", "num_cpu": 8, "ram": 1.5, "big": 1e16, "gpu": true, "os": null})"));
  EXPECT_EQ(file.date, std::nullopt);
  EXPECT_EQ(file.python, "3.12");
  EXPECT_EQ(file.requirements, (model::StringPairs{{"numpy", ""}, {"six", ""}, {"scipy", "1.11"}}));
  EXPECT_EQ(file.env_vars, (model::StringPairs{{"OMP_NUM_THREADS", "1"}}));
  EXPECT_EQ(file.params, (model::StringPairs{{"machine", "m"},
                                             {"num_cpu", "8"},
                                             {"ram", "1.5"},
                                             {"big", "1e+16"},
                                             {"gpu", "True"},
                                             {"os", "None"}}));
}

TEST(AsvResults, ConvertsFormatOneDictEntries) {
  const model::ResultFile file =
      parse(v1(R"({
      "b.time_z": {"result": [1.0, 2.0], "params": [["1", "2"]],
                   "stats": [{"ci_99": [0.123456789, 1.5], "q_25": 0.9, "repeat": 5}, null]},
      "b.time_a": {"result": 7},
      "b.time_m": {"result": null, "params": [["1", "2"]]},
      "b.time_n": {"result": [null, null, null], "params": [["1", "2"]]},
      "b.time_s": {"result": [3], "stats": {"ci_99": [null, 4.0]}},
      "b.time_t": {"result": 3, "params": null, "stats": [null], "samples": null}
  })",
               R"(, "benchmark_version": {"b.time_z": "v2", "b.time_a": null})"));
  EXPECT_EQ(file.env_name, "py2.7-numpy1.8");
  expect_rows(
      file, {{"b.time_a", integer(7), std::nullopt, std::nullopt},
             {"b.time_m(1)", std::nullopt, std::nullopt, std::nullopt},
             {"b.time_m(2)", std::nullopt, std::nullopt, std::nullopt},
             {"b.time_n(1)", std::nullopt, std::nullopt, std::nullopt},
             {"b.time_n(2)", std::nullopt, std::nullopt, std::nullopt},
             {"b.time_s", integer(3),
              stats(std::nullopt, 4.0, std::nullopt, std::nullopt, std::nullopt, std::nullopt),
              std::nullopt},
             {"b.time_t", integer(3), std::nullopt, std::nullopt},
             // asv truncates stats floats to 5 significant digits on conversion.
             {"b.time_z(1)", num(1), stats(0.12346, 1.5, 0.9, std::nullopt, std::nullopt, 5), "v2"},
             {"b.time_z(2)", num(2), model::Stats{}, "v2"}});
}

TEST(AsvResults, KeepsSamplesOfFormatOne) {
  const model::ResultFile file =
      parse(v1(R"({"b.time_z": {"result": [1.0, 2.0], "params": [["1", "2"]],
                   "samples": [[1.0, 1.25], null]}})"));
  ASSERT_EQ(file.results.size(), 2U);
  EXPECT_EQ(file.results[0].samples, (std::vector<double>{1.0, 1.25}));
  EXPECT_EQ(file.results[1].samples, std::nullopt);
}

TEST(AsvResults, KeepsTheEnvNameOfFormatOneWhenGiven) {
  EXPECT_EQ(parse(v1("{}", R"(, "env_name": "conda-py2.7")")).env_name, "conda-py2.7");
}

TEST(AsvResults, DerivesFormatOneEnvNamesAsAsvDoes) {
  const std::string json = R"({"version": 1, "commit_hash": "abc", "date": 1,
      "params": {"machine": "m"}, "python": "3/x",
      "requirements": {"zlib": "", "numpy": "1<2", "six": null}, "results": {}})";
  EXPECT_EQ(parse(json).env_name, "py3_x-numpy1_2-six-zlib");
}

// --- Errors ------------------------------------------------------------------------

TEST(AsvResults, RejectsMalformedJsonWithTheParsersLocation) {
  const std::string message = error_of("{\"version\": 2,");
  EXPECT_EQ(message.rfind("r.json:1:", 0), 0U) << message;
}

TEST(AsvResults, RejectsBadFormatVersions) {
  EXPECT_EQ(error_of("[]"), "r.json: expected an object, found an array");
  EXPECT_EQ(error_of("{}"), "r.json: no format version (expected \"version\": 2)");
  EXPECT_EQ(error_of(R"({"version": "2"})"),
            "r.json: version: expected an integer, found a string");
  EXPECT_EQ(error_of(R"({"version": 2.0})"),
            "r.json: version: expected an integer, found a number");
  EXPECT_EQ(error_of(R"({"version": 3})"),
            "r.json: format version 3 is newer than spyglass understands (expected 2)");
  EXPECT_EQ(error_of(R"({"version": 0})"), "r.json: unknown format version 0 (expected 2)");
}

TEST(AsvResults, RejectsEveryMissingRequiredKey) {
  const std::vector<std::string> keys = {"params", "requirements", "commit_hash", "date",
                                         "python", "env_name",     "results",     "result_columns"};
  for (const std::string& key : keys) {
    SCOPED_TRACE(key);
    std::string json = R"({"version": 2, "params": {"machine": "m"}, "requirements": {},
        "commit_hash": "abc", "date": 1, "python": "3.12", "env_name": "env", "results": {},
        "result_columns": []})";
    const std::size_t at = json.find("\"" + key + "\"");
    json.replace(at, 1, "\"x_");
    EXPECT_EQ(error_of(json), "r.json: missing required key \"" + key + "\"");
  }
  std::string without_results = v1("{}");
  without_results.replace(without_results.find("\"results\""), 9, "\"x\"");
  EXPECT_EQ(error_of(without_results), "r.json: missing required key \"results\"");
}

TEST(AsvResults, RejectsBadHeaderTypes) {
  const auto with_header = [](std::string_view header) {
    return error_of(v2("{}", k_all_columns, header));
  };
  constexpr std::string_view k_rest =
      R"("commit_hash": "abc", "env_name": "env", "date": 1, "python": "3.12",
         "requirements": {})";
  EXPECT_EQ(with_header(std::string(R"("params": [], )") + std::string(k_rest)),
            "r.json: params: expected an object, found an array");
  EXPECT_EQ(with_header(std::string(R"("params": {"cpu": "x"}, )") + std::string(k_rest)),
            "r.json: params: missing required key \"machine\"");
  EXPECT_EQ(with_header(std::string(R"("params": {"machine": "m", "cpu": ["x"]}, )") +
                        std::string(k_rest)),
            "r.json: params[\"cpu\"]: expected a string or a number, found an array");
  EXPECT_EQ(with_header(R"("params": {"machine": "m"}, "commit_hash": 12, "env_name": "env",
                           "date": 1, "python": "3.12", "requirements": {})"),
            "r.json: commit_hash: expected a string, found an integer");
  EXPECT_EQ(with_header(R"("params": {"machine": "m"}, "commit_hash": "abc", "env_name": "env",
                           "date": "today", "python": "3.12", "requirements": {})"),
            "r.json: date: expected an integer or null, found a string");
  EXPECT_EQ(with_header(R"("params": {"machine": "m"}, "commit_hash": "abc", "env_name": null,
                           "date": 1, "python": "3.12", "requirements": {})"),
            "r.json: env_name: expected a string, found null");
  EXPECT_EQ(with_header(R"("params": {"machine": "m"}, "commit_hash": "abc", "env_name": "e",
                           "date": 1, "python": "3.12", "requirements": ["numpy"])"),
            "r.json: requirements: expected an object, found an array");
  EXPECT_EQ(with_header(R"("params": {"machine": "m"}, "commit_hash": "abc", "env_name": "e",
                           "date": 1, "python": "3.12", "requirements": {}, "env_vars": 1)"),
            "r.json: env_vars: expected an object, found an integer");
}

TEST(AsvResults, RejectsBadColumnLists) {
  EXPECT_EQ(error_of(v2("{}", "{}")),
            "r.json: result_columns: expected a list of column names, found an object");
  EXPECT_EQ(error_of(v2("{}", R"(["result", 7])")),
            "r.json: result_columns[1]: expected a string, found an integer");
  EXPECT_EQ(error_of(v2("[]")), "r.json: results: expected an object, found an array");
  EXPECT_EQ(error_of(v2(R"({"b.time_x": [[1.0], [], "v"]})", R"(["result", "params", "bogus"])")),
            "r.json: results[\"b.time_x\"][2]: unknown result column \"bogus\"");
}

TEST(AsvResults, RejectsBadRowsNamingTheBenchmark) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"b.time_x": 1.0})",
       R"(r.json: results["b.time_x"]: expected a list of result columns, found a number)"},
      {R"({"b.time_x": [[1.0], [["1", "2"]]]})",
       R"(r.json: results["b.time_x"][0]: 1 value for 2 parameter combinations)"},
      {R"({"b.time_x": [[1.0, 2.0], []]})",
       R"(r.json: results["b.time_x"][0]: 2 values for 1 parameter combination)"},
      {R"({"b.time_x": [1.5, []]})",
       R"(r.json: results["b.time_x"][0]: expected a list or null, found a number)"},
      {R"({"b.time_x": [[1, "fast"], [["1", "2"]]]})",
       R"(r.json: results["b.time_x"][0][1]: expected a number, NaN or null, found a string)"},
      {R"({"b.time_x": [[true], []]})",
       R"(r.json: results["b.time_x"][0][0]: expected a number, NaN or null, found a boolean)"},
      {R"({"b.time_x": [[1.0], "10"]})",
       R"(r.json: results["b.time_x"][1]: expected a list of lists of strings, found a string)"},
      {R"({"b.time_x": [[1.0], ["10"]]})",
       R"(r.json: results["b.time_x"][1][0]: expected a list of strings, found a string)"},
      {R"({"b.time_x": [[1.0, 2.0], [["1", 2]]]})",
       R"(r.json: results["b.time_x"][1][0][1]: expected a string, found an integer)"},
      {R"({"b.time_x": [[1.0], [], 3]})",
       R"(r.json: results["b.time_x"][2]: expected a string, found an integer)"},
      {R"({"b.time_x": [[1.0], [], null, null, null, ["low"]]})",
       R"(r.json: results["b.time_x"][5][0]: expected a number or null, found a string)"},
      {R"({"b.time_x": [[1.0], [], null, null, null, [1.0, 2.0]]})",
       R"(r.json: results["b.time_x"][5]: 2 values for 1 parameter combination)"},
      {R"({"b.time_x": [[1.0], [], null, null, null, null, null, null, null, null, null, "s"]})",
       R"(r.json: results["b.time_x"][11]: expected a list or null, found a string)"},
      {R"({"b.time_x": [[1.0], [], null, null, null, null, null, null, null, null, null, ["s"]]})",
       R"(r.json: results["b.time_x"][11][0]: expected a list of numbers or null, found a string)"},
      {R"({"b.time_x": [[1.0], [], null, null, null, null, null, null, null, null, null,
           [[1.0, 2.0, null]]]})",
       R"(r.json: results["b.time_x"][11][0][2]: expected a number, found null)"},
      {R"({"b\"q\\": 1.0})",
       R"(r.json: results["b\"q\\"]: expected a list of result columns, found a number)"},
  };
  for (const auto& [results, message] : cases) {
    SCOPED_TRACE(results);
    EXPECT_EQ(error_of(v2(results)), message);
  }
}

TEST(AsvResults, RefusesAnAbsurdNumberOfCombinations) {
  const std::string ten = R"(["0","1","2","3","4","5","6","7","8","9"])";
  std::string params = "[" + ten;
  for (int i = 0; i < 6; ++i) {
    params += "," + ten;
  }
  params += "]";
  EXPECT_EQ(error_of(v2(R"({"b.time_x": [null, )" + params + "]}")),
            R"(r.json: results["b.time_x"]: more than 1000000 parameter combinations)");
}

TEST(AsvResults, RejectsBadFormatOneEntries) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"b.time_x": "fast"})",
       R"(r.json: results["b.time_x"]: expected a number, NaN or null, found a string)"},
      {R"({"b.time_x": {"params": []}})",
       R"(r.json: results["b.time_x"]: missing required key "result")"},
      {R"({"b.time_x": {"result": 1.0, "params": [["1", "2"]]}})",
       R"(r.json: results["b.time_x"]["result"]: 1 value for 2 parameter combinations)"},
      {R"({"b.time_x": {"result": [1.0, "x"], "params": [["1", "2"]]}})",
       R"(r.json: results["b.time_x"]["result"][1]: expected a number, NaN or null, found a string)"},
      {R"({"b.time_x": {"result": 1.0, "stats": [{"q_25": 1.0}]}})",
       R"(r.json: results["b.time_x"]["stats"][0]: missing required key "ci_99")"},
      {R"({"b.time_x": {"result": 1.0, "stats": {"ci_99": [1.0]}}})",
       R"(r.json: results["b.time_x"]["stats"]["ci_99"]: expected 2 values, found 1)"},
      {R"({"b.time_x": {"result": 1.0, "stats": [{"ci_99": 1.0}]}})",
       R"(r.json: results["b.time_x"]["stats"][0]["ci_99"]: expected a list of two numbers, found a number)"},
      {R"({"b.time_x": {"result": 1.0, "stats": [{"ci_99": [1.0, 2.0], "q_75": "x"}]}})",
       R"(r.json: results["b.time_x"]["stats"][0]["q_75"]: expected a number or null, found a string)"},
      {R"({"b.time_x": {"result": 1.0, "stats": [5]}})",
       R"(r.json: results["b.time_x"]["stats"][0]: expected an object, found an integer)"},
      {R"({"b.time_x": {"result": [1.0, 2.0], "params": [["1", "2"]], "stats": {"ci_99": [1, 2]}}})",
       R"(r.json: results["b.time_x"]["stats"]: 1 value for 2 parameter combinations)"},
      {R"({"b.time_x": {"result": 1.0, "samples": [[1.0], [2.0]]}})",
       R"(r.json: results["b.time_x"]["samples"]: 2 values for 1 parameter combination)"},
  };
  for (const auto& [results, message] : cases) {
    SCOPED_TRACE(results);
    EXPECT_EQ(error_of(v1(results)), message);
  }
  EXPECT_EQ(error_of(v1("[]")), "r.json: results: expected an object, found an array");
  EXPECT_EQ(error_of(v1("{}", R"(, "benchmark_version": [])")),
            "r.json: benchmark_version: expected an object, found an array");
  EXPECT_EQ(error_of(v1(R"({"b.time_x": 1.0})", R"(, "benchmark_version": {"b.time_x": 2})")),
            R"(r.json: benchmark_version["b.time_x"]: expected a string, found an integer)");
  EXPECT_EQ(error_of(v1("{}", R"(, "env_name": 5)")),
            "r.json: env_name: expected a string, found an integer");
}

TEST(AsvResults, NamesTheUnreadableFile) {
  try {
    load_asv_results("/nonexistent/r.json", util::k_default_max_input_size);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()),
              "/nonexistent/r.json: cannot open: No such file or directory");
  }
}

// --- Scale -------------------------------------------------------------------------

TEST(AsvResults, ReadsTenThousandBenchmarksWithSamples) {
  std::string results = "{";
  for (int i = 0; i < 10000; ++i) {
    results += (i > 0 ? ",\"b.time_" : "\"b.time_") + std::to_string(i) +
               "\": [[0.5], [], \"v\", 1, 0.1, [0.4], [0.6], [0.45], [0.55], [1], [10], "
               "[[0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]]]";
  }
  results += "}";
  const model::ResultFile file = parse(v2(results));
  ASSERT_EQ(file.results.size(), 10000U);
  EXPECT_EQ(file.results[9999].name, "b.time_9999");
  EXPECT_EQ(file.results[9999].samples->size(), 10U);
}

}  // namespace
}  // namespace spyglass::ingest
