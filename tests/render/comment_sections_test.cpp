// The shared comment of `--section`: exact bodies for splicing one job's section into whatever the
// comment holds, and the fit of the own section around the others.
#include "spyglass/render/comment_sections.hpp"

#include <gtest/gtest.h>

#include <string>

#include "spyglass/ingest/comparison_table.hpp"
#include "spyglass/util/error.hpp"

namespace spyglass::test {
namespace {

using render::CommentSection;
using render::VerdictCounts;

// Counts in Verdict order: regressed, failing, improved, fixed, insignificant, unchanged,
// not comparable.
constexpr VerdictCounts k_one_regressed = {1, 0, 0, 0, 0, 0, 2, 0};
constexpr VerdictCounts k_two_improved = {0, 0, 2, 0, 0, 0, 0, 0};
constexpr VerdictCounts k_unchanged = {0, 0, 0, 0, 0, 0, 4, 0};

const std::string k_a_block =
    "<!-- spyglass:section:a:begin improved=2 -->\n## a\nA faster\n<!-- spyglass:section:a:end "
    "-->\n";
const std::string k_b_block =
    "<!-- spyglass:section:b:begin regressed=1 unchanged=2 -->\n## b\nB slower\n"
    "<!-- spyglass:section:b:end -->\n";
const std::string k_c_block =
    "<!-- spyglass:section:c:begin unchanged=4 -->\n## c\nC same\n<!-- spyglass:section:c:end "
    "-->\n";

// The header of a comment whose sections hold 1 regressed, 2 improved and 6 unchanged.
const std::string k_header_abc =
    "<!-- spyglass:x -->\n## Benchmark results\n\n> [!CAUTION]\n> **1** benchmark regressed.\n\n"
    "**1** regressed · **2** improved · **6** unchanged\n";

TEST(CommentSections, InsertsTheFirstSectionIntoAnEmptyBody) {
  const auto own = render::make_section("b", k_one_regressed, "## b\nB slower\n");
  EXPECT_EQ(own.block, k_b_block);
  EXPECT_EQ(render::splice_section("x", "", own),
            "<!-- spyglass:x -->\n## Benchmark results\n\n> [!CAUTION]\n> **1** benchmark "
            "regressed.\n\n**1** regressed · **2** unchanged\n\n" +
                k_b_block);
}

TEST(CommentSections, ReplacesTheMiddleSectionAndKeepsTheOthersByteForByte) {
  const std::string body = k_header_abc + "\n" + k_a_block + "\n" + k_b_block + "\n" + k_c_block;
  const auto own = render::make_section("b", k_unchanged, "## b\nB same now\n");
  EXPECT_EQ(render::splice_section("x", body, own),
            "<!-- spyglass:x -->\n## Benchmark results\n\n> [!TIP]\n> **2** benchmarks "
            "improved; nothing regressed.\n\n**2** improved · **8** unchanged\n\n" +
                k_a_block +
                "\n<!-- spyglass:section:b:begin unchanged=4 -->\n## b\nB same now\n"
                "<!-- spyglass:section:b:end -->\n\n" +
                k_c_block);
}

TEST(CommentSections, OrdersSectionsByName) {
  // Found out of order (edited by hand): rebuilt in order, with the new one in its place.
  const std::string body = "<!-- spyglass:x -->\nold header\n\n" + k_c_block + "\n" + k_a_block;
  const auto own = render::make_section("b", k_one_regressed, "## b\nB slower\n");
  EXPECT_EQ(render::splice_section("x", body, own),
            k_header_abc + "\n" + k_a_block + "\n" + k_b_block + "\n" + k_c_block);
}

TEST(CommentSections, RecomputesTheHeadlineFromTheCountsInTheMarkers) {
  const std::string body = k_header_abc + "\n" + k_a_block + "\n" + k_b_block + "\n" + k_c_block;
  // The same sections again: nothing changes, the headline over all three stays.
  EXPECT_EQ(render::assemble_sections("x", render::parse_sections(body)), body);
  const auto sections = render::parse_sections(body);
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(sections[0].counts, k_two_improved);
  EXPECT_EQ(sections[1].counts, k_one_regressed);
  EXPECT_EQ(sections[2].counts, k_unchanged);
  EXPECT_EQ(render::assemble_sections("y", {}),
            "<!-- spyglass:y -->\n## Benchmark results\n\n> [!NOTE]\n> No significant changes.\n\n"
            "No benchmarks to compare.\n");
}

TEST(CommentSections, KeepsASectionEditedByHandBetweenItsMarkers) {
  // Edited in GitHub's editor: CRLF line breaks and a line added inside section a.
  const std::string edited_a =
      "<!-- spyglass:section:a:begin improved=2 -->\r\n## a\r\nA faster\r\n\r\nThat was the "
      "cache fix. -- a reviewer\r\n<!-- spyglass:section:a:end -->\r\n";
  const std::string body = "<!-- spyglass:x -->\r\n## Benchmark results\r\n\r\n" + edited_a +
                           "\r\n" +
                           "<!-- spyglass:section:c:begin unchanged=4 -->\r\n## c\r\n"
                           "C same\r\n<!-- spyglass:section:c:end -->\r\n";
  const auto own = render::make_section("c", k_unchanged, "## c\nC same\n");
  EXPECT_EQ(render::splice_section("x", body, own),
            "<!-- spyglass:x -->\n## Benchmark results\n\n> [!TIP]\n> **2** benchmarks "
            "improved; nothing regressed.\n\n**2** improved · **4** unchanged\n\n" +
                edited_a + "\n" + k_c_block);
}

TEST(CommentSections, EndsASectionWithoutItsEndLineAtTheNextOne) {
  const std::string body =
      "<!-- spyglass:x -->\n\n<!-- spyglass:section:a:begin improved=2 -->\n## a\nA faster\n\n" +
      k_c_block + "trailing text outside any section\n";
  const auto sections = render::parse_sections(body);
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].block,
            "<!-- spyglass:section:a:begin improved=2 -->\n## a\nA faster\n\n"
            "<!-- spyglass:section:a:end -->\n");
  EXPECT_EQ(sections[1].block, k_c_block);
}

TEST(CommentSections, ASectionWithUnreadableCountsCountsNothing) {
  const std::string body =
      "<!-- spyglass:x -->\n<!-- spyglass:section:a:begin improved=two regressed=-1 bogus=3 "
      "unchanged=1 -->\nA\n<!-- spyglass:section:a:end -->\n";
  const auto sections = render::parse_sections(body);
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(sections[0].counts, (VerdictCounts{0, 0, 0, 0, 0, 0, 1, 0}));
}

TEST(CommentSections, TheFirstOfTwoSectionsWithOneNameWins) {
  const std::string second_a =
      "<!-- spyglass:section:a:begin -->\nA again\n<!-- spyglass:section:a:end -->\n";
  const auto sections = render::parse_sections(k_a_block + second_a);
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(sections[0].block, k_a_block);
}

TEST(CommentSections, ReplacesACommentWithoutSections) {
  const std::string body = "<!-- spyglass:x -->\n## Benchmark results\n\nan older, whole comment\n";
  const auto own = render::make_section("b", k_one_regressed, "## b\nB slower\n");
  EXPECT_EQ(render::splice_section("x", body, own), render::splice_section("x", "", own));
}

TEST(CommentSections, EncodesHostileNamesSoTheyCannotBreakAMarker) {
  const std::string hostile = "gcc:end --> <b>@x</b>\t";
  EXPECT_THROW(render::check_section_name(hostile), Error);  // a tab
  const std::string name = "py3.12 / gcc:end --> <b>@x</b> 日本";
  render::check_section_name(name);
  EXPECT_EQ(render::section_end_line(name),
            "<!-- spyglass:section:py3.12%20%2F%20gcc%3Aend%20--%3E%20%3Cb%3E%40x%3C%2Fb%3E%20%E6"
            "%97%A5%E6%9C%AC:end -->");
  const auto own = render::make_section(name, k_unchanged, "## hostile\n");
  const auto sections =
      render::parse_sections(render::splice_section("x", k_a_block + k_c_block, own));
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(sections[0].name, "a");
  EXPECT_EQ(sections[1].name, "c");
  EXPECT_EQ(sections[2].name, name);
  EXPECT_EQ(sections[2].block, own.block);
}

TEST(CommentSections, RejectsNamesThatAreEmptyTooLongOrNotText) {
  auto message = [](const std::string& name) {
    try {
      render::check_section_name(name);
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ExitCode::k_bad_input);
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message(""), "section '' must be 1-64 characters of UTF-8 without control characters");
  EXPECT_EQ(message("a\nb"),
            "section '(unprintable)' must be 1-64 characters of UTF-8 without control characters");
  EXPECT_EQ(message("\xFF"),
            "section '(unprintable)' must be 1-64 characters of UTF-8 without control characters");
  EXPECT_EQ(message(std::string(65, 'x')),
            "section '" + std::string(65, 'x') +
                "' must be 1-64 characters of UTF-8 without control characters");
  EXPECT_EQ(message(std::string(64, 'x')), "accepted");
  EXPECT_EQ(message("ü"), "accepted");
}

// A comparison of `regressions` regressed benchmarks with long names, from a spyglass table.
model::Comparison regressed_comparison(std::size_t regressions) {
  std::string table =
      "All benchmarks:\n\n| Change | Before | After | Ratio | Benchmark (Parameter) |\n"
      "|--------|--------|-------|-------|-----------------------|\n";
  for (std::size_t i = 0; i < regressions; ++i) {
    table += "| + | 1.00s | 2.00s | 2.00 | suite.time_a_rather_long_benchmark_name_" +
             std::to_string(1000 + i) + " |\n";
  }
  auto parsed = ingest::parse_comparison_table(table, "table.txt");
  return std::move(parsed.comparison);
}

class SectionedCommentFit : public ::testing::Test {
 protected:
  SectionedCommentFit() : m_comparison(regressed_comparison(200)) {
    m_input.id = "x";
    m_input.comparison = &m_comparison;
    m_input.section = "own";
  }

  model::Comparison m_comparison;
  render::CommentInput m_input;
  render::CommentTemplate m_template = render::default_comment_template();
};

TEST_F(SectionedCommentFit, AloneTheSectionIsTheCommentUnderItsOwnTitle) {
  render::SectionedComment own(m_input, m_template);
  const auto body = own.splice_into("", 65536);
  auto whole = render::fit_comment(m_input, 65536, m_template);
  whole.erase(0, whole.find('\n') + 1);  // the marker line
  EXPECT_TRUE(whole.starts_with("## own\n\n> [!CAUTION]\n> **200** benchmarks regressed.\n"));
  EXPECT_EQ(body, render::splice_section(
                      "x", "", render::make_section("own", {200, 0, 0, 0, 0, 0, 0}, whole)));
  EXPECT_TRUE(own.is_held_by(body));
  EXPECT_FALSE(own.is_held_by(render::splice_section(
      "x", body, render::make_section("own", {200, 0, 0, 0, 0, 0, 0}, "## own\nedited\n"))));
}

TEST_F(SectionedCommentFit, ShrinksOnlyItsOwnSectionToFitBesideTheOthers) {
  render::SectionedComment own(m_input, m_template);
  const auto alone = own.splice_into("", 65536);
  const std::size_t limit = render::count_code_points(alone) - 100;
  const auto big_other =
      render::make_section("other", k_unchanged, std::string(limit / 2, 'o') + "\n");
  const auto body = own.splice_into(render::splice_section("x", "", big_other), limit);
  EXPECT_LE(render::count_code_points(body), limit);
  EXPECT_GT(render::count_code_points(body), limit - 1000);
  const auto sections = render::parse_sections(body);
  ASSERT_EQ(sections.size(), 2u);  // "other" sorts before "own"
  EXPECT_EQ(sections[0].block, big_other.block);
  EXPECT_EQ(sections[1].block, own.last_written().block);
  EXPECT_NE(sections[1].block.find("This comment was shortened to fit"), std::string::npos);
  EXPECT_TRUE(body.starts_with(
      "<!-- spyglass:x -->\n## Benchmark results\n\n> [!CAUTION]\n> **200** benchmarks "
      "regressed.\n\n**200** regressed · **4** unchanged\n\n" +
      big_other.block + "\n<!-- spyglass:section:own:begin regressed=200 -->\n## own\n"));
}

TEST_F(SectionedCommentFit, SaysSoWhenTheOthersAloneTakeTheRoom) {
  render::SectionedComment own(m_input, m_template);
  const auto others = render::splice_section(
      "x", render::splice_section("x", "", render::make_section("b", k_unchanged, "b\n")),
      render::make_section("a", k_unchanged, std::string(3000, 'a') + "\n"));
  try {
    own.splice_into(others, 3000);
    FAIL() << "fitted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    EXPECT_STREQ(error.what(),
                 "comment 'x': the other sections ('a', 'b') leave 0 of 3000 characters, too few "
                 "for section 'own' (raise --max-chars, or give this job its own --id)");
  }
  try {
    own.splice_into(others, 3500);
    FAIL() << "fitted";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(),
                 "comment 'x': the other sections ('a', 'b') leave 130 of 3500 characters, too "
                 "few for section 'own' (raise --max-chars, or give this job its own --id)");
  }
}

}  // namespace
}  // namespace spyglass::test
