// Environment inventories and their diff. The upstream cases carry over the facts asserted by
// asv-spyglass's tests/test_inventory.py; the hand-made ones were checked against asv-spyglass's
// inventory.py and sbom_diff.py run on the same data.
#include "spyglass/compare/env_diff.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "spyglass/ingest/asv_results.hpp"
#include "spyglass/util/input_limit.hpp"
#include "support/paths.hpp"

namespace spyglass::compare {
namespace {

const std::string k_up = "asv-spyglass-upstream/asv_spyglass/tests/data/";

model::ResultFile upstream(const std::string& name) {
  return ingest::load_asv_results(test::fixture_path(k_up + name), util::k_default_max_input_size);
}

// A result file holding only the header facts an inventory reads.
model::ResultFile header(std::string python, model::StringPairs requirements,
                         model::StringPairs params, std::string env_name = "env") {
  model::ResultFile file;
  file.path = "results/m/abc-env.json";
  file.machine = "m";
  file.env_name = std::move(env_name);
  file.commit_hash = "0123456789abcdef";
  file.python = std::move(python);
  file.requirements = std::move(requirements);
  file.params = std::move(params);
  return file;
}

// The components as asv-spyglass's `inventory` text lists them: `[kind] name = version`.
std::vector<std::string> listed(const EnvInventory& inventory) {
  std::vector<std::string> lines;
  for (const auto& c : inventory.components) {
    lines.push_back("[" + std::string(component_kind_name(c.kind)) + "] " + c.name + " = " +
                    c.version);
  }
  return lines;
}

// A change as `status kind name before -> after`, with `-` for an absent side.
std::string describe(const ComponentChange& change) {
  return std::string(component_status_name(change.status)) + " " +
         std::string(component_kind_name(change.kind)) + " " + change.name + " " +
         change.before.value_or("-") + " -> " + change.after.value_or("-");
}

std::vector<std::string> described(const EnvDiff& diff) {
  std::vector<std::string> lines;
  for (const auto& change : diff.changes) {
    lines.push_back(describe(change));
  }
  return lines;
}

TEST(EnvInventory, ListsEveryComponentOfAnUpstreamFileByKindThenName) {
  const auto inventory = inventory_of(upstream("a0f29428-conda-py3.11-numpy.json"));
  EXPECT_EQ(inventory.machine, "rgx1gen11");
  EXPECT_EQ(inventory.env_name, "conda-py3.11-numpy");
  EXPECT_EQ(inventory.python, "3.11");
  EXPECT_EQ(inventory.commit_hash, "a0f29428eeb7563d7d5ab8385c722e8d5560bd07");
  EXPECT_EQ(inventory.path, test::fixture_path(k_up + "a0f29428-conda-py3.11-numpy.json"));
  EXPECT_EQ(listed(inventory), (std::vector<std::string>{
                                   "[env] asv.env_name = conda-py3.11-numpy",
                                   "[library] numpy = ",
                                   "[machine] machine.arch = x86_64",
                                   "[machine] machine.cpu = 13th Gen Intel(R) Core(TM) i7-1365U",
                                   "[machine] machine.num_cpu = 12",
                                   "[machine] machine.os = Linux 6.11.9-arch1-1",
                                   "[machine] machine.ram = 32504640",
                                   "[runtime] python = 3.11",
                               }));
}

TEST(EnvInventory, HasNoLibraryWhenTheFileHasNoRequirements) {
  EXPECT_EQ(listed(inventory_of(upstream("a0f29428-virtualenv-py3.12.json"))),
            (std::vector<std::string>{
                "[env] asv.env_name = virtualenv-py3.12",
                "[machine] machine.arch = x86_64",
                "[machine] machine.cpu = 13th Gen Intel(R) Core(TM) i7-1365U",
                "[machine] machine.num_cpu = 12",
                "[machine] machine.os = Linux 6.11.9-arch1-1",
                "[machine] machine.ram = 32504640",
                "[runtime] python = 3.12",
            }));
}

TEST(EnvInventory, KeepsRealPins) {
  const auto lines = listed(inventory_of(upstream("synthetic_env_pins_numpy126.json")));
  EXPECT_EQ(lines.at(1), "[library] numpy = 1.26.0");
  EXPECT_EQ(lines.at(2), "[library] scipy = 1.11.4");
}

TEST(EnvInventory, ResolvesDropsAndOrdersRequirementsAsAsvSpyglass) {
  // An empty pin falls back to params[name] (after `pip+` is dropped), versions are stripped,
  // empty machine facts are skipped, and names sort case-insensitively within a kind.
  const auto inventory = inventory_of(header(
      "3.9", {{"numpy", "1"}, {"NUMPY", "2"}, {"python", "x"}, {"pip+Foo", ""}, {"bar", " "}},
      {{"Foo", "2.0"}, {"bar", " 7 "}, {"machine", "m"}, {"arch", ""}, {"os", "L"}}, "e"));
  EXPECT_EQ(listed(inventory), (std::vector<std::string>{
                                   "[env] asv.env_name = e",
                                   "[library] bar = 7",
                                   "[library] Foo = 2.0",
                                   "[library] numpy = 1",
                                   "[library] NUMPY = 2",
                                   "[library] python = x",
                                   "[machine] machine.os = L",
                                   "[runtime] python = 3.9",
                               }));
}

TEST(EnvInventory, FallsBackToParamsPythonAndStripsOnlyTheComponent) {
  EXPECT_EQ(listed(inventory_of(header("", {}, {{"python", "3.10"}}, ""))),
            (std::vector<std::string>{"[runtime] python = 3.10"}));
  const auto inventory = inventory_of(header(" 3.9 ", {}, {}, ""));
  EXPECT_EQ(inventory.python, " 3.9 ");
  EXPECT_EQ(listed(inventory), (std::vector<std::string>{"[runtime] python = 3.9"}));
  EXPECT_TRUE(inventory_of(header("", {}, {}, "")).components.empty());
}

TEST(EnvInventory, PrintsThePathAsPythonsPathDoes) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"./a//b.json/", "a/b.json"},
      {"//srv/x", "//srv/x"},
      {"///srv/x", "/srv/x"},
      {"", "."},
      {"../r/./x.json", "../r/x.json"},
      {"/", "/"},
      {"a.json", "a.json"},
  };
  for (const auto& [given, printed] : cases) {
    auto file = header("3.9", {}, {});
    file.path = given;
    EXPECT_EQ(inventory_of(file).path, printed) << "path: '" << given << "'";
  }
}

TEST(EnvDiff, ClassifiesNumpyAddedAndPythonUnchanged) {
  const auto diff = diff_environments(upstream("a0f29428-virtualenv-py3.12.json"),
                                      upstream("a0f29428-virtualenv-py3.12-numpy.json"),
                                      k_default_component_kinds);
  EXPECT_EQ(described(diff), (std::vector<std::string>{
                                 "added library numpy - -> ",
                                 "unchanged runtime python 3.12 -> 3.12",
                             }));
  EXPECT_EQ(diff.count(ComponentStatus::k_added), 1u);
  EXPECT_EQ(diff.count(ComponentStatus::k_unchanged), 1u);
  EXPECT_TRUE(diff.changed());
}

TEST(EnvDiff, ClassifiesNumpyRemovedUnderLibraryKind) {
  const std::vector<ComponentKind> library = {ComponentKind::k_library};
  const auto diff = diff_environments(upstream("a0f29428-virtualenv-py3.12-numpy.json"),
                                      upstream("a0f29428-virtualenv-py3.12.json"), library);
  EXPECT_EQ(described(diff), (std::vector<std::string>{"removed library numpy  -> -"}));
}

TEST(EnvDiff, ClassifiesPythonVersionBumpedUnderRuntimeKind) {
  const std::vector<ComponentKind> runtime = {ComponentKind::k_runtime};
  const auto diff = diff_environments(upstream("a0f29428-conda-py3.11-numpy.json"),
                                      upstream("a0f29428-virtualenv-py3.12-numpy.json"), runtime);
  EXPECT_EQ(described(diff),
            (std::vector<std::string>{"version-bumped runtime python 3.11 -> 3.12"}));
}

TEST(EnvDiff, AllKindsIncludeTheEnvNameSortedWithTheRest) {
  const auto diff =
      diff_environments(upstream("d6b286b8-virtualenv-py3.12-numpy.json"),
                        upstream("d6b286b8-rattler-py3.12-numpy.json"), k_all_component_kinds);
  EXPECT_EQ(described(diff),
            (std::vector<std::string>{
                "version-bumped env asv.env_name virtualenv-py3.12-numpy -> rattler-py3.12-numpy",
                "unchanged machine machine.arch x86_64 -> x86_64",
                "unchanged machine machine.cpu 13th Gen Intel(R) Core(TM) i7-1365U -> 13th Gen "
                "Intel(R) Core(TM) i7-1365U",
                "unchanged machine machine.num_cpu 12 -> 12",
                "unchanged machine machine.os Linux 6.11.9-arch1-1 -> Linux 6.11.9-arch1-1",
                "unchanged machine machine.ram 32504640 -> 32504640",
                "unchanged library numpy  -> ",
                "unchanged runtime python 3.12 -> 3.12",
            }));
}

TEST(EnvDiff, ClassifiesLibraryVersionBumpedAndAdded) {
  // upstream test_classify_library_version_bumped: the same file with rewritten pins.
  auto before = upstream("a0f29428-virtualenv-py3.12-numpy.json");
  auto after = before;
  before.requirements = {{"numpy", "1.26.0"}};
  after.requirements = {{"numpy", "2.0.0"}, {"scipy", "1.11.4"}};
  const std::vector<ComponentKind> library = {ComponentKind::k_library};
  EXPECT_EQ(described(diff_environments(before, after, library)),
            (std::vector<std::string>{
                "version-bumped library numpy 1.26.0 -> 2.0.0",
                "added library scipy - -> 1.11.4",
            }));
}

TEST(EnvDiff, MatchesNamesCaseInsensitivelyAndLetsTheLaterDuplicateWin) {
  // Before has library `python` and runtime `python`: the runtime one comes later and counts.
  const auto before = header(
      "3.9", {{"numpy", "1"}, {"NUMPY", "2"}, {"python", "x"}, {"pip+Foo", ""}, {"bar", " "}},
      {{"Foo", "2.0"}, {"bar", " 7 "}});
  const auto after = header("3.9", {{"numpy", "2"}, {"Bar", "7"}}, {});
  const auto diff = diff_environments(before, after, k_default_component_kinds);
  EXPECT_EQ(described(diff), (std::vector<std::string>{
                                 "unchanged library bar 7 -> 7",
                                 "removed library Foo 2.0 -> -",
                                 "unchanged library NUMPY 2 -> 2",
                                 "unchanged runtime python 3.9 -> 3.9",
                             }));
  EXPECT_EQ(diff.count(ComponentStatus::k_removed), 1u);
  EXPECT_EQ(diff.count(ComponentStatus::k_version_bumped), 0u);
}

TEST(EnvDiff, IsUnchangedWhenEveryComponentMatches) {
  const auto file = upstream("d6b286b8-virtualenv-py3.12-numpy.json");
  const auto diff = diff_environments(file, file, k_all_component_kinds);
  EXPECT_EQ(diff.changes.size(), 8u);
  EXPECT_EQ(diff.count(ComponentStatus::k_unchanged), 8u);
  EXPECT_FALSE(diff.changed());
}

TEST(EnvDiff, NamesEveryKindAndStatusAsAsvSpyglass) {
  std::vector<std::string> kinds;
  for (const auto kind : k_all_component_kinds) {
    kinds.emplace_back(component_kind_name(kind));
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"env", "library", "machine", "runtime"}));
  std::vector<std::string> statuses;
  for (const auto status : k_all_component_statuses) {
    statuses.emplace_back(component_status_name(status));
  }
  EXPECT_EQ(statuses,
            (std::vector<std::string>{"unchanged", "added", "removed", "version-bumped"}));
}

}  // namespace
}  // namespace spyglass::compare
