#pragma once

#include <string>

#include "spyglass/compare/env_diff.hpp"

namespace spyglass::render {

// Whether the component list shows unchanged components too (the summary always counts them).
enum class UnchangedRows { k_omit, k_include };

// `env-diff`'s markdown report as asv-spyglass prints it, byte for byte on ordinary names: a
// heading, `Baseline (`m/env`) → contender (`m/env`).`, the commits (first 12 characters), the
// summary counts and a `| Status | Component | Baseline | Contender | Kind |` table (versions
// `(empty)` when unpinned, ` - ` when absent), ending in a blank line. The table is valid
// GitHub markdown whatever the names hold: every name and version is a code span whose fence
// outgrows any backticks inside, `|` is escaped as `\|` and line breaks become spaces.
std::string render_env_diff_markdown(const compare::EnvDiff& diff, UnchangedRows unchanged);

// Just the components table of render_env_diff_markdown (for the PR comment); "" when no row is
// shown.
std::string render_env_diff_table(const compare::EnvDiff& diff, UnchangedRows unchanged);

// `env-diff --format json` as asv-spyglass prints it (`json.dumps(indent=2, sort_keys=True)`,
// ASCII only): `baseline` and `contender` (path, machine, env_name, python, commit_hash),
// `changes` (name, kind = status, baseline_version, solved_version, component_kind; null when
// absent) and `summary` (a count per status, unchanged included).
std::string render_env_diff_json(const compare::EnvDiff& diff, UnchangedRows unchanged);

}  // namespace spyglass::render
