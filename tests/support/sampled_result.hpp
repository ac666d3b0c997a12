#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "spyglass/model/asv_results.hpp"

namespace spyglass::test {

// Expect `result` to be the benchmark `name` measured by `sample_count` samples whose median,
// `value` (seconds), is its value, with asv's stats over those samples.
inline void expect_sampled(const model::BenchmarkResult& result, const std::string& name,
                           std::size_t sample_count, double value) {
  EXPECT_EQ(result.name, name);
  ASSERT_TRUE(result.samples) << name;
  EXPECT_EQ(result.samples->size(), sample_count) << name;
  ASSERT_TRUE(result.value) << name;
  EXPECT_DOUBLE_EQ(result.value->value, value) << name;
  EXPECT_FALSE(result.value->is_integer) << name;
  ASSERT_TRUE(result.stats) << name;
  EXPECT_EQ(result.stats->repeat, static_cast<double>(sample_count)) << name;
}

}  // namespace spyglass::test
