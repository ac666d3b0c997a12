#pragma once

#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "spyglass/github/transport.hpp"

namespace spyglass::test {

// Which requests a stub answers, and how to name them in failure messages.
struct Matcher {
  std::string description;  // e.g. "GET /repos/o/r/pulls/1"
  std::function<bool(const github::HttpRequest&)> matches;
};

// `method` and `target`: a path matches any query ("/repos/o/r/pulls/1"), a path with a query
// matches exactly that query, and an absolute URL matches exactly that URL (any host otherwise).
Matcher rest(std::string method, std::string target);
// `method` and a regular expression that must match the whole path and query.
Matcher rest_regex(std::string method, const std::string& target_pattern);
// A POST to a path ending in /graphql whose JSON `query` contains a match of `query_pattern`.
Matcher graphql(const std::string& query_pattern);

// What a stub answers with.
using Responder = std::function<github::HttpResponse(const github::HttpRequest&)>;

// `status` with `body` serialised, `content-type: application/json` and `headers` (lower-case).
Responder json_response(int status, nlohmann::json body, github::Headers headers = {});
// `status` with a plain `body` and `headers` (lower-case).
Responder text_response(int status, std::string body = "", github::Headers headers = {});
// No response at all: throws TransportError(`message`).
Responder transport_error(std::string message);

// Thrown for a request no stub may answer: unmatched, ambiguous or excluded. It is not a
// TransportError, so retries and error mapping let it through to the test.
class FakeTransportMisuse : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// One registered answer.
class Stub {
 public:
  // Answer `count` matching requests instead of one.
  Stub& times(int count);

 private:
  friend class FakeTransport;
  Stub(Matcher matcher, std::vector<Responder> responders, std::string description, bool excluded);
  std::string name() const;

  Matcher m_matcher;
  std::vector<Responder> m_responders;  // the last one answers any calls beyond the list
  std::string m_description;
  bool m_excluded;
  int m_times = 1;
  int m_answered = 0;
};

// A Transport for tests, after GitHub CLI's httpmock: each request must match exactly one stub
// that still has answers left, or the send throws FakeTransportMisuse naming the request and
// the stubs; every request is recorded.
class FakeTransport final : public github::Transport {
 public:
  // Answer requests matching `matcher` with `responder` (once, unless times() says otherwise).
  Stub& stub(Matcher matcher, Responder responder, std::string description);
  // Answer successive matching requests with `responders` in order.
  Stub& stub_sequence(Matcher matcher, std::vector<Responder> responders, std::string description);
  // Fail any request matching `matcher`: calls that must never happen.
  void exclude(Matcher matcher, std::string description);

  github::HttpResponse send(const github::HttpRequest& request) override;

  // Every request sent, in order, including refused ones.
  const std::vector<github::HttpRequest>& requests() const { return m_requests; }
  // Success when every stub gave all its answers and no request was refused; else a message
  // naming the unused stubs and the refused requests.
  ::testing::AssertionResult verify() const;

 private:
  // Record `problem` for verify() and throw it.
  [[noreturn]] void refuse(std::string problem);

  std::deque<Stub> m_stubs;  // a deque keeps the Stub& handed out valid
  std::vector<github::HttpRequest> m_requests;
  std::vector<std::string> m_problems;
};

}  // namespace spyglass::test
