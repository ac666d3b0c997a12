#include "spyglass/action/pull_request.hpp"

#include <gtest/gtest.h>

#include <string>

#include "spyglass/github/client.hpp"
#include "spyglass/util/error.hpp"
#include "support/fake_transport.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::action {
namespace {

TEST(ResolvePullRequest, RefusesAnEventPayloadOverTheInputLimit) {
  const test::TempDir dir;
  const std::string event =
      dir.write("event.json", R"({"pull_request": {"number": 7, "head": {"sha": "abc"}}})");
  const util::MapEnv env({{"GITHUB_EVENT_PATH", event}, {"GITHUB_EVENT_NAME", "pull_request"}});
  test::FakeTransport fake;  // no stubs: the payload is refused before any request
  github::Client client(fake, github::ApiConfig{});
  try {
    resolve_pull_request(client, "o/r", std::nullopt, 10, env);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ExitCode::k_bad_input);
    EXPECT_EQ(std::string(error.what()),
              event + ": is larger than the input limit (10 bytes; --max-input-size)");
  }
}

}  // namespace
}  // namespace spyglass::action
