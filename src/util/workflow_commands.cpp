#include "spyglass/util/workflow_commands.hpp"

#include <algorithm>
#include <cctype>
#include <random>

#include "spyglass/util/redact.hpp"

namespace spyglass::util {
namespace {

// The runner trims char.IsWhiteSpace characters; any byte outside printable ASCII is taken for
// one, which can only frame more lines than needed.
bool may_be_trimmed(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= ' ' || byte >= 0x7f;
}

bool contains_ignoring_case(std::string_view text, std::string_view part) {
  return std::search(text.begin(), text.end(), part.begin(), part.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         }) != text.end();
}

}  // namespace

bool could_be_workflow_command(std::string_view line) {
  if (line.find("##[") != std::string_view::npos) {
    return true;
  }
  // A CR inside the line ends a line for the runner, so every piece between CRs is a line.
  std::size_t start = 0;
  while (start <= line.size()) {
    const std::size_t end = std::min(line.find_first_of("\r\n", start), line.size());
    std::string_view piece = line.substr(start, end - start);
    const auto first = std::find_if_not(piece.begin(), piece.end(), may_be_trimmed);
    piece.remove_prefix(static_cast<std::size_t>(first - piece.begin()));
    if (piece.starts_with("::")) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

std::string random_stop_token() {
  std::random_device device;
  std::string token;
  constexpr std::string_view k_digits = "0123456789abcdef";
  for (int word = 0; word < 4; ++word) {
    auto bits = device();
    for (int digit = 0; digit < 8; ++digit, bits >>= 4) {
      token += k_digits[bits & 0xf];
    }
  }
  return token;
}

WorkflowCommandGuard::WorkflowCommandGuard(std::ostream& sink, MakeToken make_token)
    : m_sink(sink), m_make_token(std::move(make_token)) {}

WorkflowCommandGuard::~WorkflowCommandGuard() {
  emit_pending();
  m_sink.flush();
}

void WorkflowCommandGuard::add_secret(std::string secret) {
  if (!secret.empty()) {
    m_secrets.push_back(std::move(secret));
  }
}

void WorkflowCommandGuard::write_command(std::string_view command) {
  if (!m_pending.empty()) {
    m_pending += '\n';
    emit_pending();
  }
  m_sink << redacted(command);
}

WorkflowCommandGuard::int_type WorkflowCommandGuard::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) {
    return traits_type::not_eof(c);
  }
  const char byte = traits_type::to_char_type(c);
  xsputn(&byte, 1);
  return c;
}

std::streamsize WorkflowCommandGuard::xsputn(const char* text, std::streamsize count) {
  std::string_view rest(text, static_cast<std::size_t>(count));
  if (!m_pending.empty()) {
    const std::size_t newline = rest.find('\n');
    if (newline == std::string_view::npos) {
      m_pending += rest;
      return count;
    }
    m_pending += rest.substr(0, newline + 1);
    rest.remove_prefix(newline + 1);
    emit_pending();
  }
  const std::size_t last_newline = rest.rfind('\n');
  if (last_newline != std::string_view::npos) {
    pass_on_redacted(rest.substr(0, last_newline + 1));
    rest.remove_prefix(last_newline + 1);
  }
  m_pending.assign(rest);
  return count;
}

int WorkflowCommandGuard::sync() {
  m_sink.flush();
  return m_sink ? 0 : -1;
}

void WorkflowCommandGuard::emit_pending() {
  if (!m_pending.empty()) {
    pass_on_redacted(m_pending);
    m_pending.clear();
  }
}

std::string WorkflowCommandGuard::redacted(std::string_view text) const {
  std::string result(text);
  for (const auto& secret : m_secrets) {
    result = redact_secret(std::move(result), secret);
  }
  return result;
}

void WorkflowCommandGuard::pass_on_redacted(std::string_view text) {
  // Most runs know no secret (only the comment job has a token): no copy then.
  if (m_secrets.empty()) {
    pass_on(text);
  } else {
    pass_on(redacted(text));
  }
}

void WorkflowCommandGuard::pass_on(std::string_view text) {
  // A line the runner could obey holds `::`, `##[` or a CR. Between the lines that hold one, the
  // text is passed on in one write: a 100k-row table or JSON document is a few calls, not one a
  // line.
  std::size_t written = 0;
  std::size_t colons = text.find("::");
  std::size_t hashes = text.find("##[");
  std::size_t carriage_return = text.find('\r');
  while (true) {
    const std::size_t suspect = std::min({colons, hashes, carriage_return});
    if (suspect == std::string_view::npos) {
      break;
    }
    const std::size_t previous_newline = text.rfind('\n', suspect);
    const std::size_t start = previous_newline == std::string_view::npos ? 0 : previous_newline + 1;
    const std::size_t newline = text.find('\n', suspect);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    m_sink.write(text.data() + written, static_cast<std::streamsize>(start - written));
    pass_on_line(text.substr(start, end - start));
    written = end;
    colons = colons < written ? text.find("::", written) : colons;
    hashes = hashes < written ? text.find("##[", written) : hashes;
    carriage_return = carriage_return < written ? text.find('\r', written) : carriage_return;
  }
  m_sink.write(text.data() + written, static_cast<std::streamsize>(text.size() - written));
}

void WorkflowCommandGuard::pass_on_line(std::string_view line) {
  if (!could_be_workflow_command(line)) {
    m_sink << line;
    return;
  }
  std::string token = m_make_token();
  while (contains_ignoring_case(line, token)) {
    token = m_make_token();
  }
  m_sink << "::stop-commands::" << token << "\n"
         << line << (line.ends_with('\n') ? "" : "\n") << "::" << token << "::\n";
}

}  // namespace spyglass::util
