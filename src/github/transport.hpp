#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

namespace spyglass::github {

// Header names are compared case-insensitively, as HTTP requires; stored lower-case.
using Headers = std::map<std::string, std::string>;

struct HttpRequest {
  std::string method;  // GET, POST, PATCH, DELETE
  std::string url;     // absolute
  Headers headers;
  std::string body;
  // The most this request may take, when less than the transport's own limit (what is left of a
  // time limit over many requests); nullopt: the transport's own.
  std::optional<std::chrono::milliseconds> timeout = std::nullopt;
};

struct HttpResponse {
  int status = 0;
  Headers headers;  // lower-case names
  std::string body;

  // The header's value, or "" when absent; `name` lower-case.
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// The request never got a response: connection refused or dropped, DNS failure, timeout.
class TransportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Sends one HTTP request. Implementations: CurlTransport (the real one) and decorators that add
// retries; tests register fake responses.
class Transport {
 public:
  virtual ~Transport() = default;
  // The response, whatever its status; throws TransportError when there is none.
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

// Lower-case `name` for Headers.
std::string lower_header_name(std::string name);

}  // namespace spyglass::github
