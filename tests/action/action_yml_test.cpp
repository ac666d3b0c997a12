// action.yml and comment_job_from_inputs must agree on the inputs: an input declared but never
// read is silently ignored, and one read but not declared makes the runner warn and never set it.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "spyglass/action/inputs.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace spyglass::test {
namespace {

// The keys two spaces deep under the top-level `section:` of action.yml.
std::set<std::string> action_yml_keys(const std::string& section) {
  std::ifstream in(source_dir() + "/action.yml");
  EXPECT_TRUE(in) << "cannot read action.yml";
  std::set<std::string> keys;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != ' ' && line[0] != '#') {
      inside = line == section + ":";
    } else if (inside && line.starts_with("  ") && line.size() > 2 && line[2] != ' ' &&
               line.back() == ':') {
      keys.insert(line.substr(2, line.size() - 3));
    }
  }
  return keys;
}

// Each input action.yml declares, in its order, with its default and description as the runner
// reads them (a double-quoted scalar unquoted; none of them uses an escape).
std::vector<std::tuple<std::string, std::string, std::string>> action_yml_inputs() {
  std::ifstream in(source_dir() + "/action.yml");
  EXPECT_TRUE(in) << "cannot read action.yml";
  std::vector<std::tuple<std::string, std::string, std::string>> inputs;
  const auto scalar = [](const std::string& line,
                         const std::string& key) -> std::optional<std::string> {
    const std::string prefix = "    " + key + ": ";
    if (!line.starts_with(prefix)) {
      return std::nullopt;
    }
    auto value = line.substr(prefix.size());
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return value;
  };
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != ' ' && line[0] != '#') {
      inside = line == "inputs:";
    } else if (inside && line.starts_with("  ") && line.size() > 2 && line[2] != ' ' &&
               line.back() == ':') {
      inputs.emplace_back(line.substr(2, line.size() - 3), "", "");
    } else if (const auto description = scalar(line, "description"); inside && description) {
      std::get<2>(inputs.back()) = *description;
    } else if (const auto value = scalar(line, "default"); inside && value) {
      std::get<1>(inputs.back()) = *value;
    }
  }
  return inputs;
}

// Records every INPUT_ variable asked for, answering from a fixed map.
class RecordingEnv final : public util::Env {
 public:
  explicit RecordingEnv(util::MapEnv vars) : m_vars(std::move(vars)) {}

  std::optional<std::string> get(std::string_view name) const override {
    m_asked.insert(std::string(name));
    return m_vars.get(name);
  }

  // The input names asked for, as action.yml spells them (lower case).
  std::set<std::string> inputs() const {
    std::set<std::string> names;
    for (const auto& name : m_asked) {
      EXPECT_TRUE(name.starts_with("INPUT_")) << "reads a variable that is not an input: " << name;
      std::string input = name.substr(6);
      for (auto& c : input) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      names.insert(input);
    }
    return names;
  }

 private:
  util::MapEnv m_vars;
  mutable std::set<std::string> m_asked;
};

TEST(ActionYml, DeclaresExactlyTheInputsTheActionReads) {
  // Each comparison mode reads its own inputs; together they read all of them.
  RecordingEnv compare(util::MapEnv{});
  action::comment_job_from_inputs(compare);
  RecordingEnv compare_many(util::MapEnv(CliEnv{{"INPUT_COMPARISON-MODE", "compare-many"}}));
  action::comment_job_from_inputs(compare_many);
  std::set<std::string> read = compare.inputs();
  read.merge(compare_many.inputs());

  const auto declared = action_yml_keys("inputs");
  EXPECT_EQ(declared.size(), 59u);
  for (const auto& name : declared) {
    EXPECT_TRUE(read.count(name)) << "action.yml declares input '" << name << "', never read";
  }
  for (const auto& name : read) {
    EXPECT_TRUE(declared.count(name)) << "the action reads input '" << name << "', undeclared";
  }
}

// `spyglass action --help` and the messages take the inputs from action::action_inputs(): it must
// say what action.yml says.
TEST(ActionYml, InputTableAgreesWithActionYml) {
  std::vector<std::tuple<std::string, std::string, std::string>> table;
  for (const auto& input : action::action_inputs()) {
    table.emplace_back(input.name, input.default_value, input.description);
  }
  const auto declared = action_yml_inputs();
  ASSERT_EQ(declared.size(), 59u);
  EXPECT_EQ(table, declared);
}

TEST(ActionYml, HelpListsEveryInputWithItsDescription) {
  const auto result = run_cli({"action", "--help"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("  factor\n      A change is significant when the "
                            "ratio passes this factor (and the statistics agree); more than 1: "
                            "1.1 means a 10% change. Empty for the config file's factor, else "
                            "1.1\n"),
            std::string::npos)
      << result.out;
  for (const auto& [name, value, description] : action_yml_inputs()) {
    EXPECT_NE(result.out.find("\n  " + name), std::string::npos) << name;
    EXPECT_NE(result.out.find("      " + description + "\n"), std::string::npos) << name;
  }
}

// Each CLI flag an input stands for is one `spyglass comment` takes, so the messages that name
// it can be told which input it is.
TEST(ActionYml, InputsNameRealCommentFlags) {
  const auto help = run_cli({"comment", "--help"}).out;
  for (const auto& input : action::action_inputs()) {
    if (!input.cli_flag.empty()) {
      EXPECT_NE(help.find(std::string(input.cli_flag)), std::string::npos) << input.name;
    }
  }
  EXPECT_EQ(action::name_inputs("--base and --pr; --baseline, --print-only, --no-chart, --repo"),
            "base-file and pr-file; baseline-file, post-comment: false, chart: false, --repo");
}

TEST(ActionYml, ChartInputIsAFlagDefaultingToTrue) {
  EXPECT_TRUE(action::comment_job_from_inputs(util::MapEnv{}).chart);
  EXPECT_FALSE(
      action::comment_job_from_inputs(util::MapEnv(CliEnv{{"INPUT_CHART", "false"}})).chart);
  try {
    action::comment_job_from_inputs(util::MapEnv(CliEnv{{"INPUT_CHART", "no"}}));
    ADD_FAILURE() << "no error for chart: no";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "input chart: 'no' is not true or false");
  }
}

TEST(ActionYml, DeclaresEveryOutput) {
  const std::set<std::string> expected = {
      "regression-detected",  "regressions", "improvements", "failures",   "comment-id",
      "comment-url",          "pr-number",   "body-path",    "comparison", "comment-body-path",
      "comment-artifact-name"};
  EXPECT_EQ(action_yml_keys("outputs"), expected);
}

TEST(ActionYml, RunsTheActionCommandInTheDockerfile) {
  std::ifstream in(source_dir() + "/action.yml");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_NE(text.find("runs:\n  using: docker\n  image: Dockerfile\n  args:\n    - action\n"),
            std::string::npos);
}

}  // namespace
}  // namespace spyglass::test
