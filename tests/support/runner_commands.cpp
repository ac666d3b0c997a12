#include "support/runner_commands.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace spyglass::test {
namespace {

// The commands the runner has registered (set-env and add-path are refused, but still parsed).
constexpr std::array<std::string_view, 15> k_registered = {
    "add-mask",   "add-matcher", "add-path",   "debug",   "echo",
    "endgroup",   "error",       "group",      "notice",  "remove-matcher",
    "save-state", "set-env",     "set-output", "warning", "stop-commands"};

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

// The length of the .NET white space character `text` starts with; 0 when it starts with none.
std::size_t white_space_length(std::string_view text) {
  static constexpr std::array<std::string_view, 18> k_unicode_spaces = {
      "\xc2\x85",     "\xc2\xa0",     "\xe1\x9a\x80", "\xe2\x80\x80", "\xe2\x80\x81",
      "\xe2\x80\x82", "\xe2\x80\x83", "\xe2\x80\x84", "\xe2\x80\x85", "\xe2\x80\x86",
      "\xe2\x80\x87", "\xe2\x80\x88", "\xe2\x80\x89", "\xe2\x80\x8a", "\xe2\x80\xa8",
      "\xe2\x80\xa9", "\xe2\x80\xaf", "\xe3\x80\x80"};
  if (!text.empty() && (text[0] == ' ' || (text[0] >= '\t' && text[0] <= '\r'))) {
    return 1;
  }
  for (const auto space : k_unicode_spaces) {
    if (text.starts_with(space)) {
      return space.size();
    }
  }
  if (text.starts_with("\xe2\x81\x9f")) {  // U+205F
    return 3;
  }
  return 0;
}

// The command name a line carries, if the runner would parse one (either syntax).
std::optional<std::string> command_name(std::string_view line,
                                        const std::vector<std::string>& registered) {
  auto is_registered = [&](std::string_view name) {
    return std::find(registered.begin(), registered.end(), lower(name)) != registered.end();
  };
  std::string_view trimmed = line;
  while (const auto length = white_space_length(trimmed)) {
    trimmed.remove_prefix(length);
  }
  if (trimmed.starts_with("::")) {
    const auto end = trimmed.find("::", 2);
    if (end != std::string_view::npos) {
      const auto info = trimmed.substr(2, end - 2);
      const auto name = info.substr(0, info.find(' '));
      if (is_registered(name)) {
        return std::string(name);
      }
    }
  }
  const auto prefix = line.find("##[");
  if (prefix != std::string_view::npos) {
    const auto bracket = line.find(']', prefix);
    if (bracket != std::string_view::npos) {
      const auto info = line.substr(prefix + 3, bracket - prefix - 3);
      const auto name = info.substr(0, info.find(' '));
      if (is_registered(name)) {
        return std::string(name);
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> commands_the_runner_obeys(std::string_view output) {
  std::vector<std::string> registered(k_registered.begin(), k_registered.end());
  std::optional<std::string> stop_token;
  std::vector<std::string> obeyed;
  std::size_t start = 0;
  while (start < output.size()) {
    const auto end = std::min(output.find_first_of("\r\n", start), output.size());
    const auto line = output.substr(start, end - start);
    start = end + (output.substr(end).starts_with("\r\n") ? 2 : 1);
    const auto name = command_name(line, registered);
    if (!name) {
      continue;
    }
    if (stop_token) {
      if (lower(*name) == lower(*stop_token)) {
        registered.erase(std::find(registered.begin(), registered.end(), lower(*stop_token)));
        stop_token.reset();
      }
      continue;
    }
    if (lower(*name) == "stop-commands") {
      // The token is the data: after the second `::`, or after `]` in the older syntax.
      const auto v2 = line.find("::");
      const auto data_at = v2 != std::string_view::npos ? line.find("::", v2 + 2) + 2
                                                        : line.find(']', line.find("##[")) + 1;
      stop_token = std::string(line.substr(data_at));
      registered.push_back(lower(*stop_token));
      continue;
    }
    obeyed.emplace_back(line);
  }
  return obeyed;
}

}  // namespace spyglass::test
