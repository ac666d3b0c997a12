// Byte-exact golden tests of whole CLI runs. Each expected file in tests/golden/ was checked by
// hand: the upstream ones are asv-spyglass v0.3.1's approved outputs (plus the newline `print`
// adds), the asv-example ones are asv's own reference tables (asv/test/test_compare.py) under
// spyglass's headers. See tests/golden/README.md.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace spyglass::test {
namespace {

struct GoldenCase {
  std::string name;
  std::vector<std::string> args;
  std::string golden;  // file in tests/golden/
  int exit_code;
};

std::ostream& operator<<(std::ostream& os, const GoldenCase& c) { return os << c.name; }

std::string read_golden(const std::string& name) {
  return read_fixture("../tests/golden/" + name);
}

const std::string k_up = "@F/asv-spyglass-upstream/asv_spyglass/tests/data/";
const std::string k_cheetah = "@F/asv-spyglass-upstream/asv/test/example_results/cheetah/";

const GoldenCase k_cases[] = {
    {"UpstreamCompare",
     {"compare", k_up + "a0f29428-conda-py3.11-numpy.json",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json", k_up + "asv_samples_a0f29428_benchmarks.json"},
     "compare-upstream-a0f29428.out",
     0},
    {"UpstreamCompareWithoutBenchmarksJson",
     {"compare", k_up + "a0f29428-conda-py3.11-numpy.json",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json"},
     "compare-upstream-a0f29428-no-bconf.out",
     0},
    {"UpstreamCompareSplit",
     {"compare", "--split", k_up + "d6b286b8-virtualenv-py3.12-numpy.json",
      k_up + "d6b286b8-rattler-py3.12-numpy.json", k_up + "d6b286b8_asv_samples_benchmarks.json"},
     "compare-upstream-d6b286b8-split.out",
     1},
    {"UpstreamCompareMany",
     {"compare-many", k_up + "a0f29428-conda-py3.11-numpy.json", k_up + "a0f29428-conda-py3.11.json",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json", "--bconf",
      k_up + "asv_samples_a0f29428_benchmarks.json"},
     "compare-many-upstream-a0f29428.out",
     0},
    {"AsvExampleFormat1Factor2",
     {"compare", "--factor=2", k_cheetah + "22b920c6-py2.7-Cython-numpy1.8.json",
      k_cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json"},
     "compare-asv-example-factor2.out",
     1},
    {"AsvExampleSplitTitlesBeforeTables",
     {"compare", "--factor", "2", "--split", k_cheetah + "22b920c6-py2.7-Cython-numpy1.8.json",
      k_cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json"},
     "compare-asv-example-factor2-split.out",
     1},
    {"AsvExampleOnlyChangedByRatio",
     {"compare", "--factor", "2", "--only-changed", "--sort", "ratio",
      k_cheetah + "22b920c6-py2.7-Cython-numpy1.8.json",
      k_cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json"},
     "compare-asv-example-factor2-only-changed-ratio.out",
     1},
};

class Golden : public testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, MatchesByteForByte) {
  const auto& c = GetParam();
  const auto result = run_cli(c.args);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.exit_code, c.exit_code);
  EXPECT_EQ(result.out, read_golden(c.golden));
}

INSTANTIATE_TEST_SUITE_P(Cli, Golden, testing::ValuesIn(k_cases),
                         [](const auto& test_info) { return test_info.param.name; });

}  // namespace
}  // namespace spyglass::test
