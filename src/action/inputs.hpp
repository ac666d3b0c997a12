#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "spyglass/action/comment_job.hpp"
#include "spyglass/util/env.hpp"

namespace spyglass::action {

// One input of the action as action.yml declares it (tests/action/action_yml_test.cpp checks that
// they agree): `spyglass action --help` lists them, and messages name them.
struct ActionInput {
  std::string_view name;
  std::string_view default_value;  // as action.yml writes it
  std::string_view description;
  // The same setting of `spyglass comment` ("" when it has none). Negated: the flag means the
  // input's `false` (`--print-only` is `post-comment: false`).
  std::string_view cli_flag;
  bool cli_flag_negates = false;
};

// What a factor means, for the messages about one of at most 1, which makes a change of any size
// (or of none) significant: asv's test is `after > before * factor`.
inline constexpr const char* k_factor_meaning =
    "the factor is the ratio a change must pass: 1.1 means a 10% change";

// Every input, in action.yml's order.
std::span<const ActionInput> action_inputs();

// `message` with each CLI flag that stands for an input (`--base`) replaced by the input's name
// (`base-file`): the action's errors and warnings come from code the CLI shares.
std::string name_inputs(std::string_view message);

// The inputs' table for `spyglass action --help`: each name, its default and its description.
std::string inputs_help();

// Input `name`'s value, trailing whitespace dropped; nullopt when it is not given or empty.
std::optional<std::string> input_value(const util::Env& env, std::string name);

// Throws Error(k_bad_input) "input NAME: 'VALUE' is not EXPECTED".
[[noreturn]] void bad_input(const std::string& name, const std::string& value,
                            const std::string& expected);

// Input `name` as true or false (`fallback` when not given); throws as bad_input otherwise.
bool flag_input(const util::Env& env, const std::string& name, bool fallback);

// `text` whole as a finite number; nullopt when it is anything else.
std::optional<double> finite_number(std::string_view text);

// Input `name` as a positive number, nullopt when not given; throws as bad_input otherwise.
std::optional<double> positive_number_input(const util::Env& env, const std::string& name);

// The job the action's inputs describe. The runner passes input `name` as `INPUT_<NAME>`,
// upper-cased with hyphens kept (`INPUT_GITHUB-TOKEN`); an empty value means "not given". Lists
// (`contender-files`, `contender-labels`) are separated by newlines or commas. Throws
// Error(k_bad_input) "input NAME: ..." for a value that is not what the input takes.
CommentJob comment_job_from_inputs(const util::Env& env);

}  // namespace spyglass::action
