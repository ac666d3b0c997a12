#include "spyglass/github/pagination.hpp"

#include <gtest/gtest.h>

namespace spyglass::github {
namespace {

TEST(NextPageUrl, ReadsGitHubsNextLink) {
  EXPECT_EQ(next_page_url(
                "<https://api.github.com/repositories/42/issues/5/comments?per_page=100&page=2>; "
                "rel=\"next\", "
                "<https://api.github.com/repositories/42/issues/5/comments?per_page=100&page=3>; "
                "rel=\"last\""),
            "https://api.github.com/repositories/42/issues/5/comments?per_page=100&page=2");
}

TEST(NextPageUrl, FindsNextAfterOtherRelations) {
  EXPECT_EQ(next_page_url("<https://x/a?page=1>; rel=\"prev\", <https://x/a?page=1>; "
                          "rel=\"first\", <https://x/a?page=3>; rel=\"next\", "
                          "<https://x/a?page=9>; rel=\"last\""),
            "https://x/a?page=3");
}

TEST(NextPageUrl, IsAbsentOnTheLastPage) {
  EXPECT_EQ(
      next_page_url("<https://x/a?page=1>; rel=\"prev\", <https://x/a?page=1>; rel=\"first\""),
      std::nullopt);
}

TEST(NextPageUrl, IsAbsentForAnEmptyHeader) { EXPECT_EQ(next_page_url(""), std::nullopt); }

TEST(NextPageUrl, AcceptsUnquotedAndDifferentlyCasedRelations) {
  EXPECT_EQ(next_page_url("<https://x/a?page=2>;rel=next"), "https://x/a?page=2");
  EXPECT_EQ(next_page_url("<https://x/a?page=2> ; REL = \"Next\""), "https://x/a?page=2");
}

TEST(NextPageUrl, AcceptsSeveralRelationsInOneParameter) {
  EXPECT_EQ(next_page_url("<https://x/a?page=2>; rel=\"last next\""), "https://x/a?page=2");
}

TEST(NextPageUrl, KeepsCommasAndSemicolonsInsideTheUrl) {
  EXPECT_EQ(next_page_url("<https://x/a?q=1,2;3&page=2>; rel=\"next\""),
            "https://x/a?q=1,2;3&page=2");
}

TEST(NextPageUrl, DoesNotTakeANextRelationFromAnotherLink) {
  EXPECT_EQ(next_page_url("<https://x/a?page=9>; rel=\"last\", <https://x/a?page=1>; "
                          "title=\"next\""),
            std::nullopt);
  EXPECT_EQ(next_page_url("<https://x/a?page=9>; rel=\"nextish\""), std::nullopt);
}

TEST(NextPageUrl, IgnoresMalformedEntries) {
  EXPECT_EQ(next_page_url("<https://x/a?page=2; rel=\"next\""), std::nullopt);
  EXPECT_EQ(next_page_url("https://x/a?page=2; rel=\"next\""), std::nullopt);
  EXPECT_EQ(next_page_url("<>; rel=\"next\""), std::nullopt);
}

}  // namespace
}  // namespace spyglass::github
