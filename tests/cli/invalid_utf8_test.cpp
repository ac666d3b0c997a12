// Bytes that are not UTF-8: in a result file they are bad input, as for asv (Python's reader
// raises UnicodeDecodeError); in a path or label from the command line the JSON output replaces
// them with U+FFFD.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "spyglass/util/file.hpp"
#include "spyglass/util/input_limit.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

// The compare_fuzzer input that once made `compare --format json` fail with "internal error":
// four option bytes, then a format 1 result file whose only benchmark is named "\xe9".
const std::string k_reproducer = "fuzz/regressions/compare_fuzzer/invalid-utf8-benchmark-name.bin";
constexpr std::size_t k_option_bytes = 4;

const std::string k_fffd = "\xef\xbf\xbd";

TEST(CliInvalidUtf8, RejectsAResultFileWithInvalidUtf8InABenchmarkName) {
  const TempDir dir("spyglass-utf8");
  const std::string reproducer =
      util::read_file(source_dir() + "/" + k_reproducer, util::k_default_max_input_size);
  const std::string file = dir.write("latin1.json", reproducer.substr(k_option_bytes));
  const std::vector<std::vector<std::string>> commands = {
      {"compare", file, file},
      {"compare", "--format", "json", file, file},
      {"compare-many", file, file, file},
  };
  for (const auto& args : commands) {
    const CliResult result = run_cli(args);
    EXPECT_EQ(result.exit_code, 2) << args[0];
    EXPECT_EQ(result.out, "") << args[0];
    EXPECT_EQ(result.err, "spyglass: error: " + file + ":1:94: invalid UTF-8 in string\n")
        << args[0];
  }
}

TEST(CliInvalidUtf8, ReplacesInvalidBytesOfPathsAndLabelsInJson) {
  const TempDir dir("spyglass-utf8");
  const std::string result_file = util::read_file(
      fixture_path("handmade/results/m1/11111111-e1.json"), util::k_default_max_input_size);
  const std::string file = dir.write("caf\xe9.json", result_file);
  const CliResult compared = run_cli({"compare", "--format", "json", file, file});
  EXPECT_EQ(compared.exit_code, 0) << compared.err;
  const auto json = nlohmann::json::parse(compared.out);
  const std::string expected_path = dir.path().string() + "/caf" + k_fffd + ".json";
  EXPECT_EQ(json["before"]["file"], expected_path);
  EXPECT_EQ(json["after"]["file"], expected_path);

  const CliResult many =
      run_cli({"compare-many", "--format", "json", file, file, "-l", "base\xff", "-l", "\xc3pr"});
  EXPECT_EQ(many.exit_code, 0) << many.err;
  const auto many_json = nlohmann::json::parse(many.out);
  EXPECT_EQ(many_json["baseline"]["label"], "base" + k_fffd);
  EXPECT_EQ(many_json["contenders"][0]["label"], k_fffd + "pr");
}

}  // namespace
}  // namespace spyglass::test
