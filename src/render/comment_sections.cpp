#include "spyglass/render/comment_sections.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <utility>

#include "spyglass/util/error.hpp"
#include "spyglass/util/utf8.hpp"

namespace spyglass::render {
namespace {

constexpr std::string_view k_prefix = "<!-- spyglass:section:";
constexpr std::size_t k_max_name_chars = 64;

// Bytes a marker shows as they are; every other byte is %XX, so no name can end the HTML
// comment (`>`), split the marker (`:`) or break the line.
bool is_plain(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '+' || c == '-';
}

std::string encode_name(std::string_view name) {
  std::string out;
  for (const char c : name) {
    out += is_plain(c) ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

// The name `encoded` stands for; nullopt when it is not an encoding of one.
std::optional<std::string> decode_name(std::string_view encoded) {
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (is_plain(encoded[i])) {
      out += encoded[i];
      continue;
    }
    unsigned value = 0;
    if (encoded[i] != '%' || i + 2 >= encoded.size() ||
        std::from_chars(encoded.data() + i + 1, encoded.data() + i + 3, value, 16).ptr !=
            encoded.data() + i + 3) {
      return std::nullopt;
    }
    out += static_cast<char>(value);
    i += 2;
  }
  return out.empty() ? std::nullopt : std::optional<std::string>(out);
}

// What a marker line says: whose section, and where it begins (with its counts) or ends.
struct MarkerLine {
  std::string name;
  bool begin = false;
  VerdictCounts counts{};
};

// "regressed=1 failing=0 ..." as counts; a key or value that cannot be read counts nothing.
VerdictCounts parse_counts(std::string_view text) {
  VerdictCounts counts{};
  while (!text.empty()) {
    const auto space = text.find(' ');
    const auto item = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    const auto equals = item.find('=');
    if (equals == std::string_view::npos) {
      continue;
    }
    for (std::size_t v = 0; v < k_verdict_count; ++v) {
      if (verdict_key(static_cast<Verdict>(v)) == item.substr(0, equals)) {
        std::size_t n = 0;
        const auto digits = item.substr(equals + 1);
        if (std::from_chars(digits.data(), digits.data() + digits.size(), n).ptr ==
            digits.data() + digits.size()) {
          counts[v] = n;
        }
      }
    }
  }
  return counts;
}

// `line` (without its line break) as a section marker; nullopt for any other line.
std::optional<MarkerLine> parse_marker(std::string_view line) {
  constexpr std::string_view k_close = " -->";
  if (!line.starts_with(k_prefix) || !line.ends_with(k_close)) {
    return std::nullopt;
  }
  line = line.substr(k_prefix.size(), line.size() - k_prefix.size() - k_close.size());
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  auto name = decode_name(line.substr(0, colon));
  const auto rest = line.substr(colon + 1);
  if (!name) {
    return std::nullopt;
  }
  if (rest == "end") {
    return MarkerLine{*std::move(name), false, {}};
  }
  if (rest == "begin" || rest.starts_with("begin ")) {
    return MarkerLine{*std::move(name), true,
                      parse_counts(rest.substr(std::min(rest.size(), std::size_t{6})))};
  }
  return std::nullopt;
}

VerdictCounts sum(const std::vector<CommentSection>& sections) {
  VerdictCounts total{};
  for (const auto& section : sections) {
    for (std::size_t v = 0; v < k_verdict_count; ++v) {
      total[v] += section.counts[v];
    }
  }
  return total;
}

std::string header(std::string_view id, const VerdictCounts& counts) {
  const auto alert = alert_json(counts);
  return fmt::format("{}\n## {}\n\n> [!{}]\n> {}\n\n{}\n", comment_marker(id), k_comment_title,
                     alert["level"].get<std::string>(), alert["text_md"].get<std::string>(),
                     headline_md(counts));
}

// `text` without its first line when that is `line`.
std::string_view without_first_line(std::string_view text, std::string_view line) {
  if (text.starts_with(line) && text.substr(line.size()).starts_with("\n")) {
    text.remove_prefix(line.size() + 1);
  }
  return text;
}

}  // namespace

void check_section_name(std::string_view name) {
  const bool control = std::any_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
  if (name.empty() || !util::is_valid_utf8(name) || control ||
      count_code_points(name) > k_max_name_chars) {
    throw Error(ExitCode::k_bad_input,
                fmt::format("section '{}' must be 1-{} characters of UTF-8 without control "
                            "characters",
                            util::is_valid_utf8(name) && !control ? name : "(unprintable)",
                            k_max_name_chars));
  }
}

std::string section_begin_line(std::string_view name, const VerdictCounts& counts) {
  std::string line = fmt::format("{}{}:begin", k_prefix, encode_name(name));
  for (std::size_t v = 0; v < k_verdict_count; ++v) {
    if (counts[v] > 0) {
      line += fmt::format(" {}={}", verdict_key(static_cast<Verdict>(v)), counts[v]);
    }
  }
  return line + " -->";
}

std::string section_end_line(std::string_view name) {
  return fmt::format("{}{}:end -->", k_prefix, encode_name(name));
}

CommentSection make_section(std::string_view name, const VerdictCounts& counts,
                            std::string_view content) {
  return {
      std::string(name), counts,
      fmt::format("{}\n{}{}\n", section_begin_line(name, counts), content, section_end_line(name))};
}

std::vector<CommentSection> parse_sections(std::string_view body) {
  std::vector<CommentSection> sections;
  std::optional<CommentSection> open;
  std::size_t open_at = 0;
  // Close the open section: its block runs to `end` (past its end line, or where it stops).
  auto close = [&](std::size_t end, bool has_end_line) {
    open->block = std::string(body.substr(open_at, end - open_at));
    if (!has_end_line) {
      if (!open->block.empty() && !open->block.ends_with("\n")) {
        open->block += "\n";
      }
      open->block += section_end_line(open->name) + "\n";
    }
    const bool seen = std::any_of(sections.begin(), sections.end(),
                                  [&](const CommentSection& s) { return s.name == open->name; });
    if (!seen) {
      sections.push_back(*std::move(open));
    }
    open.reset();
  };
  for (std::size_t at = 0; at < body.size();) {
    const auto newline = body.find('\n', at);
    const std::size_t next = newline == std::string_view::npos ? body.size() : newline + 1;
    auto line = body.substr(at, next - at);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (const auto marker = parse_marker(line)) {
      if (marker->begin) {
        if (open) {
          close(at, false);
        }
        open = CommentSection{marker->name, marker->counts, ""};
        open_at = at;
      } else if (open && marker->name == open->name) {
        close(next, true);
      }
    }
    at = next;
  }
  if (open) {
    close(body.size(), false);
  }
  return sections;
}

std::string assemble_sections(std::string_view id, std::vector<CommentSection> sections) {
  std::stable_sort(
      sections.begin(), sections.end(),
      [](const CommentSection& a, const CommentSection& b) { return a.name < b.name; });
  std::string body = header(id, sum(sections));
  for (const auto& section : sections) {
    body += "\n" + section.block;
  }
  return body;
}

std::string splice_section(std::string_view id, std::string_view body, const CommentSection& own) {
  auto sections = parse_sections(body);
  std::erase_if(sections, [&](const CommentSection& s) { return s.name == own.name; });
  sections.push_back(own);
  return assemble_sections(id, std::move(sections));
}

SectionedComment::SectionedComment(const CommentInput& input,
                                   const CommentTemplate& comment_template)
    : m_input(input), m_template(comment_template), m_counts(CommentModel(input).counts()) {
  if (!input.section) {
    throw Error(ExitCode::k_internal, "SectionedComment: the input names no section");
  }
}

std::string SectionedComment::splice_into(std::string_view body, std::size_t max_chars) {
  const auto& name = *m_input.section;
  auto others = parse_sections(body);
  std::erase_if(others, [&](const CommentSection& s) { return s.name == name; });
  auto sections = others;
  sections.push_back(make_section(name, m_counts, ""));
  const std::size_t fixed = count_code_points(assemble_sections(m_input.id, sections));
  auto too_small = [&] {
    if (others.empty()) {
      return Error(ExitCode::k_bad_input,
                   fmt::format("section '{}' does not fit in {} characters (raise --max-chars)",
                               name, max_chars));
    }
    std::vector<std::string> names;
    for (const auto& section : others) {
      names.push_back("'" + section.name + "'");
    }
    return Error(ExitCode::k_bad_input,
                 fmt::format("comment '{}': the other sections ({}) leave {} of {} characters, too "
                             "few for section '{}' (raise --max-chars, or give this job its own "
                             "--id)",
                             m_input.id, fmt::join(names, ", "),
                             fixed < max_chars ? max_chars - fixed : 0, max_chars, name));
  };
  if (fixed >= max_chars) {
    throw too_small();
  }
  try {
    m_written = make_section(name, m_counts, fitted_content(max_chars - fixed));
  } catch (const Error& error) {
    if (error.code() != ExitCode::k_bad_input || others.empty()) {
      throw;
    }
    throw too_small();
  }
  sections.back() = m_written;
  return assemble_sections(m_input.id, std::move(sections));
}

bool SectionedComment::is_held_by(std::string_view body) const {
  const auto sections = parse_sections(body);
  return std::any_of(sections.begin(), sections.end(), [&](const CommentSection& s) {
    return s.name == m_written.name && s.block == m_written.block;
  });
}

std::string SectionedComment::fitted_content(std::size_t max_chars) {
  // A fit for a larger limit serves a smaller one it fits in: nothing more detailed fits there.
  if (m_fitted &&
      (m_fitted->first == max_chars ||
       (m_fitted->first > max_chars && count_code_points(m_fitted->second) <= max_chars))) {
    return m_fitted->second;
  }
  const auto marker = comment_marker(m_input.id);
  auto content = std::string(without_first_line(
      fit_comment(m_input, max_chars + count_code_points(marker) + 1, m_template), marker));
  if (count_code_points(content) > max_chars) {
    // A template without the marker on line 1: nothing was stripped.
    content = fit_comment(m_input, max_chars, m_template);
  }
  m_fitted.emplace(max_chars, content);
  return content;
}

}  // namespace spyglass::render
