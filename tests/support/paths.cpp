#include "support/paths.hpp"

#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace spyglass::test {

std::string read_fixture(const std::string& relative) {
  std::ifstream in(fixture_path(relative), std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read fixture " + relative);
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return std::move(contents).str();
}

namespace {

// The vectors were written by Python and hold bare NaN/Infinity tokens, which nlohmann rejects:
// quote them (outside strings) so vector_double() can read them back.
std::string quote_python_specials(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 64);
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
      continue;
    }
    bool replaced = false;
    for (const char* token : {"-Infinity", "Infinity", "NaN"}) {
      const std::string_view word(token);
      if (text.compare(i, word.size(), word) == 0) {
        out += '"';
        out += word;
        out += '"';
        i += word.size() - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      out += c;
    }
  }
  return out;
}

}  // namespace

const nlohmann::json& spec_vectors() {
  static const nlohmann::json vectors = nlohmann::json::parse(
      quote_python_specials(read_fixture("spec-vectors/formatting_and_stats_vectors.json")));
  return vectors;
}

double vector_double(const nlohmann::json& value) {
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text == "NaN") {
      return std::numeric_limits<double>::quiet_NaN();
    }
    if (text == "Infinity") {
      return std::numeric_limits<double>::infinity();
    }
    if (text == "-Infinity") {
      return -std::numeric_limits<double>::infinity();
    }
    throw std::runtime_error("not a vector number: " + text);
  }
  return value.get<double>();
}

std::vector<double> vector_doubles(const nlohmann::json& values) {
  std::vector<double> out;
  for (const auto& value : values) {
    out.push_back(vector_double(value));
  }
  return out;
}

}  // namespace spyglass::test
