// libFuzzer target for `spyglass action` as the runner starts it: the action's INPUT_* values and
// the event payload together, with the base and PR result files. The API is a closed port on this
// machine (connection refused at once) and the clock never sleeps, so posting fails fast.
// Besides ending in an exit code spyglass documents (never 4, "a bug"), every run must print
// nothing the Actions runner would obey but spyglass's own annotations, and never the token; and
// $GITHUB_OUTPUT, read as the runner reads it, must set only outputs action.yml declares, each
// once, without the token.
//
// Input layout: four parts separated by the line `--8<--` (the bytes `\n--8<--\n`):
//   1. action inputs, one `name=value` per line (`post-comment=false`), `\n`, `\r`, `\t` and `\\`
//      escapes allowed in values; each becomes INPUT_<NAME> as the runner sets it
//   2. the event payload (GITHUB_EVENT_PATH), for GITHUB_EVENT_NAME=pull_request
//   3. the base result file (INPUT_BASE-FILE unless part 1 names another)
//   4. the PR result file (INPUT_PR-FILE unless part 1 names another)

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "invariants.hpp"
#include "spyglass/cli/cli.hpp"
#include "spyglass/util/env.hpp"
#include "support/fake_clock.hpp"
#include "support/runner_commands.hpp"

namespace {

constexpr std::string_view k_separator = "\n--8<--\n";
constexpr std::string_view k_token = "ghs_fuzzSecretToken0123456789abcdef";

std::vector<std::string_view> split_parts(std::string_view input) {
  std::vector<std::string_view> parts;
  while (parts.size() < 3) {
    const auto at = input.find(k_separator);
    if (at == std::string_view::npos) {
      break;
    }
    parts.push_back(input.substr(0, at));
    input.remove_prefix(at + k_separator.size());
  }
  parts.push_back(input);
  parts.resize(4);
  return parts;
}

std::string unescape(std::string_view value) {
  std::string text;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\' || i + 1 == value.size()) {
      text += value[i];
      continue;
    }
    const char next = value[++i];
    text += next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next;
  }
  return text;
}

const std::filesystem::path& work_dir() {
  static const std::filesystem::path k_dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "spyglass-fuzz-XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) {
      std::abort();
    }
    return std::filesystem::path(pattern);
  }();
  return k_dir;
}

std::string write(const std::string& name, std::string_view text) {
  const auto path = (work_dir() / name).string();
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return path;
}

void check(bool holds, const char* what, const std::string& output) {
  spyglass::fuzz::require(holds, what, output);
}

// The outputs action.yml declares: the names indented two spaces under its `outputs:` line, read
// from the source tree so that a new output needs no edit here.
const std::set<std::string, std::less<>>& declared_outputs() {
  static const auto k_outputs = [] {
    std::ifstream file(std::string(SPYGLASS_SOURCE_DIR) + "/action.yml");
    std::set<std::string, std::less<>> names;
    bool in_outputs = false;
    for (std::string line; std::getline(file, line);) {
      if (!line.empty() && line[0] != ' ') {
        in_outputs = line == "outputs:";
      } else if (in_outputs && line.starts_with("  ") && line.size() > 3 && line[2] != ' ' &&
                 line.ends_with(":")) {
        names.insert(line.substr(2, line.size() - 3));
      }
    }
    if (names.empty()) {
      std::abort();  // action.yml not found or reshaped: every run would fail the check below
    }
    return names;
  }();
  return k_outputs;
}

// $GITHUB_OUTPUT as the runner reads it: `name=value` lines, or `name<<DELIM`, the value's lines
// and a line `DELIM`. Each name is a declared output, set once; an unclosed value is refused.
void check_outputs(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  std::set<std::string, std::less<>> seen;
  std::string_view rest = text;
  while (!rest.empty()) {
    const auto end = std::min(rest.find('\n'), rest.size());
    const auto line = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    const auto heredoc = line.find("<<");
    const auto equals = line.find('=');
    const bool is_heredoc = heredoc != std::string_view::npos && heredoc < equals;
    const auto name = line.substr(0, is_heredoc ? heredoc : equals);
    check(equals != std::string_view::npos || is_heredoc, "an output line sets an output", text);
    check(declared_outputs().contains(name), "only declared outputs are set", text);
    check(seen.insert(std::string(name)).second, "each output is set once", text);
    if (is_heredoc) {
      const auto delimiter = std::string(line.substr(heredoc + 2)) + "\n";
      const auto close = ("\n" + std::string(rest)).find("\n" + delimiter);
      check(close != std::string::npos, "a multi-line output is closed", text);
      rest.remove_prefix(std::min(close + delimiter.size(), rest.size()));
    }
  }
  check(text.find(k_token.substr(0, 12)) == std::string::npos, "outputs never hold the token",
        text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parts = split_parts(std::string_view(reinterpret_cast<const char*>(data), size));
  std::map<std::string, std::string, std::less<>> env{
      {"INPUT_GITHUB-TOKEN", std::string(k_token)},
      {"INPUT_BASE-FILE", write("base.json", parts[2])},
      {"INPUT_PR-FILE", write("pr.json", parts[3])},
      {"GITHUB_ACTIONS", "true"},
      {"GITHUB_API_URL", "http://127.0.0.1:1"},
      {"GITHUB_GRAPHQL_URL", "http://127.0.0.1:1/graphql"},
      {"GITHUB_REPOSITORY", "octo/widgets"},
      {"GITHUB_EVENT_NAME", "pull_request"},
      {"GITHUB_EVENT_PATH", write("event.json", parts[1])},
      {"GITHUB_OUTPUT", write("output", "")},
      {"GITHUB_STEP_SUMMARY", write("summary.md", "")},
      {"RUNNER_TEMP", work_dir().string()}};
  std::string_view inputs = parts[0];
  while (!inputs.empty()) {
    const auto end = std::min(inputs.find('\n'), inputs.size());
    const auto line = inputs.substr(0, end);
    inputs.remove_prefix(std::min(end + 1, inputs.size()));
    const auto equals = line.find('=');
    if (equals == std::string_view::npos || equals == 0) {
      continue;
    }
    std::string name = "INPUT_";
    for (const char c : line.substr(0, equals)) {
      name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    env[name] = unescape(line.substr(equals + 1));
  }

  const spyglass::util::MapEnv map_env(env);
  spyglass::test::FakeClock clock;
  std::ostringstream out;
  std::ostringstream err;
  std::istringstream in;
  spyglass::util::Io io{out, err, &in, &map_env, &clock};
  const char* argv[] = {"spyglass", "action"};
  const int code = spyglass::cli::run(2, argv, io);

  const std::string printed = out.str() + err.str();
  check(code >= 0 && code <= 3, "the exit code is one spyglass documents, not 4", printed);
  // spyglass's own annotations are `::warning title=…` and `::error title=…`; their titles may
  // be redacted when the fuzzed token shares their letters.
  for (const auto& command : spyglass::test::commands_the_runner_obeys(out.str())) {
    check(command.starts_with("::warning title=") || command.starts_with("::error title="),
          "stdout obeys only spyglass's own annotations", printed);
  }
  check(spyglass::test::commands_the_runner_obeys(err.str()).empty(), "stderr obeys nothing",
        printed);
  check(printed.find(k_token.substr(0, 12)) == std::string::npos, "the token is never printed",
        printed);
  check_outputs(env.at("GITHUB_OUTPUT"));
  return 0;
}
