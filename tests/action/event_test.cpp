#include "spyglass/action/event.hpp"

#include <gtest/gtest.h>

#include "spyglass/util/error.hpp"

namespace spyglass::action {
namespace {

TEST(PullRequestFromEvent, ReadsThePullRequestNumber) {
  const auto found = pull_request_from_event(
      R"({"number": 7, "pull_request": {"number": 42, "head": {"sha": "abc"}}})", "pull_request",
      "event.json");
  EXPECT_EQ(found.number, 42);
  EXPECT_FALSE(found.head_sha);
}

TEST(PullRequestFromEvent, ReadsPullRequestTargetLikePullRequest) {
  EXPECT_EQ(
      pull_request_from_event(R"({"pull_request": {"number": 3}})", "pull_request_target", "e")
          .number,
      3);
}

TEST(PullRequestFromEvent, TakesIssueCommentsOnPullRequestsOnly) {
  EXPECT_EQ(pull_request_from_event(R"({"issue": {"number": 5, "pull_request": {"url": "u"}}})",
                                    "issue_comment", "e")
                .number,
            5);
  const auto on_issue =
      pull_request_from_event(R"({"issue": {"number": 5}})", "issue_comment", "e");
  EXPECT_FALSE(on_issue.number);
  EXPECT_FALSE(on_issue.head_sha);
}

TEST(PullRequestFromEvent, UsesWorkflowRunPullRequestsThenItsHeadSha) {
  const auto with_pr = pull_request_from_event(
      R"({"workflow_run": {"head_sha": "def", "pull_requests": [{"number": 9}]}})", "workflow_run",
      "e");
  EXPECT_EQ(with_pr.number, 9);
  const auto from_fork = pull_request_from_event(
      R"({"workflow_run": {"head_sha": "def", "pull_requests": []}})", "workflow_run", "e");
  EXPECT_FALSE(from_fork.number);
  EXPECT_EQ(from_fork.head_sha, "def");
}

TEST(PullRequestFromEvent, LooksUpPushesByTheirSha) {
  const auto found = pull_request_from_event(R"({"after": "0123"})", "push", "e");
  EXPECT_FALSE(found.number);
  EXPECT_EQ(found.head_sha, "0123");
}

TEST(PullRequestFromEvent, NamesTheFileWhenThePayloadIsNotJson) {
  try {
    pull_request_from_event("{not json", "pull_request", "/github/workflow/event.json");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(),
                 "/github/workflow/event.json: the event payload is not a JSON object");
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
  }
}

}  // namespace
}  // namespace spyglass::action
