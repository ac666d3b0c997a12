#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace spyglass::test {

// The repository root (set by CMake), for fixtures.
inline std::string source_dir() { return SPYGLASS_SOURCE_DIR; }

// `fixtures/<relative>` under the repository root.
inline std::string fixture_path(const std::string& relative) {
  return source_dir() + "/fixtures/" + relative;
}

// The whole file at `fixtures/<relative>`; fails the test (throws) when unreadable.
std::string read_fixture(const std::string& relative);

// The reference vectors computed by asv/asv_runner/asv-spyglass/tabulate
// (fixtures/spec-vectors/formatting_and_stats_vectors.json), parsed once.
const nlohmann::json& spec_vectors();

// A vector number: JSON numbers as they are, and the strings "NaN", "Infinity", "-Infinity".
double vector_double(const nlohmann::json& value);

// A JSON array of vector numbers.
std::vector<double> vector_doubles(const nlohmann::json& values);

}  // namespace spyglass::test
