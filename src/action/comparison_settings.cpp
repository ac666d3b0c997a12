#include "spyglass/action/comparison_settings.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

#include "spyglass/action/inputs.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/file.hpp"

namespace spyglass::action {
namespace {

// The keys of the config file besides the pattern settings, for the message about an unknown one.
constexpr std::array<std::string_view, 2> k_other_keys = {"factor", "factor_for"};

std::string known_keys() {
  std::vector<std::string_view> keys(k_other_keys.begin(), k_other_keys.end());
  for (const auto& setting : k_pattern_settings) {
    keys.push_back(setting.name);
  }
  std::sort(keys.begin(), keys.end());
  return fmt::format("{}", fmt::join(keys, ", "));
}

[[noreturn]] void bad_config(const std::string& where, const toml::source_region& source,
                             const std::string& what) {
  throw Error(ExitCode::k_bad_input, fmt::format("{}:{}: {}", where, source.begin.line, what));
}

// A factor of the config file: a number more than 1.
double config_factor(const toml::node& node, const std::string& where, std::string_view key) {
  const auto number = node.is_number() ? node.value<double>() : std::nullopt;
  if (!number || !(*number > 1)) {
    bad_config(where, node.source(),
               fmt::format("`{}` must be a number more than 1 ({})", key, k_factor_meaning));
  }
  return *number;
}

std::vector<util::Regex> config_patterns(const toml::node& node, const std::string& where,
                                         std::string_view key) {
  const auto* array = node.as_array();
  if (array == nullptr || !array->is_homogeneous(toml::node_type::string)) {
    bad_config(where, node.source(), fmt::format("`{}` must be an array of strings", key));
  }
  std::vector<util::Regex> patterns;
  for (const auto& element : *array) {
    patterns.emplace_back(*element.value<std::string_view>(),
                          fmt::format("{}:{}: {}", where, element.source().begin.line, key));
  }
  return patterns;
}

// `[factor_for]`: pattern = factor, kept in the file's order (toml++'s table sorts its keys),
// since the first rule that matches wins.
std::vector<compare::FactorRule> config_factor_rules(const toml::node& node,
                                                     const std::string& where) {
  const auto* table = node.as_table();
  if (table == nullptr) {
    bad_config(where, node.source(), "`factor_for` must be a table of \"pattern\" = factor");
  }
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& entry : *table) {
    entries.emplace_back(&entry.first, &entry.second);
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const auto& x = a.first->source().begin;
    const auto& y = b.first->source().begin;
    return std::pair(x.line, x.column) < std::pair(y.line, y.column);
  });
  std::vector<compare::FactorRule> rules;
  for (const auto& [key, value] : entries) {
    const auto origin = fmt::format("{}:{}: factor_for", where, key->source().begin.line);
    rules.push_back({util::Regex(key->str(), origin), config_factor(*value, where, "factor_for")});
  }
  return rules;
}

}  // namespace

std::string option_name(std::string_view name) {
  std::string option(name);
  std::replace(option.begin(), option.end(), '_', '-');
  return option;
}

compare::FactorRule parse_factor_rule(std::string_view text, std::string_view origin) {
  const auto equals = text.rfind('=');
  const auto factor =
      equals == std::string_view::npos ? std::nullopt : finite_number(text.substr(equals + 1));
  if (!factor || !(*factor > 1) || equals == 0) {
    throw Error(
        ExitCode::k_bad_input,
        fmt::format("{}: `{}` is not PATTERN=FACTOR with a factor more than 1", origin, text));
  }
  return {util::Regex(text.substr(0, equals), origin), *factor};
}

ComparisonSettings parse_config(std::string_view contents, const std::string& display_name) {
  toml::table document;
  try {
    document = toml::parse(contents, display_name);
  } catch (const toml::parse_error& e) {
    bad_config(display_name, e.source(), fmt::format("not TOML: {}", e.description()));
  }
  ComparisonSettings settings;
  for (const auto& entry : document) {
    const toml::key& key = entry.first;
    const toml::node& node = entry.second;
    const auto setting = std::find_if(
        k_pattern_settings.begin(), k_pattern_settings.end(),
        [&key](const PatternSetting& candidate) { return candidate.name == key.str(); });
    if (setting != k_pattern_settings.end()) {
      settings.rules.*(setting->patterns) = config_patterns(node, display_name, key.str());
    } else if (key.str() == "factor") {
      settings.factor = config_factor(node, display_name, key.str());
    } else if (key.str() == "factor_for") {
      settings.rules.factor_for = config_factor_rules(node, display_name);
    } else {
      bad_config(display_name, key.source(),
                 fmt::format("unknown key `{}` (known: {})", key.str(), known_keys()));
    }
  }
  return settings;
}

ComparisonSettings load_config(const ConfigChoice& choice, std::uint64_t max_input_size) {
  if (choice.skip) {
    return {};
  }
  // Whatever is at the default path is read, so that a directory or FIFO there is refused
  // (util::read_file) rather than passed over in silence.
  std::error_code error;
  if (!choice.path && std::filesystem::symlink_status(k_default_config_path, error).type() ==
                          std::filesystem::file_type::not_found) {
    return {};
  }
  const auto path = choice.path.value_or(k_default_config_path);
  return parse_config(util::read_file(path, max_input_size), path);
}

ComparisonSettings layer_settings(ComparisonSettings given, const ComparisonSettings& config) {
  given.factor = given.factor.value_or(config.factor.value_or(model::k_default_factor));
  for (const auto& setting : k_pattern_settings) {
    auto& patterns = given.rules.*(setting.patterns);
    if (patterns.empty()) {
      patterns = config.rules.*(setting.patterns);
    }
  }
  if (given.rules.factor_for.empty()) {
    given.rules.factor_for = config.rules.factor_for;
  }
  return given;
}

}  // namespace spyglass::action
