#include "spyglass/util/regex.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include "spyglass/util/error.hpp"

namespace spyglass::util {

Regex::Regex(std::string_view pattern, std::string_view origin) {
  RE2::Options options;
  options.set_log_errors(false);  // the error goes into the one-line message, not to stderr
  auto compiled =
      std::make_shared<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!compiled->ok()) {
    throw Error(ExitCode::k_bad_input, fmt::format("{}: `{}` is not a regular expression: {}",
                                                   origin, pattern, compiled->error()));
  }
  m_compiled = std::move(compiled);
}

bool Regex::search(std::string_view text) const {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *m_compiled);
}

const std::string& Regex::pattern() const { return m_compiled->pattern(); }

}  // namespace spyglass::util
