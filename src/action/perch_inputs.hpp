#pragma once

// asv-perch v1's inputs (the Node action whose workflows switch to spyglass by changing their
// `uses:` line): each read into the CommentJob with its asv-perch meaning, or refused with what to
// do instead. docs/migrating-from-asv-perch.md maps every one.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "spyglass/action/comment_job.hpp"
#include "spyglass/util/env.hpp"

namespace spyglass::action {

// asv-perch's marker, on the comments it posted: the default comment (id `default`) takes over
// the comment that carries it.
inline constexpr const char* k_perch_marker = "<!-- asv-benchmark-result -->";

// asv-perch's "critical" ratio when auto-draft-on-regression is on and no threshold is given.
inline constexpr double k_perch_regression_threshold = 10.0;

// The commits `metadata-file`, `base-sha` and `pr-sha` name (the inputs win over the file).
struct PerchShas {
  std::optional<std::string> base;
  std::optional<std::string> pr;
  // The input each came from, for the messages about it.
  std::string base_input = "base-sha";
  std::string pr_input = "pr-sha";
};

// Throws Error(k_bad_input) "input NAME: ..." when one of the inputs that make asv-perch run the
// benchmarks itself is given: a container action cannot run them in the project's environment.
void refuse_benchmark_running_inputs(const util::Env& env);

// base-sha and pr-sha, else the `main_sha=`/`base_sha=` and `pr_sha=` lines of metadata-file.
PerchShas perch_shas(const util::Env& env);

// The one result file under `results_path` (searched recursively) whose name starts with the
// first 8 characters of `sha`. Throws Error(k_bad_input) "input SHA_INPUT: ..." when there is
// none, or when there are several (one commit run in several environments), listing them.
std::string find_result_file(const std::filesystem::path& results_path, const std::string& sha,
                             const std::string& sha_input);

// `<results-path>/comparison.txt` when it exists: asv-perch prefers it in compare mode.
std::optional<std::string> precomputed_comparison(const util::Env& env);

// Apply the inputs asv-perch names differently from spyglass (regression-threshold,
// auto-draft-on-regression, comment-marker), asv-spyglass-args, runner-info, env-diff and the
// comment artifact inputs to `job`. Throws Error(k_bad_input) naming both inputs when an alias
// and its spyglass name are both given with different values, and naming the flag that
// asv-spyglass-args holds and spyglass does not support.
void apply_perch_inputs(const util::Env& env, CommentJob& job);

}  // namespace spyglass::action
