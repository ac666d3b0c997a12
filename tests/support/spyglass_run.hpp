#pragma once

#include <chrono>

#include "spyglass/github/client.hpp"
#include "spyglass/github/curl_transport.hpp"
#include "spyglass/github/retrying_transport.hpp"
#include "support/fake_clock.hpp"
#include "support/fake_github.hpp"

namespace spyglass::test {

// The client settings that reach `github` with its default token.
github::ApiConfig config_for(const FakeGithub& github);

// One run of spyglass against the fake GitHub: its own connection, retries and clock (which never
// sleeps), as a separate process would have.
struct SpyglassRun {
  explicit SpyglassRun(const FakeGithub& github,
                       std::chrono::milliseconds total_timeout = std::chrono::seconds(10));

  github::CurlTransport curl;
  FakeClock clock;
  github::RetryingTransport retrying{curl, github::RetryPolicy{}, clock};
  github::Client client;
};

}  // namespace spyglass::test
