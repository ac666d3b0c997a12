#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "spyglass/github/client.hpp"
#include "spyglass/github/upsert.hpp"
#include "spyglass/util/clock.hpp"

namespace spyglass::github {

// How hard upsert_shared_comment tries to keep its part in the comment.
struct SharedCommentPolicy {
  int max_writes = 8;
  // The pause before each re-read, lengthened by a random fraction up to `jitter`: long enough
  // for a write that another run started from an older body to land before the re-read.
  std::chrono::milliseconds settle = std::chrono::seconds(2);
  double jitter = 1.0;
};

// Write this run's part of a comment that other runs write their parts of at the same time.
// GitHub cannot update a comment conditionally, so a run that read the body before this one wrote
// may overwrite it: after each upsert_comment (with `request.merge`) the comment is re-read after
// a pause until it holds the part (`holds`) on two reads in a row with no change between them, and
// written again while it does not. Throws Error(k_github_api) naming `part` when the part did not
// stay after `max_writes` writes; ApiError on API failures. `seed` varies the jitter per run.
UpsertResult upsert_shared_comment(Client& client, const UpsertRequest& request,
                                   const std::function<bool(const std::string&)>& holds,
                                   const std::string& part, const SharedCommentPolicy& policy,
                                   util::Clock& clock, std::uint32_t seed);

}  // namespace spyglass::github
