#include "spyglass/util/io.hpp"

#include "spyglass/util/workflow_commands.hpp"

namespace spyglass::util {

void Io::write_command(std::string_view command) const {
  if (out_guard != nullptr) {
    out_guard->write_command(command);
  } else {
    out << command;
  }
}

void Io::add_secret(const std::string& secret) const {
  for (auto* guard : {out_guard, err_guard}) {
    if (guard != nullptr) {
      guard->add_secret(secret);
    }
  }
}

std::string Io::redacted(std::string_view text) const {
  return out_guard != nullptr ? out_guard->redacted(text) : std::string(text);
}

}  // namespace spyglass::util
