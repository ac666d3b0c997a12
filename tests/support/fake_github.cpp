#include "support/fake_github.hpp"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <csignal>
#include <ctime>
#include <deque>
#include <filesystem>
#include <mutex>
#include <regex>
#include <stdexcept>
#include <thread>

namespace spyglass::test {

namespace {

// Answered before anything else and never recorded: the fixture's readiness check.
constexpr const char* k_probe_path = "/__fake__/probe";
constexpr int k_rate_limit = 5000;
constexpr auto k_probe_deadline = std::chrono::seconds(5);
constexpr auto k_rendezvous_deadline = std::chrono::seconds(10);

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::int64_t epoch_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

// Shut the server's end of the connection from client port `remote_port`, so the client reads
// end-of-file where the response should be. cpp-httplib does not expose the socket: find it.
void drop_connection(int local_port, int remote_port) {
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    const int fd = std::stoi(entry.path().filename().string());
    sockaddr_in local{};
    sockaddr_in peer{};
    socklen_t local_size = sizeof local;
    socklen_t peer_size = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0 ||
        getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0 ||
        local.sin_family != AF_INET) {
      continue;
    }
    if (ntohs(local.sin_port) == local_port && ntohs(peer.sin_port) == remote_port) {
      shutdown(fd, SHUT_RDWR);
      return;
    }
  }
}

std::string status_message(int status) {
  switch (status) {
    case 404:
      return "Not Found";
    case 500:
      return "Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Error";
  }
}

// The canned answer of a fault that replaces the real one, or nullopt when the request goes on.
std::optional<ApiAnswer> canned_answer(const Fault& fault) {
  switch (fault.kind) {
    case FaultKind::k_status:
      return error_answer(fault.status, status_message(fault.status));
    case FaultKind::k_retry_after: {
      auto answer = error_answer(fault.status,
                                 "You have exceeded a secondary rate limit. Please wait a few "
                                 "minutes before you try again.");
      answer.headers["retry-after"] = std::to_string(fault.retry_after_seconds);
      return answer;
    }
    case FaultKind::k_rate_limit_exhausted:
      return error_answer(403, "API rate limit exceeded for installation ID 1.");
    case FaultKind::k_body_too_long:
      return body_too_long_answer();
    case FaultKind::k_slow:
    case FaultKind::k_drop:
    case FaultKind::k_drop_after_handling:
    case FaultKind::k_rendezvous:
      break;
  }
  return std::nullopt;
}

// Requests held by one rendezvous fault.
struct Rendezvous {
  int parties = 0;
  int arrived = 0;
};

struct QueuedFault {
  Fault fault;
  int remaining = 0;
  std::shared_ptr<Rendezvous> rendezvous;  // k_rendezvous only
};

// A fault taken from the queue for one request.
struct TakenFault {
  Fault fault;
  std::shared_ptr<Rendezvous> rendezvous;
};

}  // namespace

Fault Fault::server_errors(int times, int status) {
  Fault fault;
  fault.times = times;
  fault.status = status;
  return fault;
}

Fault Fault::retry_after(int status, int seconds) {
  Fault fault;
  fault.kind = FaultKind::k_retry_after;
  fault.status = status;
  fault.retry_after_seconds = seconds;
  return fault;
}

Fault Fault::rate_limit_exhausted(std::int64_t reset_epoch) {
  Fault fault;
  fault.kind = FaultKind::k_rate_limit_exhausted;
  fault.status = 403;
  fault.reset_epoch = reset_epoch;
  return fault;
}

Fault Fault::body_too_long() {
  Fault fault;
  fault.kind = FaultKind::k_body_too_long;
  fault.status = 422;
  return fault;
}

Fault Fault::slow(std::chrono::milliseconds delay) {
  Fault fault;
  fault.kind = FaultKind::k_slow;
  fault.delay = delay;
  return fault;
}

Fault Fault::drop(int times) {
  Fault fault;
  fault.kind = FaultKind::k_drop;
  fault.times = times;
  return fault;
}

Fault Fault::drop_after_handling() {
  Fault fault;
  fault.kind = FaultKind::k_drop_after_handling;
  return fault;
}

Fault Fault::rendezvous(int parties) {
  Fault fault;
  fault.kind = FaultKind::k_rendezvous;
  fault.times = parties;
  return fault;
}

Fault Fault::on(std::string only_method, std::string pattern) const {
  Fault restricted = *this;
  restricted.method = std::move(only_method);
  restricted.path_pattern = std::move(pattern);
  return restricted;
}

struct FakeGithub::Impl {
  explicit Impl(FakeGithubOptions opts) : options(std::move(opts)) {}

  void handle(const httplib::Request& req, httplib::Response& res);
  std::optional<TakenFault> take_fault(const RecordedRequest& request);
  void wait_for_rendezvous(Rendezvous& rendezvous);
  bool authorized(const RecordedRequest& request) const;
  ApiAnswer api_answer(const httplib::Request& req, const RecordedRequest& request);
  void respond(const ApiAnswer& answer, const std::optional<TakenFault>& fault,
               httplib::Response& res);
  void record(RecordedRequest request, int status);

  FakeGithubOptions options;
  mutable std::mutex mutex;  // guards everything below except `server` and `thread`
  std::condition_variable rendezvous_changed;
  FakeGithubModel model;
  std::vector<RecordedRequest> requests;
  std::deque<QueuedFault> faults;
  int rate_remaining = k_rate_limit;
  httplib::Server server;
  std::thread thread;
  int port = 0;
};

void FakeGithub::Impl::handle(const httplib::Request& req, httplib::Response& res) {
  if (req.path == k_probe_path) {
    res.set_content("ok", "text/plain");
    return;
  }
  RecordedRequest request{req.method, req.path, {}, {}, req.body, 0};
  for (const auto& [name, value] : req.params) {
    request.query[name] = value;
  }
  for (const auto& [name, value] : req.headers) {
    request.headers[lower(name)] = value;
  }

  const auto fault = take_fault(request);
  const FaultKind kind = fault ? fault->fault.kind : FaultKind::k_status;
  if (fault && kind == FaultKind::k_slow) {
    std::this_thread::sleep_for(fault->fault.delay);
  } else if (fault && kind == FaultKind::k_rendezvous) {
    wait_for_rendezvous(*fault->rendezvous);
  } else if (fault && kind == FaultKind::k_drop) {
    // Recorded first: the client may look at the record as soon as the connection closes.
    record(std::move(request), 0);
    drop_connection(req.local_port, req.remote_port);
    return;
  }

  std::optional<ApiAnswer> answer;
  if (!authorized(request)) {
    answer = error_answer(401, "Bad credentials");
  } else if (fault) {
    answer = canned_answer(fault->fault);
  }
  if (!answer) {
    answer = api_answer(req, request);
  }
  if (fault && kind == FaultKind::k_drop_after_handling) {
    record(std::move(request), 0);
    drop_connection(req.local_port, req.remote_port);
    return;
  }
  respond(*answer, fault, res);
  record(std::move(request), answer->status);
}

std::optional<TakenFault> FakeGithub::Impl::take_fault(const RecordedRequest& request) {
  const std::lock_guard lock(mutex);
  for (auto it = faults.begin(); it != faults.end(); ++it) {
    const Fault& candidate = it->fault;
    if ((!candidate.method.empty() && candidate.method != request.method) ||
        (!candidate.path_pattern.empty() &&
         !std::regex_search(request.path, std::regex(candidate.path_pattern)))) {
      continue;
    }
    TakenFault taken{candidate, it->rendezvous};
    if (--it->remaining == 0) {
      faults.erase(it);
    }
    return taken;
  }
  return std::nullopt;
}

void FakeGithub::Impl::wait_for_rendezvous(Rendezvous& rendezvous) {
  std::unique_lock lock(mutex);
  ++rendezvous.arrived;
  rendezvous_changed.notify_all();
  rendezvous_changed.wait_for(lock, k_rendezvous_deadline,
                              [&] { return rendezvous.arrived >= rendezvous.parties; });
}

bool FakeGithub::Impl::authorized(const RecordedRequest& request) const {
  const auto it = request.headers.find("authorization");
  return it != request.headers.end() &&
         (it->second == "Bearer " + options.token || it->second == "token " + options.token);
}

ApiAnswer FakeGithub::Impl::api_answer(const httplib::Request& req,
                                       const RecordedRequest& request) {
  const std::string host =
      req.has_header("Host") ? req.get_header_value("Host") : "127.0.0.1:" + std::to_string(port);
  ApiCall call{request.method, request.path, request.query, request.body, "", "", false, false};
  call.base_url = "http://" + host + (request.path.starts_with("/api/v3/") ? "/api/v3" : "");
  const std::lock_guard lock(mutex);
  call.login = options.login;
  call.read_only = options.read_only;
  call.user_endpoint = options.user_endpoint;
  return model.answer(call);
}

void FakeGithub::Impl::respond(const ApiAnswer& answer, const std::optional<TakenFault>& fault,
                               httplib::Response& res) {
  res.status = answer.status;
  for (const auto& [name, value] : answer.headers) {
    res.set_header(name, value);
  }
  const bool exhausted = fault && fault->fault.kind == FaultKind::k_rate_limit_exhausted;
  int remaining = 0;
  {
    const std::lock_guard lock(mutex);
    rate_remaining = std::max(rate_remaining - 1, 0);
    remaining = exhausted ? 0 : rate_remaining;
  }
  const std::int64_t reset =
      exhausted && fault->fault.reset_epoch != 0 ? fault->fault.reset_epoch : epoch_now() + 3600;
  res.set_header("x-ratelimit-limit", std::to_string(k_rate_limit));
  res.set_header("x-ratelimit-remaining", std::to_string(remaining));
  res.set_header("x-ratelimit-used", std::to_string(k_rate_limit - remaining));
  res.set_header("x-ratelimit-reset", std::to_string(reset));
  res.set_header("x-ratelimit-resource", answer.resource);
  res.set_header("x-github-api-version-selected", "2022-11-28");
  res.set_header("x-github-request-id", "FAKE:" + std::to_string(answer.status));
  if (!answer.body.is_null()) {
    res.set_content(answer.body.dump(), "application/json; charset=utf-8");
  }
}

void FakeGithub::Impl::record(RecordedRequest request, int status) {
  request.status = status;
  const std::lock_guard lock(mutex);
  requests.push_back(std::move(request));
}

FakeGithub::FakeGithub(FakeGithubOptions options)
    : m_impl(std::make_unique<Impl>(std::move(options))) {
  // A dropped connection must fail the client's write, not kill the test binary.
  std::signal(SIGPIPE, SIG_IGN);
  const auto handler = [impl = m_impl.get()](const httplib::Request& req, httplib::Response& res) {
    impl->handle(req, res);
  };
  m_impl->server.Get(".*", handler);
  m_impl->server.Post(".*", handler);
  m_impl->server.Patch(".*", handler);
  m_impl->server.Delete(".*", handler);
  m_impl->port = m_impl->server.bind_to_any_port("127.0.0.1");
  if (m_impl->port <= 0) {
    throw std::runtime_error("fake GitHub: cannot bind a port on 127.0.0.1");
  }
  m_impl->thread = std::thread([impl = m_impl.get()] { impl->server.listen_after_bind(); });

  httplib::Client probe("127.0.0.1", m_impl->port);
  probe.set_connection_timeout(std::chrono::seconds(1));
  const auto deadline = std::chrono::steady_clock::now() + k_probe_deadline;
  while (true) {
    const auto res = probe.Get(k_probe_path);
    if (res && res->status == 200) {
      break;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      m_impl->server.stop();
      m_impl->thread.join();
      throw std::runtime_error("fake GitHub: no answer to the probe on port " +
                               std::to_string(m_impl->port));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

FakeGithub::~FakeGithub() {
  m_impl->server.stop();
  m_impl->thread.join();
}

std::string FakeGithub::api_url() const {
  return "http://127.0.0.1:" + std::to_string(m_impl->port);
}

std::string FakeGithub::graphql_url() const { return api_url() + "/graphql"; }

FakePull FakeGithub::add_pull(FakePull pull) {
  const std::lock_guard lock(m_impl->mutex);
  return m_impl->model.add_pull(std::move(pull));
}

std::int64_t FakeGithub::add_comment(const std::string& repo, int issue, const std::string& login,
                                     const std::string& body) {
  const std::lock_guard lock(m_impl->mutex);
  return m_impl->model.add_comment(repo, issue, login, body);
}

void FakeGithub::seed_comments(const std::string& repo, int issue, int count) {
  const std::lock_guard lock(m_impl->mutex);
  for (int i = 0; i < count; ++i) {
    m_impl->model.add_comment(repo, issue, "user-" + std::to_string(i % 7),
                              "comment " + std::to_string(i));
  }
}

void FakeGithub::set_read_only(bool read_only) {
  const std::lock_guard lock(m_impl->mutex);
  m_impl->options.read_only = read_only;
}

void FakeGithub::push_fault(Fault fault) {
  const std::lock_guard lock(m_impl->mutex);
  auto rendezvous = fault.kind == FaultKind::k_rendezvous
                        ? std::make_shared<Rendezvous>(Rendezvous{fault.times, 0})
                        : nullptr;
  const int times = fault.times;
  m_impl->faults.push_back({std::move(fault), times, std::move(rendezvous)});
}

std::vector<FakeComment> FakeGithub::comments(const std::string& repo, int issue) const {
  const std::lock_guard lock(m_impl->mutex);
  return m_impl->model.comments(repo, issue);
}

std::optional<FakePull> FakeGithub::pull(const std::string& repo, int number) const {
  const std::lock_guard lock(m_impl->mutex);
  return m_impl->model.pull(repo, number);
}

std::vector<RecordedRequest> FakeGithub::requests() const {
  const std::lock_guard lock(m_impl->mutex);
  return m_impl->requests;
}

void FakeGithub::clear_requests() {
  const std::lock_guard lock(m_impl->mutex);
  m_impl->requests.clear();
}

int FakeGithub::pending_faults() const {
  const std::lock_guard lock(m_impl->mutex);
  int pending = 0;
  for (const auto& queued : m_impl->faults) {
    pending += queued.remaining;
  }
  return pending;
}

}  // namespace spyglass::test
