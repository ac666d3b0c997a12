#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace spyglass::util {

// Read access to environment variables, injected so tests never see the host's environment.
class Env {
 public:
  virtual ~Env() = default;
  // The variable's value; nullopt when unset. An empty value counts as unset, as the GitHub
  // runner sets optional inputs to "".
  virtual std::optional<std::string> get(std::string_view name) const = 0;
};

// The process environment.
class ProcessEnv final : public Env {
 public:
  std::optional<std::string> get(std::string_view name) const override;
};

// A fixed set of variables, for tests and for an empty environment.
class MapEnv final : public Env {
 public:
  MapEnv() = default;
  explicit MapEnv(std::map<std::string, std::string, std::less<>> vars) : m_vars(std::move(vars)) {}

  std::optional<std::string> get(std::string_view name) const override {
    auto it = m_vars.find(name);
    if (it == m_vars.end() || it->second.empty()) {
      return std::nullopt;
    }
    return it->second;
  }

 private:
  std::map<std::string, std::string, std::less<>> m_vars;
};

}  // namespace spyglass::util
