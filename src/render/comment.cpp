#include "spyglass/render/comment.hpp"

#include <fmt/format.h>

#include "spyglass/render/default_templates.hpp"
#include "spyglass/render/markdown.hpp"
#include "spyglass/render/template.hpp"
#include "spyglass/util/error.hpp"

namespace spyglass::render {

CommentTemplate default_comment_template() {
  for (const auto& entry : default_templates()) {
    if (entry.name == "comment.md.mustache") {
      return {std::string(entry.text), "templates/comment.md.mustache (built in)"};
    }
  }
  throw Error(ExitCode::k_internal, "the built-in comment template is missing");
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    // Count every byte that does not continue a multi-byte sequence.
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

std::string render_comment(const CommentInput& input, const CommentDetail& detail,
                           const CommentTemplate& comment_template) {
  return tidy_blank_lines(render_template(
      comment_template.text, build_comment_model(input, detail), comment_template.display_name));
}

std::string fit_comment(const CommentInput& input, std::size_t max_chars,
                        const CommentTemplate& comment_template) {
  CommentDetail detail;
  auto fits = [&](std::string& out) {
    out = render_comment(input, detail, comment_template);
    return count_code_points(out) <= max_chars;
  };
  std::string out;
  // Each step drops the next least important part; stop at the first that fits.
  if (fits(out)) {
    return out;
  }
  detail.raw_table = false;
  if (fits(out)) {
    return out;
  }
  detail.other_rows = 0;
  if (fits(out)) {
    return out;
  }
  detail.environment = false;
  if (fits(out)) {
    return out;
  }
  detail.improvement_rows = 0;
  if (fits(out)) {
    return out;
  }
  // Keep as many regression rows as fit: the count that fits is monotonic, so bisect.
  std::size_t low = 0;
  std::size_t high = build_comment_model(input, detail)["regressions"]["count"].get<std::size_t>();
  detail.regression_rows = 0;
  if (!fits(out)) {
    throw Error(ExitCode::k_bad_input,
                fmt::format("the comment does not fit in {} characters even without any table "
                            "rows (raise --max-chars)",
                            max_chars));
  }
  std::string best = out;
  while (low < high) {
    const std::size_t mid = low + (high - low + 1) / 2;
    detail.regression_rows = mid;
    if (fits(out)) {
      low = mid;
      best = out;
    } else {
      high = mid - 1;
    }
  }
  return best;
}

}  // namespace spyglass::render
