#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "spyglass/model/asv_results.hpp"

namespace spyglass::compare {

// --- Interface ---------------------------------------------------------------

// What an inventory component describes. Declared in name order: asv-spyglass sorts by kind name.
enum class ComponentKind { k_env, k_library, k_machine, k_runtime };

// Every kind, in sort order (`env-diff --all-kinds`).
inline constexpr std::array<ComponentKind, 4> k_all_component_kinds = {
    ComponentKind::k_env, ComponentKind::k_library, ComponentKind::k_machine,
    ComponentKind::k_runtime};

// `env-diff`'s default: the package and interpreter surface that usually explains a delta.
inline constexpr std::array<ComponentKind, 2> k_default_component_kinds = {
    ComponentKind::k_library, ComponentKind::k_runtime};

// The kind as asv-spyglass names it: "env", "library", "machine" or "runtime".
std::string_view component_kind_name(ComponentKind kind);

// One thing a result file says it ran with: a requirement, the interpreter, a machine fact or
// the environment name.
struct Component {
  ComponentKind kind = ComponentKind::k_library;
  std::string name;     // `numpy`, `python`, `machine.cpu`, `asv.env_name`
  std::string version;  // "" for a requirement with no pin and no resolved version in params
};

// asv-spyglass's inventory of one result file (spec 2.3): `[runtime] python`, `[library]` per
// requirement (`pip+` dropped; an empty pin falls back to params[name]), `[machine]
// machine.<arch|cpu|os|num_cpu|ram>` when not empty, `[env] asv.env_name`.
struct EnvInventory {
  std::string
      path;  // the file as Python's `str(Path(path))` prints it (`./a//b.json` -> `a/b.json`)
  std::string machine;
  std::string env_name;
  std::string python;
  std::string commit_hash;
  std::vector<Component> components;  // by kind, then by lowercased name
};

// How a component differs between the two files; the names are asv-spyglass's.
enum class ComponentStatus { k_unchanged, k_added, k_removed, k_version_bumped };

// Every status, in the order asv-spyglass's summary lists them.
inline constexpr std::array<ComponentStatus, 4> k_all_component_statuses = {
    ComponentStatus::k_unchanged, ComponentStatus::k_added, ComponentStatus::k_removed,
    ComponentStatus::k_version_bumped};

// "unchanged", "added", "removed" or "version-bumped".
std::string_view component_status_name(ComponentStatus status);

// One component name compared across the two files.
struct ComponentChange {
  ComponentStatus status = ComponentStatus::k_unchanged;
  ComponentKind kind = ComponentKind::k_library;  // the baseline's, when both files have it
  std::string name;                               // the baseline's spelling, when both have it
  std::optional<std::string> before;              // nullopt when added
  std::optional<std::string> after;               // nullopt when removed
};

// `spyglass env-diff`: two inventories and every component of the selected kinds, classified.
struct EnvDiff {
  EnvInventory before;
  EnvInventory after;
  std::vector<ComponentChange> changes;  // unchanged ones too, sorted by lowercased name

  // How many changes have `status`.
  std::size_t count(ComponentStatus status) const;
  // True when anything was added, removed or version-bumped (`--fail-on-change`).
  bool changed() const;
};

// The inventory of `file`.
EnvInventory inventory_of(const model::ResultFile& file);

// Classify the components of `kinds` between `before` and `after`. Components are matched by
// lowercased name; when one file has two with the same lowercased name, the later one in
// inventory order counts, as in asv-spyglass.
EnvDiff diff_environments(const model::ResultFile& before, const model::ResultFile& after,
                          std::span<const ComponentKind> kinds);

}  // namespace spyglass::compare
