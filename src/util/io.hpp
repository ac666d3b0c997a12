#pragma once

#include <istream>
#include <ostream>

#include "spyglass/util/clock.hpp"
#include "spyglass/util/env.hpp"

namespace spyglass::util {

// Where a command reads and writes; tests pass string streams and a MapEnv.
struct Io {
  std::ostream& out;
  std::ostream& err;
  std::istream* in = nullptr;  // standard input, for `-` paths; null: none
  const Env* env = nullptr;    // environment variables; null: an empty environment
  Clock* clock = nullptr;      // waits between GitHub requests; null: the system clock

  // The environment to read (an empty one when none was given).
  const Env& environment() const {
    static const MapEnv k_empty;
    return env != nullptr ? *env : k_empty;
  }
};

}  // namespace spyglass::util
