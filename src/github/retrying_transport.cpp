#include "spyglass/github/retrying_transport.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <exception>

#include "spyglass/util/url.hpp"

namespace spyglass::github {

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// GitHub's advice for a secondary rate limit that names no wait: at least a minute.
constexpr seconds k_secondary_rate_limit_wait{60};
// Margin after `x-ratelimit-reset`, which is rounded down to whole seconds.
constexpr seconds k_reset_margin{1};

// Larger header values are cut to this (the year 2096), far past any budget, so that time
// arithmetic cannot overflow.
constexpr long long k_largest_seconds = 4'000'000'000;

// A header holding a whole number of seconds (`retry-after`, `x-ratelimit-reset`); nullopt when
// absent or not a plain non-negative integer (e.g. an HTTP date).
std::optional<seconds> whole_seconds(const std::string& text) {
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) {
    value = k_largest_seconds;
  } else if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
             value < 0) {
    return std::nullopt;
  }
  return seconds(std::min(value, k_largest_seconds));
}

bool contains_ignoring_case(const std::string& text, std::string_view part) {
  auto found = std::search(text.begin(), text.end(), part.begin(), part.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
  return found != text.end();
}

// A 403 or 429 body saying a secondary (formerly "abuse") rate limit was hit.
bool mentions_secondary_rate_limit(const std::string& body) {
  return contains_ignoring_case(body, "secondary rate limit") ||
         contains_ignoring_case(body, "abuse detection");
}

std::string seconds_text(milliseconds wait) {
  return fmt::format("{:.1f} s", static_cast<double>(wait.count()) / 1000.0);
}

}  // namespace

RetryingTransport::RetryingTransport(Transport& inner, RetryPolicy policy, util::Clock& clock,
                                     Log log)
    : m_inner(inner),
      m_policy(policy),
      m_clock(clock),
      m_log(std::move(log)),
      m_random(std::random_device{}()) {
  if (m_policy.time_limit) {
    m_deadline = m_clock.now() + *m_policy.time_limit;
  }
}

HttpResponse RetryingTransport::send(const HttpRequest& request) {
  const std::string call = request.method + " " + util::url_for_logging(request.url);
  const auto limit_text = [this] {
    return fmt::format("the {} time limit for GitHub requests", seconds_text(*m_policy.time_limit));
  };
  HttpRequest attempt_request = request;
  milliseconds waited{0};
  for (int attempt = 1;; ++attempt) {
    if (const auto left = time_left()) {
      if (*left <= milliseconds(0)) {
        throw TransportError(limit_text() + " ran out before this request");
      }
      attempt_request.timeout = std::min(*left, request.timeout.value_or(*left));
    }
    std::optional<HttpResponse> response;
    std::exception_ptr error;
    std::string outcome;
    std::optional<milliseconds> wait;
    try {
      response = m_inner.send(attempt_request);
      outcome = std::to_string(response->status);
      wait = wait_after(*response, attempt);
    } catch (const TransportError& e) {
      error = std::current_exception();
      outcome = fmt::format("a transport error ({})", e.what());
      wait = backoff(attempt);
    }
    const auto left = time_left();
    if (wait && attempt >= m_policy.max_attempts) {
      log(fmt::format("giving up on {} after {}: {} attempts made", call, outcome, attempt));
    } else if (wait && waited + *wait > m_policy.max_total_wait) {
      log(fmt::format("giving up on {} after {}: waiting {} more would pass the {} retry budget",
                      call, outcome, seconds_text(*wait), seconds_text(m_policy.max_total_wait)));
    } else if (wait && left && *wait >= *left) {
      const auto reason = fmt::format("after {}: waiting {} more would pass {}", outcome,
                                      seconds_text(*wait), limit_text());
      log("giving up on " + call + " " + reason);
      throw TransportError("gave up " + reason);
    } else if (wait) {
      log(fmt::format("retrying {} after {}, waiting {}", call, outcome, seconds_text(*wait)));
      m_clock.sleep_for(*wait);
      waited += *wait;
      continue;
    }
    if (error) {
      std::rethrow_exception(error);
    }
    return *response;
  }
}

std::optional<milliseconds> RetryingTransport::wait_after(const HttpResponse& response,
                                                          int attempt) {
  int status = response.status;
  bool rate_limit_status = status == 403 || status == 429;
  if (!rate_limit_status && status < 500) {
    return std::nullopt;
  }
  if (auto retry_after = whole_seconds(response.header("retry-after"))) {
    return *retry_after;
  }
  if (!rate_limit_status) {
    return backoff(attempt);
  }
  auto reset = whole_seconds(response.header("x-ratelimit-reset"));
  if (response.header("x-ratelimit-remaining") == "0" && reset) {
    auto until_reset = std::chrono::system_clock::time_point(*reset) - m_clock.now();
    return std::max(std::chrono::ceil<milliseconds>(until_reset), milliseconds(0)) + k_reset_margin;
  }
  if (mentions_secondary_rate_limit(response.body)) {
    return k_secondary_rate_limit_wait;
  }
  if (status == 429) {
    return backoff(attempt);
  }
  return std::nullopt;
}

milliseconds RetryingTransport::backoff(int attempt) {
  double base = static_cast<double>(m_policy.first_backoff.count()) * std::ldexp(1.0, attempt - 1);
  double stretch = m_policy.jitter > 0.0
                       ? std::uniform_real_distribution<double>(0.0, m_policy.jitter)(m_random)
                       : 0.0;
  return milliseconds(static_cast<long long>(std::llround(base * (1.0 + stretch))));
}

std::optional<milliseconds> RetryingTransport::time_left() const {
  if (!m_deadline) {
    return std::nullopt;
  }
  return std::chrono::duration_cast<milliseconds>(*m_deadline - m_clock.now());
}

void RetryingTransport::log(const std::string& line) const {
  if (m_log) {
    m_log(line);
  }
}

}  // namespace spyglass::github
