#include <gtest/gtest.h>
#include <sched.h>

#include <cmath>
#include <cstddef>
#include <string>
#include <thread>
#include <vector>

#include "spyglass/compare/compare.hpp"
#include "spyglass/render/asv_table.hpp"
#include "spyglass/render/comparison_json.hpp"
#include "spyglass/util/cpus.hpp"

// compare_results and the compare table fill their rows on every usable CPU once there are
// thousands of them: the output must be byte for byte what one CPU writes.
namespace spyglass::compare {
namespace {

// A file of `count` benchmarks, deterministic in `seed`: failed ones, ones with raw samples
// (Mann-Whitney) and ones with stats only (the CI test), so every classification shows up.
model::ResultFile synthetic_file(std::size_t count, double seed) {
  model::ResultFile file;
  file.path = "synthetic.json";
  file.machine = "machine";
  file.env_name = "env";
  for (std::size_t i = 0; i < count; ++i) {
    model::BenchmarkResult& result = file.results.emplace_back();
    result.name = "bench.time_" + std::to_string(i);
    result.key = result.name;
    if (i % 97 == static_cast<std::size_t>(seed)) {
      continue;  // failed
    }
    // Benchmark i changes by up to ±40% between the two seeds, most by far less.
    const double base = 1e-6 * static_cast<double>(1 + i % 1000);
    const double value = base * (1.0 + seed * 0.4 * std::sin(static_cast<double>(i)));
    result.value = model::Number{value, false};
    model::Stats& stats = result.stats.emplace();
    stats.ci_99_a = value * 0.97;
    stats.ci_99_b = value * 1.03;
    stats.q_25 = value * 0.99;
    stats.q_75 = value * 1.01;
    stats.number = 1;
    stats.repeat = 10;
    if (i % 2 == 0) {
      std::vector<double>& samples = result.samples.emplace();
      for (int s = 0; s < 10; ++s) {
        samples.push_back(value * (1.0 + 0.01 * std::sin(static_cast<double>(i * 10 + s))));
      }
    }
  }
  return file;
}

// The table (whole and split) and the JSON of `before` against `after`.
std::string outputs(const model::ResultFile& before, const model::ResultFile& after) {
  const model::BenchmarkCatalog catalog;
  const model::Comparison comparison = compare_results(before, after, catalog, 1.1);
  render::CompareTableOptions split;
  split.split = true;
  return render::render_compare_text(comparison, {}) +
         render::render_compare_text(comparison, split) +
         render::render_compare_json(comparison, {}, render::SortOrder::k_default);
}

TEST(ParallelRows, WriteWhatOneCpuWrites) {
  if (util::usable_cpus() < 2) {
    GTEST_SKIP() << "one usable CPU: there is nothing parallel to check";
  }
  const model::ResultFile before = synthetic_file(6000, 0);
  const model::ResultFile after = synthetic_file(6000, 1);
  const std::string on_all_cpus = outputs(before, after);
  std::string on_one_cpu;
  std::thread([&] {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
    on_one_cpu = outputs(before, after);
  }).join();
  ASSERT_FALSE(on_one_cpu.empty());
  EXPECT_EQ(on_all_cpus, on_one_cpu);
  // The synthetic files exercise every section.
  for (const char* title : {"Benchmarks that have improved:", "Benchmarks that have got worse:",
                            "Benchmarks that have stayed the same:"}) {
    EXPECT_NE(on_one_cpu.find(title), std::string::npos) << title;
  }
}

}  // namespace
}  // namespace spyglass::compare
