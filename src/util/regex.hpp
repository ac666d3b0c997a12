#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace spyglass::util {

// A regular expression a user wrote (a flag, an action input, the config file), matched against
// benchmark names a fork controls. RE2 (Debian's libre2) matches in time linear in the name and
// never recurses per character; std::regex backtracks (a pattern like `(a*)*b` takes exponential
// time on a long name) and can overflow the stack on long inputs.
class Regex {
 public:
  // Throws Error(k_bad_input) "`origin`: `pattern` is not a regular expression: why" when RE2
  // refuses the pattern; `origin` names where it came from (`--bench`, `.spyglass.toml:3`).
  Regex(std::string_view pattern, std::string_view origin);

  // True when the pattern matches anywhere in `text` (Python's re.search, asv's `-b`).
  bool search(std::string_view text) const;

  const std::string& pattern() const;

 private:
  std::shared_ptr<const re2::RE2> m_compiled;  // shared: a Regex is copied into options structs
};

}  // namespace spyglass::util
