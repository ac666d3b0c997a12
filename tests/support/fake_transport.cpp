#include "support/fake_transport.hpp"

#include <regex>

#include "spyglass/util/url.hpp"

namespace spyglass::test {

namespace {

std::string request_name(const github::HttpRequest& request) {
  return request.method + " " + request.url;
}

std::string path_of(const std::string& target) { return target.substr(0, target.find('?')); }

}  // namespace

Matcher rest(std::string method, std::string target) {
  std::string description = method + " " + target;
  bool absolute = target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0;
  bool with_query = target.find('?') != std::string::npos;
  return {description, [method, target, absolute, with_query](const github::HttpRequest& request) {
            if (request.method != method) {
              return false;
            }
            if (absolute) {
              return request.url == target;
            }
            std::string requested = util::split_url(request.url).target;
            return with_query ? requested == target : path_of(requested) == target;
          }};
}

Matcher rest_regex(std::string method, const std::string& target_pattern) {
  std::regex pattern(target_pattern);
  return {method + " ~" + target_pattern, [method, pattern](const github::HttpRequest& request) {
            return request.method == method &&
                   std::regex_match(util::split_url(request.url).target, pattern);
          }};
}

Matcher graphql(const std::string& query_pattern) {
  std::regex pattern(query_pattern);
  return {"GraphQL ~" + query_pattern, [pattern](const github::HttpRequest& request) {
            std::string path = path_of(util::split_url(request.url).target);
            if (request.method != "POST" || !path.ends_with("/graphql")) {
              return false;
            }
            auto body = nlohmann::json::parse(request.body, nullptr, false);
            return body.is_object() && body.value("query", nlohmann::json()).is_string() &&
                   std::regex_search(body["query"].get<std::string>(), pattern);
          }};
}

Responder json_response(int status, nlohmann::json body, github::Headers headers) {
  headers.emplace("content-type", "application/json; charset=utf-8");
  return text_response(status, body.dump(), std::move(headers));
}

Responder text_response(int status, std::string body, github::Headers headers) {
  return
      [status, body = std::move(body), headers = std::move(headers)](const github::HttpRequest&) {
        return github::HttpResponse{status, headers, body};
      };
}

Responder transport_error(std::string message) {
  return [message = std::move(message)](const github::HttpRequest&) -> github::HttpResponse {
    throw github::TransportError(message);
  };
}

Stub::Stub(Matcher matcher, std::vector<Responder> responders, std::string description,
           bool excluded)
    : m_matcher(std::move(matcher)),
      m_responders(std::move(responders)),
      m_description(std::move(description)),
      m_excluded(excluded),
      m_times(static_cast<int>(m_responders.size())) {}

Stub& Stub::times(int count) {
  m_times = count;
  return *this;
}

std::string Stub::name() const { return "'" + m_description + "' (" + m_matcher.description + ")"; }

Stub& FakeTransport::stub(Matcher matcher, Responder responder, std::string description) {
  m_stubs.push_back(
      Stub(std::move(matcher), {std::move(responder)}, std::move(description), false));
  return m_stubs.back();
}

Stub& FakeTransport::stub_sequence(Matcher matcher, std::vector<Responder> responders,
                                   std::string description) {
  m_stubs.push_back(Stub(std::move(matcher), std::move(responders), std::move(description), false));
  return m_stubs.back();
}

void FakeTransport::exclude(Matcher matcher, std::string description) {
  m_stubs.push_back(Stub(std::move(matcher), {}, std::move(description), true));
}

github::HttpResponse FakeTransport::send(const github::HttpRequest& request) {
  m_requests.push_back(request);
  std::vector<Stub*> candidates;
  std::string exhausted;
  for (Stub& stub : m_stubs) {
    if (!stub.m_matcher.matches(request)) {
      continue;
    }
    if (stub.m_excluded) {
      refuse(request_name(request) + " must not be sent (excluded by " + stub.name() + ")");
    }
    if (stub.m_answered < stub.m_times) {
      candidates.push_back(&stub);
    } else {
      exhausted += "; " + stub.name() + " matched but has answered all " +
                   std::to_string(stub.m_times) + " time(s)";
    }
  }
  if (candidates.empty()) {
    std::string known;
    for (const Stub& stub : m_stubs) {
      known += (known.empty() ? "" : ", ") + stub.name();
    }
    refuse("no stub answers " + request_name(request) + exhausted +
           "; stubs: " + (known.empty() ? "none" : known));
  }
  if (candidates.size() > 1) {
    std::string names;
    for (const Stub* stub : candidates) {
      names += (names.empty() ? "" : " and ") + stub->name();
    }
    refuse(request_name(request) + " is ambiguous: it matches " + names);
  }
  Stub& stub = *candidates.front();
  std::size_t index =
      std::min(static_cast<std::size_t>(stub.m_answered), stub.m_responders.size() - 1);
  ++stub.m_answered;
  return stub.m_responders[index](request);
}

::testing::AssertionResult FakeTransport::verify() const {
  std::vector<std::string> failures = m_problems;
  for (const Stub& stub : m_stubs) {
    if (!stub.m_excluded && stub.m_answered < stub.m_times) {
      failures.push_back("unused stub " + stub.name() + ": answered " +
                         std::to_string(stub.m_answered) + " of " + std::to_string(stub.m_times) +
                         " time(s)");
    }
  }
  if (failures.empty()) {
    return ::testing::AssertionSuccess();
  }
  auto result = ::testing::AssertionFailure() << "FakeTransport:";
  for (const std::string& failure : failures) {
    result << "\n  " << failure;
  }
  return result;
}

void FakeTransport::refuse(std::string problem) {
  m_problems.push_back(problem);
  throw FakeTransportMisuse("FakeTransport: " + problem);
}

}  // namespace spyglass::test
