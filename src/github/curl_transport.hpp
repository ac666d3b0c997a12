#pragma once

#include <chrono>
#include <memory>

#include "spyglass/github/transport.hpp"

namespace spyglass::github {

// The real Transport, over libcurl: HTTP(S) only, no redirects followed (a 3xx is returned as it
// is), response header names lower-cased. One request at a time per instance; the connection is
// kept for the next request.
class CurlTransport final : public Transport {
 public:
  // `connect_timeout` bounds connecting, `total_timeout` the whole request (or the request's own
  // `timeout` when shorter).
  explicit CurlTransport(std::chrono::milliseconds connect_timeout = std::chrono::seconds(10),
                         std::chrono::milliseconds total_timeout = std::chrono::seconds(30));
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  // Throws TransportError with curl's message when no complete response arrives.
  HttpResponse send(const HttpRequest& request) override;

 private:
  struct Handle;  // the curl easy handle, kept out of this header
  std::chrono::milliseconds m_connect_timeout;
  std::chrono::milliseconds m_total_timeout;
  std::unique_ptr<Handle> m_handle;
};

}  // namespace spyglass::github
