// libFuzzer target for the pull-request comment: a comparison with hostile benchmark names,
// labels, values and environment rows, rendered by render::fit_comment in a size limit that may be
// small, with the built-in template or one from the input. Any exception but spyglass::Error (the
// limit leaves no room for the headline; a template with a syntax error), a crash, a leak or a
// sanitizer report is a bug, and so is a comment that breaks one of these invariants:
//   - it is at most the limit, in code points;
//   with the built-in template, also:
//   - it starts with the marker `<!-- spyglass:ID -->`, and GitHub's parser (cmark-gfm) finds no
//     raw HTML in it but the marker and the template's own `<details>`, `<summary>` and `<sub>`;
//   - every row of each GFM table has as many cell separators as its header;
//   - the Mermaid chart, when shown, has one quoted label per bar;
//   - every regression is a row of the regressions table or counted as left out by the note
//     saying what the comment left out;
//   with `@section`, the section spliced into the input's comment body (`@body`, "" for none):
//   - the body is at most the limit, holds this section exactly once, as written, and splicing
//     the section into it again changes nothing; with the built-in template it starts with the
//     marker and the section keeps the GFM column counts.
//
// Every reader refuses text that is not UTF-8, so malformed bytes of the input become U+FFFD.
//
// Input layout: lines, then optionally the line `--8<--` and a mustache template.
//   `@limit N`         the limit (default 65536)
//   `@shrink N`        the limit is N code points less than the comment with every detail has
//   `@many`            compare-many: each row's cells are contenders
//   `@id TEXT`         the comment id (letters, digits, `.`, `_`, `-` kept)
//   `@section TEXT`    the section title, when check_section_name accepts it
//   `@before M/E`      compare's before machine/env (`@after`, `@label` for compare-many's labels)
//   `@sha BEFORE AFTER` the commit hashes
//   `@env NAME\tBEFORE\tAFTER`  an environment row (an empty version: added or removed)
//   `@raw TEXT`        a line of the raw table (default: the table spyglass prints)
//   `@body LINE`       a line of the shared comment found on the pull request
//   `@run ID`, `@dash URL`, `@nochart`
//   other lines: `NAME\tBEFORE\tCELL...`, each CELL a mark (` -+!*x~`) then a value; a value is a
//   number, `failed`, empty (missing) or any other text (kept as the table's cell text).

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "invariants.hpp"
#include "spyglass/compare/env_diff.hpp"
#include "spyglass/render/asv_table.hpp"
#include "spyglass/render/comment.hpp"
#include "spyglass/render/comment_sections.hpp"
#include "spyglass/render/env_diff.hpp"
#include "spyglass/render/markdown.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/utf8.hpp"
#include "support/gfm_inspect.hpp"

namespace {

namespace render = spyglass::render;

using spyglass::fuzz::require;
using spyglass::model::Change;
using spyglass::model::ComparisonRow;
using spyglass::model::Measurement;

constexpr std::string_view k_separator = "\n--8<--\n";
constexpr std::string_view k_regressed_emoji = "\U0001F534";
constexpr std::string_view k_failing_emoji = "\U0001F4A5";
constexpr std::string_view k_note_start = "> This comment was shortened to fit";

// One benchmark line: its name, before value and cells (mark, value).
struct InputRow {
  std::string name;
  std::string before;
  std::vector<std::pair<char, std::string>> cells;
};

// Everything the input says.
struct Spec {
  std::size_t limit = render::k_github_comment_limit;
  std::optional<std::size_t> shrink;  // the limit is this much below the whole comment's size
  bool many = false;
  bool chart = true;
  std::string id = "default";
  std::optional<std::string> section;
  std::string before_label;
  std::string after_label;
  std::vector<std::string> labels;
  std::string before_sha;
  std::string after_sha;
  std::vector<spyglass::compare::ComponentChange> env;
  std::optional<std::string> raw;
  std::string body;  // the shared comment the section is spliced into
  std::optional<std::string> run_id;
  std::optional<std::string> dashboard;
  std::vector<InputRow> rows;
  std::optional<std::string> template_text;
};

std::vector<std::string_view> split(std::string_view text, char at) {
  std::vector<std::string_view> parts;
  for (;;) {
    const auto end = text.find(at);
    parts.push_back(text.substr(0, end));
    if (end == std::string_view::npos) {
      return parts;
    }
    text.remove_prefix(end + 1);
  }
}

std::string_view after_word(std::string_view line) {
  const auto space = line.find(' ');
  return space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
}

spyglass::compare::ComponentChange env_row(std::string_view text) {
  auto fields = split(text, '\t');
  fields.resize(3);
  spyglass::compare::ComponentChange change;
  change.name = std::string(fields[0]);
  if (!fields[1].empty()) {
    change.before = std::string(fields[1]);
  }
  if (!fields[2].empty()) {
    change.after = std::string(fields[2]);
  }
  using Status = spyglass::compare::ComponentStatus;
  change.status = !change.before  ? Status::k_added
                  : !change.after ? Status::k_removed
                                  : Status::k_version_bumped;
  return change;
}

template <typename Keep>
std::string kept(std::string_view text, Keep keep) {
  std::string out;
  std::copy_if(text.begin(), text.end(), std::back_inserter(out), keep);
  return out;
}

void read_option(std::string_view line, Spec& spec) {
  const auto word = line.substr(0, line.find(' '));
  const auto value = after_word(line);
  if (word == "@limit") {
    std::from_chars(value.data(), value.data() + value.size(), spec.limit);
  } else if (word == "@shrink") {
    std::size_t shrink = 0;
    std::from_chars(value.data(), value.data() + value.size(), shrink);
    spec.shrink = shrink;
  } else if (word == "@many") {
    spec.many = true;
  } else if (word == "@nochart") {
    spec.chart = false;
  } else if (word == "@id") {
    // The action refuses any other id.
    const auto id = kept(value, [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
    });
    spec.id = id.empty() ? spec.id : id.substr(0, 64);
  } else if (word == "@section") {
    spec.section = std::string(value);
  } else if (word == "@before" || word == "@after") {
    (word == "@before" ? spec.before_label : spec.after_label) = std::string(value);
  } else if (word == "@label") {
    spec.labels.emplace_back(value);
  } else if (word == "@sha") {
    const auto space = value.find(' ');
    spec.before_sha = std::string(value.substr(0, space));
    spec.after_sha = space == std::string_view::npos ? "" : std::string(value.substr(space + 1));
  } else if (word == "@env") {
    spec.env.push_back(env_row(value));
  } else if (word == "@raw") {
    spec.raw = spec.raw.value_or("") + std::string(value) + "\n";
  } else if (word == "@body") {
    spec.body += std::string(value) + "\n";
  } else if (word == "@run") {
    // The runner's GITHUB_RUN_ID and the workflow's dashboard-url are trusted: digits, a URL.
    spec.run_id = kept(value, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  } else if (word == "@dash") {
    spec.dashboard = "https://example.com/" + kept(value, [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) != 0;
                     });
  }
}

Spec read_spec(std::string_view input) {
  Spec spec;
  const auto at = input.find(k_separator);
  if (at != std::string_view::npos) {
    spec.template_text = std::string(input.substr(at + k_separator.size()));
    input = input.substr(0, at);
  }
  for (const auto line : split(input, '\n')) {
    if (line.starts_with('@')) {
      read_option(line, spec);
      continue;
    }
    const auto fields = split(line, '\t');
    if (fields.size() < 2) {
      continue;
    }
    InputRow row{std::string(fields[0]), std::string(fields[1]), {}};
    for (std::size_t i = 2; i < fields.size(); ++i) {
      const auto cell = fields[i];
      row.cells.emplace_back(cell.empty() ? ' ' : cell.front(),
                             std::string(cell.empty() ? cell : cell.substr(1)));
    }
    spec.rows.push_back(std::move(row));
  }
  return spec;
}

Measurement measurement(const std::string& text) {
  Measurement side;
  if (text == "failed") {
    side.present = true;
    return side;
  }
  side.value = spyglass::model::Number{std::numeric_limits<double>::quiet_NaN(), false};
  if (text.empty()) {
    return side;
  }
  side.present = true;
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size()) {
    side.value->value = value;
    side.value->is_integer = text.find_first_of(".eEn") == std::string::npos;
  } else {
    side.text = text;  // a cell a parsed table printed; shown verbatim
  }
  return side;
}

Change change_of(char mark) {
  switch (mark) {
    case '+':
      return Change::k_regressed;
    case '-':
      return Change::k_improved;
    case '!':
      return Change::k_failure_introduced;
    case '*':
      return Change::k_failure_fixed;
    case 'x':
      return Change::k_incomparable;
    default:
      return Change::k_none;
  }
}

ComparisonRow comparison_row(const std::string& name, const std::string& before,
                             std::pair<char, std::string> cell) {
  ComparisonRow row;
  row.name = name;
  row.key = name.substr(0, name.find('('));
  row.before = measurement(before);
  row.after = measurement(cell.second);
  row.change = change_of(cell.first);
  row.insignificant = cell.first == '~';
  if (row.before.value && row.after.value) {
    row.ratio = row.before.value->value == 0.0 ? std::numeric_limits<double>::infinity()
                                               : row.after.value->value / row.before.value->value;
  } else {
    row.ratio = std::numeric_limits<double>::quiet_NaN();
  }
  return row;
}

spyglass::model::Source source(const std::string& label, const std::string& sha) {
  const auto slash = label.find('/');
  return {"fuzz.json", label.substr(0, slash),
          slash == std::string::npos ? "" : label.substr(slash + 1), sha};
}

// The names of the rows, made distinct as the comment shows them (code spans turn line breaks
// into spaces), so that each regression's row can be told apart.
std::vector<std::string> distinct_names(const std::vector<InputRow>& rows) {
  std::vector<std::string> names;
  std::set<std::string> spans;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string name = rows[i].name;
    while (!spans.insert(render::code_span(name, render::SpanPlace::k_table_cell)).second) {
      name += " #" + std::to_string(i);
    }
    names.push_back(std::move(name));
  }
  return names;
}

// The comparisons the spec describes, and the lines the comment shows for its regressions.
struct Built {
  spyglass::model::Comparison single;
  spyglass::model::MultiComparison multi;
  std::vector<std::string> regression_lines;  // the start of each regression's table row
};

Built build(const Spec& spec) {
  Built built;
  const auto names = distinct_names(spec.rows);
  std::size_t contenders = 1;
  for (const auto& row : spec.rows) {
    contenders = std::max(contenders, row.cells.size());
  }
  contenders = spec.many ? contenders : 1;
  built.multi.baseline = source(spec.before_label, spec.before_sha);
  built.multi.contenders.resize(contenders);
  for (std::size_t c = 0; c < contenders; ++c) {
    built.multi.contenders[c].before = built.multi.baseline;
    built.multi.contenders[c].after = source(c == 0 ? spec.after_label : "", spec.after_sha);
  }
  for (std::size_t r = 0; r < spec.rows.size(); ++r) {
    bool regressed = false;
    bool failing = false;
    for (std::size_t c = 0; c < contenders; ++c) {
      const auto cell = c < spec.rows[r].cells.size() ? spec.rows[r].cells[c]
                                                      : std::pair<char, std::string>(' ', "");
      auto row = comparison_row(names[r], spec.rows[r].before, cell);
      regressed = regressed || row.change == Change::k_regressed;
      failing = failing || row.change == Change::k_failure_introduced;
      built.multi.contenders[c].rows.push_back(std::move(row));
    }
    // A benchmark is listed under its worst verdict; regressed ranks above failing.
    if (regressed || failing) {
      built.regression_lines.push_back(
          "| " + std::string(regressed ? k_regressed_emoji : k_failing_emoji) + " | " +
          render::code_span(names[r], render::SpanPlace::k_table_cell) + " |");
    }
  }
  built.single = built.multi.contenders.front();
  return built;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Whether every tag in the raw HTML `fragment` is one the built-in template writes.
bool only_template_tags(std::string_view fragment) {
  static constexpr std::array<std::string_view, 6> k_tags = {"details",  "/details", "summary",
                                                             "/summary", "sub",      "/sub"};
  for (auto at = fragment.find('<'); at != std::string_view::npos;
       at = fragment.find('<', at + 1)) {
    const auto tag = fragment.substr(at + 1, fragment.find_first_of(" \t\n>", at) - at - 1);
    if (std::find(k_tags.begin(), k_tags.end(), tag) == k_tags.end()) {
      return false;
    }
  }
  return true;
}

// How many regression rows the note on a shortened comment says it left out.
std::size_t declared_left_out(std::string_view comment) {
  const auto at = comment.find(std::string("\n") + std::string(k_note_start));
  if (at == std::string_view::npos) {
    return 0;
  }
  auto note = comment.substr(at + 1);
  note = note.substr(0, note.find('\n'));
  const auto rows = note.find(" regression rows");
  if (rows == std::string_view::npos) {
    return 0;
  }
  // `all N regression rows` or `K of N regression rows`: the count that starts the phrase.
  auto phrase = note.substr(0, rows);
  phrase = phrase.substr(phrase.rfind("out ") + 4);
  phrase = phrase.substr(0, phrase.find(" of "));
  if (phrase.starts_with("all ")) {
    phrase.remove_prefix(4);
  }
  std::size_t n = 0;
  std::from_chars(phrase.data(), phrase.data() + phrase.size(), n);
  return n;
}

// The Mermaid chart in `comment`, if any, has one quoted label per bar: a label holding a quote
// would end early and shift every bar after it.
void check_chart(std::string_view comment) {
  const auto axis = comment.find("\n  x-axis [");
  if (axis == std::string_view::npos) {
    return;
  }
  const auto labels = comment.substr(axis + 1, comment.find('\n', axis + 1) - axis - 1);
  const auto bar_at = comment.find("\n  bar [", axis);
  require(bar_at != std::string_view::npos, "the chart has bars", comment);
  const auto bars = comment.substr(bar_at + 1, comment.find('\n', bar_at + 1) - bar_at - 1);
  const auto quotes = static_cast<std::size_t>(std::count(labels.begin(), labels.end(), '"'));
  const auto commas = static_cast<std::size_t>(std::count(bars.begin(), bars.end(), ','));
  require(quotes == 2 * (commas + 1), "the chart has one quoted label per bar", comment);
}

void check_default_comment(const std::string& comment, const Spec& spec, const Built& built) {
  const auto marker = render::comment_marker(spec.id);
  require(comment.starts_with(marker + "\n"), "the comment starts with its marker", comment);
  const auto html = spyglass::test::inspect_gfm(comment).raw_html;
  require(!html.empty() && html.front() == marker + "\n", "GitHub reads the marker as HTML",
          comment);
  for (std::size_t i = 1; i < html.size(); ++i) {
    require(only_template_tags(html[i]), "the only raw HTML is the template's",
            html[i] + "\n--- found in ---\n" + comment);
  }
  spyglass::fuzz::check_table_columns(comment);
  check_chart(comment);

  std::size_t listed = 0;
  for (const auto line : split(comment, '\n')) {
    for (const auto& start : built.regression_lines) {
      listed += line.starts_with(start) ? 1 : 0;
    }
  }
  require(listed + declared_left_out(comment) == built.regression_lines.size(),
          "every regression is listed or said to be left out", comment);
}

// This job's section spliced into the shared comment `spec.body`, and spliced again.
void check_section(const render::CommentInput& input,
                   const render::CommentTemplate& comment_template, const Spec& spec,
                   std::size_t limit) {
  render::SectionedComment sectioned(input, comment_template);
  const auto body = sectioned.splice_into(spec.body, limit);
  require(code_points(body) <= limit, "the shared comment fits its limit", body);
  require(sectioned.is_held_by(body), "the shared comment holds the section as written", body);
  const auto sections = render::parse_sections(body);
  require(std::count_if(sections.begin(), sections.end(),
                        [&](const auto& section) { return section.name == *input.section; }) == 1,
          "the shared comment holds the section once", body);
  require(sectioned.splice_into(body, limit) == body, "splicing the section again changes nothing",
          body);
  if (!spec.template_text) {
    require(body.starts_with(render::comment_marker(spec.id) + "\n"),
            "the shared comment starts with its marker", body);
    // The other sections are kept byte for byte as found, broken tables and all.
    spyglass::fuzz::check_table_columns(sectioned.last_written().block);
  }
}

void run(const Spec& spec) {
  const Built built = build(spec);
  render::CommentInput input;
  input.id = spec.id;
  input.chart = spec.chart;
  if (spec.section) {
    try {
      render::check_section_name(*spec.section);
      input.section = spec.section;
    } catch (const spyglass::Error&) {
      // Such a name is refused before any comment is rendered.
    }
  }
  if (spec.many) {
    input.multi = &built.multi;
    if (spec.labels.size() == built.multi.contenders.size() + 1) {
      input.labels = spec.labels;
    }
    input.raw_table =
        spec.raw.value_or(render::render_compare_many_text(built.multi, input.labels));
  } else {
    input.comparison = &built.single;
    input.raw_table = spec.raw.value_or(render::render_compare_text(built.single, {}));
  }
  if (!spec.env.empty()) {
    spyglass::compare::EnvDiff diff;
    diff.changes = spec.env;
    input.environment_markdown = render::render_env_diff_table(diff, render::UnchangedRows::k_omit);
  }
  if (spec.run_id) {
    input.run = {"https://github.com", "octo/widgets", spec.run_id, "1"};
  }
  input.dashboard_url = spec.dashboard;

  const auto comment_template =
      spec.template_text ? render::CommentTemplate{*spec.template_text, "fuzz.md.mustache"}
                         : render::default_comment_template();
  std::size_t limit = spec.limit;
  if (spec.shrink) {
    // Limits just below a comment's size are where an off-by-one in the fitting shows.
    const auto whole = code_points(render::render_comment(input, {}, comment_template));
    limit = whole - std::min(whole, *spec.shrink);
  }
  if (input.section) {
    try {
      check_section(input, comment_template, spec, limit);
    } catch (const spyglass::Error&) {
      // The other sections leave no room for this one's headline.
    }
  }
  const auto comment = render::fit_comment(input, limit, comment_template);
  require(code_points(comment) <= limit, "the comment fits its limit", comment);
  if (!spec.template_text) {
    check_default_comment(comment, spec, built);
  }
}

// `text` with each byte that starts no well-formed UTF-8 sequence replaced by U+FFFD.
std::string well_formed(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t length = spyglass::util::utf8_sequence_length(text);
    if (length == 0 || length > text.size()) {
      out += "\uFFFD";
      text.remove_prefix(1);
    } else {
      out += text.substr(0, length);
      text.remove_prefix(length);
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    run(read_spec(well_formed(std::string_view(reinterpret_cast<const char*>(data), size))));
  } catch (const spyglass::Error&) {
    // No room for the headline, or a template that does not parse.
  }
  return 0;
}
