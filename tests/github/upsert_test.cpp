// upsert_comment end to end: the real Client over libcurl and the retrying transport (with a clock
// that never sleeps) against the fake GitHub, asserting on what the fake holds and recorded.
#include "spyglass/github/upsert.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "spyglass/github/api_error.hpp"
#include "spyglass/github/curl_transport.hpp"
#include "spyglass/github/retrying_transport.hpp"
#include "support/fake_github.hpp"
#include "support/spyglass_run.hpp"

namespace spyglass::test {
namespace {

using github::CommentMode;
using github::UpsertRequest;
using github::UpsertResult;
using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr const char* k_repo = "octo/widgets";
constexpr int k_pr = 7;
constexpr const char* k_marker = "<!-- spyglass:default -->";
constexpr const char* k_bot = "github-actions[bot]";

std::string body_with(const std::string& text) { return std::string(k_marker) + "\n" + text; }

class UpsertComment : public ::testing::Test {
 protected:
  UpsertComment() {
    FakePull pull;
    pull.repo = k_repo;
    pull.number = k_pr;
    m_github.add_pull(pull);
  }

  UpsertRequest request(const std::string& text, CommentMode mode = CommentMode::k_update) const {
    UpsertRequest request;
    request.repo = k_repo;
    request.pr_number = k_pr;
    request.marker = k_marker;
    request.body = body_with(text);
    request.author = k_bot;
    request.mode = mode;
    return request;
  }

  UpsertResult upsert(const UpsertRequest& request) {
    return github::upsert_comment(m_run.client, request);
  }

  // The comments by the bot that carry the marker, oldest first.
  std::vector<FakeComment> ours() const {
    auto comments = m_github.comments(k_repo, k_pr);
    std::erase_if(comments, [](const FakeComment& c) {
      return c.login != k_bot || !c.body.starts_with(k_marker);
    });
    return comments;
  }

  // "METHOD path" of every recorded request, in order.
  std::vector<std::string> calls() const {
    std::vector<std::string> calls;
    for (const auto& request : m_github.requests()) {
      calls.push_back(request.method + " " + request.path);
    }
    return calls;
  }

  int count_calls(const std::string& method) const {
    const auto requests = m_github.requests();
    return static_cast<int>(std::count_if(requests.begin(), requests.end(),
                                          [&](const auto& r) { return r.method == method; }));
  }

  FakeGithub m_github;
  SpyglassRun m_run{m_github};
};

const std::string k_list = "GET /repos/octo/widgets/issues/7/comments";
const std::string k_post = "POST /repos/octo/widgets/issues/7/comments";

TEST_F(UpsertComment, CreatesTheCommentWhenThereIsNone) {
  const UpsertResult result = upsert(request("first"));
  const auto comments = ours();
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].body, body_with("first"));
  EXPECT_EQ(result.comment_id, comments[0].id);
  EXPECT_TRUE(result.created);
  EXPECT_EQ(result.html_url, "https://github.com/octo/widgets/pull/7#issuecomment-" +
                                 std::to_string(comments[0].id));
  EXPECT_EQ(calls(), (std::vector<std::string>{k_list, k_post, k_list}));
}

TEST_F(UpsertComment, UpdatesTheExistingCommentInsteadOfPostingAnother) {
  const std::int64_t id = m_github.add_comment(k_repo, k_pr, k_bot, body_with("old"));
  m_github.add_comment(k_repo, k_pr, "reviewer", "looks slow");
  const UpsertResult result = upsert(request("new"));
  EXPECT_FALSE(result.created);
  EXPECT_EQ(result.comment_id, id);
  const auto comments = ours();
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].id, id);
  EXPECT_EQ(comments[0].body, body_with("new"));
  EXPECT_EQ(calls(),
            (std::vector<std::string>{
                k_list, "PATCH /repos/octo/widgets/issues/comments/" + std::to_string(id)}));
}

TEST_F(UpsertComment, RecognisesTheAuthorWhateverItsCase) {
  const std::int64_t id = m_github.add_comment(k_repo, k_pr, "Spyglass-Bot", body_with("old"));
  auto update = request("new");
  update.author = "spyglass-bot";
  EXPECT_EQ(upsert(update).comment_id, id);
  EXPECT_EQ(m_github.comments(k_repo, k_pr).size(), 1u);
}

TEST_F(UpsertComment, LeavesOtherAuthorsAndOtherIdsAlone) {
  const std::int64_t someone = m_github.add_comment(k_repo, k_pr, "someone", body_with("copied"));
  const std::int64_t other_id =
      m_github.add_comment(k_repo, k_pr, k_bot, "<!-- spyglass:nightly -->\nother table");
  const std::int64_t quoting =
      m_github.add_comment(k_repo, k_pr, k_bot, std::string("quoting ") + k_marker);
  const UpsertResult result = upsert(request("mine"));
  EXPECT_TRUE(result.created);
  const auto all = m_github.comments(k_repo, k_pr);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].id, someone);
  EXPECT_EQ(all[0].body, body_with("copied"));
  EXPECT_EQ(all[1].id, other_id);
  EXPECT_EQ(all[1].body, "<!-- spyglass:nightly -->\nother table");
  EXPECT_EQ(all[2].id, quoting);
  EXPECT_EQ(all[3].body, body_with("mine"));
  EXPECT_EQ(count_calls("DELETE"), 0);
  EXPECT_EQ(count_calls("PATCH"), 0);
}

TEST_F(UpsertComment, FindsItsCommentBehind250OthersAndUpdatesIt) {
  m_github.seed_comments(k_repo, k_pr, 250);
  const UpsertResult first = upsert(request("first"));
  m_github.seed_comments(k_repo, k_pr, 10);
  m_github.clear_requests();
  const UpsertResult second = upsert(request("second"));
  EXPECT_FALSE(second.created);
  EXPECT_EQ(second.comment_id, first.comment_id);
  const auto comments = ours();
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].body, body_with("second"));
  EXPECT_EQ(m_github.comments(k_repo, k_pr).size(), 261u);
  // Three pages of 100, the later ones by the Link header's URL, then the PATCH.
  const auto requests = m_github.requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(requests[0].query.at("per_page"), "100");
  EXPECT_EQ(requests[1].path, "/repositories/700000001/issues/7/comments");
  EXPECT_EQ(requests[2].query.at("page"), "3");
  EXPECT_EQ(requests[3].method, "PATCH");
}

TEST_F(UpsertComment, UpdatesBehind300CommentsInAtMostFiveRequests) {
  m_github.seed_comments(k_repo, k_pr, 300);
  const std::int64_t id = m_github.add_comment(k_repo, k_pr, k_bot, body_with("old"));
  const UpsertResult result = upsert(request("new"));
  EXPECT_EQ(result.comment_id, id);
  EXPECT_EQ(ours().at(0).body, body_with("new"));
  const auto requests = m_github.requests();
  EXPECT_LE(requests.size(), 5u);
  EXPECT_EQ(count_calls("GET"), 4);  // 301 comments: four pages
  EXPECT_EQ(count_calls("PATCH"), 1);
  EXPECT_EQ(count_calls("POST"), 0);
}

TEST_F(UpsertComment, RemovesDuplicatesLeftByAnEarlierRun) {
  const std::int64_t oldest = m_github.add_comment(k_repo, k_pr, k_bot, body_with("a"));
  m_github.add_comment(k_repo, k_pr, k_bot, body_with("b"));
  m_github.add_comment(k_repo, k_pr, k_bot, body_with("c"));
  // The first DELETE finds the comment already gone: fine.
  m_github.push_fault(Fault::server_errors(1, 404).on("DELETE", ""));
  EXPECT_EQ(upsert(request("new")).comment_id, oldest);
  const auto comments = ours();
  ASSERT_EQ(comments.size(), 2u);  // the one "already gone" is still in the fake
  EXPECT_EQ(comments[0].id, oldest);
  EXPECT_EQ(comments[0].body, body_with("new"));
}

TEST_F(UpsertComment, PostsAfreshWhenTheCommentVanishesBeforeTheUpdate) {
  const std::int64_t id = m_github.add_comment(k_repo, k_pr, k_bot, body_with("old"));
  // The PATCH answers 404, as if a racing run had just deleted the comment; this one is still
  // there, so the re-check finds two and keeps the oldest with our body.
  m_github.push_fault(Fault::server_errors(1, 404).on("PATCH", ""));
  const UpsertResult result = upsert(request("new"));
  EXPECT_EQ(result.comment_id, id);
  const auto comments = ours();
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].body, body_with("new"));
  EXPECT_EQ(count_calls("POST"), 1);
  EXPECT_EQ(count_calls("DELETE"), 1);
}

TEST_F(UpsertComment, SurvivesServerErrorBursts) {
  m_github.push_fault(Fault::server_errors(2, 502).on("GET", "/comments$"));
  m_github.push_fault(Fault::server_errors(3, 503).on("POST", "/comments$"));
  upsert(request("after errors"));
  ASSERT_EQ(ours().size(), 1u);
  EXPECT_EQ(ours()[0].body, body_with("after errors"));
  EXPECT_EQ(m_github.pending_faults(), 0);
  EXPECT_EQ(m_run.clock.sleeps().size(), 5u);
}

TEST_F(UpsertComment, WaitsAsLongAsRetryAfterSays) {
  m_github.push_fault(Fault::retry_after(429, 7).on("POST", ""));
  m_github.push_fault(Fault::retry_after(403, 3).on("GET", ""));
  upsert(request("patient"));
  EXPECT_EQ(ours().size(), 1u);
  EXPECT_EQ(m_run.clock.sleeps(), (std::vector<milliseconds>{seconds(3), seconds(7)}));
}

TEST_F(UpsertComment, WaitsForTheRateLimitReset) {
  const auto reset = FakeClock::k_start + seconds(30);
  m_github.push_fault(Fault::rate_limit_exhausted(reset.count()).on("GET", ""));
  upsert(request("after reset"));
  EXPECT_EQ(ours().size(), 1u);
  EXPECT_EQ(m_run.clock.sleeps(), (std::vector<milliseconds>{seconds(31)}));
}

TEST_F(UpsertComment, RetriesAfterADroppedConnection) {
  m_github.push_fault(Fault::drop(2).on("POST", ""));
  upsert(request("reconnected"));
  ASSERT_EQ(ours().size(), 1u);
  EXPECT_EQ(ours()[0].body, body_with("reconnected"));
  EXPECT_EQ(m_github.pending_faults(), 0);
}

TEST_F(UpsertComment, RemovesTheDuplicateOfAPostWhoseResponseWasLost) {
  // The first POST is applied but its response never arrives; the retried POST adds a second.
  m_github.push_fault(Fault::drop_after_handling().on("POST", ""));
  const UpsertResult result = upsert(request("once"));
  EXPECT_EQ(count_calls("POST"), 2);
  const auto comments = ours();
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].id, result.comment_id);
  EXPECT_EQ(comments[0].body, body_with("once"));
}

TEST_F(UpsertComment, RetriesAListingThatTimedOut) {
  // The first listing never answers; the retry has a whole second, ample on a loaded machine.
  SpyglassRun impatient(m_github, seconds(1));
  m_github.push_fault(Fault::silent(1).on("GET", ""));
  github::upsert_comment(impatient.client, request("in time"));
  EXPECT_EQ(ours().size(), 1u);
  EXPECT_EQ(impatient.clock.sleeps().size(), 1u);
}

TEST_F(UpsertComment, TwoRunsAtOnceLeaveExactlyOneComment) {
  // Both runs list (finding nothing) before either posts: the fake holds each POST until the
  // other has arrived.
  m_github.seed_comments(k_repo, k_pr, 120);
  m_github.push_fault(Fault::rendezvous(2).on("POST", ""));
  std::vector<UpsertResult> results(2);
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      SpyglassRun run(m_github);
      results[i] = github::upsert_comment(run.client, request("run " + std::to_string(i)));
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(count_calls("POST"), 2);
  const auto comments = ours();
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_TRUE(comments[0].body == body_with("run 0") || comments[0].body == body_with("run 1"))
      << comments[0].body;
  EXPECT_EQ(results[0].comment_id, comments[0].id);
  EXPECT_EQ(results[1].comment_id, comments[0].id);
}

TEST_F(UpsertComment, TwoRunsUpdatingAtOnceLeaveExactlyOneComment) {
  m_github.add_comment(k_repo, k_pr, k_bot, body_with("old"));
  m_github.push_fault(Fault::rendezvous(2).on("PATCH", ""));
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      SpyglassRun run(m_github);
      github::upsert_comment(run.client, request("run " + std::to_string(i)));
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  const auto comments = ours();
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_NE(comments[0].body, body_with("old"));
}

TEST_F(UpsertComment, RecreateModePostsAtTheBottom) {
  const std::int64_t old = m_github.add_comment(k_repo, k_pr, k_bot, body_with("old"));
  m_github.add_comment(k_repo, k_pr, "reviewer", "a later remark");
  const UpsertResult result = upsert(request("fresh", CommentMode::k_recreate));
  EXPECT_TRUE(result.created);
  const auto all = m_github.comments(k_repo, k_pr);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].body, "a later remark");
  EXPECT_EQ(all[1].body, body_with("fresh"));
  EXPECT_EQ(all[1].id, result.comment_id);
  EXPECT_GT(result.comment_id, old);
}

TEST_F(UpsertComment, NewModeHidesTheOlderCommentsAsOutdated) {
  m_github.add_comment(k_repo, k_pr, k_bot, body_with("one"));
  m_github.add_comment(k_repo, k_pr, k_bot, body_with("two"));
  m_github.add_comment(k_repo, k_pr, k_bot, "<!-- spyglass:nightly -->\nnot ours to hide");
  const UpsertResult result = upsert(request("three", CommentMode::k_new));
  EXPECT_TRUE(result.created);
  const auto comments = ours();
  ASSERT_EQ(comments.size(), 3u);
  EXPECT_TRUE(comments[0].minimized);
  EXPECT_EQ(comments[0].minimized_reason, "outdated");
  EXPECT_TRUE(comments[1].minimized);
  EXPECT_FALSE(comments[2].minimized);
  EXPECT_EQ(comments[2].id, result.comment_id);
  EXPECT_FALSE(m_github.comments(k_repo, k_pr).at(2).minimized);
  EXPECT_EQ(calls(), (std::vector<std::string>{k_list, k_post, k_list, "POST /graphql"}));
  EXPECT_NE(m_github.requests().back().body.find("classifier:OUTDATED"), std::string::npos);
}

TEST_F(UpsertComment, NewModeWithNothingEarlierSendsNoMutation) {
  upsert(request("only", CommentMode::k_new));
  EXPECT_EQ(calls(), (std::vector<std::string>{k_list, k_post, k_list}));
}

TEST_F(UpsertComment, ShrinksABodyGitHubFindsTooLong) {
  auto big = request(std::string(70'000, 'x'));
  int shrinks = 0;
  big.shrink = [&] {
    ++shrinks;
    return body_with("(shortened)");
  };
  const UpsertResult result = upsert(big);
  EXPECT_EQ(shrinks, 1);
  ASSERT_EQ(ours().size(), 1u);
  EXPECT_EQ(ours()[0].body, body_with("(shortened)"));
  EXPECT_EQ(result.comment_id, ours()[0].id);
  EXPECT_EQ(count_calls("POST"), 2);
}

TEST_F(UpsertComment, ShrinksWhenAnUpdateIsTooLong) {
  const std::int64_t id = m_github.add_comment(k_repo, k_pr, k_bot, body_with("old"));
  m_github.push_fault(Fault::body_too_long().on("PATCH", ""));
  auto update = request("long");
  update.shrink = [] { return body_with("short"); };
  EXPECT_EQ(upsert(update).comment_id, id);
  EXPECT_EQ(ours().at(0).body, body_with("short"));
}

// Another tool's comment (asv-perch's marker, anywhere in it) is taken over and keeps that marker
// as its second line, also after a shrink; a pull request without one gets only ours.
TEST_F(UpsertComment, TakesOverTheCommentCarryingTheLegacyMarker) {
  const std::string legacy = "<!-- asv-benchmark-result -->";
  const std::int64_t id = m_github.add_comment(k_repo, k_pr, k_bot, "intro\n" + legacy + "\nold");
  m_github.push_fault(Fault::body_too_long().on("PATCH", ""));
  auto update = request("long");
  update.legacy_marker = legacy;
  update.shrink = [] { return body_with("short"); };
  EXPECT_EQ(upsert(update).comment_id, id);
  const auto comments = m_github.comments(k_repo, k_pr);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].body, std::string(k_marker) + "\n" + legacy + "\nshort");
}

TEST_F(UpsertComment, LegacyMarkerIsNotAddedWithoutACommentCarryingIt) {
  m_github.add_comment(k_repo, k_pr, "someone", "<!-- asv-benchmark-result -->\ntheirs");
  auto fresh = request("new");
  fresh.legacy_marker = "<!-- asv-benchmark-result -->";
  upsert(fresh);
  ASSERT_EQ(ours().size(), 1u);
  EXPECT_EQ(ours()[0].body, body_with("new"));
}

TEST_F(UpsertComment, ShrinksOnlyOnce) {
  auto big = request(std::string(70'000, 'x'));
  int shrinks = 0;
  big.shrink = [&] {
    ++shrinks;
    return body_with(std::string(69'000, 'y'));
  };
  try {
    upsert(big);
    FAIL() << "expected ApiError";
  } catch (const github::ApiError& e) {
    EXPECT_TRUE(e.is_body_too_long()) << e.what();
  }
  EXPECT_EQ(shrinks, 1);
  EXPECT_TRUE(ours().empty());
}

TEST_F(UpsertComment, TooLongWithoutAShrinkerIsAnError) {
  try {
    upsert(request(std::string(70'000, 'x')));
    FAIL() << "expected ApiError";
  } catch (const github::ApiError& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_TRUE(e.is_body_too_long()) << e.what();
  }
}

TEST_F(UpsertComment, ReadOnlyTokenIsReportedAsSuch) {
  m_github.set_read_only(true);
  try {
    upsert(request("forked"));
    FAIL() << "expected ApiError";
  } catch (const github::ApiError& e) {
    EXPECT_TRUE(e.is_read_only_token()) << e.what();
  }
  EXPECT_TRUE(m_github.comments(k_repo, k_pr).empty());
  EXPECT_EQ(count_calls("POST"), 1);  // a 403 of this kind is not retried
}

TEST_F(UpsertComment, RefusesABodyWithoutItsMarker) {
  auto bad = request("x");
  bad.body = "no marker";
  EXPECT_THROW(upsert(bad), Error);
  EXPECT_TRUE(m_github.requests().empty());
}

}  // namespace
}  // namespace spyglass::test
