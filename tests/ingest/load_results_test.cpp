// Reading a result file of any format: detection, a forced format, and the errors of a file no
// reader matches.
#include "spyglass/ingest/load_results.hpp"

#include <gtest/gtest.h>

#include <string>

#include "spyglass/util/error.hpp"
#include "spyglass/util/input_limit.hpp"
#include "support/paths.hpp"

namespace spyglass::ingest {
namespace {

const std::string k_gbench =
    "other/google-benchmark/github-action-benchmark/test/data/extract/googlecpp_output.json";
const std::string k_hyperfine = "other/generated/hyperfine-run1.json";
const std::string k_asv = "handmade/results/m1/11111111-e1.json";

// The message of the input error loading `fixture` as `format` raises.
std::string error_of(const std::string& fixture, InputFormat format) {
  try {
    parse_results(test::read_fixture(fixture), fixture, format, {});
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    return error.what();
  }
  return "no error";
}

TEST(LoadResults, DetectsEachFormat) {
  const auto gbench = load_results(test::fixture_path(k_gbench), InputFormat::k_auto, {},
                                   util::k_default_max_input_size);
  EXPECT_EQ(gbench.file.machine, "Corgi.local");
  EXPECT_EQ(gbench.catalog.by_name.size(), 2u);
  const auto hyperfine = load_results(test::fixture_path(k_hyperfine), InputFormat::k_auto, {},
                                      util::k_default_max_input_size);
  EXPECT_EQ(hyperfine.file.env_name, "hyperfine-run1");
  EXPECT_EQ(hyperfine.file.results.size(), 2u);
  const auto asv = load_results(test::fixture_path(k_asv), InputFormat::k_auto, {},
                                util::k_default_max_input_size);
  EXPECT_EQ(asv.file.machine, "m1");
  EXPECT_TRUE(asv.catalog.by_name.empty());  // asv's catalog is benchmarks.json
}

TEST(LoadResults, ForcedFormatMatchingTheContent) {
  const auto gbench =
      parse_results(test::read_fixture(k_gbench), k_gbench, InputFormat::k_gbench, {});
  EXPECT_EQ(gbench.file.results.size(), 2u);
  const auto asv = parse_results(test::read_fixture(k_asv), k_asv, InputFormat::k_asv, {});
  EXPECT_EQ(asv.file.env_name, "e1");
}

TEST(LoadResults, ForcedFormatThatIsPlainlyWrong) {
  EXPECT_EQ(error_of(k_gbench, InputFormat::k_hyperfine),
            k_gbench +
                ": --input-format hyperfine does not match the file (it looks like gbench: "
                "drop --input-format to detect it)");
  EXPECT_EQ(error_of(k_hyperfine, InputFormat::k_asv),
            k_hyperfine +
                ": --input-format asv does not match the file (it looks like "
                "hyperfine: drop --input-format to detect it)");
}

TEST(LoadResults, NotAResultFile) {
  const std::string bconf = "handmade/results/benchmarks.json";
  EXPECT_EQ(error_of(bconf, InputFormat::k_auto),
            bconf +
                ": not a benchmark result file spyglass reads (asv, gbench, pytest-benchmark, "
                "hyperfine, ptjb, github-action-benchmark's custom JSON)");
  // Malformed JSON: the parser says where.
  EXPECT_EQ(error_of("handmade/bad/not-json.json", InputFormat::k_auto),
            "handmade/bad/not-json.json:1:1: invalid literal (expected 'true')");
}

TEST(LoadResults, FormatNames) {
  EXPECT_EQ(input_format_name(InputFormat::k_pytest_benchmark), "pytest-benchmark");
  EXPECT_EQ(input_format_names().front().first, "auto");
  EXPECT_EQ(input_format_names().size(), 8u);
  EXPECT_EQ(input_format_name(InputFormat::k_custom_smaller_is_better), "customSmallerIsBetter");
  EXPECT_EQ(input_format_name(InputFormat::k_custom_bigger_is_better), "customBiggerIsBetter");
}

// github-action-benchmark's file looks the same either way: detected, it is smaller-is-better;
// customBiggerIsBetter is the one forced format its content cannot contradict.
TEST(LoadResults, CustomJsonIsSmallerIsBetterUnlessForcedBigger) {
  const std::string custom =
      "other/github-action-benchmark/test/data/extract/customBiggerIsBetter_output.json";
  const std::string name = "My Custom Bigger Is Better Benchmark - Throughput";
  const auto detected = parse_results(test::read_fixture(custom), custom, InputFormat::k_auto, {});
  EXPECT_EQ(detected.catalog.find(name)->direction, model::Direction::k_smaller_is_better);
  const auto bigger =
      parse_results(test::read_fixture(custom), custom, InputFormat::k_custom_bigger_is_better, {});
  EXPECT_EQ(bigger.catalog.find(name)->direction, model::Direction::k_bigger_is_better);
  EXPECT_EQ(bigger.file.results.size(), 2u);
  EXPECT_EQ(error_of(custom, InputFormat::k_gbench),
            custom +
                ": --input-format gbench does not match the file (it looks like "
                "customSmallerIsBetter: drop --input-format to detect it)");
  EXPECT_EQ(error_of(k_gbench, InputFormat::k_custom_bigger_is_better),
            k_gbench +
                ": --input-format customBiggerIsBetter does not match the file (it looks like "
                "gbench: drop --input-format to detect it)");
}

}  // namespace
}  // namespace spyglass::ingest
