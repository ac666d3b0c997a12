#include "spyglass/github/curl_transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <string_view>

#include "spyglass/util/error.hpp"

namespace spyglass::github {

namespace {

// curl_global_init is not thread-safe; a function-local static runs it exactly once.
void init_curl_once() {
  static const CURLcode k_init = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (k_init != CURLE_OK) {
    throw TransportError(std::string("cannot initialise libcurl: ") + curl_easy_strerror(k_init));
  }
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

size_t collect_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// One header line per call. A status line starts a new response (after a 100 Continue or a
// proxy's CONNECT), so it drops the headers collected so far. Repeated headers are joined with
// ", " as HTTP allows.
size_t collect_header(char* data, size_t size, size_t count, void* user) {
  auto& headers = *static_cast<Headers*>(user);
  std::string_view line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    headers.clear();
    return size * count;
  }
  std::size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name = lower_header_name(std::string(trim(line.substr(0, colon))));
    std::string value(trim(line.substr(colon + 1)));
    auto [it, inserted] = headers.emplace(name, value);
    if (!inserted) {
      it->second += ", " + value;
    }
  }
  return size * count;
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

// The request's headers for curl, plus an empty `Expect:` so that bodies over 1 KiB are sent at
// once instead of after a 100 Continue round trip.
Slist header_list(const Headers& headers) {
  Slist list;
  auto append = [&list](const std::string& line) {
    curl_slist* longer = curl_slist_append(list.get(), line.c_str());
    if (longer == nullptr) {
      throw TransportError("out of memory building request headers");
    }
    static_cast<void>(list.release());
    list.reset(longer);
  };
  for (const auto& [name, value] : headers) {
    // A line break would end the header and start others (the Client refuses tokens with one;
    // this is the last line of that defence).
    if ((name + value).find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
      throw Error(ExitCode::k_internal, "request header '" + name + "' holds a line break");
    }
    append(name + ": " + value);
  }
  append("Expect:");
  return list;
}

}  // namespace

struct CurlTransport::Handle {
  CURL* curl = nullptr;
  ~Handle() { curl_easy_cleanup(curl); }
};

CurlTransport::CurlTransport(std::chrono::milliseconds connect_timeout,
                             std::chrono::milliseconds total_timeout)
    : m_connect_timeout(connect_timeout),
      m_total_timeout(total_timeout),
      m_handle(std::make_unique<Handle>()) {
  init_curl_once();
  m_handle->curl = curl_easy_init();
  if (m_handle->curl == nullptr) {
    throw TransportError("cannot create a libcurl handle");
  }
}

CurlTransport::~CurlTransport() = default;

HttpResponse CurlTransport::send(const HttpRequest& request) {
  CURL* curl = m_handle->curl;
  curl_easy_reset(curl);
  HttpResponse response;
  Slist headers = header_list(request.headers);
  char error_buffer[CURL_ERROR_SIZE] = {};

  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  // At least 1 ms: 0 would mean no limit at all to curl.
  const auto total_timeout =
      std::max(std::min(m_total_timeout, request.timeout.value_or(m_total_timeout)),
               std::chrono::milliseconds(1));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min(m_connect_timeout, total_timeout).count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(total_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  if (request.method == "GET") {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  if (request.method != "GET") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
  }

  CURLcode result = curl_easy_perform(curl);
  // The handle outlives this call; it must not keep pointers into this frame.
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  if (result != CURLE_OK) {
    throw TransportError(error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(result));
  }
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  return response;
}

}  // namespace spyglass::github
