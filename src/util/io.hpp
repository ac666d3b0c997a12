#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "spyglass/util/clock.hpp"
#include "spyglass/util/env.hpp"

namespace spyglass::util {

class WorkflowCommandGuard;

// Where a command reads and writes; tests pass string streams and a MapEnv.
struct Io {
  std::ostream& out;
  std::ostream& err;
  std::istream* in = nullptr;  // standard input, for `-` paths; null: none
  const Env* env = nullptr;    // environment variables; null: an empty environment
  Clock* clock = nullptr;      // waits between GitHub requests; null: the system clock
  // The guard in front of `out` (cli::run puts one there): spyglass's own workflow commands pass
  // through it unframed, and it learns the secrets to redact. Null: `out` is written directly.
  WorkflowCommandGuard* out_guard = nullptr;
  WorkflowCommandGuard* err_guard = nullptr;

  // The environment to read (an empty one when none was given).
  const Env& environment() const {
    static const MapEnv k_empty;
    return env != nullptr ? *env : k_empty;
  }

  // Write `command`, a workflow command of spyglass's own (an annotation), to `out`.
  void write_command(std::string_view command) const;

  // Redact `secret` from everything printed from now on.
  void add_secret(const std::string& secret) const;

  // `text` with every secret `out` redacts redacted, for what spyglass writes elsewhere than
  // `out` that a log may show (the step outputs).
  std::string redacted(std::string_view text) const;
};

}  // namespace spyglass::util
