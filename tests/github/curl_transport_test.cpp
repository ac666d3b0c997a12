#include "spyglass/github/curl_transport.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <set>
#include <thread>

namespace spyglass::github {
namespace {

using std::chrono::milliseconds;

// A cpp-httplib server on 127.0.0.1 and a random port, serving in a background thread while the
// test runs; a handler that stalls waits until the test is over.
class CurlTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_port = m_server.bind_to_any_port("127.0.0.1");
    ASSERT_GT(m_port, 0);
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    // stop() is ignored until the server runs, so TearDown could otherwise hang.
    while (!m_server.is_running()) {
      std::this_thread::sleep_for(milliseconds(1));
    }
  }

  void TearDown() override {
    m_finished = true;
    m_server.stop();
    m_thread.join();
  }

  std::string url(const std::string& target) const {
    return "http://127.0.0.1:" + std::to_string(m_port) + target;
  }

  // Block a handler until the test has finished or `limit` has passed.
  void stall(milliseconds limit) const {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (!m_finished && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(milliseconds(10));
    }
  }

  httplib::Server m_server;
  int m_port = 0;

 private:
  std::thread m_thread;
  std::atomic<bool> m_finished{false};
};

TEST_F(CurlTransportTest, RoundTripsStatusHeadersAndBody) {
  httplib::Request received;
  m_server.Post("/repos/o/r/issues/1/comments",
                [&](const httplib::Request& req, httplib::Response& res) {
                  received = req;
                  res.status = 201;
                  res.set_header("X-RateLimit-Remaining", "4999");
                  res.set_header("Link", "<https://api.github.com/x?page=2>; rel=\"next\"");
                  res.set_content(R"({"id":1})", "application/json; charset=utf-8");
                });
  std::string body = R"({"body":")" + std::string(5000, 'x') + R"("})";
  CurlTransport transport;
  HttpResponse response = transport.send(
      HttpRequest{"POST",
                  url("/repos/o/r/issues/1/comments?per_page=100"),
                  {{"authorization", "Bearer t0k"}, {"content-type", "application/json"}},
                  body});

  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, R"({"id":1})");
  EXPECT_EQ(response.header("x-ratelimit-remaining"), "4999");
  EXPECT_EQ(response.header("link"), "<https://api.github.com/x?page=2>; rel=\"next\"");
  EXPECT_EQ(response.header("content-type"), "application/json; charset=utf-8");
  for (const auto& [name, value] : response.headers) {
    EXPECT_EQ(name, lower_header_name(name)) << name;
  }
  EXPECT_EQ(received.method, "POST");
  EXPECT_EQ(received.get_param_value("per_page"), "100");
  EXPECT_EQ(received.get_header_value("Authorization"), "Bearer t0k");
  EXPECT_EQ(received.get_header_value("Content-Type"), "application/json");
  EXPECT_FALSE(received.has_header("Expect"));
  EXPECT_EQ(received.body, body);
}

TEST_F(CurlTransportTest, SendsEachMethodOnOneConnection) {
  std::vector<std::string> seen;
  std::set<int> client_ports;
  auto record = [&](const httplib::Request& req, httplib::Response& res) {
    seen.push_back(req.method + " " + req.body + " " + req.get_header_value("Content-Length"));
    client_ports.insert(req.remote_port);
    res.status = req.method == "DELETE" ? 204 : 200;
  };
  m_server.Get("/c", record);
  m_server.Patch("/c", record);
  m_server.Delete("/c", record);
  CurlTransport transport;
  EXPECT_EQ(transport.send({"GET", url("/c"), {}, ""}).status, 200);
  EXPECT_EQ(transport.send({"PATCH", url("/c"), {}, "{}"}).status, 200);
  EXPECT_EQ(transport.send({"DELETE", url("/c"), {}, ""}).status, 204);
  EXPECT_EQ(transport.send({"GET", url("/c"), {}, ""}).status, 200);
  EXPECT_EQ(seen, (std::vector<std::string>{"GET  ", "PATCH {} 2", "DELETE  0", "GET  "}));
  EXPECT_EQ(client_ports.size(), 1u) << "the connection was not reused";
}

TEST_F(CurlTransportTest, ReturnsErrorStatusesAsResponses) {
  m_server.Get("/missing", [](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content(R"({"message":"Not Found"})", "application/json");
  });
  HttpResponse response = CurlTransport().send({"GET", url("/missing"), {}, ""});
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body, R"({"message":"Not Found"})");
}

TEST_F(CurlTransportTest, DoesNotFollowRedirects) {
  bool followed = false;
  m_server.Get("/moved", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(url("/elsewhere"), 302);
  });
  m_server.Get("/elsewhere", [&](const httplib::Request&, httplib::Response&) { followed = true; });
  HttpResponse response = CurlTransport().send({"GET", url("/moved"), {}, ""});
  EXPECT_EQ(response.status, 302);
  EXPECT_EQ(response.header("location"), url("/elsewhere"));
  EXPECT_FALSE(followed);
}

TEST_F(CurlTransportTest, RefusesSchemesOtherThanHttp) {
  EXPECT_THROW(CurlTransport().send({"GET", "file:///etc/passwd", {}, ""}), TransportError);
}

// A port on 127.0.0.1 that nothing listens on: bound to find a free one, then closed unlistened.
int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), length) == 0 &&
               ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  ::close(fd);
  return bound ? ntohs(address.sin_port) : 0;
}

TEST_F(CurlTransportTest, ThrowsWhenTheConnectionIsRefused) {
  int port = closed_port();
  ASSERT_GT(port, 0);
  try {
    CurlTransport().send({"GET", "http://127.0.0.1:" + std::to_string(port) + "/", {}, ""});
    FAIL() << "expected a TransportError";
  } catch (const TransportError& e) {
    EXPECT_NE(std::string(e.what()).find("onnect"), std::string::npos) << e.what();
  }
}

TEST_F(CurlTransportTest, ThrowsWhenTheServerIsTooSlow) {
  m_server.Get("/slow", [this](const httplib::Request&, httplib::Response& res) {
    stall(milliseconds(60000));  // until the test ends
    res.set_content("late", "text/plain");
  });
  CurlTransport transport(milliseconds(1000), milliseconds(200));
  auto started = std::chrono::steady_clock::now();
  try {
    transport.send({"GET", url("/slow"), {}, ""});
    FAIL() << "expected a TransportError";
  } catch (const TransportError& e) {
    EXPECT_NE(std::string(e.what()).find("imed out"), std::string::npos) << e.what();
  }
  // The 200 ms timeout, not the server, ended the request; the bound leaves a loaded machine room.
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(20000));
}

TEST_F(CurlTransportTest, ThrowsWhenTheConnectionDropsMidResponse) {
  m_server.Get("/drop", [](const httplib::Request&, httplib::Response& res) {
    // Promise 100 bytes, send none: the server closes the connection.
    res.set_content_provider(100, "application/json",
                             [](size_t, size_t, httplib::DataSink&) { return false; });
  });
  EXPECT_THROW(CurlTransport().send({"GET", url("/drop"), {}, ""}), TransportError);
}

}  // namespace
}  // namespace spyglass::github
