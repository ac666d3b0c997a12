#include "spyglass/util/url.hpp"

#include <gtest/gtest.h>

namespace spyglass::util {
namespace {

void expect_split(const std::string& url, const std::string& origin, const std::string& target) {
  UrlParts parts = split_url(url);
  EXPECT_EQ(parts.origin, origin) << url;
  EXPECT_EQ(parts.target, target) << url;
}

TEST(SplitUrl, CutsOriginAndTarget) {
  expect_split("https://api.github.com/repos/o/r?per_page=100", "https://api.github.com",
               "/repos/o/r?per_page=100");
  expect_split("HTTP://127.0.0.1:8080", "http://127.0.0.1:8080", "/");
  expect_split("https://Ghe.Example.com?x=1", "https://ghe.example.com", "/?x=1");
  expect_split("https://h/a#frag", "https://h", "/a");
}

TEST(SplitUrl, TakesTheHostAfterUserInfo) {
  expect_split("https://api.github.com@evil.example/x", "https://evil.example", "/x");
  expect_split("https://user:pw@api.github.com/x", "https://api.github.com", "/x");
}

TEST(SplitUrl, HasNoOriginForRelativeUrls) {
  expect_split("/repos/o/r?next=https://x", "", "/repos/o/r?next=https://x");
  expect_split("", "", "/");
}

TEST(IsLoopbackOrigin, KnowsThisMachinesNames) {
  EXPECT_TRUE(is_loopback_origin("http://127.0.0.1:8080"));
  EXPECT_TRUE(is_loopback_origin("http://127.254.3.9"));
  EXPECT_TRUE(is_loopback_origin("http://localhost:1"));
  EXPECT_TRUE(is_loopback_origin("http://[::1]:8080"));
}

TEST(IsLoopbackOrigin, RefusesLookAlikes) {
  EXPECT_FALSE(is_loopback_origin("http://127.0.0.1.example.com"));
  EXPECT_FALSE(is_loopback_origin("http://127.0.0.256"));
  EXPECT_FALSE(is_loopback_origin("http://127.0.1"));
  EXPECT_FALSE(is_loopback_origin("http://128.0.0.1"));
  EXPECT_FALSE(is_loopback_origin("http://localhost.example.com"));
  EXPECT_FALSE(is_loopback_origin("http://[::2]"));
  EXPECT_FALSE(is_loopback_origin("127.0.0.1"));
}

TEST(UrlForLogging, KeepsPathAndPagingParameters) {
  EXPECT_EQ(
      url_for_logging("https://api.github.com/repos/o/r/issues/1/comments?per_page=100&page=2"),
      "/repos/o/r/issues/1/comments?per_page=100&page=2");
  EXPECT_EQ(url_for_logging("https://api.github.com/graphql"), "/graphql");
}

TEST(UrlForLogging, RedactsOtherQueryValues) {
  EXPECT_EQ(url_for_logging("https://u:secret@h/x?page=2&access_token=abc&sig=d%3D&flag"),
            "/x?page=2&access_token=***&sig=***&***");
}

}  // namespace
}  // namespace spyglass::util
