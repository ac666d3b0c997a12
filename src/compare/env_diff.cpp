#include "spyglass/compare/env_diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace spyglass::compare {
namespace {

// The machine facts asv-spyglass reports, in the order it collects them.
constexpr std::array<std::string_view, 5> k_machine_facts = {"arch", "cpu", "os", "num_cpu", "ram"};

// Python's `str.lower()` for ASCII; other characters are kept as they are.
std::string lowercased(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lower;
}

// Python's `str.strip()` for the ASCII characters it counts as whitespace.
std::string stripped(std::string_view text) {
  constexpr std::string_view k_space = " \t\n\r\v\f\x1c\x1d\x1e\x1f";
  const auto first = text.find_first_not_of(k_space);
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(k_space);
  return std::string(text.substr(first, last - first + 1));
}

// Python's `str(PurePosixPath(path))`: empty and `.` parts and trailing slashes go, `..` stays,
// and a leading `//` (but not `///`) is kept, as POSIX allows.
std::string python_path_text(std::string_view path) {
  std::string text;
  if (path.starts_with("//") && !path.starts_with("///")) {
    text = "//";
  } else if (path.starts_with("/")) {
    text = "/";
  }
  const std::size_t root_size = text.size();
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string_view part = path.substr(start, end - start);
    if (!part.empty() && part != ".") {
      if (text.size() > root_size) {
        text += '/';
      }
      text += part;
    }
    start = end + 1;
  }
  return text.empty() ? "." : text;
}

// The value of `key` in `pairs`; the last one when the file repeats it, as Python's json keeps.
const std::string* find_value(const model::StringPairs& pairs, std::string_view key) {
  const auto found = std::find_if(pairs.rbegin(), pairs.rend(),
                                  [key](const auto& pair) { return pair.first == key; });
  return found == pairs.rend() ? nullptr : &found->second;
}

// One `[library]` component per requirement, sorted by lowercased name (ties keep file order).
void add_requirements(const model::ResultFile& file, std::vector<Component>& components) {
  model::StringPairs requirements = file.requirements;
  std::stable_sort(requirements.begin(), requirements.end(), [](const auto& a, const auto& b) {
    return lowercased(a.first) < lowercased(b.first);
  });
  for (const auto& [name, pin] : requirements) {
    const std::string_view identity =
        std::string_view(name).starts_with("pip+") ? std::string_view(name).substr(4) : name;
    std::string version = stripped(pin);
    if (version.empty()) {
      if (const std::string* resolved = find_value(file.params, identity)) {
        version = stripped(*resolved);
      }
    }
    components.push_back({ComponentKind::k_library, std::string(identity), std::move(version)});
  }
}

// Index the components of `kinds` by lowercased name; a later duplicate replaces an earlier one.
std::map<std::string, const Component*> by_lowercased_name(const EnvInventory& inventory,
                                                           std::span<const ComponentKind> kinds) {
  std::map<std::string, const Component*> index;
  for (const auto& component : inventory.components) {
    if (std::find(kinds.begin(), kinds.end(), component.kind) != kinds.end()) {
      index[lowercased(component.name)] = &component;
    }
  }
  return index;
}

// Classify one component name present in at least one of the files.
ComponentChange classify(const Component* before, const Component* after) {
  if (before == nullptr) {
    return {ComponentStatus::k_added, after->kind, after->name, std::nullopt, after->version};
  }
  if (after == nullptr) {
    return {ComponentStatus::k_removed, before->kind, before->name, before->version, std::nullopt};
  }
  const auto status = before->version == after->version ? ComponentStatus::k_unchanged
                                                        : ComponentStatus::k_version_bumped;
  return {status, before->kind, before->name, before->version, after->version};
}

}  // namespace

std::string_view component_kind_name(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::k_env:
      return "env";
    case ComponentKind::k_library:
      return "library";
    case ComponentKind::k_machine:
      return "machine";
    case ComponentKind::k_runtime:
      return "runtime";
  }
  return "library";
}

std::string_view component_status_name(ComponentStatus status) {
  switch (status) {
    case ComponentStatus::k_unchanged:
      return "unchanged";
    case ComponentStatus::k_added:
      return "added";
    case ComponentStatus::k_removed:
      return "removed";
    case ComponentStatus::k_version_bumped:
      return "version-bumped";
  }
  return "unchanged";
}

std::size_t EnvDiff::count(ComponentStatus status) const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(),
                    [status](const ComponentChange& change) { return change.status == status; }));
}

bool EnvDiff::changed() const { return count(ComponentStatus::k_unchanged) != changes.size(); }

EnvInventory inventory_of(const model::ResultFile& file) {
  EnvInventory inventory;
  inventory.path = python_path_text(file.path);
  inventory.machine = file.machine;
  inventory.env_name = file.env_name;
  inventory.commit_hash = file.commit_hash;
  // asv-spyglass falls back to params["python"] when the top-level key is empty.
  const std::string* params_python = find_value(file.params, "python");
  inventory.python =
      !file.python.empty() || params_python == nullptr ? file.python : *params_python;

  auto& components = inventory.components;
  if (!inventory.python.empty()) {
    components.push_back({ComponentKind::k_runtime, "python", stripped(inventory.python)});
  }
  add_requirements(file, components);
  for (const std::string_view fact : k_machine_facts) {
    const std::string* value = find_value(file.params, fact);
    if (value != nullptr && !value->empty()) {
      components.push_back({ComponentKind::k_machine, "machine." + std::string(fact), *value});
    }
  }
  if (!inventory.env_name.empty()) {
    components.push_back({ComponentKind::k_env, "asv.env_name", inventory.env_name});
  }
  std::stable_sort(components.begin(), components.end(), [](const auto& a, const auto& b) {
    return std::tuple(a.kind, lowercased(a.name)) < std::tuple(b.kind, lowercased(b.name));
  });
  return inventory;
}

EnvDiff diff_environments(const model::ResultFile& before, const model::ResultFile& after,
                          std::span<const ComponentKind> kinds) {
  EnvDiff diff{inventory_of(before), inventory_of(after), {}};
  const auto before_index = by_lowercased_name(diff.before, kinds);
  const auto after_index = by_lowercased_name(diff.after, kinds);
  std::set<std::string> names;
  for (const auto* index : {&before_index, &after_index}) {
    for (const auto& entry : *index) {
      names.insert(entry.first);
    }
  }
  for (const auto& name : names) {
    const auto in_before = before_index.find(name);
    const auto in_after = after_index.find(name);
    diff.changes.push_back(classify(in_before == before_index.end() ? nullptr : in_before->second,
                                    in_after == after_index.end() ? nullptr : in_after->second));
  }
  return diff;
}

}  // namespace spyglass::compare
