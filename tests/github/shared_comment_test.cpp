// upsert_shared_comment against the fake GitHub: one job's part of a comment that other jobs
// write at the same time, with a clock that never sleeps but lets a test act as another job
// between a write and the re-reads (FakeClock::on_sleep).
#include "spyglass/github/shared_comment.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "spyglass/util/error.hpp"
#include "support/fake_github.hpp"
#include "support/spyglass_run.hpp"

namespace spyglass::test {
namespace {

using std::chrono::milliseconds;

constexpr const char* k_repo = "octo/widgets";
constexpr int k_pr = 7;
constexpr const char* k_marker = "<!-- spyglass:matrix -->";
constexpr const char* k_bot = "github-actions[bot]";

// A part that is one line of the comment: added to whatever the comment holds.
std::string with_line(const std::string& current, const std::string& line) {
  std::string body = current.empty() ? std::string(k_marker) + "\n" : current;
  return body.find(line) == std::string::npos ? body + line : body;
}

class SharedComment : public ::testing::Test {
 protected:
  SharedComment() {
    FakePull pull;
    pull.repo = k_repo;
    pull.number = k_pr;
    m_github.add_pull(pull);
    m_request.repo = k_repo;
    m_request.pr_number = k_pr;
    m_request.marker = k_marker;
    m_request.author = k_bot;
    m_request.merge = [](const std::string& current, github::BodyLength) {
      return with_line(current, "part a\n");
    };
  }

  github::UpsertResult write_part_a(const github::SharedCommentPolicy& policy = {}) {
    auto holds = [](const std::string& body) { return body.find("part a\n") != std::string::npos; };
    return github::upsert_shared_comment(m_job.client, m_request, holds, "part 'a'", policy,
                                         m_job.clock, 42);
  }

  // Replace the comment's body as another job would.
  void overwrite(const std::string& body) {
    SpyglassRun other(m_github);
    const auto comments = m_github.comments(k_repo, k_pr);
    ASSERT_EQ(comments.size(), 1u);
    other.client.update_comment(k_repo, comments[0].id, body);
  }

  std::vector<std::string> calls() const {
    std::vector<std::string> calls;
    for (const auto& request : m_github.requests()) {
      if (request.status != 0 && request.status < 500) {
        calls.push_back(request.method);
      }
    }
    return calls;
  }

  FakeGithub m_github;
  SpyglassRun m_job{m_github};
  github::UpsertRequest m_request;
};

TEST_F(SharedComment, PostsThePartAndConfirmsItOnTwoEqualReads) {
  const auto result = write_part_a();
  const auto comments = m_github.comments(k_repo, k_pr);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].body, std::string(k_marker) + "\npart a\n");
  EXPECT_EQ(result.comment_id, comments[0].id);
  EXPECT_TRUE(result.created);
  EXPECT_EQ(calls(), (std::vector<std::string>{"GET", "POST", "GET", "GET", "GET"}));
  ASSERT_EQ(m_job.clock.sleeps().size(), 2u);
  for (const auto sleep : m_job.clock.sleeps()) {
    EXPECT_GE(sleep, milliseconds(2000));
    EXPECT_LE(sleep, milliseconds(4000));
  }
  EXPECT_NE(m_job.clock.sleeps()[0], m_job.clock.sleeps()[1]);  // jittered
}

TEST_F(SharedComment, AddsThePartToWhatTheCommentHolds) {
  const auto id = m_github.add_comment(k_repo, k_pr, k_bot, std::string(k_marker) + "\npart b\n");
  const auto result = write_part_a();
  EXPECT_EQ(result.comment_id, id);
  EXPECT_FALSE(result.created);
  EXPECT_EQ(m_github.comments(k_repo, k_pr).at(0).body,
            std::string(k_marker) + "\npart b\npart a\n");
  EXPECT_EQ(calls(), (std::vector<std::string>{"GET", "PATCH", "GET", "GET"}));
}

TEST_F(SharedComment, WritesAgainWhenAnotherJobOverwroteThePart) {
  // Another job read the comment before this one wrote, and wrote its own part over it.
  m_job.clock.on_sleep = [&](std::size_t sleep) {
    if (sleep == 1) {
      overwrite(std::string(k_marker) + "\npart b\n");
    }
  };
  write_part_a();
  EXPECT_EQ(m_github.comments(k_repo, k_pr).at(0).body,
            std::string(k_marker) + "\npart b\npart a\n");
  EXPECT_EQ(calls(), (std::vector<std::string>{"GET", "POST", "GET", "PATCH", "GET", "GET", "PATCH",
                                               "GET", "GET"}));
}

TEST_F(SharedComment, WaitsForTheCommentToSettleWhileOthersAddTheirParts) {
  // Between the two confirming reads another job adds its part, keeping this one: no rewrite,
  // one more read.
  m_job.clock.on_sleep = [&](std::size_t sleep) {
    if (sleep == 2) {
      overwrite(std::string(k_marker) + "\npart a\npart c\n");
    }
  };
  write_part_a();
  EXPECT_EQ(m_github.comments(k_repo, k_pr).at(0).body,
            std::string(k_marker) + "\npart a\npart c\n");
  EXPECT_EQ(calls(),
            (std::vector<std::string>{"GET", "POST", "GET", "GET", "PATCH", "GET", "GET"}));
}

TEST_F(SharedComment, GivesUpWithExitCode3WhenThePartNeverStays) {
  m_github.add_comment(k_repo, k_pr, k_bot, std::string(k_marker) + "\n");
  m_job.clock.on_sleep = [&](std::size_t) { overwrite(std::string(k_marker) + "\npart b\n"); };
  github::SharedCommentPolicy policy;
  policy.max_writes = 3;
  try {
    write_part_a(policy);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_github_api);
    EXPECT_STREQ(error.what(),
                 "part 'a' did not stay in the comment on octo/widgets#7 after 3 writes and 3 "
                 "re-reads (other jobs kept overwriting it); giving up");
  }
  EXPECT_EQ(m_job.clock.sleeps().size(), 3u);
}

TEST_F(SharedComment, MergesAShorterBodyWhenGitHubFindsItTooLong) {
  m_github.add_comment(k_repo, k_pr, k_bot, std::string(k_marker) + "\npart b\n");
  m_github.push_fault(Fault::body_too_long().on("PATCH", ""));
  std::vector<github::BodyLength> asked;
  m_request.merge = [&](const std::string& current, github::BodyLength length) {
    asked.push_back(length);
    return with_line(current, length == github::BodyLength::k_full ? "part a, long\n" : "part a\n");
  };
  write_part_a();
  EXPECT_EQ(m_github.comments(k_repo, k_pr).at(0).body,
            std::string(k_marker) + "\npart b\npart a\n");
  EXPECT_EQ(asked, (std::vector<github::BodyLength>{github::BodyLength::k_full,
                                                    github::BodyLength::k_shorter}));
}

TEST_F(SharedComment, SurvivesAServerErrorBurst) {
  m_github.push_fault(Fault::server_errors(3, 502));
  write_part_a();
  EXPECT_EQ(m_github.comments(k_repo, k_pr).at(0).body, std::string(k_marker) + "\npart a\n");
  EXPECT_EQ(m_github.pending_faults(), 0);
}

}  // namespace
}  // namespace spyglass::test
