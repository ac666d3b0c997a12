#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <random>
#include <string>

#include "spyglass/github/transport.hpp"
#include "spyglass/util/clock.hpp"

namespace spyglass::github {

// How hard RetryingTransport tries.
struct RetryPolicy {
  int max_attempts = 5;  // including the first
  // The most it waits in total for one request; a wait that would go past it is not started.
  std::chrono::milliseconds max_total_wait = std::chrono::seconds(120);
  std::chrono::milliseconds first_backoff = std::chrono::seconds(1);  // doubled after each attempt
  double jitter = 0.25;  // each backoff is lengthened by a random fraction up to this
  // The most all requests through the transport may take together, counted from its
  // construction: each attempt's timeout is clipped to what is left, a wait that would reach the
  // end is not started, and no attempt starts after it. nullopt: no such limit.
  std::optional<std::chrono::milliseconds> time_limit = std::nullopt;
};

// A Transport decorator that retries what GitHub asks to be retried: connection failures, 5xx,
// 429, and 403s that are rate limits. It honours `retry-after`, waits for `x-ratelimit-reset`
// when `x-ratelimit-remaining` is 0, waits a minute on a bare "secondary rate limit" 403, and
// backs off exponentially otherwise. Other 4xx are returned at once. Writes are retried too: a
// POST that timed out may have been applied, so callers that must not duplicate re-check.
class RetryingTransport final : public Transport {
 public:
  using Log = std::function<void(const std::string&)>;

  // `log`, when set, receives one line per retry and one when giving up early; lines name the
  // method and the path (util::url_for_logging), never headers or bodies.
  RetryingTransport(Transport& inner, RetryPolicy policy, util::Clock& clock, Log log = nullptr);

  // The first answer that needs no retry, else the last answer (or its TransportError) once the
  // attempts or the wait budget run out. Throws TransportError naming the time limit when it ends
  // the retries or has passed before the request.
  HttpResponse send(const HttpRequest& request) override;

 private:
  // How long to wait before retrying after `response`; nullopt when it must not be retried.
  std::optional<std::chrono::milliseconds> wait_after(const HttpResponse& response, int attempt);
  // The exponential backoff with jitter after failed attempt number `attempt` (1-based).
  std::chrono::milliseconds backoff(int attempt);
  // What is left of the policy's time limit; nullopt without one.
  std::optional<std::chrono::milliseconds> time_left() const;
  void log(const std::string& line) const;

  Transport& m_inner;
  RetryPolicy m_policy;
  util::Clock& m_clock;
  std::optional<std::chrono::system_clock::time_point> m_deadline;  // from the time limit
  Log m_log;
  std::minstd_rand m_random;
};

}  // namespace spyglass::github
