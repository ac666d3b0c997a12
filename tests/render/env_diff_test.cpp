// The env-diff renderers on hand-made diffs: the layout asv-spyglass prints, and cells that stay
// valid GitHub markdown whatever the names hold (checked with cmark-gfm, GitHub's parser).
// Whole-file layouts are in the CLI goldens.
#include "spyglass/render/env_diff.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/gfm_inspect.hpp"

namespace spyglass::render {
namespace {

using compare::ComponentChange;
using compare::ComponentKind;
using compare::ComponentStatus;
using compare::EnvDiff;

EnvDiff make_diff(std::vector<ComponentChange> changes) {
  EnvDiff diff;
  diff.before = {"a.json", "m", "env-a", "3.11", "0123456789abcdef", {}};
  diff.after = {"b.json", "m", "env-b", "3.12", "fedcba9876543210", {}};
  diff.changes = std::move(changes);
  return diff;
}

// The lines of `text` that start with `| ` (the table's header and rows).
std::vector<std::string> table_rows(const std::string& text) {
  std::vector<std::string> rows;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    if (line.starts_with("| ")) {
      rows.push_back(line);
    }
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return rows;
}

TEST(EnvDiffMarkdown, PrintsAsvSpyglassLayout) {
  const auto diff = make_diff({
      {ComponentStatus::k_added, ComponentKind::k_library, "numpy", std::nullopt, ""},
      {ComponentStatus::k_unchanged, ComponentKind::k_runtime, "python", "3.12", "3.12"},
      {ComponentStatus::k_removed, ComponentKind::k_library, "scipy", "1.11.4", std::nullopt},
  });
  EXPECT_EQ(render_env_diff_markdown(diff, UnchangedRows::k_omit),
            "# Environment inventory diff\n\n"
            "Baseline (`m/env-a`) \u2192 contender (`m/env-b`).\n\n"
            "Commits: `0123456789ab` \u2192 `fedcba987654`.\n\n"
            "## Summary\n\n"
            "- **unchanged**: 1\n"
            "- **added**: 1\n"
            "- **removed**: 1\n"
            "- **version-bumped**: 0\n\n"
            "## Components\n\n"
            "| Status | Component | Baseline | Contender | Kind |\n"
            "|--------|-----------|----------|-----------|------|\n"
            "| added | `numpy` | ` - ` | `(empty)` | library |\n"
            "| removed | `scipy` | `1.11.4` | ` - ` | library |\n\n");
}

TEST(EnvDiffMarkdown, LabelsWithoutMachineAndMarksAMissingCommit) {
  auto diff = make_diff({});
  diff.before.machine = "";
  diff.after.commit_hash = "";
  const auto text = render_env_diff_markdown(diff, UnchangedRows::k_include);
  EXPECT_NE(text.find("Baseline (`env-a`) \u2192 contender (`m/env-b`).\n\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Commits: `0123456789ab` \u2192 ` - `.\n\n"), std::string::npos) << text;
  EXPECT_TRUE(
      text.ends_with("## Components\n\n_No component changes under the current filter._\n\n"))
      << text;
}

TEST(EnvDiffMarkdown, OmitsTheCommitsLineWhenNeitherFileHasOne) {
  auto diff = make_diff({});
  diff.before.commit_hash = "";
  diff.after.commit_hash = "";
  EXPECT_EQ(render_env_diff_markdown(diff, UnchangedRows::k_omit).find("Commits:"),
            std::string::npos);
}

TEST(EnvDiffMarkdown, CutsCommitsAtTwelveCharactersNotBytes) {
  auto diff = make_diff({});
  std::string hash;
  for (int i = 0; i < 13; ++i) {
    hash += "\u00e9";
  }
  diff.before.commit_hash = hash;
  const auto text = render_env_diff_markdown(diff, UnchangedRows::k_omit);
  EXPECT_NE(text.find("Commits: `" + hash.substr(0, 24) + "` "), std::string::npos) << text;
}

TEST(EnvDiffMarkdown, KeepsHostileNamesInsideTheirCells) {
  const auto diff = make_diff({
      {ComponentStatus::k_version_bumped, ComponentKind::k_library, "a|b`c<d>&e", "`1`", "1\n2|3"},
      {ComponentStatus::k_added, ComponentKind::k_library, "``x``", std::nullopt, "</details>"},
  });
  const auto text = render_env_diff_markdown(diff, UnchangedRows::k_omit);
  const auto rows = table_rows(text);
  ASSERT_EQ(rows.size(), 3u) << text;
  EXPECT_EQ(rows[1], "| version-bumped | ``a\\|b`c<d>&e`` | `` `1` `` | `1 2\\|3` | library |");
  EXPECT_EQ(rows[2], "| added | ``` ``x`` ``` | ` - ` | `</details>` | library |");
  // GitHub's parser sees one table whose cells hold the names verbatim, and no raw HTML.
  const auto gfm = test::inspect_gfm(text);
  ASSERT_EQ(gfm.tables.size(), 1u) << text;
  EXPECT_EQ(gfm.tables[0].rows, (std::vector<std::vector<std::string>>{
                                    {"version-bumped", "a|b`c<d>&e", "`1`", "1 2|3", "library"},
                                    {"added", "``x``", "-", "</details>", "library"},
                                }));
  EXPECT_TRUE(gfm.raw_html.empty()) << gfm.raw_html.front();
}

TEST(EnvDiffMarkdown, EscapesBackticksButNotPipesOutsideTheTable) {
  auto diff = make_diff({});
  diff.before.env_name = "x`y|z";
  const auto text = render_env_diff_markdown(diff, UnchangedRows::k_omit);
  EXPECT_NE(text.find("Baseline (``m/x`y|z``)"), std::string::npos) << text;
}

TEST(EnvDiffMarkdown, TurnsTabsAndLineBreaksIntoSpacesAsTheCommentDoes) {
  auto diff = make_diff({});
  diff.before.env_name = "a\tb\nc";
  const auto text = render_env_diff_markdown(diff, UnchangedRows::k_omit);
  EXPECT_NE(text.find("Baseline (`m/a b c`)"), std::string::npos) << text;
}

TEST(EnvDiffJson, PrintsSortedKeysAsciiOnlyAndNullForAbsentSides) {
  auto diff = make_diff({
      {ComponentStatus::k_added, ComponentKind::k_library, "caf\u00e9", std::nullopt, "1"},
      {ComponentStatus::k_unchanged, ComponentKind::k_runtime, "python", "3.12", "3.12"},
  });
  diff.after.machine = "\"q\"\\";
  EXPECT_EQ(render_env_diff_json(diff, UnchangedRows::k_omit),
            R"({
  "baseline": {
    "commit_hash": "0123456789abcdef",
    "env_name": "env-a",
    "machine": "m",
    "path": "a.json",
    "python": "3.11"
  },
  "changes": [
    {
      "baseline_version": null,
      "component_kind": "library",
      "kind": "added",
      "name": "caf\u00e9",
      "solved_version": "1"
    }
  ],
  "contender": {
    "commit_hash": "fedcba9876543210",
    "env_name": "env-b",
    "machine": "\"q\"\\",
    "path": "b.json",
    "python": "3.12"
  },
  "summary": {
    "added": 1,
    "removed": 0,
    "unchanged": 1,
    "version-bumped": 0
  }
}
)");
}

TEST(EnvDiffJson, ListsUnchangedWhenAskedAndKeepsAnEmptyList) {
  const auto diff = make_diff({
      {ComponentStatus::k_unchanged, ComponentKind::k_runtime, "python", "3.12", "3.12"},
  });
  EXPECT_NE(render_env_diff_json(diff, UnchangedRows::k_include).find("\"name\": \"python\""),
            std::string::npos);
  EXPECT_NE(render_env_diff_json(diff, UnchangedRows::k_omit).find("\"changes\": [],"),
            std::string::npos);
}

}  // namespace
}  // namespace spyglass::render
