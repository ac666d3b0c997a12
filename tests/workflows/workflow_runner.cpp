#include "workflows/workflow_runner.hpp"

#include <fcntl.h>
#include <fnmatch.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

#include "support/step_outputs.hpp"
#include "workflows/expressions.hpp"

namespace spyglass::test::workflows {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Env = std::map<std::string, std::string>;

[[noreturn]] void unsupported(const std::string& what) {
  throw std::runtime_error("workflow harness: " + what);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) {
    unsupported("cannot write " + path.string());
  }
}

// Every key of `node` must be in `known`, so a key the harness would ignore cannot pass.
void check_keys(const YAML::Node& node, const std::set<std::string>& known,
                const std::string& where) {
  for (const auto& entry : node) {
    const auto key = entry.first.as<std::string>();
    if (!known.contains(key)) {
      unsupported(where + ": the harness does not know '" + key + "'");
    }
  }
}

std::string scalar(const YAML::Node& node, const std::string& fallback = "") {
  return node && node.IsScalar() ? node.as<std::string>() : fallback;
}

// Start `argv` in `cwd` with exactly `env`, stdout and stderr into `log`; its exit code.
int run_process(const std::vector<std::string>& argv, const Env& env, const fs::path& cwd,
                const fs::path& log) {
  std::vector<std::string> env_lines;
  for (const auto& [name, value] : env) {
    env_lines.push_back(name + "=" + value);
  }
  std::vector<char*> argv_ptrs;
  for (const auto& arg : argv) {
    argv_ptrs.push_back(const_cast<char*>(arg.c_str()));
  }
  argv_ptrs.push_back(nullptr);
  std::vector<char*> env_ptrs;
  for (const auto& line : env_lines) {
    env_ptrs.push_back(const_cast<char*>(line.c_str()));
  }
  env_ptrs.push_back(nullptr);
  const std::string cwd_text = cwd.string();
  const std::string log_text = log.string();
  // Only async-signal-safe calls between fork and exec: the fake GitHub's threads are running.
  const pid_t pid = fork();
  if (pid < 0) {
    unsupported("fork failed");
  }
  if (pid == 0) {
    const int fd = open(log_text.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0 || chdir(cwd_text.c_str()) != 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0) {
      _exit(127);
    }
    const int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) {
      dup2(null_fd, 0);
    }
    execve(argv_ptrs[0], argv_ptrs.data(), env_ptrs.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      unsupported("waitpid failed");
    }
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string bash_path() { return "/bin/bash"; }

std::string upper_input_name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
    return c == ' ' ? '_' : static_cast<char>(std::toupper(c));
  });
  return "INPUT_" + name;
}

// One job of the expanded matrix.
struct JobPlan {
  std::string key;
  YAML::Node node;
  json matrix = json::object();
  std::string name;
};

class JobRun {
 public:
  JobRun(const JobPlan& plan, const YAML::Node& workflow, const WorkflowEvent& event,
         const std::string& run_id, const RunnerSetup& setup, const json& needs)
      : m_plan(plan), m_event(event), m_run_id(run_id), m_setup(setup) {
    m_dir = setup.scratch / ("job-" + std::to_string(s_job_count++) + "-" + plan.key);
    m_workspace = m_dir / "workspace";
    fs::create_directories(m_workspace);
    fs::create_directories(m_dir / "home");
    fs::create_directories(m_dir / "temp");
    write_file(m_dir / "event.json", event.payload.dump());
    m_context.contexts["github"] = github_context();
    m_context.contexts["matrix"] = plan.matrix;
    m_context.contexts["needs"] = needs;
    m_context.contexts["steps"] = json::object();
    m_result.runs_on = substitute(scalar(plan.node["runs-on"]), m_context);
    m_context.contexts["runner"] = {{"os", linux_job() ? "Linux" : "other"},
                                    {"temp", (m_dir / "temp").string()}};
    m_context.contexts["env"] = json::object();
    add_env(workflow["env"], m_workflow_env);
    add_env(plan.node["env"], m_job_env);
    m_result.key = plan.key;
    m_result.name = plan.name;
    m_result.workspace = m_workspace;
  }

  JobResult run() {
    int index = 0;
    for (const auto& step : m_plan.node["steps"]) {
      run_step(step, index++);
    }
    m_result.result = m_failed ? "failure" : "success";
    return m_result;
  }

  json outputs() {
    json outputs = json::object();
    for (const auto& entry : m_plan.node["outputs"]) {
      outputs[entry.first.as<std::string>()] =
          substitute(entry.second.as<std::string>(), m_context);
    }
    return outputs;
  }

 private:
  json github_context() const {
    return {{"event", m_event.payload},
            {"event_name", m_event.name},
            {"token", m_setup.token},
            {"repository", m_setup.repository},
            {"repository_owner", m_setup.repository.substr(0, m_setup.repository.find('/'))},
            {"sha", m_event.sha},
            {"run_id", m_run_id},
            {"workspace", m_workspace.string()},
            {"api_url", m_setup.api_url},
            {"server_url", "https://github.com"}};
  }

  // GitHub's Linux images, or a self-hosted runner labelled linux.
  bool linux_job() const {
    return m_result.runs_on.find("ubuntu") != std::string::npos ||
           m_result.runs_on.find("linux") != std::string::npos;
  }

  void add_env(const YAML::Node& node, Env& into) {
    for (const auto& entry : node) {
      into[entry.first.as<std::string>()] = substitute(entry.second.as<std::string>(), m_context);
    }
    refresh_env_context();
  }

  void refresh_env_context(const Env& step_env = {}) {
    json env = json::object();
    for (const Env* layer :
         std::initializer_list<const Env*>{&m_workflow_env, &m_job_env, &m_github_env, &step_env}) {
      for (const auto& [name, value] : *layer) {
        env[name] = value;
      }
    }
    m_context.contexts["env"] = env;
  }

  // What the runner gives every step's process: its own variables, then the workflow's, the
  // job's, GITHUB_ENV's and the step's.
  Env process_env(const Env& step_env, const fs::path& step_dir) const {
    std::string path = m_setup.tools_bin.string() + ":/usr/local/bin:/usr/bin:/bin";
    for (const auto& entry : m_path_prefixes) {
      path = entry + ":" + path;
    }
    Env env = {
        {"PATH", path},
        {"HOME", (m_dir / "home").string()},
        {"LANG", "C.UTF-8"},
        {"CI", "true"},
        {"GITHUB_ACTIONS", "true"},
        {"GITHUB_REPOSITORY", m_setup.repository},
        {"GITHUB_EVENT_NAME", m_event.name},
        {"GITHUB_EVENT_PATH", (m_dir / "event.json").string()},
        {"GITHUB_SHA", m_event.sha},
        {"GITHUB_RUN_ID", m_run_id},
        {"GITHUB_RUN_ATTEMPT", "1"},
        {"GITHUB_WORKSPACE", m_workspace.string()},
        {"GITHUB_API_URL", m_setup.api_url},
        {"GITHUB_GRAPHQL_URL", m_setup.graphql_url},
        {"GITHUB_SERVER_URL", "https://github.com"},
        {"GITHUB_ENV", (step_dir / "env").string()},
        {"GITHUB_OUTPUT", (step_dir / "output").string()},
        {"GITHUB_PATH", (step_dir / "path").string()},
        {"GITHUB_STEP_SUMMARY", (step_dir / "summary.md").string()},
        {"RUNNER_TEMP", (m_dir / "temp").string()},
        {"RUNNER_OS", linux_job() ? "Linux" : "macOS"},
    };
    for (const Env* layer :
         std::initializer_list<const Env*>{&m_workflow_env, &m_job_env, &m_github_env, &step_env}) {
      for (const auto& [name, value] : *layer) {
        env[name] = value;
      }
    }
    return env;
  }

  void run_step(const YAML::Node& step, int index) {
    check_keys(step,
               {"name", "id", "if", "run", "uses", "with", "env", "continue-on-error",
                "working-directory", "timeout-minutes"},
               m_plan.name + " step " + std::to_string(index));
    StepResult result;
    result.id = scalar(step["id"]);
    const std::string uses = scalar(step["uses"]);
    refresh_env_context();
    result.name = substitute(scalar(step["name"], uses.empty() ? "run" : uses), m_context);
    m_context.failed_before = m_failed;
    if (!condition_holds(scalar(step["if"]), m_context)) {
      result.outcome = "skipped";
      record(result, step);
      return;
    }
    Env step_env;
    for (const auto& entry : step["env"]) {
      step_env[entry.first.as<std::string>()] =
          substitute(entry.second.as<std::string>(), m_context);
    }
    refresh_env_context(step_env);
    const fs::path step_dir = m_dir / ("step-" + std::to_string(index));
    fs::create_directories(step_dir);
    for (const char* file : {"env", "output", "path", "summary.md"}) {
      write_file(step_dir / file, "");
    }
    const fs::path log = step_dir / "log";
    write_file(log, "");
    Env env = process_env(step_env, step_dir);
    if (step["run"]) {
      const fs::path script = step_dir / "script.sh";
      write_file(script, substitute(step["run"].as<std::string>(), m_context));
      const fs::path cwd = m_workspace / substitute(scalar(step["working-directory"]), m_context);
      result.exit_code =
          run_process({bash_path(), "--noprofile", "--norc", "-eo", "pipefail", script.string()},
                      env, cwd, log);
    } else if (!uses.empty()) {
      result.exit_code = run_action(uses, step["with"], env, step_dir, log);
    } else {
      unsupported(result.name + ": a step needs run or uses");
    }
    result.log = read_file(log);
    result.outcome = result.exit_code == 0 ? "success" : "failure";
    result.outputs = parse_outputs(read_file(step_dir / "output"));
    for (const auto& [name, value] : parse_outputs(read_file(step_dir / "env"))) {
      m_github_env[name] = value;
    }
    std::ifstream paths(step_dir / "path");
    for (std::string line; std::getline(paths, line);) {
      if (!line.empty()) {
        m_path_prefixes.push_back(line);
      }
    }
    if (result.outcome == "failure" && scalar(step["continue-on-error"]) != "true") {
      m_failed = true;
    }
    record(result, step);
  }

  void record(const StepResult& result, const YAML::Node& step) {
    if (!result.id.empty()) {
      json outputs = json::object();
      for (const auto& [name, value] : result.outputs) {
        outputs[name] = value;
      }
      if (result.outcome != "success") {
        m_context.empty_when_missing.insert("steps." + result.id + ".outputs");
      }
      const bool continued = scalar(step["continue-on-error"]) == "true";
      m_context.contexts["steps"][result.id] = {
          {"outputs", outputs},
          {"outcome", result.outcome},
          {"conclusion", continued && result.outcome == "failure" ? "success" : result.outcome}};
    }
    m_result.steps.push_back(result);
  }

  // The `with:` inputs of a step, evaluated; each must be one of `known`.
  std::map<std::string, std::string> inputs(const YAML::Node& with,
                                            const std::set<std::string>& known,
                                            const std::string& action) const {
    std::map<std::string, std::string> values;
    for (const auto& entry : with) {
      const auto name = entry.first.as<std::string>();
      if (!known.contains(name)) {
        unsupported(action + ": the harness does not know the input '" + name + "'");
      }
      values[name] = substitute(entry.second.as<std::string>(), m_context);
    }
    return values;
  }

  int run_action(const std::string& uses, const YAML::Node& with, const Env& env,
                 const fs::path& step_dir, const fs::path& log) {
    const std::string action = uses.substr(0, uses.find('@'));
    if (action == "actions/checkout") {
      return checkout(inputs(with, {"ref", "fetch-depth"}, action), env, step_dir, log);
    }
    if (action == "actions/setup-python") {
      inputs(with, {"python-version"}, action);
      return 0;
    }
    if (action == "actions/upload-artifact") {
      return upload(inputs(with, {"name", "path", "retention-days", "if-no-files-found"}, action),
                    log);
    }
    if (action == "actions/download-artifact") {
      return download(
          inputs(with, {"name", "pattern", "path", "merge-multiple", "run-id", "github-token"},
                 action),
          log);
    }
    if (uses == "./" || action.ends_with("/spyglass")) {
      return docker_action(with, env, log);
    }
    unsupported("the harness does not know the action " + uses);
  }

  int checkout(const std::map<std::string, std::string>& with, const Env& env,
               const fs::path& step_dir, const fs::path& log) {
    const std::string ref = with.contains("ref") ? with.at("ref") : m_event.sha;
    const std::string depth = with.contains("fetch-depth") ? with.at("fetch-depth") : "1";
    if (ref.empty() || depth.find_first_not_of("0123456789") != std::string::npos) {
      unsupported("actions/checkout: ref '" + ref + "', fetch-depth '" + depth + "'");
    }
    // As actions/checkout does: an empty repository fetching from the origin, every branch and
    // tag with fetch-depth 0, else only `ref` that deep; then `ref` checked out detached.
    const std::string origin = "file://" + m_setup.origin.string();
    std::string script = "git init -q .\n";
    if (depth == "0") {
      script += "git fetch -q --no-tags '" + origin +
                "' '+refs/heads/*:refs/remotes/origin/*' '+refs/tags/*:refs/tags/*'\n"
                "git checkout -q --detach '" +
                ref + "'\n";
    } else {
      script += "git fetch -q --no-tags --depth=" + depth + " '" + origin + "' '" + ref +
                "'\ngit checkout -q --detach FETCH_HEAD\n";
    }
    const fs::path script_file = step_dir / "checkout.sh";
    write_file(script_file, script);
    Env git_env = env;
    git_env["GIT_CONFIG_NOSYSTEM"] = "1";
    git_env["GIT_CONFIG_GLOBAL"] = "/dev/null";
    return run_process({bash_path(), "-eo", "pipefail", script_file.string()}, git_env, m_workspace,
                       log);
  }

  static void append_log(const fs::path& log, const std::string& line) {
    std::ofstream(log, std::ios::app) << line << "\n";
  }

  int upload(const std::map<std::string, std::string>& with, const fs::path& log) const {
    const std::string name = with.contains("name") ? with.at("name") : "artifact";
    std::string relative = with.contains("path") ? with.at("path") : "";
    while (!relative.empty() && std::isspace(static_cast<unsigned char>(relative.back())) != 0) {
      relative.pop_back();
    }
    if (relative.empty() || relative.find('\n') != std::string::npos) {
      unsupported("actions/upload-artifact: the harness takes one path");
    }
    const fs::path source = m_workspace / relative;
    const fs::path target = m_setup.artifacts / m_run_id / name;
    if (fs::exists(target)) {
      append_log(log, "::error::an artifact named " + name + " already exists in this run");
      return 1;
    }
    if (!fs::exists(source)) {
      const std::string missing =
          with.contains("if-no-files-found") ? with.at("if-no-files-found") : "warn";
      append_log(log, "::" + std::string(missing == "error" ? "error" : "warning") +
                          "::No files were found with the provided path: " + relative);
      return missing == "error" ? 1 : 0;
    }
    fs::create_directories(target);
    if (fs::is_directory(source)) {
      fs::copy(source, target, fs::copy_options::recursive);
    } else {
      fs::copy(source, target / source.filename());
    }
    return 0;
  }

  int download(const std::map<std::string, std::string>& with, const fs::path& log) const {
    const std::string run = with.contains("run-id") ? with.at("run-id") : m_run_id;
    const fs::path store = m_setup.artifacts / run;
    const fs::path path = m_workspace / (with.contains("path") ? with.at("path") : "");
    if (with.contains("name")) {
      const fs::path source = store / with.at("name");
      if (!fs::is_directory(source)) {
        append_log(log, "::error::Artifact not found: " + with.at("name") + " of run " + run);
        return 1;
      }
      fs::create_directories(path);
      fs::copy(source, path, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
      return 0;
    }
    const std::string pattern = with.contains("pattern") ? with.at("pattern") : "*";
    const bool merge = with.contains("merge-multiple") && with.at("merge-multiple") == "true";
    fs::create_directories(path);
    if (fs::is_directory(store)) {
      for (const auto& artifact : fs::directory_iterator(store)) {
        const std::string name = artifact.path().filename().string();
        if (fnmatch(pattern.c_str(), name.c_str(), 0) == 0) {
          const fs::path into = merge ? path : path / name;
          fs::create_directories(into);
          fs::copy(artifact.path(), into,
                   fs::copy_options::recursive | fs::copy_options::overwrite_existing);
        }
      }
    }
    return 0;
  }

  int docker_action(const YAML::Node& with, const Env& env, const fs::path& log) {
    const YAML::Node action = YAML::LoadFile((m_setup.action_dir / "action.yml").string());
    if (scalar(action["runs"]["using"]) != "docker") {
      unsupported("the action under test is not a docker action");
    }
    if (!linux_job()) {
      append_log(log, "##[error]Container action is only supported on Linux");
      return 1;
    }
    std::set<std::string> known;
    for (const auto& input : action["inputs"]) {
      known.insert(input.first.as<std::string>());
    }
    const auto given = inputs(with, known, "the action");
    Env container_env = env;
    for (const auto& input : action["inputs"]) {
      const auto name = input.first.as<std::string>();
      container_env[upper_input_name(name)] =
          given.contains(name) ? given.at(name)
                               : substitute(scalar(input.second["default"]), m_context);
    }
    std::vector<std::string> argv = {m_setup.action_binary.string()};
    for (const auto& arg : action["runs"]["args"]) {
      argv.push_back(substitute(arg.as<std::string>(), m_context));
    }
    return run_process(argv, container_env, m_workspace, log);
  }

  static inline int s_job_count = 0;
  const JobPlan& m_plan;
  const WorkflowEvent& m_event;
  const std::string& m_run_id;
  const RunnerSetup& m_setup;
  fs::path m_dir;
  fs::path m_workspace;
  ExpressionContext m_context;
  Env m_workflow_env;
  Env m_job_env;
  Env m_github_env;
  std::vector<std::string> m_path_prefixes;
  bool m_failed = false;
  JobResult m_result;
};

// The matrix's combinations, in the order of its keys and values.
std::vector<json> expand_matrix(const YAML::Node& strategy, const std::string& job) {
  std::vector<json> combinations = {json::object()};
  if (!strategy) {
    return combinations;
  }
  check_keys(strategy, {"matrix", "fail-fast"}, job + ".strategy");
  for (const auto& entry : strategy["matrix"]) {
    const auto key = entry.first.as<std::string>();
    if (key == "include" || key == "exclude" || !entry.second.IsSequence()) {
      unsupported(job + ": the harness expands matrices of lists only");
    }
    std::vector<json> next;
    for (const auto& combination : combinations) {
      for (const auto& value : entry.second) {
        json extended = combination;
        extended[key] = value.as<std::string>();
        next.push_back(extended);
      }
    }
    combinations = next;
  }
  return combinations;
}

std::vector<std::string> needs_of(const YAML::Node& job) {
  std::vector<std::string> needs;
  if (job["needs"] && job["needs"].IsScalar()) {
    needs.push_back(job["needs"].as<std::string>());
  } else {
    for (const auto& need : job["needs"]) {
      needs.push_back(need.as<std::string>());
    }
  }
  return needs;
}

}  // namespace

const StepResult& JobResult::step(const std::string& id_or_name) const {
  for (const auto& step : steps) {
    if (step.id == id_or_name) {
      return step;
    }
  }
  for (const auto& step : steps) {
    if (step.name == id_or_name) {
      return step;
    }
  }
  throw std::runtime_error("job " + name + " has no step " + id_or_name);
}

const JobResult& WorkflowResult::job(const std::string& name) const {
  for (const auto& job : jobs) {
    if (job.name == name) {
      return job;
    }
  }
  throw std::runtime_error("the workflow ran no job " + name);
}

std::string workflow_name(const fs::path& workflow_file) {
  return scalar(YAML::LoadFile(workflow_file.string())["name"]);
}

std::vector<std::string> workflow_events(const fs::path& workflow_file) {
  const YAML::Node on = YAML::LoadFile(workflow_file.string())["on"];
  std::vector<std::string> events;
  if (on.IsScalar()) {
    events.push_back(on.as<std::string>());
  } else if (on.IsSequence()) {
    for (const auto& event : on) {
      events.push_back(event.as<std::string>());
    }
  } else {
    for (const auto& entry : on) {
      events.push_back(entry.first.as<std::string>());
    }
  }
  return events;
}

WorkflowResult run_workflow(const fs::path& workflow_file, const WorkflowEvent& event,
                            const std::string& run_id, const RunnerSetup& setup) {
  const YAML::Node workflow = YAML::LoadFile(workflow_file.string());
  check_keys(workflow, {"name", "on", "permissions", "env", "jobs", "concurrency"},
             workflow_file.filename().string());
  const auto events = workflow_events(workflow_file);
  if (std::find(events.begin(), events.end(), event.name) == events.end()) {
    unsupported(workflow_file.filename().string() + " does not run on " + event.name);
  }
  WorkflowResult result;
  result.workflow_name = scalar(workflow["name"]);
  json needs_context = json::object();
  std::set<std::string> done;
  std::vector<std::string> keys;
  for (const auto& entry : workflow["jobs"]) {
    keys.push_back(entry.first.as<std::string>());
  }
  while (done.size() < keys.size()) {
    bool progressed = false;
    for (const auto& key : keys) {
      const YAML::Node job = workflow["jobs"][key];
      const auto needs = needs_of(job);
      if (done.contains(key) || !std::all_of(needs.begin(), needs.end(),
                                             [&](const auto& n) { return done.contains(n); })) {
        continue;
      }
      check_keys(job,
                 {"name", "runs-on", "needs", "if", "strategy", "env", "steps", "permissions",
                  "outputs", "timeout-minutes"},
                 key);
      ExpressionContext job_context;
      job_context.contexts["github"] = {{"event", event.payload}, {"event_name", event.name}};
      job_context.contexts["needs"] = json::object();
      for (const auto& need : needs) {
        job_context.contexts["needs"][need] = needs_context.at(need);
        job_context.failed_before |= needs_context.at(need).at("result") != "success";
      }
      const bool runs = condition_holds(scalar(job["if"]), job_context);
      const bool fail_fast =
          !job["strategy"] || scalar(job["strategy"]["fail-fast"], "true") == "true";
      std::string job_result = runs ? "success" : "skipped";
      json job_outputs = json::object();
      bool cancel_rest = false;
      for (const auto& matrix : expand_matrix(job["strategy"], key)) {
        JobPlan plan{key, job, matrix, key};
        if (!matrix.empty()) {
          std::string values;
          for (const auto& [name, value] : matrix.items()) {
            values += (values.empty() ? "" : ", ") + value.get<std::string>();
          }
          plan.name += " (" + values + ")";
        }
        if (!runs || cancel_rest) {
          result.jobs.push_back({key, plan.name, "", runs ? "cancelled" : "skipped", {}, {}});
          continue;
        }
        JobRun run(plan, workflow, event, run_id, setup, job_context.contexts["needs"]);
        result.jobs.push_back(run.run());
        job_outputs.update(run.outputs());
        if (result.jobs.back().result == "failure") {
          job_result = "failure";
          cancel_rest = fail_fast;
        }
      }
      needs_context[key] = {{"result", job_result}, {"outputs", job_outputs}};
      done.insert(key);
      progressed = true;
    }
    if (!progressed) {
      unsupported("the jobs' needs form a cycle or name a job that does not exist");
    }
  }
  return result;
}

}  // namespace spyglass::test::workflows
