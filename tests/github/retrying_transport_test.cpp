#include "spyglass/github/retrying_transport.hpp"

#include <gtest/gtest.h>

#include "support/fake_clock.hpp"
#include "support/fake_transport.hpp"

namespace spyglass::github {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using test::FakeClock;
using test::FakeTransport;
using test::json_response;
using test::rest;
using test::text_response;
using test::transport_error;

constexpr const char* k_url = "https://api.github.com/repos/o/r/issues/1/comments?per_page=100";
constexpr const char* k_target = "/repos/o/r/issues/1/comments?per_page=100";

// A policy without jitter, so that waits are exact.
RetryPolicy exact_policy() {
  RetryPolicy policy;
  policy.jitter = 0.0;
  return policy;
}

// A transport under test with its fakes and the lines it logged.
struct Harness {
  explicit Harness(RetryPolicy policy = exact_policy())
      : retrying(fake, policy, clock, [this](const std::string& line) { log.push_back(line); }) {}

  HttpResponse get() { return retrying.send(HttpRequest{"GET", k_url, {{"accept", "x"}}, ""}); }

  FakeTransport fake;
  FakeClock clock;
  std::vector<std::string> log;
  RetryingTransport retrying;
};

std::vector<milliseconds> waits(std::initializer_list<long long> in_seconds) {
  std::vector<milliseconds> result;
  for (long long s : in_seconds) {
    result.push_back(seconds(s));
  }
  return result;
}

TEST(RetryingTransport, ReturnsASuccessAtOnce) {
  Harness h;
  h.fake.stub(rest("GET", k_target), text_response(200, "[]"), "comments");
  EXPECT_EQ(h.get().body, "[]");
  EXPECT_TRUE(h.clock.sleeps().empty());
  EXPECT_TRUE(h.log.empty());
  EXPECT_TRUE(h.fake.verify());
}

TEST(RetryingTransport, RetriesServerErrorsWithExponentialBackoff) {
  Harness h;
  h.fake.stub_sequence(
      rest("GET", k_target),
      {text_response(503), text_response(502), text_response(500), text_response(200, "[]")},
      "three server errors, then the comments");
  HttpResponse response = h.get();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(h.clock.sleeps(), waits({1, 2, 4}));
  EXPECT_TRUE(h.fake.verify());
  ASSERT_EQ(h.fake.requests().size(), 4u);
  for (const HttpRequest& request : h.fake.requests()) {
    EXPECT_EQ(request.url, k_url);
    EXPECT_EQ(request.headers, (Headers{{"accept", "x"}}));
  }
}

TEST(RetryingTransport, LogsEachRetry) {
  Harness h;
  h.fake.stub_sequence(
      rest("GET", k_target),
      {text_response(503), transport_error("Connection reset by peer"), text_response(200)},
      "a 503, a reset, then success");
  h.get();
  EXPECT_EQ(h.log, (std::vector<std::string>{
                       "retrying GET " + std::string(k_target) + " after 503, waiting 1.0 s",
                       "retrying GET " + std::string(k_target) +
                           " after a transport error (Connection reset by peer), waiting 2.0 s",
                   }));
}

TEST(RetryingTransport, RetriesTransportErrors) {
  Harness h;
  h.fake.stub_sequence(rest("GET", k_target),
                       {transport_error("Couldn't connect to server"),
                        transport_error("Operation timed out"), text_response(200)},
                       "two failures, then success");
  EXPECT_EQ(h.get().status, 200);
  EXPECT_EQ(h.clock.sleeps(), waits({1, 2}));
}

TEST(RetryingTransport, RethrowsTheLastTransportErrorAfterMaxAttempts) {
  Harness h;
  h.fake.stub_sequence(
      rest("GET", k_target),
      {transport_error("first"), transport_error("second"), transport_error("third"),
       transport_error("fourth"), transport_error("fifth")},
      "five failures");
  try {
    h.get();
    FAIL() << "expected a TransportError";
  } catch (const TransportError& e) {
    EXPECT_STREQ(e.what(), "fifth");
  }
  EXPECT_EQ(h.clock.sleeps(), waits({1, 2, 4, 8}));
  EXPECT_EQ(h.log.back(), "giving up on GET " + std::string(k_target) +
                              " after a transport error (fifth): 5 attempts made");
  EXPECT_TRUE(h.fake.verify());
}

TEST(RetryingTransport, ReturnsTheLastResponseAfterMaxAttempts) {
  RetryPolicy policy = exact_policy();
  policy.max_attempts = 3;
  Harness h(policy);
  h.fake.stub(rest("GET", k_target), text_response(503, "down"), "always down").times(3);
  HttpResponse response = h.get();
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.body, "down");
  EXPECT_EQ(h.clock.sleeps(), waits({1, 2}));
  EXPECT_TRUE(h.fake.verify());
}

TEST(RetryingTransport, WaitsRetryAfterSecondsOn429) {
  Harness h;
  h.fake.stub_sequence(rest("GET", k_target),
                       {text_response(429, "", {{"retry-after", "7"}}), text_response(200)},
                       "rate limited, then success");
  EXPECT_EQ(h.get().status, 200);
  EXPECT_EQ(h.clock.sleeps(), waits({7}));
  EXPECT_EQ(h.log, (std::vector<std::string>{"retrying GET " + std::string(k_target) +
                                             " after 429, waiting 7.0 s"}));
}

TEST(RetryingTransport, WaitsRetryAfterOnA403SecondaryRateLimit) {
  Harness h;
  h.fake.stub_sequence(
      rest("GET", k_target),
      {json_response(403, {{"message", "You have exceeded a secondary rate limit."}},
                     {{"retry-after", "3"}}),
       text_response(200)},
      "secondary rate limit with retry-after, then success");
  EXPECT_EQ(h.get().status, 200);
  EXPECT_EQ(h.clock.sleeps(), waits({3}));
}

TEST(RetryingTransport, HonoursRetryAfterOnServerErrors) {
  Harness h;
  h.fake.stub_sequence(rest("GET", k_target),
                       {text_response(503, "", {{"retry-after", "5"}}), text_response(200)},
                       "unavailable for 5 s, then success");
  h.get();
  EXPECT_EQ(h.clock.sleeps(), waits({5}));
}

TEST(RetryingTransport, WaitsUntilThePrimaryRateLimitResets) {
  Harness h;
  std::string reset = std::to_string(FakeClock::k_start.count() + 30);
  h.fake.stub_sequence(
      rest("GET", k_target),
      {json_response(403, {{"message", "API rate limit exceeded for installation ID 1."}},
                     {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", reset}}),
       text_response(200)},
      "primary rate limit, then success");
  EXPECT_EQ(h.get().status, 200);
  EXPECT_EQ(h.clock.sleeps(), waits({31}));
}

TEST(RetryingTransport, WaitsOneSecondWhenTheResetIsAlreadyPast) {
  Harness h;
  std::string reset = std::to_string(FakeClock::k_start.count() - 100);
  h.fake.stub_sequence(
      rest("GET", k_target),
      {text_response(429, "", {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", reset}}),
       text_response(200)},
      "stale reset, then success");
  h.get();
  EXPECT_EQ(h.clock.sleeps(), waits({1}));
}

TEST(RetryingTransport, WaitsAMinuteOnASecondaryRateLimitWithoutHeaders) {
  Harness h;
  h.fake.stub_sequence(
      rest("GET", k_target),
      {json_response(403, {{"message",
                            "You have exceeded a secondary rate limit. Please wait a few minutes "
                            "before you try again."}}),
       text_response(200)},
      "secondary rate limit, then success");
  EXPECT_EQ(h.get().status, 200);
  EXPECT_EQ(h.clock.sleeps(), waits({60}));
}

TEST(RetryingTransport, BacksOffOnA429WithoutHeaders) {
  Harness h;
  h.fake.stub_sequence(rest("GET", k_target), {text_response(429), text_response(200)},
                       "too many requests, then success");
  h.get();
  EXPECT_EQ(h.clock.sleeps(), waits({1}));
}

TEST(RetryingTransport, DoesNotRetryAForbiddenThatIsNoRateLimit) {
  Harness h;
  h.fake.stub(rest("GET", k_target),
              json_response(403, {{"message", "Resource not accessible by integration"}},
                            {{"x-ratelimit-remaining", "4999"}}),
              "read-only token");
  EXPECT_EQ(h.get().status, 403);
  EXPECT_TRUE(h.clock.sleeps().empty());
  EXPECT_TRUE(h.log.empty());
  EXPECT_TRUE(h.fake.verify());
}

TEST(RetryingTransport, DoesNotRetryOtherClientErrors) {
  for (int status : {400, 401, 404, 409, 410, 422}) {
    Harness h;
    h.fake.stub(rest("GET", k_target), json_response(status, {{"message", "no"}}), "client error");
    EXPECT_EQ(h.get().status, status);
    EXPECT_EQ(h.fake.requests().size(), 1u) << status;
    EXPECT_TRUE(h.clock.sleeps().empty()) << status;
  }
}

TEST(RetryingTransport, DoesNotRetryRedirectsOrSuccesses) {
  for (int status : {201, 204, 301, 304}) {
    Harness h;
    h.fake.stub(rest("GET", k_target), text_response(status), "an answer");
    EXPECT_EQ(h.get().status, status);
    EXPECT_TRUE(h.clock.sleeps().empty()) << status;
  }
}

TEST(RetryingTransport, GivesUpAtOnceWhenTheRateLimitResetsAfterTheBudget) {
  Harness h;
  std::string reset = std::to_string(FakeClock::k_start.count() + 3600);
  h.fake.stub(
      rest("GET", k_target),
      text_response(403, "", {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", reset}}),
      "rate limited for an hour");
  EXPECT_EQ(h.get().status, 403);
  EXPECT_TRUE(h.clock.sleeps().empty());
  EXPECT_EQ(h.log, (std::vector<std::string>{
                       "giving up on GET " + std::string(k_target) +
                       " after 403: waiting 3601.0 s more would pass the 120.0 s retry budget"}));
  EXPECT_TRUE(h.fake.verify());
}

TEST(RetryingTransport, CountsEarlierWaitsAgainstTheBudget) {
  RetryPolicy policy = exact_policy();
  policy.max_attempts = 10;
  policy.max_total_wait = seconds(10);
  Harness h(policy);
  h.fake.stub(rest("GET", k_target), text_response(502), "always failing").times(4);
  EXPECT_EQ(h.get().status, 502);
  EXPECT_EQ(h.clock.sleeps(), waits({1, 2, 4}));  // 8 s more would make 15 s
  EXPECT_TRUE(h.fake.verify());
}

TEST(RetryingTransport, RethrowsWhenTheBudgetRunsOut) {
  RetryPolicy policy = exact_policy();
  policy.max_total_wait = seconds(2);
  Harness h(policy);
  h.fake.stub(rest("GET", k_target), transport_error("Connection refused"), "down").times(2);
  EXPECT_THROW(h.get(), TransportError);
  EXPECT_EQ(h.clock.sleeps(), waits({1}));
}

TEST(RetryingTransport, TimeLimitClipsEachAttemptAndEndsTheWaits) {
  RetryPolicy policy = exact_policy();
  policy.time_limit = seconds(5);
  Harness h(policy);
  h.fake.stub(rest("GET", k_target), text_response(502), "failing").times(3);
  try {
    h.get();
    ADD_FAILURE() << "no TransportError";
  } catch (const TransportError& e) {
    EXPECT_STREQ(e.what(),
                 "gave up after 502: waiting 4.0 s more would pass the 5.0 s time limit for GitHub "
                 "requests");
  }
  EXPECT_EQ(h.clock.sleeps(), waits({1, 2}));  // then 2 s were left
  std::vector<std::optional<milliseconds>> timeouts;
  for (const HttpRequest& request : h.fake.requests()) {
    timeouts.emplace_back(request.timeout);
  }
  EXPECT_EQ(timeouts,
            (std::vector<std::optional<milliseconds>>{seconds(5), seconds(4), seconds(2)}));
  EXPECT_TRUE(h.fake.verify());
}

TEST(RetryingTransport, NoRequestStartsAfterTheTimeLimit) {
  RetryPolicy policy = exact_policy();
  policy.time_limit = seconds(1);
  Harness h(policy);
  h.clock.sleep_for(seconds(1));
  try {
    h.get();
    ADD_FAILURE() << "no TransportError";
  } catch (const TransportError& e) {
    EXPECT_STREQ(e.what(), "the 1.0 s time limit for GitHub requests ran out before this request");
  }
  EXPECT_TRUE(h.fake.requests().empty());
}

TEST(RetryingTransport, JitterLengthensBackoffByAtMostItsFraction) {
  RetryPolicy policy;
  policy.jitter = 0.5;
  Harness h(policy);
  h.fake.stub(rest("GET", k_target), text_response(500), "failing").times(5);
  h.get();
  ASSERT_EQ(h.clock.sleeps().size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    milliseconds base = seconds(1) * (1 << i);
    EXPECT_GE(h.clock.sleeps()[i], base) << i;
    EXPECT_LE(h.clock.sleeps()[i], base * 3 / 2) << i;
  }
}

}  // namespace
}  // namespace spyglass::github
