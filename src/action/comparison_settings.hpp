#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spyglass/compare/noise_rules.hpp"
#include "spyglass/util/regex.hpp"

namespace spyglass::action {

// The comparison settings one source gives: the command line, the action's inputs, or the
// config file. Unset (nullopt, an empty list) leaves the setting to the next source: flag or input
// > config file > built-in default (docs/noise-controls.md).
struct ComparisonSettings {
  std::optional<double> factor;
  compare::NoiseRules rules;
};

// The repeatable pattern settings: config key `name`, flag `--name` and action input `name`
// (with `_` as `-` in both). A new one is one row here, plus its NoiseRules member, action input
// and docs.
struct PatternSetting {
  std::string_view name;
  std::string_view help;
  std::vector<util::Regex> compare::NoiseRules::*patterns;
};
inline constexpr std::array<PatternSetting, 4> k_pattern_settings = {{
    {"bench", "Compare only the benchmarks this regex matches (anywhere in the name; repeat)",
     &compare::NoiseRules::bench},
    {"skip", "Leave out the benchmarks this regex matches (repeat)", &compare::NoiseRules::skip},
    {"ignore",
     "Keep the benchmarks this regex matches in the tables, but out of the exit code, the gates "
     "and the comment's counts (repeat)",
     &compare::NoiseRules::ignore},
    {"bigger_is_better",
     "Benchmarks this regex matches (anywhere in the name) are better bigger (throughput): a drop "
     "regresses (repeat)",
     &compare::NoiseRules::bigger_is_better},
}};

// `name` as a flag or input name: `_` becomes `-`.
std::string option_name(std::string_view name);

// The config file spyglass reads when none is named, from the current directory, if present.
inline constexpr const char* k_default_config_path = ".spyglass.toml";

// Which config file to read: `path`, else k_default_config_path when present; none with `skip`.
struct ConfigChoice {
  std::optional<std::string> path;
  bool skip = false;  // `--no-config`
};

// `text` as `PATTERN=FACTOR` (split at the last `=`; the factor a number more than 1).
// Throws Error(k_bad_input) naming `origin` and the text otherwise.
compare::FactorRule parse_factor_rule(std::string_view text, std::string_view origin);

// The settings of a `.spyglass.toml` named `display_name`. Throws Error(k_bad_input)
// "NAME:LINE: ..." for bad TOML, an unknown key, a value of the wrong type or a bad pattern.
ComparisonSettings parse_config(std::string_view contents, const std::string& display_name);

// The settings of the config file `choice` names (empty when none is), read within
// `max_input_size` bytes.
ComparisonSettings load_config(const ConfigChoice& choice, std::uint64_t max_input_size);

// `given` over `config`, setting by setting, over the defaults: the factor is always set.
ComparisonSettings layer_settings(ComparisonSettings given, const ComparisonSettings& config);

}  // namespace spyglass::action
