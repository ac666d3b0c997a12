// The action inputs that say how the result files are read: input-format, metric, base-run,
// pr-run, github-timeout and max-input-size (the others are exercised end to end in
// action_e2e_test.cpp).
#include "spyglass/action/inputs.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

#include "spyglass/util/error.hpp"
#include "spyglass/util/input_limit.hpp"

namespace spyglass::action {
namespace {

using Inputs = std::map<std::string, std::string, std::less<>>;

CommentJob job_from(Inputs inputs) {
  return comment_job_from_inputs(util::MapEnv(std::move(inputs)));
}

// The message of the error the inputs `env` raise.
std::string error_of(Inputs inputs) {
  try {
    job_from(std::move(inputs));
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    return error.what();
  }
  return "no error";
}

TEST(ActionInputs, ReadOptionsDefaultToAutoAndRealTime) {
  const auto job = job_from(Inputs({{"INPUT_INPUT-FORMAT", "auto"},
                                    {"INPUT_METRIC", "real_time"},
                                    {"INPUT_BASE-RUN", ""},
                                    {"INPUT_PR-RUN", ""}}));
  EXPECT_EQ(job.input.format, ingest::InputFormat::k_auto);
  EXPECT_EQ(job.input.metric, "real_time");
  EXPECT_FALSE(job.input.base_run);
  EXPECT_FALSE(job.input.pr_run);
}

TEST(ActionInputs, EachFormatAndTheRuns) {
  const auto job = job_from(Inputs({{"INPUT_INPUT-FORMAT", "pytest-benchmark"},
                                    {"INPUT_METRIC", "cpu_time"},
                                    {"INPUT_BASE-RUN", "3"},
                                    {"INPUT_PR-RUN", "abc1234\n"}}));
  EXPECT_EQ(job.input.format, ingest::InputFormat::k_pytest_benchmark);
  EXPECT_EQ(job.input.metric, "cpu_time");
  EXPECT_EQ(job.input.base_run, "3");
  EXPECT_EQ(job.input.pr_run, "abc1234");
  EXPECT_EQ(job_from(Inputs({{"INPUT_INPUT-FORMAT", "ptjb"}})).input.format,
            ingest::InputFormat::k_ptjb);
}

TEST(ActionInputs, BadValues) {
  EXPECT_EQ(error_of(Inputs({{"INPUT_INPUT-FORMAT", "csv"}})),
            "input input-format: 'csv' is not one of auto, asv, gbench, pytest-benchmark, "
            "hyperfine, ptjb, customSmallerIsBetter, customBiggerIsBetter");
  // Any metric but the two times names a counter, which the reader looks for in each row.
  EXPECT_EQ(job_from(Inputs({{"INPUT_METRIC", "items_per_second"}})).input.metric,
            "items_per_second");
  EXPECT_EQ(error_of(Inputs({{"INPUT_MAX-INPUT-SIZE", "2GB"}})),
            "input max-input-size: '2GB' is not a byte count (like 64MiB)");
  for (const char* number : {"0", "-3", "7x", "99999999999"}) {
    EXPECT_EQ(error_of(Inputs({{"INPUT_PR-NUMBER", number}})),
              "input pr-number: '" + std::string(number) + "' is not a pull request number");
  }
}

TEST(ActionInputs, MaxInputSizeDefaultsToOneGibibyteAndTakesASuffix) {
  EXPECT_EQ(job_from(Inputs({{"INPUT_MAX-INPUT-SIZE", ""}})).input.max_input_size,
            util::k_default_max_input_size);
  EXPECT_EQ(job_from(Inputs({{"INPUT_MAX-INPUT-SIZE", "256MiB\n"}})).input.max_input_size,
            256U << 20U);
  EXPECT_EQ(job_from(Inputs({{"INPUT_MAX-INPUT-SIZE", "4096"}})).input.max_input_size, 4096U);
}

TEST(ActionInputs, GithubTimeoutDefaultsToTheJobs) {
  EXPECT_EQ(job_from(Inputs({{"INPUT_GITHUB-TIMEOUT", ""}})).github_timeout,
            CommentJob{}.github_timeout);
  EXPECT_EQ(job_from(Inputs({{"INPUT_GITHUB-TIMEOUT", "1.5"}})).github_timeout, 1.5);
  EXPECT_EQ(error_of(Inputs({{"INPUT_GITHUB-TIMEOUT", "0"}})),
            "input github-timeout: '0' is not a positive number");
}

}  // namespace
}  // namespace spyglass::action
