#include "workflows/expressions.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <vector>

namespace spyglass::test::workflows {
namespace {

using nlohmann::json;

enum class TokenKind { k_name, k_string, k_number, k_operator, k_end };

struct Token {
  TokenKind kind = TokenKind::k_end;
  std::string text;
};

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

std::vector<Token> tokenize(const std::string& expression) {
  std::vector<Token> tokens;
  std::size_t at = 0;
  while (at < expression.size()) {
    const char c = expression[at];
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      ++at;
    } else if (c == '\'') {
      std::string text;
      for (++at;; ++at) {
        if (at >= expression.size()) {
          throw std::runtime_error("unterminated string in expression: " + expression);
        }
        if (expression[at] == '\'') {
          if (at + 1 < expression.size() && expression[at + 1] == '\'') {
            text += '\'';
            ++at;
            continue;
          }
          ++at;
          break;
        }
        text += expression[at];
      }
      tokens.push_back({TokenKind::k_string, text});
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      const auto end = expression.find_first_not_of("0123456789.", at);
      tokens.push_back({TokenKind::k_number, expression.substr(at, end - at)});
      at = end == std::string::npos ? expression.size() : end;
    } else if (name_char(c)) {
      std::size_t end = at;
      while (end < expression.size() && name_char(expression[end])) {
        ++end;
      }
      tokens.push_back({TokenKind::k_name, expression.substr(at, end - at)});
      at = end;
    } else {
      const std::string two = expression.substr(at, 2);
      if (two == "==" || two == "!=" || two == "&&" || two == "||") {
        tokens.push_back({TokenKind::k_operator, two});
        at += 2;
      } else if (c == '!' || c == '(' || c == ')' || c == '.') {
        tokens.push_back({TokenKind::k_operator, std::string(1, c)});
        ++at;
      } else {
        throw std::runtime_error("the harness does not know '" + std::string(1, c) +
                                 "' in expression: " + expression);
      }
    }
  }
  tokens.push_back({TokenKind::k_end, ""});
  return tokens;
}

bool truthy(const json& value) {
  if (value.is_boolean()) {
    return value.get<bool>();
  }
  if (value.is_null()) {
    return false;
  }
  if (value.is_number()) {
    return value.get<double>() != 0.0;
  }
  if (value.is_string()) {
    return !value.get_ref<const std::string&>().empty();
  }
  return true;
}

std::string as_text(const json& value) {
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_null()) {
    return "";
  }
  if (value.is_boolean() || value.is_number()) {
    return value.dump();
  }
  throw std::runtime_error("an object or array used as a string: " + value.dump());
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

class Parser {
 public:
  Parser(const std::string& expression, const ExpressionContext& context)
      : m_expression(expression), m_tokens(tokenize(expression)), m_context(context) {}

  json parse() {
    json value = parse_or();
    if (peek().kind != TokenKind::k_end) {
      fail("unexpected '" + peek().text + "'");
    }
    return value;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("expression `" + m_expression + "`: " + what);
  }
  const Token& peek() const { return m_tokens[m_at]; }
  bool take(const std::string& op) {
    if (peek().kind == TokenKind::k_operator && peek().text == op) {
      ++m_at;
      return true;
    }
    return false;
  }

  json parse_or() {
    json value = parse_and();
    while (take("||")) {
      json right = parse_and();
      value = truthy(value) ? value : right;
    }
    return value;
  }

  json parse_and() {
    json value = parse_not();
    while (take("&&")) {
      json right = parse_not();
      value = truthy(value) ? right : value;
    }
    return value;
  }

  json parse_not() {
    if (take("!")) {
      return !truthy(parse_not());
    }
    return parse_comparison();
  }

  json parse_comparison() {
    json left = parse_primary();
    for (const char* op : {"==", "!="}) {
      if (take(op)) {
        const json right = parse_primary();
        const bool equal = lower(as_text(left)) == lower(as_text(right));
        return std::string(op) == "==" ? equal : !equal;
      }
    }
    return left;
  }

  json parse_primary() {
    const Token token = peek();
    ++m_at;
    if (token.kind == TokenKind::k_operator && token.text == "(") {
      json value = parse_or();
      if (!take(")")) {
        fail("missing ')'");
      }
      return value;
    }
    if (token.kind == TokenKind::k_string) {
      return token.text;
    }
    if (token.kind == TokenKind::k_number) {
      return std::stod(token.text);
    }
    if (token.kind != TokenKind::k_name) {
      fail("unexpected '" + token.text + "'");
    }
    if (token.text == "true" || token.text == "false") {
      return token.text == "true";
    }
    if (token.text == "null") {
      return nullptr;
    }
    if (take("(")) {
      if (!take(")")) {
        fail("the harness knows only functions without arguments");
      }
      return call(token.text);
    }
    return lookup(token.text);
  }

  json call(const std::string& function) const {
    if (function == "always") {
      return true;
    }
    if (function == "success") {
      return !m_context.failed_before;
    }
    if (function == "failure") {
      return m_context.failed_before;
    }
    fail("the harness does not know the function " + function + "()");
  }

  json lookup(const std::string& root) {
    if (!m_context.contexts.contains(root)) {
      fail("the harness does not know the context '" + root + "'");
    }
    const json* value = &m_context.contexts.at(root);
    std::string path = root;
    while (take(".")) {
      if (peek().kind != TokenKind::k_name) {
        fail("a property name must follow '.'");
      }
      const std::string key = peek().text;
      ++m_at;
      if (value->is_object() && !value->contains(key) &&
          m_context.empty_when_missing.contains(path)) {
        return "";
      }
      path += "." + key;
      if (!value->is_object() || !value->contains(key)) {
        fail(path + " is not set (the runner would give an empty string)");
      }
      value = &value->at(key);
    }
    return *value;
  }

  std::string m_expression;
  std::vector<Token> m_tokens;
  std::size_t m_at = 0;
  const ExpressionContext& m_context;
};

constexpr std::string_view k_open = "${{";
constexpr std::string_view k_close = "}}";

}  // namespace

json evaluate(const std::string& expression, const ExpressionContext& context) {
  return Parser(expression, context).parse();
}

std::string substitute(const std::string& text, const ExpressionContext& context) {
  std::string out;
  std::size_t at = 0;
  for (auto open = text.find(k_open); open != std::string::npos; open = text.find(k_open, at)) {
    const auto close = text.find(k_close, open);
    if (close == std::string::npos) {
      throw std::runtime_error("unclosed ${{ in: " + text);
    }
    out += text.substr(at, open - at);
    out +=
        as_text(evaluate(text.substr(open + k_open.size(), close - open - k_open.size()), context));
    at = close + k_close.size();
  }
  return out + text.substr(at);
}

bool condition_holds(const std::string& condition, const ExpressionContext& context) {
  std::string expression = condition;
  const auto first = expression.find_first_not_of(" \t\n");
  const auto last = expression.find_last_not_of(" \t\n");
  expression = first == std::string::npos ? "" : expression.substr(first, last - first + 1);
  if (expression.starts_with(k_open) && expression.ends_with(k_close)) {
    expression = expression.substr(k_open.size(), expression.size() - k_open.size() - 2);
  }
  if (expression.empty()) {
    expression = "success()";
  }
  const bool has_status = expression.find("always()") != std::string::npos ||
                          expression.find("success()") != std::string::npos ||
                          expression.find("failure()") != std::string::npos;
  if (!has_status) {
    expression = "success() && (" + expression + ")";
  }
  return truthy(evaluate(expression, context));
}

}  // namespace spyglass::test::workflows
