#include "support/fake_transport.hpp"

#include <gtest/gtest.h>

namespace spyglass::test {
namespace {

github::HttpRequest get(const std::string& url) { return {"GET", url, {}, ""}; }

// The FakeTransportMisuse message `send` throws for `request`; "" when it answers.
std::string misuse(FakeTransport& fake, const github::HttpRequest& request) {
  try {
    fake.send(request);
  } catch (const FakeTransportMisuse& e) {
    return e.what();
  }
  return "";
}

TEST(FakeTransport, AnswersAMatchingStubAndRecordsTheRequest) {
  FakeTransport fake;
  fake.stub(rest("GET", "/repos/o/r/pulls/1"), json_response(200, {{"number", 1}}), "pull");
  github::HttpResponse response = fake.send(get("https://api.github.com/repos/o/r/pulls/1?x=1"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"number":1})");
  EXPECT_EQ(response.header("content-type"), "application/json; charset=utf-8");
  ASSERT_EQ(fake.requests().size(), 1u);
  EXPECT_EQ(fake.requests()[0].url, "https://api.github.com/repos/o/r/pulls/1?x=1");
  EXPECT_TRUE(fake.verify());
}

TEST(FakeTransport, MatchesAQueryExactlyWhenTheStubNamesOne) {
  FakeTransport fake;
  fake.stub(rest("GET", "/c?per_page=100"), text_response(200), "page 1");
  EXPECT_EQ(misuse(fake, get("https://h/c?per_page=30")),
            "FakeTransport: no stub answers GET https://h/c?per_page=30; stubs: 'page 1' (GET "
            "/c?per_page=100)");
  EXPECT_EQ(fake.send(get("https://h/c?per_page=100")).status, 200);
}

TEST(FakeTransport, NamesTheRequestAndTheStubsWhenNoneMatches) {
  FakeTransport fake;
  fake.stub(rest("POST", "/c"), text_response(201), "create");
  EXPECT_EQ(misuse(fake, get("https://h/c")),
            "FakeTransport: no stub answers GET https://h/c; stubs: 'create' (POST /c)");
  EXPECT_EQ(fake.requests().size(), 1u);
}

TEST(FakeTransport, RefusesAnAmbiguousRequest) {
  FakeTransport fake;
  fake.stub(rest("GET", "/c"), text_response(200), "any query");
  fake.stub(rest_regex("GET", "/c\\?.*"), text_response(200), "some query");
  EXPECT_EQ(misuse(fake, get("https://h/c?page=2")),
            "FakeTransport: GET https://h/c?page=2 is ambiguous: it matches 'any query' (GET /c) "
            "and 'some query' (GET ~/c\\?.*)");
}

TEST(FakeTransport, AnswersAsManyTimesAsAsked) {
  FakeTransport fake;
  fake.stub(rest("GET", "/c"), text_response(503), "down").times(2);
  EXPECT_EQ(fake.send(get("https://h/c")).status, 503);
  EXPECT_EQ(fake.send(get("https://h/c")).status, 503);
  EXPECT_EQ(misuse(fake, get("https://h/c")),
            "FakeTransport: no stub answers GET https://h/c; 'down' (GET /c) matched but has "
            "answered all 2 time(s); stubs: 'down' (GET /c)");
}

TEST(FakeTransport, AnswersASequenceInOrder) {
  FakeTransport fake;
  fake.stub_sequence(rest("GET", "/c"),
                     {text_response(500), transport_error("reset"), text_response(200)}, "flaky");
  EXPECT_EQ(fake.send(get("https://h/c")).status, 500);
  EXPECT_THROW(fake.send(get("https://h/c")), github::TransportError);
  EXPECT_EQ(fake.send(get("https://h/c")).status, 200);
  EXPECT_TRUE(fake.verify());
}

TEST(FakeTransport, RefusesExcludedRequests) {
  FakeTransport fake;
  fake.exclude(rest("POST", "/repos/o/r/issues/1/comments"), "no new comment");
  EXPECT_EQ(misuse(fake, {"POST", "https://h/repos/o/r/issues/1/comments", {}, "{}"}),
            "FakeTransport: POST https://h/repos/o/r/issues/1/comments must not be sent "
            "(excluded by 'no new comment' (POST /repos/o/r/issues/1/comments))");
  EXPECT_FALSE(fake.verify());
}

TEST(FakeTransport, VerifyNamesUnusedStubsAndRefusedRequests) {
  FakeTransport fake;
  fake.stub(rest("GET", "/a"), text_response(200), "used");
  fake.stub(rest("GET", "/b"), text_response(200), "never used");
  fake.stub(rest("GET", "/c"), text_response(200), "used once of two").times(2);
  fake.send(get("https://h/a"));
  fake.send(get("https://h/c"));
  misuse(fake, get("https://h/d"));
  ::testing::AssertionResult result = fake.verify();
  EXPECT_FALSE(result);
  EXPECT_STREQ(result.message(),
               "FakeTransport:\n"
               "  no stub answers GET https://h/d; stubs: 'used' (GET /a), 'never used' (GET /b), "
               "'used once of two' (GET /c)\n"
               "  unused stub 'never used' (GET /b): answered 0 of 1 time(s)\n"
               "  unused stub 'used once of two' (GET /c): answered 1 of 2 time(s)");
}

TEST(FakeTransport, MatchesAbsoluteUrlsAndGraphQlQueries) {
  FakeTransport fake;
  fake.stub(rest("GET", "https://other.example/x"), text_response(200), "other host");
  fake.stub(graphql("minimizeComment\\("), json_response(200, {{"data", nullptr}}), "minimize");
  EXPECT_FALSE(misuse(fake, get("https://api.github.com/x")).empty());
  EXPECT_EQ(fake.send(get("https://other.example/x")).status, 200);
  EXPECT_FALSE(
      misuse(fake, {"POST", "https://h/graphql", {}, R"({"query":"query { viewer }"})"}).empty());
  EXPECT_EQ(fake.send({"POST",
                       "https://h/api/graphql",
                       {},
                       R"({"query":"mutation { minimizeComment(input: {}) }"})"})
                .status,
            200);
}

}  // namespace
}  // namespace spyglass::test
