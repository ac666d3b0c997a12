#include "spyglass/ingest/unroll.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/paths.hpp"

namespace spyglass::ingest {
namespace {

using Params = std::vector<std::vector<std::string>>;

// The names of every combination of `params`, as the comparison shows them.
std::vector<std::string> unrolled_names(const std::string& key, const Params& params) {
  std::vector<std::string> names;
  for (const auto& combination : param_combinations(params)) {
    names.push_back(unrolled_name(key, combination));
  }
  return names;
}

TEST(Unroll, MatchesEveryReferenceVector) {
  // The vectors hold asv's `unroll_result` names; these are the inputs that produce them, in
  // vector order (the vectors file records outputs only).
  const std::vector<Params> inputs = {
      {},
      {{"1", "2"}},
      {{"1", "2"}, {"'a'", "'b'"}},
      {{"None", "'x \n\t y'"}},
      {{"AnnData(\n    obs: 'a'\n)"}},
      {{"<class 'mod.Cls'>"}},
  };
  const auto& vectors = test::spec_vectors().at("unroll_result_names");
  ASSERT_EQ(vectors.size(), inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    SCOPED_TRACE("unroll_result_names[" + std::to_string(i) + "]");
    EXPECT_EQ(unrolled_names("b.time_x", inputs[i]), vectors[i].get<std::vector<std::string>>());
  }
}

TEST(Unroll, VariesTheLastParameterFastest) {
  const Params params = {{"1", "2"}, {"'a'", "'b'", "'c'"}};
  const Params expected = {{"1", "'a'"}, {"1", "'b'"}, {"1", "'c'"},
                           {"2", "'a'"}, {"2", "'b'"}, {"2", "'c'"}};
  EXPECT_EQ(param_combinations(params), expected);
}

TEST(Unroll, GivesOneEmptyCombinationWithoutParams) {
  EXPECT_EQ(param_combinations({}), Params{{}});
}

TEST(Unroll, GivesNoCombinationWhenAParameterHasNoValues) {
  EXPECT_EQ(param_combinations({{"1", "2"}, {}}), Params{});
}

TEST(Unroll, NamesAnUnparameterizedBenchmarkByItsKey) {
  EXPECT_EQ(unrolled_name("suite.time_it", {}), "suite.time_it");
}

TEST(Unroll, CollapsesEveryPythonWhitespaceRun) {
  EXPECT_EQ(collapse_whitespace("  a \t\n\r\v\f b  "), "a b");
  EXPECT_EQ(collapse_whitespace("a\x1c"
                                "b\x1f"
                                "c"),
            "a b c");
  // U+0085, U+00A0, U+1680, U+2000, U+200A, U+2028, U+2029, U+202F, U+205F and U+3000 are
  // whitespace to str.split(); U+200B (zero width space) is not.
  EXPECT_EQ(collapse_whitespace("a\u0085b\u00a0c\u1680d\u2000e\u200af\u2028g\u2029h\u202fi"
                                "\u205fj\u3000k"),
            "a b c d e f g h i j k");
  EXPECT_EQ(collapse_whitespace("a\u200bb \u00e9"), "a\u200bb \u00e9");
}

TEST(Unroll, CollapsesOnlyWhitespaceToNothing) {
  EXPECT_EQ(collapse_whitespace(" \n\u3000 "), "");
  EXPECT_EQ(collapse_whitespace(""), "");
}

TEST(Unroll, KeepsATruncatedMultibyteSequence) {
  EXPECT_EQ(collapse_whitespace("a\xe2\x80"), "a\xe2\x80");
}

}  // namespace
}  // namespace spyglass::ingest
