// `spyglass env-diff`: argv -> options, and whole runs against byte-exact goldens. The goldens
// (tests/golden/env-diff-*) were produced by asv-spyglass's own inventory.py, sbom_diff.py and
// env-diff command code (with asv's loader reduced to json.load) and checked by hand against the
// facts upstream's tests/test_inventory.py asserts. JSON goldens write the fixtures folder as
// "@F/".
#include "spyglass/cli/env_diff_cmd.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace spyglass::cli {
namespace {

using compare::ComponentKind;

// Parse `spyglass <args>` with only env-diff registered; the options it filled.
EnvDiffOptions parse(std::vector<std::string> args) {
  CLI::App app;
  EnvDiffOptions options;
  add_env_diff_options(app, options);
  args.insert(args.begin(), "spyglass");
  std::vector<const char*> argv;
  for (const auto& arg : args) {
    argv.push_back(arg.c_str());
  }
  app.parse(static_cast<int>(argv.size()), argv.data());
  return options;
}

TEST(EnvDiffOptions, DefaultsToMarkdownWithoutUnchangedOrGate) {
  const auto options = parse({"env-diff", "a.json", "b.json"});
  EXPECT_EQ(options.before_path, "a.json");
  EXPECT_EQ(options.after_path, "b.json");
  EXPECT_TRUE(options.kinds.empty());
  EXPECT_FALSE(options.all_kinds);
  EXPECT_FALSE(options.include_unchanged);
  EXPECT_EQ(options.format, EnvDiffFormat::k_markdown);
  EXPECT_FALSE(options.fail_on_change);
  EXPECT_EQ(selected_kinds(options),
            (std::vector<ComponentKind>{ComponentKind::k_library, ComponentKind::k_runtime}));
}

TEST(EnvDiffOptions, TakesOneKindPerOccurrenceAnywhereOnTheLine) {
  const auto options = parse({"env-diff", "--kind", "machine", "a.json", "--kind=env", "b.json",
                              "--format", "json", "--include-unchanged", "--fail-on-change"});
  EXPECT_EQ(options.before_path, "a.json");
  EXPECT_EQ(options.after_path, "b.json");
  EXPECT_EQ(selected_kinds(options),
            (std::vector<ComponentKind>{ComponentKind::k_machine, ComponentKind::k_env}));
  EXPECT_TRUE(options.include_unchanged);
  EXPECT_EQ(options.format, EnvDiffFormat::k_json);
  EXPECT_TRUE(options.fail_on_change);
}

TEST(EnvDiffOptions, AllKindsWinsOverKind) {
  const auto options = parse({"env-diff", "a.json", "b.json", "--kind", "env", "--all-kinds"});
  EXPECT_EQ(selected_kinds(options),
            (std::vector<ComponentKind>{ComponentKind::k_env, ComponentKind::k_library,
                                        ComponentKind::k_machine, ComponentKind::k_runtime}));
}

TEST(EnvDiffOptions, RejectsUnknownKindAndFormat) {
  EXPECT_THROW(parse({"env-diff", "a.json", "b.json", "--kind", "compiler"}), CLI::ParseError);
  EXPECT_THROW(parse({"env-diff", "a.json", "b.json", "--format", "text"}), CLI::ParseError);
  EXPECT_THROW(parse({"env-diff", "a.json"}), CLI::ParseError);
}

struct GoldenCase {
  std::string name;
  std::vector<std::string> args;
  std::string golden;  // file in tests/golden/
  int exit_code;
};

std::ostream& operator<<(std::ostream& os, const GoldenCase& c) { return os << c.name; }

const std::string k_up = "@F/asv-spyglass-upstream/asv_spyglass/tests/data/";
const std::string k_django = "@F/asv-real/django-asv/results/ubuntu-latest/";

// The metpy-benchmark result file of `commit`.
std::string metpy(const std::string& commit) {
  return "@F/asv-real/metpy-benchmark/results/Docker_Container/" + commit +
         "-virtualenv-py3.12-matplotlib-netcdf4-numpy-pandas-pint-pooch-pyproj-scipy-traitlets-"
         "xarray.json";
}

const GoldenCase k_cases[] = {
    {"PythonBumped",
     {"env-diff", k_up + "a0f29428-conda-py3.11-numpy.json",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json"},
     "env-diff-upstream-python-bumped.md",
     0},
    {"PythonBumpedWithUnchanged",
     {"env-diff", k_up + "a0f29428-conda-py3.11-numpy.json",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json", "--include-unchanged"},
     "env-diff-upstream-python-bumped-unchanged.md",
     0},
    {"PythonBumpedJson",
     {"env-diff", k_up + "a0f29428-conda-py3.11-numpy.json",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json", "--format", "json"},
     "env-diff-upstream-python-bumped.json",
     0},
    {"NumpyAddedFailsOnChange",
     {"env-diff", k_up + "a0f29428-virtualenv-py3.12.json",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json", "--fail-on-change"},
     "env-diff-upstream-numpy-added.md",
     1},
    {"AllKindsJsonWithUnchanged",
     {"env-diff", k_up + "d6b286b8-virtualenv-py3.12-numpy.json",
      k_up + "d6b286b8-rattler-py3.12-numpy.json", "--all-kinds", "--include-unchanged", "--format",
      "json"},
     "env-diff-upstream-all-kinds.json",
     0},
    {"PinnedLibrariesAndEnv",
     {"env-diff", k_up + "synthetic_env_pins_numpy126.json",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json", "--kind", "library", "--kind", "env"},
     "env-diff-upstream-pins.md",
     0},
    {"PinnedLibrariesAndEnvJson",
     {"env-diff", k_up + "synthetic_env_pins_numpy126.json",
      k_up + "a0f29428-virtualenv-py3.12-numpy.json", "--kind", "library", "--kind", "env",
      "--format", "json"},
     "env-diff-upstream-pins.json",
     0},
    {"RealMachineFactsChanged",
     {"env-diff", metpy("22387531"), metpy("692e0556"), "--kind", "machine", "--include-unchanged"},
     "env-diff-metpy-machine.md",
     0},
    {"RealNothingChangedPassesGate",
     {"env-diff", k_django + "03988c5a-conda-py3.12.json", k_django + "4c4f8fd7-conda-py3.12.json",
      "--fail-on-change"},
     "env-diff-django-none.md",
     0},
    {"RealNothingChangedJson",
     {"env-diff", k_django + "03988c5a-conda-py3.12.json", k_django + "4c4f8fd7-conda-py3.12.json",
      "--format", "json"},
     "env-diff-django-none.json",
     0},
};

// `text` with every occurrence of the fixtures folder written as "@F/".
std::string with_fixture_marker(std::string text) {
  const std::string folder = test::fixture_path("");
  for (auto at = text.find(folder); at != std::string::npos; at = text.find(folder, at)) {
    text.replace(at, folder.size(), "@F/");
  }
  return text;
}

class EnvDiffGolden : public testing::TestWithParam<GoldenCase> {};

TEST_P(EnvDiffGolden, MatchesByteForByte) {
  const auto& c = GetParam();
  const auto result = test::run_cli(c.args);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.exit_code, c.exit_code);
  EXPECT_EQ(with_fixture_marker(result.out), test::read_fixture("../tests/golden/" + c.golden));
}

INSTANTIATE_TEST_SUITE_P(Cli, EnvDiffGolden, testing::ValuesIn(k_cases),
                         [](const auto& test_info) { return test_info.param.name; });

TEST(EnvDiffCommand, DiffsFilesWithoutBenchmarkResultsWithoutWarning) {
  // asv-perch's copies of the upstream files keep the environment but have `results: {}`.
  const std::string perch = "@F/asv-spyglass-upstream/asv-perch/test/fixtures/";
  const auto result = test::run_cli({"env-diff", perch + "a0f29428-conda-py3.11-numpy.json",
                                     perch + "a0f29428-virtualenv-py3.12-numpy.json"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.out, test::read_fixture("../tests/golden/env-diff-upstream-python-bumped.md"));
}

TEST(EnvDiffCommand, MissingFileIsBadInputNamingIt) {
  const auto result = test::run_cli(
      {"env-diff", "/nonexistent/a.json", k_up + "a0f29428-virtualenv-py3.12-numpy.json"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "spyglass: error: /nonexistent/a.json: cannot open: No such file or directory\n");
}

TEST(EnvDiffCommand, UnknownKindIsUsageError) {
  const auto result =
      test::run_cli({"env-diff", k_up + "a0f29428-virtualenv-py3.12.json",
                     k_up + "a0f29428-virtualenv-py3.12-numpy.json", "--kind", "compiler"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "spyglass: error: --kind: compiler is not one of env, library, machine, runtime "
            "(see spyglass --help)\n");
}

}  // namespace
}  // namespace spyglass::cli
