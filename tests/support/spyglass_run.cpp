#include "support/spyglass_run.hpp"

namespace spyglass::test {

github::ApiConfig config_for(const FakeGithub& github) {
  github::ApiConfig config;
  config.api_url = github.api_url();
  config.graphql_url = github.graphql_url();
  config.token = "fake-token";
  return config;
}

SpyglassRun::SpyglassRun(const FakeGithub& github, std::chrono::milliseconds total_timeout)
    : curl(std::chrono::seconds(2), total_timeout), client(retrying, config_for(github)) {}

}  // namespace spyglass::test
