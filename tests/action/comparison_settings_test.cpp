// The config file (.spyglass.toml): its keys, its errors (each naming the file and line), the
// order of [factor_for], and the precedence flag/input > config file > default.
#include "spyglass/action/comparison_settings.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "spyglass/util/error.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::action {
namespace {

std::vector<std::string> pattern_texts(const std::vector<util::Regex>& patterns) {
  std::vector<std::string> texts;
  for (const auto& pattern : patterns) {
    texts.push_back(pattern.pattern());
  }
  return texts;
}

// The whole message of the Error parsing `toml` throws; "" when it throws none.
std::string config_error(const std::string& toml) {
  try {
    parse_config(toml, ".spyglass.toml");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::k_bad_input);
    return e.what();
  }
  return "";
}

TEST(ConfigFile, ReadsEveryKey) {
  const auto settings = parse_config(R"(# comparison settings
factor = 1.2
bench = ["^bench\\.", "time_"]
skip = ["slow"]
ignore = ["net"]

[factor_for]
"time_io.*" = 1.5
mem_ = 2
)",
                                     ".spyglass.toml");
  EXPECT_EQ(settings.factor, 1.2);
  EXPECT_EQ(pattern_texts(settings.rules.bench), (std::vector<std::string>{"^bench\\.", "time_"}));
  EXPECT_EQ(pattern_texts(settings.rules.skip), std::vector<std::string>{"slow"});
  EXPECT_EQ(pattern_texts(settings.rules.ignore), std::vector<std::string>{"net"});
  ASSERT_EQ(settings.rules.factor_for.size(), 2u);
  EXPECT_EQ(settings.rules.factor_for[0].pattern.pattern(), "time_io.*");
  EXPECT_EQ(settings.rules.factor_for[0].factor, 1.5);
  EXPECT_EQ(settings.rules.factor_for[1].pattern.pattern(), "mem_");
  EXPECT_EQ(settings.rules.factor_for[1].factor, 2.0);
}

// The first rule that matches wins, so the file's order counts, not the keys' sorted order.
TEST(ConfigFile, FactorForKeepsTheFilesOrder) {
  const auto settings = parse_config("[factor_for]\nzzz = 3\naaa = 2\n\"m.*\" = 1.5\n", "c.toml");
  ASSERT_EQ(settings.rules.factor_for.size(), 3u);
  EXPECT_EQ(settings.rules.factor_for[0].pattern.pattern(), "zzz");
  EXPECT_EQ(settings.rules.factor_for[1].pattern.pattern(), "aaa");
  EXPECT_EQ(settings.rules.factor_for[2].pattern.pattern(), "m.*");
}

TEST(ConfigFile, AnEmptyFileSetsNothing) {
  const auto settings = parse_config("", ".spyglass.toml");
  EXPECT_FALSE(settings.factor);
  EXPECT_TRUE(settings.rules.bench.empty());
  EXPECT_TRUE(settings.rules.factor_for.empty());
}

TEST(ConfigFile, ErrorsNameTheFileLineAndKey) {
  EXPECT_EQ(config_error("factor = 1.2\n\ntreshold = 2\n"),
            ".spyglass.toml:3: unknown key `treshold` (known: bench, bigger_is_better, factor, "
            "factor_for, ignore, skip)");
  EXPECT_EQ(config_error("bench = \"time_\"\n"),
            ".spyglass.toml:1: `bench` must be an array of strings");
  EXPECT_EQ(config_error("skip = [\"a\", 1]\n"),
            ".spyglass.toml:1: `skip` must be an array of strings");
  EXPECT_EQ(config_error("\nfactor = \"1.5\"\n"),
            ".spyglass.toml:2: `factor` must be a number more than 1 (the factor is the ratio a "
            "change must pass: 1.1 means a 10% change)");
  EXPECT_EQ(config_error("factor = 1\n"),
            ".spyglass.toml:1: `factor` must be a number more than 1 (the factor is the ratio a "
            "change must pass: 1.1 means a 10% change)");
  EXPECT_EQ(config_error("[factor_for]\nio = 0.5\n"),
            ".spyglass.toml:2: `factor_for` must be a number more than 1 (the factor is the ratio "
            "a change must pass: 1.1 means a 10% change)");
  EXPECT_EQ(config_error("factor_for = 2\n"),
            ".spyglass.toml:1: `factor_for` must be a table of \"pattern\" = factor");
  EXPECT_EQ(config_error("ignore = [\n  \"ok\",\n  \"(\",\n]\n"),
            ".spyglass.toml:3: ignore: `(` is not a regular expression: missing ): (");
  EXPECT_EQ(config_error("[factor_for]\n\"a)\" = 2\n"),
            ".spyglass.toml:2: factor_for: `a)` is not a regular expression: unexpected ): a)");
}

TEST(ConfigFile, BadTomlNamesTheLine) {
  const auto message = config_error("factor = 1.2\nbench = [\"a\"\n");
  EXPECT_TRUE(message.starts_with(".spyglass.toml:")) << message;
  EXPECT_NE(message.find(": not TOML: "), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST(ConfigFile, LoadReadsTheNamedFileWithinTheSizeLimit) {
  const test::TempDir dir("spyglass-config");
  const auto path = dir.write("noise.toml", "ignore = [\"net\"]\n");
  const auto settings = load_config({path, false}, 1024);
  EXPECT_EQ(pattern_texts(settings.rules.ignore), std::vector<std::string>{"net"});
  EXPECT_TRUE(pattern_texts(load_config({path, true}, 1024).rules.ignore).empty());
  try {
    load_config({path, false}, 4);
    ADD_FAILURE() << "a file over the limit was read";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::k_bad_input);
    EXPECT_NE(std::string(e.what()).find("larger than the input limit"), std::string::npos)
        << e.what();
  }
}

TEST(FactorRule, ParsesPatternEqualsFactorSplitAtTheLastEquals) {
  const auto rule = parse_factor_rule("a=b=1.5", "--factor-for");
  EXPECT_EQ(rule.pattern.pattern(), "a=b");
  EXPECT_EQ(rule.factor, 1.5);
  for (const char* bad : {"io", "io=", "=2", "io=1", "io=abc", "io=-3"}) {
    try {
      parse_factor_rule(bad, "--factor-for");
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()), std::string("--factor-for: `") + bad +
                                           "` is not PATTERN=FACTOR with a factor more than 1");
    }
  }
}

// Flag (or input) over config file over default, setting by setting; a list given replaces the
// file's whole list.
TEST(LayerSettings, GivenWinsOverTheConfigFileWhichWinsOverTheDefault) {
  const auto config = parse_config(
      "factor = 1.3\nskip = [\"slow\"]\nignore = [\"net\"]\n[factor_for]\nio = 2\n", "c.toml");
  ComparisonSettings given;
  given.rules.ignore.emplace_back("mem", "--ignore");
  const auto layered = layer_settings(given, config);
  EXPECT_EQ(layered.factor, 1.3);
  EXPECT_EQ(pattern_texts(layered.rules.skip), std::vector<std::string>{"slow"});
  EXPECT_EQ(pattern_texts(layered.rules.ignore), std::vector<std::string>{"mem"});
  ASSERT_EQ(layered.rules.factor_for.size(), 1u);

  given.factor = 2.5;
  EXPECT_EQ(layer_settings(given, config).factor, 2.5);
  EXPECT_EQ(layer_settings({}, {}).factor, model::k_default_factor);
}

}  // namespace
}  // namespace spyglass::action
