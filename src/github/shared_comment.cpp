#include "spyglass/github/shared_comment.hpp"

#include <fmt/format.h>

#include <optional>
#include <random>

#include "spyglass/util/error.hpp"

namespace spyglass::github {
namespace {

// Re-reads allowed per write while other runs keep changing the comment around an intact part.
constexpr int k_reads_per_write = 4;

}  // namespace

UpsertResult upsert_shared_comment(Client& client, const UpsertRequest& request,
                                   const std::function<bool(const std::string&)>& holds,
                                   const std::string& part, const SharedCommentPolicy& policy,
                                   util::Clock& clock, std::uint32_t seed) {
  std::minstd_rand random(seed);
  std::uniform_real_distribution<double> fraction(0.0, policy.jitter);
  auto pause = [&] {
    clock.sleep_for(std::chrono::milliseconds(static_cast<std::int64_t>(
        static_cast<double>(policy.settle.count()) * (1.0 + fraction(random)))));
  };
  UpsertResult result;
  std::optional<std::string> held;  // the body of the last read, when it held the part
  int writes = 0;
  int reads = 0;
  for (; reads < k_reads_per_write * policy.max_writes; ++reads) {
    if (!held) {
      if (writes == policy.max_writes) {
        break;
      }
      result = upsert_comment(client, request);
      ++writes;
    }
    pause();
    const auto found = list_ours(client, request);
    if (found.empty() || !holds(found.front().body)) {
      held.reset();
      continue;
    }
    if (held == found.front().body) {
      result.comment_id = found.front().id;
      result.html_url = found.front().html_url;
      return result;
    }
    held = found.front().body;
  }
  throw Error(ExitCode::k_github_api,
              fmt::format("{} did not stay in the comment on {}#{} after {} writes and {} re-reads "
                          "(other jobs kept overwriting it); giving up",
                          part, request.repo, request.pr_number, writes, reads));
}

}  // namespace spyglass::github
