#include "spyglass/render/comment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

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

namespace {

// A comment's size with a number of rows listed.
struct SizePoint {
  std::size_t rows;
  std::size_t size;
};

// Where the line through `a` and `b` reaches `size`; past the larger row count when the line
// does not rise.
std::size_t rows_reaching(const SizePoint& a, const SizePoint& b, double size) {
  if (a.rows == b.rows || b.size == a.size) {
    return std::max(a.rows, b.rows) + 1;
  }
  const double per_row = (static_cast<double>(b.size) - static_cast<double>(a.size)) /
                         (static_cast<double>(b.rows) - static_cast<double>(a.rows));
  const double rows = static_cast<double>(a.rows) + (size - static_cast<double>(a.size)) / per_row;
  return rows <= 0.0 ? 0 : static_cast<std::size_t>(rows);
}

// Renders the comment of one model at different details, and finds the most detailed that fits.
// A render is costly in proportion to the rows it lists, so few rows are rendered for nothing.
class Fitter {
 public:
  Fitter(const CommentInput& input, std::size_t max_chars, const CommentTemplate& comment_template)
      : m_model(input), m_max_chars(max_chars), m_template(comment_template) {}

  // The comment with `detail` if it fits.
  std::optional<std::string> render_if_fits(const CommentDetail& detail) const {
    if (!may_fit(detail)) {
      return std::nullopt;
    }
    auto out = render(detail, CommentDetail::k_all);
    return fits(out) ? std::optional<std::string>(std::move(out)) : std::nullopt;
  }

  // The comment listing the most regression rows that fit with `detail`, and whether that is all
  // of them. Sizes grow with the rows and rows are about equally long, so the count is guessed on
  // the line through the last two measured points, with a halving step after any guess that did
  // not halve a known bracket: usually five small or near-final renders.
  std::pair<std::string, bool> most_regressions(CommentDetail detail) const {
    detail.regression_rows = 0;
    std::string best = render(detail, CommentDetail::k_all);
    SizePoint low{0, count_code_points(best)};
    if (low.size > m_max_chars) {
      throw Error(ExitCode::k_bad_input,
                  fmt::format("the comment does not fit in {} characters even without any table "
                              "rows (raise --max-chars)",
                              m_max_chars));
    }
    const std::size_t all = m_model.regression_count();
    std::size_t high = all + 1;      // the fewest rows known not to fit, or one past all of them
    std::optional<SizePoint> other;  // the last point measured besides `low`, for the slope
    bool halve = false;
    while (high - low.rows > 1) {
      const std::size_t width = high - low.rows;
      // The comment without rows differs in more than rows (no table header, another note), so
      // lines are drawn between points that list some; before there are two, a few rows and then
      // twice as many are tried, or the bracket is bisected once known.
      const bool interpolate = !halve && other && other->rows > 0 && low.rows > 0;
      std::size_t guess = low.rows + width / 2;
      if (interpolate) {
        guess = rows_reaching(low, *other, static_cast<double>(m_max_chars));
      } else if (!halve && high > all) {
        guess = std::max(k_probe_rows, 2 * low.rows);
      }
      detail.regression_rows = std::clamp(guess, low.rows + 1, high - 1);
      auto out = render(detail, CommentDetail::k_all);
      const SizePoint point{detail.regression_rows, count_code_points(out)};
      if (point.size <= m_max_chars) {
        other = low;
        low = point;
        best = std::move(out);
      } else {
        other = point;
        high = point.rows;
      }
      // Bisect a known bracket after a guess that did not halve it (while every guess fit, the
      // line only extrapolates, one step closer each time).
      halve = interpolate && high <= all && (high - low.rows) * 2 > width;
    }
    return {std::move(best), low.rows == all};
  }

 private:
  static constexpr std::size_t k_probe_rows = 32;
  // How far past the limit a rejecting render aims, so that it does overflow.
  static constexpr double k_overshoot = 1.1;

  // False when a render listing fewer rows than `detail` already overflows (none is longer than
  // the real one): with no rows, a few per group, and then as many as the sizes so far predict
  // overflow the limit; true when they predict the whole listing fits. A listing that does not
  // fit thus costs about as many rows as fit, and one that fits little more than itself.
  bool may_fit(const CommentDetail& detail) const {
    const std::size_t all = m_model.listed_rows(detail);
    if (all <= k_probe_rows) {
      return true;
    }
    SizePoint previous{0, size(detail, 0)};
    if (previous.size > m_max_chars) {
      return false;
    }
    SizePoint last{m_model.listed_rows(detail, k_probe_rows), size(detail, k_probe_rows)};
    const double target = k_overshoot * static_cast<double>(m_max_chars);
    while (last.size <= m_max_chars) {
      const std::size_t listed = rows_reaching(previous, last, target);
      if (listed >= all) {
        return true;
      }
      const std::size_t cap = cap_listing(detail, std::max(listed, 2 * last.rows));
      previous = last;
      last = SizePoint{m_model.listed_rows(detail, cap), size(detail, cap)};
    }
    return false;
  }

  // The smallest row cap with which `detail` lists at least `rows` rows (or all it has).
  std::size_t cap_listing(const CommentDetail& detail, std::size_t rows) const {
    std::size_t low = 0;
    std::size_t high = m_model.listed_rows(detail);  // a cap this large lists everything
    while (low < high) {
      const std::size_t mid = low + (high - low) / 2;
      if (m_model.listed_rows(detail, mid) >= rows) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  bool fits(const std::string& comment) const { return count_code_points(comment) <= m_max_chars; }

  std::string render(const CommentDetail& detail, std::size_t row_cap) const {
    return tidy_blank_lines(
        render_template(m_template.text, m_model.build(detail, row_cap), m_template.display_name));
  }

  std::size_t size(const CommentDetail& detail, std::size_t row_cap) const {
    return count_code_points(render(detail, row_cap));
  }

  CommentModel m_model;
  std::size_t m_max_chars;
  const CommentTemplate& m_template;
};

}  // namespace

std::string render_comment(const CommentInput& input, const CommentDetail& detail,
                           const CommentTemplate& comment_template) {
  return tidy_blank_lines(render_template(comment_template.text, build_comment_model(input, detail),
                                          comment_template.display_name));
}

std::string fit_comment(const CommentInput& input, std::size_t max_chars,
                        const CommentTemplate& comment_template) {
  const Fitter fitter(input, max_chars, comment_template);
  CommentDetail detail;
  if (auto out = fitter.render_if_fits(detail)) {
    return *std::move(out);
  }
  // Each step drops the next least important part; the comment is the first step that fits.
  // Steps only shrink the comment, so the last one, listing regressions only, is searched first:
  // unless every regression fits there, no earlier step can fit.
  std::vector<CommentDetail> steps;
  detail.raw_table = false;
  steps.push_back(detail);
  detail.other_rows = 0;
  steps.push_back(detail);
  detail.environment = false;
  steps.push_back(detail);
  detail.improvement_rows = 0;
  steps.push_back(detail);
  detail.chart = false;
  auto [most, all_regressions] = fitter.most_regressions(detail);
  if (all_regressions) {
    for (const auto& step : steps) {
      if (auto out = fitter.render_if_fits(step)) {
        return *std::move(out);
      }
    }
  }
  return std::move(most);
}

}  // namespace spyglass::render
