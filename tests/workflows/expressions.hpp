#pragma once

// The `${{ … }}` expressions of GitHub Actions, evaluated strictly for the workflow harness: the
// contexts are one JSON object ({github, env, matrix, steps, needs, …}); a context, property or
// function the harness does not know throws std::runtime_error, which fails the test,
// where the runner would silently give an empty string. Supported: property paths (`a.b.c-d`),
// 'strings' ('' escapes a quote), numbers, true/false/null, `==`, `!=` (strings compared without
// regard to case, as the runner does), `!`, `&&`, `||`, parentheses and the status functions
// always(), success() and failure().

#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace spyglass::test::workflows {

struct ExpressionContext {
  nlohmann::json contexts = nlohmann::json::object();  // github, env, matrix, steps, needs, ...
  bool failed_before = false;  // an earlier step of the job failed (or a needed job did)
  // Paths (`steps.ID.outputs`) whose missing properties are empty, as on the runner: the outputs
  // of a step that was skipped or failed, which may not have set them.
  std::set<std::string> empty_when_missing;
};

// The value of the expression `expression` (without `${{ }}`).
nlohmann::json evaluate(const std::string& expression, const ExpressionContext& context);

// `text` with every `${{ … }}` replaced by its value as a string; an object or array fails.
std::string substitute(const std::string& text, const ExpressionContext& context);

// An `if:` condition (with or without `${{ }}`); without a status function it is
// `success() && (condition)`, as on the runner. An empty condition is success().
bool condition_holds(const std::string& condition, const ExpressionContext& context);

}  // namespace spyglass::test::workflows
