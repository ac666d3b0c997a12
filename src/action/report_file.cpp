#include "spyglass/action/report_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <vector>

#include "spyglass/action/outputs.hpp"

namespace spyglass::action {
namespace {

// Whether `path` could be written whole.
bool try_write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.flush();
  return static_cast<bool>(out);
}

}  // namespace

// Where a container action can write, from the runner's source (actions/runner,
// src/Runner.Worker/Handlers/ContainerActionHandler.cs): every runner mounts the job's temp
// directory's `_github_home` at /github/home (and sets HOME to it), `_github_workflow` at
// /github/workflow, `_runner_file_commands` at /github/file_commands and the workspace at
// /github/workspace. RUNNER_TEMP itself comes from the runner context untranslated, as the host
// path; only runners with actions/runner#4011 (2025, behind a feature flag until #4163) mount
// it at /github/runner_temp and translate the variable. On GitHub Enterprise Server and older
// self-hosted runners it names a directory that does not exist in the container
// (actions/runner#1984). HOME is the fallback because every runner mounts it, outside the
// checkout, and a later step on the host finds it at `${{ runner.temp }}/_github_home`; TMPDIR
// or /tmp (the image has one) is the last resort, readable by this step only.
std::optional<std::string> write_runner_report(const std::string& file_name,
                                               const std::string& text, bool fall_back,
                                               const util::Io& io) {
  const auto& env = io.environment();
  const auto runner_temp = env.get("RUNNER_TEMP");
  if (!fall_back && !runner_temp) {
    return std::nullopt;
  }
  struct Place {
    std::string directory;
    std::string name;
  };
  std::vector<Place> places;
  if (runner_temp && !runner_temp->empty()) {
    places.push_back({*runner_temp, "RUNNER_TEMP"});
  }
  if (fall_back) {
    if (const auto home = env.get("HOME"); home && !home->empty()) {
      places.push_back({*home, "HOME"});
    }
    const auto tmpdir = env.get("TMPDIR");
    places.push_back({tmpdir && !tmpdir->empty() ? *tmpdir : "/tmp", "TMPDIR"});
  }
  const std::string why =
      !runner_temp || runner_temp->empty()
          ? "RUNNER_TEMP is not set"
          : fmt::format("RUNNER_TEMP ({}) is not a writable directory in the container",
                        io.redacted(*runner_temp));
  for (const auto& place : places) {
    const auto path = fmt::format("{}/{}", place.directory, file_name);
    if (!try_write(path, text)) {
      continue;
    }
    if (place.name != "RUNNER_TEMP") {
      io.write_command(annotation(
          "warning", "spyglass",
          fmt::format("{} (the runner does not mount it into container actions): body-path is {}",
                      why, io.redacted(path))));
    }
    return path;
  }
  io.write_command(annotation("warning", "spyglass",
                              fmt::format("{}{}: no report file was written (body-path is empty)",
                                          why, fall_back ? ", nor are HOME and TMPDIR" : "")));
  return std::nullopt;
}

}  // namespace spyglass::action
