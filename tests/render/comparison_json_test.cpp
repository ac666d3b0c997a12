// `--format json` against its documentation (docs/json-output.md): the version the page gives last
// is the one printed, every member printed is named there, and the counts are the comment's.
#include "spyglass/render/comparison_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace spyglass::test {
namespace {

const std::string k_hand = "@F/handmade/results/";
// One of the handmade pair's five regressions, put on the ignore list; another, a factor of 2,
// within a factor given to it alone, so the pair has a row of every verdict.
const std::string k_ignored = "^mem\\.mem_bytes$";
const std::string k_within = "^stats\\.time_repeat1$=1000";

// Every object key in `value`, at any depth.
void collect_keys(const nlohmann::ordered_json& value, std::set<std::string>& keys) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      keys.insert(key);
      collect_keys(member, keys);
    }
  } else if (value.is_array()) {
    for (const auto& item : value) {
      collect_keys(item, keys);
    }
  }
}

// What `args` print, members in the printed order.
nlohmann::ordered_json run_json(const std::vector<std::string>& args) {
  const auto result = run_cli(args);
  EXPECT_EQ(result.err, "");
  return nlohmann::ordered_json::parse(result.out);
}

TEST(JsonOutputDoc, NamesEveryMemberAndTheCurrentVersion) {
  const auto doc = read_fixture("../docs/json-output.md");
  const auto compare =
      run_json({"compare", "--format", "json", "--ignore", k_ignored, "--factor-for", k_within,
                k_hand + "m1/aaaaaaaa-e1.json", k_hand + "m1/bbbbbbbb-e1.json"});
  const auto many = run_json({"compare-many", "--format", "json", k_hand + "m1/11111111-e1.json",
                              k_hand + "m2/22222222-e2.json"});
  for (const auto* json : {&compare, &many}) {
    EXPECT_EQ(json->begin().key(), "schema_version");
    EXPECT_EQ((*json)["schema_version"], render::k_json_schema_version);
    std::set<std::string> keys;
    collect_keys(*json, keys);
    for (const auto& key : keys) {
      EXPECT_NE(doc.find("`" + key + "`"), std::string::npos) << key << " is not documented";
    }
  }
  const auto version_row = "\n| " + std::to_string(render::k_json_schema_version) + " | ";
  EXPECT_NE(doc.find(version_row), std::string::npos);
  EXPECT_EQ(doc.find("\n| " + std::to_string(render::k_json_schema_version + 1) + " | "),
            std::string::npos);
}

// The handmade pair has every verdict; each row's `change` is counted under that name (a row on
// the ignore list under `ignored`), and the counts are those of the comment's model for the same
// files and ignore list.
TEST(JsonOutputDoc, CountsAreTheCommentsCounts) {
  const auto compare =
      run_json({"compare", "--format", "json", "--ignore", k_ignored, "--factor-for", k_within,
                k_hand + "m1/aaaaaaaa-e1.json", k_hand + "m1/bbbbbbbb-e1.json"});
  nlohmann::json by_change = nlohmann::json::object();
  for (const auto& row : compare["benchmarks"]) {
    // A row on the ignore list is counted as ignored, under no verdict.
    const auto counted_as = row["ignored"] ? "ignored" : row["change"].get<std::string>();
    by_change[counted_as] = by_change.value(counted_as, 0) + 1;
  }
  const auto model =
      run_json({"comment", "--print-model", "--ignore", k_ignored, "--factor-for", k_within,
                "--base", k_hand + "m1/aaaaaaaa-e1.json", "--pr", k_hand + "m1/bbbbbbbb-e1.json"});
  auto counts = compare["counts"];
  // The same members and values; the model lists `total` last.
  EXPECT_EQ(nlohmann::json::parse(counts.dump()), nlohmann::json::parse(model["counts"].dump()));
  EXPECT_EQ(counts["total"], compare["benchmarks"].size());
  counts.erase("total");
  for (const auto& [verdict, count] : counts.items()) {
    EXPECT_GT(count, 0) << verdict << ": the fixture lacks this verdict";
    EXPECT_EQ(count, by_change.value(verdict, 0)) << verdict;
  }
  EXPECT_EQ(counts.size(), by_change.size());
}

}  // namespace
}  // namespace spyglass::test
