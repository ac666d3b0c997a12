#pragma once

// The GitHub Actions runner reads lines of a step's stdout and stderr as workflow commands: a line
// that starts with `::` once leading white space is trimmed (`::error::…`, `::add-mask::…`), and
// the older form, `##[command]…` anywhere in a line. Lines end at LF, CR or CRLF. spyglass prints
// text that came from input files a fork controls (benchmark names, table cells, keys in error
// messages), so each line that the runner could read as a command is framed with the runner's own
// off switch, `::stop-commands::<token>` before it and `::<token>::` after it: the runner prints
// it and obeys nothing in it. The token is random, so the framed text cannot end the frame early.
// Written by hand: no Debian package knows the runner's command syntax.

#include <functional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace spyglass::util {

// Whether the runner could read `line` (one line, its ending optional) as a workflow command.
// Errs towards yes: any byte that is not printable ASCII counts as the white space the runner
// trims.
bool could_be_workflow_command(std::string_view line);

// A random token for `::stop-commands::`: 32 hexadecimal digits from std::random_device.
std::string random_stop_token();

// A stream buffer in front of stdout or stderr that frames every line the runner could read as a
// command (see above) and replaces every known secret with util::k_redacted_secret, the last guard
// before anything is printed. Lines are passed on as they end; the unended rest when the guard is
// destroyed. spyglass's own workflow commands (annotations) go through write_command.
class WorkflowCommandGuard final : public std::streambuf {
 public:
  using MakeToken = std::function<std::string()>;

  explicit WorkflowCommandGuard(std::ostream& sink, MakeToken make_token = random_stop_token);
  ~WorkflowCommandGuard() override;

  WorkflowCommandGuard(const WorkflowCommandGuard&) = delete;
  WorkflowCommandGuard& operator=(const WorkflowCommandGuard&) = delete;

  // Redact `secret` (and its prefixes, see util::redact_secret) from every line from now on.
  void add_secret(std::string secret);

  // Write `command`, a workflow command of spyglass's own that the runner must obey, after every
  // line written before it; an unended line is ended first.
  void write_command(std::string_view command);

  // `text` with every known secret redacted.
  std::string redacted(std::string_view text) const;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int sync() override;

 private:
  // Pass on `text` (whole lines, but for an unended last one), redacted, framing each line that
  // could be a command.
  void pass_on_redacted(std::string_view text);
  void pass_on(std::string_view text);
  void pass_on_line(std::string_view line);
  void emit_pending();

  std::ostream& m_sink;
  MakeToken m_make_token;
  std::vector<std::string> m_secrets;
  std::string m_pending;  // the line being written, not yet ended
};

}  // namespace spyglass::util
