#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace spyglass::test {

// The benchmarks.json entry of an unparameterized time benchmark in seconds, as asv writes it,
// for tests that generate result files.
inline nlohmann::json time_benchmark_entry(const std::string& name) {
  return {{"name", name},
          {"param_names", nlohmann::json::array()},
          {"params", nlohmann::json::array()},
          {"type", "time"},
          {"unit", "seconds"},
          {"version", "1"}};
}

}  // namespace spyglass::test
