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
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 307:
      return "Temporary Redirect";
    default:
      return "Error";
  }
}

// The value of `request`'s Authorization header, "" when it has none.
std::string authorization(const RecordedRequest& request) {
  const auto it = request.headers.find("authorization");
  return it == request.headers.end() ? std::string() : it->second;
}

// The canned answer of a fault that replaces the real one, or nullopt when the request goes on.
std::optional<ApiAnswer> canned_answer(const Fault& fault, const RecordedRequest& request) {
  switch (fault.kind) {
    case FaultKind::k_status:
      return error_answer(fault.status,
                          fault.message.empty() ? status_message(fault.status) : fault.message);
    case FaultKind::k_graphql_error:
      return ApiAnswer{200,
                       {{"data", nullptr},
                        {"errors", nlohmann::json::array(
                                       {{{"type", "FORBIDDEN"}, {"message", fault.message}}})}},
                       {},
                       "graphql"};
    case FaultKind::k_echo_authorization:
      return error_answer(fault.status,
                          "Bad credentials (Authorization: " + authorization(request) + ")");
    case FaultKind::k_echo_authorization_text: {
      ApiAnswer answer{fault.status, nullptr, {}, "core"};
      answer.text =
          status_message(fault.status) + "\nAuthorization: " + authorization(request) + "\n";
      return answer;
    }
    case FaultKind::k_redirect: {
      std::string location = fault.location + request.path;
      for (const auto& [name, value] : request.query) {
        location += (location.find('?') == std::string::npos ? "?" : "&") + name + "=" + value;
      }
      auto answer = error_answer(fault.status, status_message(fault.status));
      answer.body["url"] = location;
      answer.headers["location"] = location;
      return answer;
    }
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
    case FaultKind::k_endless_pages:
    case FaultKind::k_silent:
      break;
  }
  return std::nullopt;
}

// Faults that answer before the token is checked: a hostile server does not care.
bool answers_any_token(FaultKind kind) {
  return kind == FaultKind::k_echo_authorization || kind == FaultKind::k_echo_authorization_text ||
         kind == FaultKind::k_redirect;
}

// A `Link` header whose next page is the one after `request`'s (`page`, default 1).
std::string next_page_link(const std::string& base_url, const RecordedRequest& request) {
  auto query = request.query;
  const auto page = query.count("page") != 0 ? std::stoi(query["page"]) : 1;
  query["page"] = std::to_string(page + 1);
  std::string url = base_url + request.path;
  for (const auto& [name, value] : query) {
    url += (url.find('?') == std::string::npos ? "?" : "&") + name + "=" + value;
  }
  return "<" + url + ">; rel=\"next\"";
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

Fault Fault::server_errors(int times, int status) { return {.times = times, .status = status}; }

Fault Fault::retry_after(int status, int seconds) {
  return {.kind = FaultKind::k_retry_after, .status = status, .retry_after_seconds = seconds};
}

Fault Fault::rate_limit_exhausted(std::int64_t reset_epoch) {
  return {.kind = FaultKind::k_rate_limit_exhausted, .status = 403, .reset_epoch = reset_epoch};
}

Fault Fault::body_too_long() { return {.kind = FaultKind::k_body_too_long, .status = 422}; }

Fault Fault::slow(std::chrono::milliseconds delay) {
  return {.kind = FaultKind::k_slow, .delay = delay};
}

Fault Fault::drop(int times) { return {.kind = FaultKind::k_drop, .times = times}; }

Fault Fault::drop_after_handling() { return {.kind = FaultKind::k_drop_after_handling}; }

Fault Fault::rendezvous(int parties) { return {.kind = FaultKind::k_rendezvous, .times = parties}; }

Fault Fault::refuse(int status, std::string message) {
  return {.status = status, .message = std::move(message)};
}

Fault Fault::graphql_error(std::string message) {
  return {.kind = FaultKind::k_graphql_error, .status = 200, .message = std::move(message)};
}

Fault Fault::echo_authorization(int status) {
  return {.kind = FaultKind::k_echo_authorization, .status = status};
}

Fault Fault::echo_authorization_text(int status) {
  return {.kind = FaultKind::k_echo_authorization_text, .status = status};
}

Fault Fault::endless_pages() { return {.kind = FaultKind::k_endless_pages, .times = k_always}; }

Fault Fault::silent(int times) { return {.kind = FaultKind::k_silent, .times = times}; }

Fault Fault::redirect(int status, std::string origin) {
  return {.kind = FaultKind::k_redirect, .status = status, .location = std::move(origin)};
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
  void wait_until_stopping();
  std::string base_url(const httplib::Request& req) const;
  bool authorized(const RecordedRequest& request) const;
  ApiAnswer api_answer(const httplib::Request& req, const RecordedRequest& request);
  void respond(const ApiAnswer& answer, const std::optional<TakenFault>& fault,
               httplib::Response& res);
  void record(RecordedRequest request, int status);

  FakeGithubOptions options;
  mutable std::mutex mutex;  // guards everything below except `server` and `thread`
  std::condition_variable rendezvous_changed;
  // Set by the destructor before stopping the server, so that silent handlers return.
  bool stopping = false;
  std::condition_variable stopping_changed;
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
  } else if (fault && (kind == FaultKind::k_drop || kind == FaultKind::k_silent)) {
    // Recorded first: the client may look at the record as soon as the connection closes.
    record(std::move(request), 0);
    if (kind == FaultKind::k_silent) {
      wait_until_stopping();
    }
    drop_connection(req.local_port, req.remote_port);
    return;
  }

  std::optional<ApiAnswer> answer;
  if (fault && answers_any_token(kind)) {
    answer = canned_answer(fault->fault, request);
  } else if (!authorized(request)) {
    answer = error_answer(401, "Bad credentials");
  } else if (fault) {
    answer = canned_answer(fault->fault, request);
  }
  if (!answer) {
    answer = api_answer(req, request);
  }
  if (fault && kind == FaultKind::k_endless_pages) {
    answer->headers["link"] = next_page_link(base_url(req), request);
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

void FakeGithub::Impl::wait_until_stopping() {
  std::unique_lock lock(mutex);
  stopping_changed.wait(lock, [this] { return stopping; });
}

std::string FakeGithub::Impl::base_url(const httplib::Request& req) const {
  return "http://" + (req.has_header("Host") ? req.get_header_value("Host")
                                             : "127.0.0.1:" + std::to_string(port));
}

bool FakeGithub::Impl::authorized(const RecordedRequest& request) const {
  const std::string value = authorization(request);
  return value == "Bearer " + options.token || value == "token " + options.token;
}

ApiAnswer FakeGithub::Impl::api_answer(const httplib::Request& req,
                                       const RecordedRequest& request) {
  ApiCall call{request.method, request.path, request.query, request.body, "", "", false, false};
  call.base_url = base_url(req) + (request.path.starts_with("/api/v3/") ? "/api/v3" : "");
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
  if (!answer.text.empty()) {
    res.set_content(answer.text, "text/plain; charset=utf-8");
  } else if (!answer.body.is_null()) {
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
  {
    const std::lock_guard lock(m_impl->mutex);
    m_impl->stopping = true;
  }
  m_impl->stopping_changed.notify_all();
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
