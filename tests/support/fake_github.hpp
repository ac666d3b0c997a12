#pragma once

// A fake GitHub on 127.0.0.1 for end-to-end tests of the GitHub client: the REST endpoints and
// GraphQL mutations spyglass uses (see fake_github_model.hpp), token checks, rate-limit headers,
// scripted faults and a record of every request. Started by the constructor (probed before it
// returns), stopped by the destructor; safe to call from several client threads at once.

#include <chrono>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/fake_github_model.hpp"

namespace spyglass::test {

// One request the fake received.
struct RecordedRequest {
  std::string method;
  std::string path;  // without the query
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  int status = 0;  // what the fake answered; 0 when it dropped the connection instead
};

enum class FaultKind {
  k_status,                // answer `status` with GitHub's error body (5xx bursts, a 404, ...)
  k_retry_after,           // secondary rate limit: `status` (403/429) with `retry-after`
  k_rate_limit_exhausted,  // primary rate limit: 403, x-ratelimit-remaining 0, reset `reset_epoch`
  k_body_too_long,         // 422 "body is too long (maximum is 65536 characters)"
  k_slow,                  // answer normally after `delay`
  k_drop,                  // close the connection without answering
  k_drop_after_handling,   // do what was asked, then close without answering (a lost response)
  k_rendezvous,     // hold each of the next `times` requests until all have arrived (at most 10 s)
  k_graphql_error,  // HTTP 200 with GraphQL `errors` [{type FORBIDDEN, `message`}] and null data
  // Hostile servers. The echoes and the redirect answer whatever token the request carries.
  // `status` (401/403) whose JSON `message` is "Bad credentials (Authorization: VALUE)", VALUE
  // the request's Authorization header verbatim ("Bearer <token>").
  k_echo_authorization,
  // The same as a text/plain body that is not JSON: "STATUS TEXT\nAuthorization: VALUE\n".
  k_echo_authorization_text,
  k_endless_pages,  // the real answer with `Link: rel="next"` to the page after it, every time
  k_silent,         // read the request, never answer; the destructor releases it at once
  k_redirect,       // `status` (301/302/307) with `Location` on `location`, same path and query
};

// A misbehaviour for the next `times` requests that match `method` and `path_pattern`.
struct Fault {
  // `times` for a fault that never runs out.
  static constexpr int k_always = std::numeric_limits<int>::max();

  FaultKind kind = FaultKind::k_status;
  int times = 1;  // how many matching requests it applies to; for k_rendezvous, the parties
  int status = 502;
  std::string message{};   // k_status, k_graphql_error: the error's text; "" for the status's own
  std::string location{};  // k_redirect: the origin (http://127.0.0.1:PORT) redirected to
  int retry_after_seconds = 0;
  std::int64_t reset_epoch = 0;  // x-ratelimit-reset of k_rate_limit_exhausted; 0: in an hour
  std::chrono::milliseconds delay{0};
  std::string method{};        // "" matches every method
  std::string path_pattern{};  // ECMAScript regex searched for in the path; "" matches every path

  static Fault server_errors(int times, int status = 502);
  static Fault retry_after(int status, int seconds);
  static Fault rate_limit_exhausted(std::int64_t reset_epoch);
  static Fault body_too_long();
  static Fault slow(std::chrono::milliseconds delay);
  static Fault drop(int times = 1);
  static Fault drop_after_handling();
  static Fault rendezvous(int parties);
  // `status` with GitHub's error body saying `message`, e.g. 403 "Resource not accessible by
  // integration" for one endpoint.
  static Fault refuse(int status, std::string message);
  static Fault graphql_error(std::string message);
  static Fault echo_authorization(int status = 401);
  static Fault echo_authorization_text(int status = 401);
  static Fault endless_pages();  // applies to every matching request
  static Fault silent(int times = k_always);
  // Redirect to the same path and query on `origin`, e.g. another FakeGithub's api_url().
  static Fault redirect(int status, std::string origin);
  // This fault, restricted to `only_method` requests whose path contains a match of `pattern`.
  Fault on(std::string only_method, std::string pattern) const;
};

struct FakeGithubOptions {
  std::string token = "fake-token";           // accepted as `Bearer <token>` or `token <token>`
  std::string login = "github-actions[bot]";  // who the token acts as
  bool read_only = false;      // writes answer 403 "Resource not accessible by integration"
  bool user_endpoint = false;  // false: GET /user answers 403, as for the Actions token
};

class FakeGithub {
 public:
  explicit FakeGithub(FakeGithubOptions options = {});
  ~FakeGithub();
  FakeGithub(const FakeGithub&) = delete;
  FakeGithub& operator=(const FakeGithub&) = delete;

  // http://127.0.0.1:<port>, the REST base; GraphQL is at graphql_url().
  std::string api_url() const;
  std::string graphql_url() const;

  FakePull add_pull(FakePull pull);
  std::int64_t add_comment(const std::string& repo, int issue, const std::string& login,
                           const std::string& body);
  // `count` comments by other users ("user-0", "user-1", ...), bodies "comment <i>".
  void seed_comments(const std::string& repo, int issue, int count);
  void set_read_only(bool read_only);
  // Queue `fault` behind the ones already queued; each request takes the first that matches.
  void push_fault(Fault fault);

  std::vector<FakeComment> comments(const std::string& repo, int issue) const;
  std::optional<FakePull> pull(const std::string& repo, int number) const;
  std::vector<RecordedRequest> requests() const;
  void clear_requests();
  // How many fault applications are still queued.
  int pending_faults() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace spyglass::test
