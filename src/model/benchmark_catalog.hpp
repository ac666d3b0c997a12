#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "spyglass/model/direction.hpp"

namespace spyglass::model {

// What benchmarks.json says about one benchmark (only what comparison and rendering use).
struct BenchmarkInfo {
  std::string name;
  std::string type;                 // time, memory, peakmemory, track
  std::optional<std::string> unit;  // seconds, bytes, or a track benchmark's own unit
  std::vector<std::string> param_names;
  std::vector<std::vector<std::string>> params;
  std::optional<std::string> version;  // the benchmark code's version hash
  // What the file says (customBiggerIsBetter, a gbench rate counter); benchmarks.json never
  // says, so asv's benchmarks stay smaller-is-better unless --bigger-is-better names them.
  Direction direction = Direction::k_smaller_is_better;
};

// Hashes std::string and std::string_view alike, so a lookup by view builds no string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

// benchmarks.json indexed by benchmark name. Lookups are exact (spec section 0, decision 3).
struct BenchmarkCatalog {
  std::unordered_map<std::string, BenchmarkInfo, StringHash, std::equal_to<>> by_name;

  const BenchmarkInfo* find(std::string_view name) const {
    auto it = by_name.find(name);
    return it == by_name.end() ? nullptr : &it->second;
  }
};

}  // namespace spyglass::model
