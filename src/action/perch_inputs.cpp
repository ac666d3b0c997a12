#include "spyglass/action/perch_inputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>
#include <system_error>

#include "spyglass/action/inputs.hpp"
#include "spyglass/render/comment_model.hpp"
#include "spyglass/util/file.hpp"
#include "spyglass/util/input_limit.hpp"

namespace spyglass::action {
namespace {

// The first characters of a commit hash that asv puts in a result file's name.
constexpr std::size_t k_sha_prefix_length = 8;

// Where asv-perch's migration guide is, for the messages that send a reader there.
constexpr const char* k_migration_doc = "see docs/migrating-from-asv-perch.md";

[[noreturn]] void refuse(const std::string& message) {
  throw Error(ExitCode::k_bad_input, message);
}

bool is_sha(const std::string& text) {
  return text.size() >= k_sha_prefix_length && text.size() <= 40 &&
         std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isxdigit(c) != 0; });
}

// `value` of a line `key=value` of `text`, blanks around it dropped.
std::optional<std::string> metadata_value(const std::string& text, const std::string& key) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line.compare(start, key.size() + 1, key + "=") != 0) {
      continue;
    }
    auto value = line.substr(start + key.size() + 1);
    const auto end = value.find_last_not_of(" \t\r");
    value.erase(end == std::string::npos ? 0 : end + 1);
    value.erase(0, std::min(value.find_first_not_of(" \t"), value.size()));
    if (!value.empty()) {
      return value;
    }
  }
  return std::nullopt;
}

// A flag given to asv-perch's asv-spyglass-args and the value it takes (after a space or `=`).
struct PassedFlag {
  std::string name;
  std::optional<std::string> value;
};

std::vector<PassedFlag> passed_flags(const std::string& args) {
  std::istringstream words(args);
  std::vector<std::string> tokens;
  for (std::string word; words >> word;) {
    tokens.push_back(word);
  }
  static const std::vector<std::string> k_with_value = {"--factor", "--label-before",
                                                        "--label-after", "--sort"};
  static const std::vector<std::string> k_switches = {
      "--split", "--only-changed", "--only-improved", "--only-regressed", "--no-env-label"};
  std::vector<PassedFlag> flags;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    PassedFlag flag{tokens[i], std::nullopt};
    if (const auto equals = flag.name.find('='); equals != std::string::npos) {
      flag.value = flag.name.substr(equals + 1);
      flag.name.erase(equals);
    }
    const bool takes_value =
        std::find(k_with_value.begin(), k_with_value.end(), flag.name) != k_with_value.end();
    const bool is_switch =
        std::find(k_switches.begin(), k_switches.end(), flag.name) != k_switches.end();
    if (is_switch && !flag.value) {
      flags.push_back(std::move(flag));
      continue;
    }
    if (!takes_value) {
      // The message names no flag spyglass's CLI has: the action's messages name the inputs
      // those stand for (name_inputs), which would misquote asv-spyglass's.
      refuse(fmt::format(
          "input asv-spyglass-args: spyglass does not support '{}' (it takes asv-spyglass "
          "compare's flags factor, label-before, label-after, sort, split, only-changed, "
          "only-improved, only-regressed and no-env-label); remove it, {}",
          flag.name, k_migration_doc));
    }
    if (!flag.value) {
      if (i + 1 == tokens.size()) {
        refuse(
            fmt::format("input asv-spyglass-args: its flag {} needs a value", flag.name.substr(2)));
      }
      flag.value = tokens[++i];
    }
    flags.push_back(std::move(flag));
  }
  return flags;
}

// `alias` (asv-perch's name) and `name` (spyglass's) both given with different values.
[[noreturn]] void conflicting(const std::string& alias, const std::string& alias_value,
                              const std::string& name, const std::string& value) {
  refuse(fmt::format(
      "input {} '{}' and input {} '{}' set the same thing to different values; give one of them",
      alias, alias_value, name, value));
}

void apply_thresholds(const util::Env& env, CommentJob& job) {
  const auto threshold = positive_number_input(env, "regression-threshold");
  for (const auto* name : {"fail-threshold", "draft-threshold"}) {
    const auto value = positive_number_input(env, name);
    if (threshold && value && *threshold != *value) {
      conflicting("regression-threshold", *input_value(env, "regression-threshold"), name,
                  *input_value(env, name));
    }
  }
  const auto perch_draft = input_value(env, "auto-draft-on-regression");
  const bool draft = flag_input(env, "auto-draft-on-regression", false);
  // draft-on-regression's default (false) is what the runner passes when it is not given.
  if (perch_draft && job.draft_on_regression && !draft) {
    conflicting("auto-draft-on-regression", *perch_draft, "draft-on-regression",
                *input_value(env, "draft-on-regression"));
  }
  job.draft_on_regression = job.draft_on_regression || draft;
  if (threshold) {
    job.fail_threshold = threshold;
    job.draft_threshold = threshold;
  } else if (draft && !job.draft_threshold) {
    job.draft_threshold = k_perch_regression_threshold;
  }
}

void apply_comment_marker(const util::Env& env, CommentJob& job) {
  const auto marker = input_value(env, "comment-marker");
  if (!marker) {
    // Only the default comment takes over asv-perch's: other ids are comments it never posted.
    job.legacy_marker = job.id == "default" ? k_perch_marker : "";
    return;
  }
  if (!marker->starts_with("<!--") || !marker->ends_with("-->") ||
      marker->find('\n') != std::string::npos) {
    bad_input("comment-marker", *marker, "one HTML comment (<!-- ... -->) on one line");
  }
  if (job.id != "default" && *marker != render::comment_marker(job.id)) {
    conflicting("comment-marker", *marker, "comment-id", job.id);
  }
  job.legacy_marker = *marker == render::comment_marker(job.id) ? "" : *marker;
}

void apply_spyglass_args(const util::Env& env, CommentJob& job) {
  const auto args = input_value(env, "asv-spyglass-args");
  if (!args) {
    return;
  }
  for (const auto& flag : passed_flags(*args)) {
    if (!flag.value) {
      auto& layout = job.raw_layout;
      layout.split = layout.split || flag.name == "--split";
      layout.filter.only_changed = layout.filter.only_changed || flag.name == "--only-changed";
      layout.filter.only_improved = layout.filter.only_improved || flag.name == "--only-improved";
      layout.filter.only_regressed =
          layout.filter.only_regressed || flag.name == "--only-regressed";
      layout.no_env_label = layout.no_env_label || flag.name == "--no-env-label";
      if (layout.filter.only_improved && layout.filter.only_regressed) {
        refuse("input asv-spyglass-args: only-improved and only-regressed exclude each other");
      }
      continue;
    }
    const auto& value = *flag.value;
    if (flag.name == "--sort") {
      static const std::map<std::string, render::SortOrder> k_orders = {
          {"default", render::SortOrder::k_default},
          {"ratio", render::SortOrder::k_ratio},
          {"name", render::SortOrder::k_name}};
      const auto order = k_orders.find(value);
      if (order == k_orders.end()) {
        refuse(fmt::format("input asv-spyglass-args: its sort '{}' is not default, ratio or name",
                           value));
      }
      job.raw_layout.sort = order->second;
    } else if (flag.name == "--factor") {
      const auto parsed = finite_number(value);
      if (!parsed || *parsed <= 1) {
        refuse(
            fmt::format("input asv-spyglass-args: its factor '{}' must be a number more than "
                        "1 ({})",
                        value, k_factor_meaning));
      }
      const auto given = input_value(env, "factor");
      if (given && *given != "1.1" && job.settings.factor != parsed) {
        conflicting("asv-spyglass-args", "factor " + value, "factor", *given);
      }
      job.settings.factor = parsed;
    } else {
      auto& label = flag.name == "--label-before" ? job.label_before : job.label_after;
      if (label && *label != value) {
        conflicting("asv-spyglass-args", flag.name.substr(2) + " " + value, flag.name.substr(2),
                    *label);
      }
      label = value;
    }
  }
}

void apply_artifact(const util::Env& env, CommentJob& job) {
  const bool upload = flag_input(env, "upload-comment-artifact", false);
  const auto name = input_value(env, "comment-artifact-name").value_or("benchmark-comment");
  const auto path = input_value(env, "comment-artifact-path");
  if (!upload) {
    return;
  }
  const bool safe = std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.';
  });
  if (!safe || name.front() == '.') {
    bad_input("comment-artifact-name", name,
              "an artifact name of letters, digits, '-', '_' and '.' (not starting with '.')");
  }
  job.comment_artifact_name = name;
  job.comment_artifact_path = path;
}

}  // namespace

void refuse_benchmark_running_inputs(const util::Env& env) {
  static const char* const k_running_inputs[] = {"benchmark-command", "init-command", "baseline",
                                                 "contenders", "preserve-paths"};
  for (const auto* name : k_running_inputs) {
    if (input_value(env, name)) {
      refuse(fmt::format(
          "input {}: spyglass does not run benchmarks (a container action cannot run them in "
          "the project's environment); run asv in a step before this one and pass its results "
          "(results-path with base-sha and pr-sha, or base-file and pr-file), {}",
          name, k_migration_doc));
    }
  }
  if (input_value(env, "asv-spyglass-ref")) {
    refuse(
        fmt::format("input asv-spyglass-ref: spyglass compares the results itself and installs "
                    "nothing; remove the input, {}",
                    k_migration_doc));
  }
}

PerchShas perch_shas(const util::Env& env) {
  PerchShas shas{input_value(env, "base-sha"), input_value(env, "pr-sha")};
  if (const auto metadata = input_value(env, "metadata-file")) {
    const auto text = util::read_file(*metadata, util::k_default_max_input_size);
    if (!shas.base) {
      shas.base = metadata_value(text, "main_sha");
      shas.base = shas.base ? shas.base : metadata_value(text, "base_sha");
      shas.base_input = "metadata-file";
    }
    if (!shas.pr) {
      shas.pr = metadata_value(text, "pr_sha");
      shas.pr_input = "metadata-file";
    }
  }
  return shas;
}

std::string find_result_file(const std::filesystem::path& results_path, const std::string& sha,
                             const std::string& sha_input) {
  if (!is_sha(sha)) {
    bad_input(sha_input, sha, "a commit hash (8 to 40 hexadecimal digits)");
  }
  const auto prefix = sha.substr(0, k_sha_prefix_length);
  std::error_code error;
  std::vector<std::string> found;
  for (std::filesystem::recursive_directory_iterator it(results_path, error), end;
       !error && it != end; it.increment(error)) {
    const auto name = it->path().filename().string();
    if (it->is_regular_file() && name.starts_with(prefix) && name.ends_with(".json")) {
      found.push_back(it->path().string());
    }
  }
  if (error) {
    refuse(fmt::format("input results-path: cannot list '{}': {}", results_path.string(),
                       error.message()));
  }
  std::sort(found.begin(), found.end());
  if (found.empty()) {
    refuse(fmt::format("input {}: no result file named {}*.json under results-path '{}'", sha_input,
                       prefix, results_path.string()));
  }
  if (found.size() > 1) {
    std::string candidates;
    for (const auto& path : found) {
      candidates += (candidates.empty() ? "" : ", ") + path;
    }
    refuse(
        fmt::format("input {}: {} result files named {}*.json under results-path '{}' (one "
                    "commit run in several environments): {}; pass the one to compare as "
                    "a file input instead",
                    sha_input, found.size(), prefix, results_path.string(), candidates));
  }
  return found.front();
}

std::optional<std::string> precomputed_comparison(const util::Env& env) {
  const auto results_path = input_value(env, "results-path");
  if (!results_path) {
    return std::nullopt;
  }
  const auto path = std::filesystem::path(*results_path) / "comparison.txt";
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return std::nullopt;
  }
  return path.string();
}

void apply_perch_inputs(const util::Env& env, CommentJob& job) {
  apply_thresholds(env, job);
  apply_comment_marker(env, job);
  apply_spyglass_args(env, job);
  apply_artifact(env, job);
  job.runner_info = input_value(env, "runner-info");
  job.env_diff = flag_input(env, "env-diff", true);
}

}  // namespace spyglass::action
