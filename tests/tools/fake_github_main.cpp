// The fake GitHub as a program, for the container test (scripts/container-test.sh):
//   spyglass_fake_github TOKEN REPO PR HEAD_SHA STATE_FILE
// serves on 127.0.0.1 with one open pull request, prints its REST URL and its GraphQL URL on
// the first two lines of stdout, and on SIGTERM or SIGINT writes what it holds to STATE_FILE as
// JSON and exits.
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/fake_github.hpp"

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: spyglass_fake_github TOKEN REPO PR HEAD_SHA STATE_FILE\n";
    return 2;
  }
  const std::string repo = argv[2];
  const int pr = std::atoi(argv[3]);
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  // Blocked before the server's threads start, so they inherit the mask and sigwait gets it.
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);

  spyglass::test::FakeGithubOptions options;
  options.token = argv[1];
  spyglass::test::FakeGithub github(options);
  spyglass::test::FakePull pull;
  pull.repo = repo;
  pull.number = pr;
  pull.head_sha = argv[4];
  github.add_pull(pull);
  std::cout << github.api_url() << "\n" << github.graphql_url() << std::endl;

  int signal = 0;
  sigwait(&stop, &signal);

  nlohmann::json state = {{"comments", nlohmann::json::array()},
                          {"requests", nlohmann::json::array()}};
  for (const auto& comment : github.comments(repo, pr)) {
    state["comments"].push_back(
        {{"id", comment.id}, {"login", comment.login}, {"body", comment.body}});
  }
  for (const auto& request : github.requests()) {
    state["requests"].push_back(request.method + " " + request.path);
  }
  state["draft"] = github.pull(repo, pr)->draft;
  std::ofstream(argv[5]) << state.dump(2) << "\n";
  return 0;
}
