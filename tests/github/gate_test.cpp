// The regression gate: the pure verdict over a comparison, and converting the PR to a draft
// against the fake GitHub (and, for an arbitrary GraphQL error, the fake transport).
#include "spyglass/github/gate.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "spyglass/github/api_error.hpp"
#include "spyglass/github/curl_transport.hpp"
#include "support/fake_github.hpp"
#include "support/fake_transport.hpp"

namespace spyglass::github {
namespace {

using model::Change;
using nlohmann::json;

model::ComparisonRow row(Change change, double ratio, bool insignificant = false) {
  model::ComparisonRow row;
  row.name = "bench." + std::to_string(ratio);
  row.change = change;
  row.ratio = ratio;
  row.insignificant = insignificant;
  return row;
}

model::Comparison comparison(std::vector<model::ComparisonRow> rows) {
  model::Comparison comparison;
  comparison.rows = std::move(rows);
  return comparison;
}

GateThresholds threshold(std::optional<double> fail_threshold, bool ignore_failures = false) {
  GateThresholds thresholds;
  thresholds.fail_threshold = fail_threshold;
  thresholds.ignore_failures = ignore_failures;
  return thresholds;
}

// Two regressions (1.2x, 3x) among rows that never count.
const model::Comparison k_mixed = comparison({
    row(Change::k_regressed, 1.2),
    row(Change::k_regressed, 3.0),
    row(Change::k_improved, 0.5),
    row(Change::k_none, 2.0, true),  // '~': beyond the factor but insignificant
    row(Change::k_failure_fixed, std::nan("")),
    row(Change::k_incomparable, 4.0),
    row(Change::k_none, 1.0),
});

TEST(GateVerdict, CountsEverySignificantRegressionByDefault) {
  const GateVerdict verdict = evaluate_gate(k_mixed, threshold(std::nullopt));
  EXPECT_EQ(verdict.regressions, 2);
  EXPECT_EQ(verdict.newly_failing, 0);
  EXPECT_TRUE(verdict.regression_detected);
}

TEST(GateVerdict, CountsOnlyRegressionsAtOrOverTheThreshold) {
  struct Case {
    double threshold;
    int regressions;
  };
  for (const Case& c : {Case{1.1, 2}, Case{1.2, 2}, Case{1.5, 1}, Case{3.0, 1}, Case{3.5, 0}}) {
    const GateVerdict verdict = evaluate_gate(k_mixed, threshold(c.threshold));
    EXPECT_EQ(verdict.regressions, c.regressions) << "threshold " << c.threshold;
    EXPECT_EQ(verdict.regression_detected, c.regressions > 0) << "threshold " << c.threshold;
  }
}

TEST(GateVerdict, CountsARegressionWithAnUnknownRatioWhateverTheThreshold) {
  const auto unknown = comparison({row(Change::k_regressed, std::nan(""))});
  EXPECT_EQ(evaluate_gate(unknown, threshold(10.0)).regressions, 1);
  const auto infinite =
      comparison({row(Change::k_regressed, std::numeric_limits<double>::infinity())});
  EXPECT_EQ(evaluate_gate(infinite, threshold(10.0)).regressions, 1);
}

TEST(GateVerdict, NewlyFailingBenchmarksTripTheGateUnlessIgnored) {
  const auto failing =
      comparison({row(Change::k_failure_introduced, std::nan("")), row(Change::k_regressed, 1.3)});
  const GateVerdict counted = evaluate_gate(failing, threshold(2.0));
  EXPECT_EQ(counted.regressions, 0);
  EXPECT_EQ(counted.newly_failing, 1);
  EXPECT_TRUE(counted.regression_detected);

  const GateVerdict ignored = evaluate_gate(failing, threshold(2.0, true));
  EXPECT_EQ(ignored.newly_failing, 1);
  EXPECT_FALSE(ignored.regression_detected);
  EXPECT_TRUE(evaluate_gate(failing, threshold(std::nullopt, true)).regression_detected);
}

TEST(GateVerdict, NothingDetectedWithoutRegressions) {
  const GateVerdict verdict =
      evaluate_gate(comparison({row(Change::k_improved, 0.5), row(Change::k_none, 1.0)}),
                    threshold(std::nullopt));
  EXPECT_EQ(verdict.regressions, 0);
  EXPECT_FALSE(verdict.regression_detected);
}

TEST(GateVerdict, SumsTheContendersOfACompareManyRun) {
  model::MultiComparison multi;
  multi.contenders = {
      comparison({row(Change::k_regressed, 1.5), row(Change::k_none, 1.0)}),
      comparison({row(Change::k_regressed, 2.5), row(Change::k_failure_introduced, std::nan(""))})};
  const GateVerdict all = evaluate_gate(multi, threshold(std::nullopt));
  EXPECT_EQ(all.regressions, 2);
  EXPECT_EQ(all.newly_failing, 1);
  EXPECT_TRUE(all.regression_detected);
  const GateVerdict high = evaluate_gate(multi, threshold(2.0, true));
  EXPECT_EQ(high.regressions, 1);
  EXPECT_TRUE(high.regression_detected);
  EXPECT_FALSE(evaluate_gate(multi, threshold(3.0, true)).regression_detected);
}

class ConvertToDraft : public ::testing::Test {
 protected:
  ConvertToDraft() {
    test::FakePull pull;
    pull.repo = "octo/widgets";
    pull.number = 7;
    m_github.add_pull(pull);
    pull.number = 8;
    pull.draft = true;
    m_github.add_pull(pull);
  }

  static ApiConfig config_for(const test::FakeGithub& github) {
    ApiConfig config;
    config.api_url = github.api_url();
    config.graphql_url = github.graphql_url();
    config.token = "fake-token";
    return config;
  }

  test::FakeGithub m_github;
  CurlTransport m_curl;
  Client m_client{m_curl, config_for(m_github)};
};

TEST_F(ConvertToDraft, ConvertsAnOpenPullRequest) {
  EXPECT_EQ(convert_to_draft(m_client, "octo/widgets", 7), DraftChange::k_converted);
  EXPECT_TRUE(m_github.pull("octo/widgets", 7)->draft);
  const auto requests = m_github.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].method + " " + requests[0].path, "GET /repos/octo/widgets/pulls/7");
  EXPECT_EQ(requests[1].path, "/graphql");
  const json sent = json::parse(requests[1].body);
  EXPECT_NE(sent["query"].get<std::string>().find("convertPullRequestToDraft"), std::string::npos);
  EXPECT_EQ(sent["variables"]["id"], m_github.pull("octo/widgets", 7)->node_id);
}

TEST_F(ConvertToDraft, SkipsAPullRequestThatIsAlreadyADraft) {
  EXPECT_EQ(convert_to_draft(m_client, "octo/widgets", 8), DraftChange::k_already_draft);
  const auto requests = m_github.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "GET");
}

TEST_F(ConvertToDraft, ReportsAReadOnlyTokenLikeRest) {
  m_github.set_read_only(true);
  try {
    convert_to_draft(m_client, "octo/widgets", 7);
    FAIL() << "expected ApiError";
  } catch (const ApiError& e) {
    EXPECT_TRUE(e.is_read_only_token());
    EXPECT_EQ(std::string(e.what()),
              "cannot convert octo/widgets#7 to a draft: GitHub API: POST /graphql: GraphQL "
              "error: Resource not accessible by integration");
  }
  EXPECT_FALSE(m_github.pull("octo/widgets", 7)->draft);
}

TEST_F(ConvertToDraft, MissingPullRequestIsAnApiError) {
  try {
    convert_to_draft(m_client, "octo/widgets", 99);
    FAIL() << "expected ApiError";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 404);
  }
}

TEST(ConvertToDraftErrors, NamesThePullRequestAndGitHubsMessage) {
  test::FakeTransport fake;
  fake.stub(test::rest("GET", "/repos/o/r/pulls/3"),
            test::json_response(200, {{"number", 3},
                                      {"node_id", "PR_3"},
                                      {"state", "open"},
                                      {"draft", false},
                                      {"head", {{"sha", "abc"}}}}),
            "the pull request");
  fake.stub(test::graphql("convertPullRequestToDraft"),
            test::json_response(
                200, {{"data", {{"convertPullRequestToDraft", nullptr}}},
                      {"errors", json::array({{{"type", "UNPROCESSABLE"},
                                               {"message", "Pull request is closed"}}})}}),
            "the refused mutation");
  ApiConfig config;
  config.token = "t0ken";
  Client client(fake, config);
  try {
    convert_to_draft(client, "o/r", 3);
    FAIL() << "expected ApiError";
  } catch (const ApiError& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot convert o/r#3 to a draft: GitHub API: POST /graphql: GraphQL error: Pull "
              "request is closed");
    EXPECT_EQ(e.github_message(), "Pull request is closed");
    EXPECT_FALSE(e.is_read_only_token());
  }
  EXPECT_TRUE(fake.verify());
}

}  // namespace
}  // namespace spyglass::github
