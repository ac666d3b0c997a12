#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "spyglass/render/comment_model.hpp"

namespace spyglass::render {

// GitHub refuses comment bodies longer than this many characters.
inline constexpr std::size_t k_github_comment_limit = 65536;

// The job summary takes up to 1 MiB per step.
inline constexpr std::size_t k_step_summary_limit = 1024 * 1024;

// A comment template and the name errors mention.
struct CommentTemplate {
  std::string text;
  std::string display_name;
};

// templates/comment.md.mustache as compiled in.
CommentTemplate default_comment_template();

// The number of Unicode code points in UTF-8 `text` (GitHub counts characters, not bytes).
std::size_t count_code_points(std::string_view text);

// The comment with the given detail.
std::string render_comment(const CommentInput& input, const CommentDetail& detail,
                           const CommentTemplate& comment_template);

// The most detailed comment of at most `max_chars` code points: it drops the raw table, then the
// unchanged/insignificant rows, the environment, the improvements, and last the regression rows
// from the least severe, keeping every regression and failure that fits; the comment says what
// it left out. Throws Error(k_bad_input) when not even the headline fits.
std::string fit_comment(const CommentInput& input, std::size_t max_chars,
                        const CommentTemplate& comment_template);

}  // namespace spyglass::render
