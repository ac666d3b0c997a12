// Series building from asv results folders (spec history.md section 2): on the real kedro
// history (fixtures/asv-history/kedro/), the values and weights asv publish hands to detect_steps
// for one series are a step vector; the rules for dropped results, order and duplicate
// commits on small folders written here.
#include "spyglass/history/series.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "spyglass/history/history.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/input_limit.hpp"
#include "support/paths.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

const std::string k_kedro_env = "virtualenv-py3.11-kedro-datasets[pandas]";

std::vector<history::Series> load(const std::vector<std::string>& folders,
                                  history::SeriesFilter filter = {}) {
  return history::load_series(folders, filter, util::k_default_max_input_size);
}

const nlohmann::json& vector_case(const std::string& id) {
  static const nlohmann::json vectors =
      nlohmann::json::parse(read_fixture("spec-vectors/step_detect_vectors.json"));
  for (const auto& c : vectors["cases"]) {
    if (c["id"] == id) {
      return c;
    }
  }
  throw std::runtime_error("no vector " + id);
}

// The series of `benchmark` in the kedro env's history, and the vector's (value, weight) pairs
// where it has a value, against the series' measured points: equal bit for bit, in order.
void expect_kedro_series_is_vector(const std::string& benchmark, const std::string& id) {
  history::SeriesFilter filter;
  filter.env = k_kedro_env;
  filter.benchmark.emplace("^" + benchmark + "$", "test");
  const auto series = load({fixture_path("asv-history/kedro/results")}, filter);
  ASSERT_EQ(series.size(), 1U);
  EXPECT_EQ(series[0].benchmark, benchmark);
  EXPECT_EQ(series[0].machine, "github-actions");
  EXPECT_EQ(series[0].env, k_kedro_env);
  EXPECT_EQ(series[0].unit, "seconds");

  const auto& c = vector_case(id);
  std::vector<std::pair<double, double>> expected;
  for (std::size_t i = 0; i < c["y"].size(); ++i) {
    if (!c["y"][i].is_null()) {
      expected.emplace_back(vector_double(c["y"][i]), vector_double(c["w"][i]));
    }
  }
  std::vector<std::pair<double, double>> actual;
  for (const auto& point : series[0].points) {
    ASSERT_FALSE(std::isnan(point.value)) << point.commit;
    actual.emplace_back(point.value, point.weight);
  }
  EXPECT_EQ(expected, actual);
  for (std::size_t i = 1; i < series[0].points.size(); ++i) {
    EXPECT_LT(series[0].points[i - 1].date, series[0].points[i].date);
  }

  // The same steps as the vector's (their indexes count the vector's missing points too).
  const auto histories = history::analyse(series, history::k_default_threshold);
  const auto& steps = c["expected"]["steps"];
  ASSERT_EQ(histories[0].steps.size(), steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(histories[0].steps[i].value, vector_double(steps[i][2]));
    EXPECT_EQ(histories[0].steps[i].err, vector_double(steps[i][4]));
  }
  EXPECT_FALSE(histories[0].regressions.has_value());
}

TEST(HistorySeries, KedroTimeContainsIsWhatAsvPublishDetectsOn) {
  expect_kedro_series_is_vector("benchmark_datacatalog.TimeDataCatalog.time_contains",
                                "kedro_time_contains");
}

// asv's Results.get_result_keys drops a result whose benchmark version is not benchmarks.json's:
// 147 of this benchmark's 181 results in the env are of older versions. (The step vector
// kedro_time_session_run_all_pipelines takes all 181 values: it checks detect_steps on real
// data, not which results publish keeps.)
TEST(HistorySeries, KedroStaleVersionsAreDropped) {
  history::SeriesFilter filter;
  filter.env = k_kedro_env;
  filter.benchmark.emplace("^benchmark_session.SessionTimeSuite.time_session_run_all_pipelines$",
                           "test");
  const auto series = load({fixture_path("asv-history/kedro/results")}, filter);
  ASSERT_EQ(series.size(), 1U);
  EXPECT_EQ(series[0].points.size(), 34U);
}

// One series per benchmark combination, machine and env, sorted by those as byte strings; the
// parameterized names are `compare`'s.
TEST(HistorySeries, KedroSeriesAreKeyedAndSortedByBenchmarkMachineEnv) {
  const auto series = load({fixture_path("asv-history/kedro/results")});
  ASSERT_FALSE(series.empty());
  for (std::size_t i = 1; i < series.size(); ++i) {
    EXPECT_LT(std::tie(series[i - 1].benchmark, series[i - 1].machine, series[i - 1].env),
              std::tie(series[i].benchmark, series[i].machine, series[i].env));
  }
  const auto found = std::find_if(series.begin(), series.end(), [](const history::Series& s) {
    return s.benchmark ==
               "benchmark_validation.ContextParamsTimeSuite.time_context_params_cached(100, 5)" &&
           s.env == k_kedro_env;
  });
  EXPECT_NE(found, series.end());
}

// A small results folder: benchmarks.json with `b.time_a` (version "1") and `b.time_p(1|2)`.
class SmallHistory : public ::testing::Test {
 protected:
  // A format 2 result file of machine m, env e.
  void result(const std::string& name, const std::string& commit, long long date,
              const std::string& results) {
    m_dir.write("results/m/" + name + ".json",
                R"({"version": 2, "commit_hash": ")" + commit + R"(", "date": )" +
                    std::to_string(date) +
                    R"(, "env_name": "e", "python": "3.11", "requirements": {},
 "params": {"machine": "m"},
 "result_columns": ["result", "params", "version", "stats_ci_99_a", "stats_ci_99_b"],
 "results": {)" + results +
                    "}}");
  }

  std::string folder() const { return (m_dir.path() / "results").string(); }

  void SetUp() override {
    m_dir.write("results/benchmarks.json", R"({
 "b.time_a": {"name": "b.time_a", "type": "time", "unit": "seconds", "params": [],
              "param_names": [], "version": "1"},
 "b.time_p": {"name": "b.time_p", "type": "time", "unit": "seconds", "params": [["1", "2"]],
              "param_names": ["n"], "version": "1"},
 "version": 2})");
    m_dir.write("results/m/machine.json", R"({"machine": "m", "version": 1})");
  }

  TempDir m_dir{"spyglass-history-series"};
};

// Stale versions, unknown benchmarks, unknown combinations, failed and skipped results are no
// points; a series with no measured point is left out.
TEST_F(SmallHistory, ResultsAsvIgnoresAreNoPoints) {
  result("c1", "c1", 1000,
         R"("b.time_a": [[1.5], [], "1", null, null],
            "b.gone": [[2.0], [], "1", null, null],
            "b.time_p": [[1.0, 2.0, 3.0], [["1", "2", "3"]], "1", null, null])");
  result("c2", "c2", 2000,
         R"("b.time_a": [[9.0], [], "0", null, null],
            "b.time_p": [[null, NaN], [["1", "2"]], null, null, null])");
  const auto series = load({folder()});
  ASSERT_EQ(series.size(), 3U);
  EXPECT_EQ(series[0].benchmark, "b.time_a");
  ASSERT_EQ(series[0].points.size(), 1U);  // c2's version "0" is stale
  EXPECT_EQ(series[0].points[0].value, 1.5);
  EXPECT_EQ(series[1].benchmark, "b.time_p(1)");
  ASSERT_EQ(series[1].points.size(), 2U);  // c2 failed: a missing point
  EXPECT_EQ(series[1].points[0].value, 1.0);
  EXPECT_TRUE(std::isnan(series[1].points[1].value));
  EXPECT_EQ(series[2].benchmark, "b.time_p(2)");
}

// Points in (date, commit) order, not file order; weights 2 / |b - a|, missing without two
// finite different bounds.
TEST_F(SmallHistory, PointsAreOrderedByDateThenCommitWithCiWeights) {
  result("z", "aaa", 2000, R"("b.time_a": [[1.0], [], "1", [0.5], [1.5]])");
  result("y", "bbb", 1000, R"("b.time_a": [[2.0], [], "1", [1.0], [1.0]])");
  result("x", "ccc", 2000, R"("b.time_a": [[3.0], [], "1", [1.0], [Infinity]])");
  result("w", "ab", 2000, R"("b.time_a": [[4.0], [], "1", [1.0], [1.25]])");
  const auto series = load({folder()});
  ASSERT_EQ(series.size(), 1U);
  std::vector<std::string> commits;
  for (const auto& point : series[0].points) {
    commits.push_back(point.commit);
  }
  EXPECT_EQ(commits, (std::vector<std::string>{"bbb", "aaa", "ab", "ccc"}));
  EXPECT_TRUE(std::isnan(series[0].points[0].weight));
  EXPECT_EQ(series[0].points[1].weight, 2.0);
  EXPECT_EQ(series[0].points[2].weight, 8.0);
  EXPECT_TRUE(std::isnan(series[0].points[3].weight));
}

// Two files of one commit in one series (the same results under two folders) are one point:
// asv's mean of the values and of the weights.
TEST_F(SmallHistory, OneCommitTwiceIsTheMeanOfItsValues) {
  result("one", "aaa", 1000, R"("b.time_a": [[1.0], [], "1", [0.0], [1.0]])");
  result("two", "aaa", 1000, R"("b.time_a": [[2.0], [], "1", null, null])");
  const auto series = load({folder()});
  ASSERT_EQ(series.size(), 1U);
  ASSERT_EQ(series[0].points.size(), 1U);
  EXPECT_EQ(series[0].points[0].value, 1.5);
  EXPECT_EQ(series[0].points[0].weight, 2.0);
}

TEST_F(SmallHistory, MachineEnvAndBenchFiltersSelectSeries) {
  result("c1", "c1", 1000, R"("b.time_a": [[1.0], [], "1", null, null],
                              "b.time_p": [[1.0, 2.0], [["1", "2"]], "1", null, null])");
  history::SeriesFilter filter;
  filter.benchmark.emplace(R"(p\(2)", "--bench");
  auto series = load({folder()}, filter);
  ASSERT_EQ(series.size(), 1U);
  EXPECT_EQ(series[0].benchmark, "b.time_p(2)");
  filter = {};
  filter.machine = "other";
  EXPECT_TRUE(load({folder()}, filter).empty());
  filter = {};
  filter.env = "e";
  EXPECT_EQ(load({folder()}, filter).size(), 3U);
}

// Each bad input is one error naming the folder or file.
TEST_F(SmallHistory, BadInputsNameTheirFile) {
  const auto message = [](const std::vector<std::string>& folders) {
    try {
      load(folders);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::k_bad_input);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string missing = (m_dir.path() / "nowhere").string();
  EXPECT_EQ(message({missing}), missing +
                                    ": not a folder (give asv's results folder: benchmarks.json "
                                    "and one folder of result files per machine)");
  EXPECT_EQ(message({m_dir.path().string()}),
            m_dir.path().string() +
                ": no benchmarks.json (give asv's results folder: benchmarks.json and one folder "
                "of result files per machine)");
  EXPECT_EQ(message({folder()}),
            folder() + ": no result files (asv writes them to <machine>/<commit>-<env>.json)");
  const std::string bad = m_dir.write("results/m/bad.json", "{\"not\": \"asv\"}");
  EXPECT_EQ(message({folder()}).rfind(bad + ": ", 0), 0U) << message({folder()});
}

}  // namespace
}  // namespace spyglass::test
