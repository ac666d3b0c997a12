// Format detection on one real file of each format spyglass reads, and on texts that are none.
#include "spyglass/ingest/detect_format.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "support/paths.hpp"

namespace spyglass::ingest {
namespace {

struct DetectCase {
  std::string fixture;
  std::optional<InputFormat> format;
};

TEST(DetectFormat, RealFilesOfEachFormat) {
  const DetectCase cases[] = {
      {"asv-spyglass-upstream/asv_spyglass/tests/data/a0f29428-conda-py3.11-numpy.json",
       InputFormat::k_asv},
      {"asv-spyglass-upstream/asv/test/example_results/cheetah/"
       "22b920c6-py2.7-Cython-numpy1.8.json",
       InputFormat::k_asv},                                          // format 1
      {"handmade/results/m1/00000000-e1.json", InputFormat::k_asv},  // `results: {}`
      {"handmade/bad/no-version.json", InputFormat::k_asv},
      {"other/google-benchmark/itsy_bitsy/benchmarks/results/vc++.itsy.bitsy.benchmarks.json",
       InputFormat::k_gbench},
      {"other/google-benchmark/github-action-benchmark/test/data/extract/googlecpp_output.json",
       InputFormat::k_gbench},
      {"other/generated/gbench-aggregates-only.json", InputFormat::k_gbench},
      {"other/hyperfine/bencher/lib/bencher_adapter/tool_output/shell/hyperfine/one.json",
       InputFormat::k_hyperfine},
      {"other/generated/hyperfine-params.json", InputFormat::k_hyperfine},
      {"other/generated/gbench-counters-O0.json", InputFormat::k_gbench},
      // github-action-benchmark's custom JSON: which way is better the file does not say.
      {"other/github-action-benchmark/test/data/extract/customBiggerIsBetter_output.json",
       InputFormat::k_custom_smaller_is_better},
      {"other/github-action-benchmark/test/data/extract/customSmallerIsBetter_output2.json",
       InputFormat::k_custom_smaller_is_better},
      {"other/github-action-benchmark/test/data/extract/customSmallerIsBetter_output.txt",
       InputFormat::k_custom_smaller_is_better},
      // Not a result file: benchmarks.json, and a document that is not an object.
      {"asv-spyglass-upstream/asv_spyglass/tests/data/asv_samples_a0f29428_benchmarks.json",
       std::nullopt},
      {"handmade/bad/array.json", std::nullopt},
      {"handmade/bad/not-json.json", std::nullopt},
      {"handmade/bad/empty.json", std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(detect_format(test::read_fixture(c.fixture)), c.format) << c.fixture;
  }
}

TEST(DetectFormat, ShapesOfTheOtherFormats) {
  EXPECT_EQ(detect_format("# pytest-jax-bench\nrun,commit\n"), InputFormat::k_ptjb);
  EXPECT_EQ(detect_format(R"({"machine_info": {}, "commit_info": {},
      "benchmarks": [{"group": null, "name": "t", "stats": {"min": 1}}], "version": "3.2.2"})"),
            InputFormat::k_pytest_benchmark);
  // The key that tells gbench from pytest-benchmark may come after `benchmarks`.
  EXPECT_EQ(detect_format(R"({"benchmarks": [{"name": "a", "run_type": "iteration"}],
      "context": {}})"),
            InputFormat::k_gbench);
  EXPECT_EQ(detect_format(R"({"results": []})"), InputFormat::k_hyperfine);
  EXPECT_EQ(detect_format(R"({"version": 2, "commit_hash": "a"})"), InputFormat::k_asv);
  EXPECT_EQ(detect_format(R"( [ {"value": 1, "unit": "ns", "name": "a"}])"),
            InputFormat::k_custom_smaller_is_better);
  EXPECT_EQ(detect_format("[]"), InputFormat::k_custom_smaller_is_better);
  // A list of anything else is no format: the first entry needs all three members.
  EXPECT_EQ(detect_format(R"([{"name": "a", "value": 1}])"), std::nullopt);
  EXPECT_EQ(detect_format(R"([["name", "unit", "value"]])"), std::nullopt);
  EXPECT_EQ(detect_format(R"([{"name": "a", "unit": "ns", "value": 1)"),
            InputFormat::k_custom_smaller_is_better);  // cut short: the reader says so
}

TEST(DetectFormat, NothingToTellFrom) {
  EXPECT_EQ(detect_format(R"({"version": 2})"), std::nullopt);  // benchmarks.json
  EXPECT_EQ(detect_format(R"({"results": [{"command": "a"}]})"), std::nullopt);
  EXPECT_EQ(detect_format(R"({"benchmarks": [{"name": "a", "run_type": "x"}]})"), std::nullopt);
  EXPECT_EQ(detect_format(R"({"context": {}, "benchmarks": [{"name": "a"}]})"), std::nullopt);
  EXPECT_EQ(detect_format(R"({"context": {"host_name": "a)"), std::nullopt);  // truncated
  EXPECT_EQ(detect_format("{}"), std::nullopt);
  EXPECT_EQ(detect_format("# pytest-benchmark\n"), std::nullopt);
}

}  // namespace
}  // namespace spyglass::ingest
