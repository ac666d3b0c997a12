#pragma once

// A comment shared by several jobs (`--section`): each job owns one section, marked by hidden
// begin/end lines that also carry the section's counts, so that any job can rebuild the headline
// over all sections from the body alone. Pure functions: parse a body, splice a section in,
// assemble the body.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spyglass/render/comment.hpp"
#include "spyglass/render/comment_model.hpp"

namespace spyglass::render {

// One job's part of a shared comment.
struct CommentSection {
  std::string name;  // as the job gave it (decoded from the marker)
  VerdictCounts counts{};
  // From the begin line through the end line and its line break, byte for byte as found.
  std::string block;
};

// Throw Error(k_bad_input) unless `name` is 1-64 characters of valid UTF-8 without control
// characters; any such name is safe in a marker (it is percent-encoded there).
void check_section_name(std::string_view name);

// `<!-- spyglass:section:NAME:begin regressed=1 unchanged=5 -->`: NAME percent-encoded, then
// the non-zero counts.
std::string section_begin_line(std::string_view name, const VerdictCounts& counts);

// `<!-- spyglass:section:NAME:end -->`.
std::string section_end_line(std::string_view name);

// The section of `name` around `content` (markdown ending in a line break).
CommentSection make_section(std::string_view name, const VerdictCounts& counts,
                            std::string_view content);

// The sections of `body` in the order found; the first of a name wins. A section whose end line
// is missing ends before the next begin line (or at the end) and gets its end line added; one
// whose counts cannot be read counts nothing. CRLF line breaks (a body edited on GitHub) are kept.
std::vector<CommentSection> parse_sections(std::string_view body);

// The whole comment: the marker of `id`, the title, the alert and the headline over the counts of
// all `sections`, then the sections ordered by name, each after a blank line.
std::string assemble_sections(std::string_view id, std::vector<CommentSection> sections);

// `body` (the comment as found, "" for none) with `own` in place of its section of the same name,
// or added; the other sections are kept byte for byte, text outside sections is rebuilt.
std::string splice_section(std::string_view id, std::string_view body, const CommentSection& own);

// This job's section of a shared comment: renders it and splices it into a body, shrinking only
// this section to keep the whole comment within a size limit. `input` must outlive the object.
class SectionedComment {
 public:
  SectionedComment(const CommentInput& input, const CommentTemplate& comment_template);

  // `body` with this section spliced in, the whole at most `max_chars` characters. Throws
  // Error(k_bad_input) when the other sections leave too little room for even its headline.
  std::string splice_into(std::string_view body, std::size_t max_chars);

  const std::string& id() const { return m_input.id; }
  const std::string& name() const { return *m_input.section; }

  // The section as the last splice_into wrote it.
  const CommentSection& last_written() const { return m_written; }

  // Whether `body` holds this section as the last splice_into wrote it.
  bool is_held_by(std::string_view body) const;

 private:
  // The section's content (the rendered comment without its marker line) in `max_chars`.
  std::string fitted_content(std::size_t max_chars);

  const CommentInput& m_input;
  const CommentTemplate& m_template;
  VerdictCounts m_counts{};
  std::optional<std::pair<std::size_t, std::string>> m_fitted;  // the last fit: limit, content
  CommentSection m_written;
};

}  // namespace spyglass::render
