#include "invariants.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "spyglass/compare/compare.hpp"
#include "spyglass/ingest/comparison_table.hpp"
#include "spyglass/render/comment_model.hpp"
#include "spyglass/render/comparison_json.hpp"
#include "spyglass/util/error.hpp"
#include "spyglass/util/python_json.hpp"

namespace spyglass::fuzz {
namespace {

using model::Change;
using model::ComparisonRow;

// A few units in the last place of slack: the marks compare t1 with t2/factor, the ratio is t2/t1.
constexpr double k_rounding = 1e-12;

// The mark of each Change, as spec 3.4 gives them.
struct ChangeMark {
  Change change;
  char mark;
};
constexpr std::array<ChangeMark, 6> k_change_marks = {{
    {Change::k_none, ' '},
    {Change::k_improved, '-'},
    {Change::k_regressed, '+'},
    {Change::k_failure_introduced, '!'},
    {Change::k_failure_fixed, '*'},
    {Change::k_incomparable, 'x'},
}};

char mark_of(Change change) {
  for (const auto& entry : k_change_marks) {
    if (entry.change == change) {
      return entry.mark;
    }
  }
  require(false, "a Change has a mark");
  return ' ';
}

bool failed(const model::Measurement& side) { return !side.value.has_value(); }

// The side's value when it is a positive finite number.
std::optional<double> positive(const model::Measurement& side) {
  if (side.value && std::isfinite(side.value->value) && side.value->value > 0.0) {
    return side.value->value;
  }
  return std::nullopt;
}

using util::JsonValue;

// The member `key` of `object`; a missing one breaks the documented shape.
const JsonValue& member(const JsonValue& object, std::string_view key, std::string_view text) {
  const auto* found = object.find(key);
  require(found != nullptr, "the JSON has every documented member", text);
  return *found;
}

bool is_string(const JsonValue& value, std::string_view expected) {
  return value.is_string() && value.as_string() == expected;
}

bool is_count(const JsonValue& value, std::size_t expected) {
  return value.type() == JsonValue::Type::k_integer &&
         value.as_integer() == static_cast<std::int64_t>(expected);
}

// The mark of one JSON benchmark (or cell) is its row's, and its change the comment's verdict
// (docs/json-output.md).
void check_json_verdict(const JsonValue& entry, const ComparisonRow& row, std::string_view text) {
  require(is_string(member(entry, "mark", text), std::string(1, mark_of(row.change))),
          "a JSON mark is its row's mark", text);
  require(is_string(member(entry, "change", text), render::verdict_key(render::verdict_of(row))),
          "a JSON change is its row's verdict", text);
}

}  // namespace

void require(bool holds, std::string_view what, std::string_view context) {
  if (holds) {
    return;
  }
  // fwrite, not %s: the context may hold NUL bytes.
  std::fprintf(stderr, "invariant broken: %.*s\n--- in ---\n", static_cast<int>(what.size()),
               what.data());
  std::fwrite(context.data(), 1, context.size(), stderr);
  std::fprintf(stderr, "\n--- end ---\n");
  __builtin_trap();
}

void check_names_start_with_keys(const model::Comparison& comparison) {
  for (const auto& row : comparison.rows) {
    require(std::string_view(row.name).starts_with(row.key), "a row's name starts with its key",
            row.name);
  }
}

void check_contenders_have_rows(const model::MultiComparison& multi,
                                const model::Comparison& reference) {
  for (const auto& contender : multi.contenders) {
    require(contender.rows.size() == reference.rows.size(), "every contender has the rows");
    for (std::size_t i = 0; i < reference.rows.size(); ++i) {
      require(contender.rows[i].name == reference.rows[i].name, "every contender has the rows",
              reference.rows[i].name);
    }
    check_names_start_with_keys(contender);
  }
}

void check_marks_agree_with_values(const model::Comparison& comparison) {
  const double factor = comparison.factor;
  for (const auto& row : comparison.rows) {
    if (row.before.value && row.after.value && row.before.value->value != 0.0) {
      const double ratio = row.after.value->value / row.before.value->value;
      require(ratio == row.ratio || (std::isnan(ratio) && std::isnan(row.ratio)),
              "the ratio is after / before", row.name);
    }
    if (row.change == Change::k_failure_introduced) {
      require(failed(row.after) && !failed(row.before), "`!` runs before and fails after",
              row.name);
    }
    if (row.change == Change::k_failure_fixed) {
      require(failed(row.before) && !failed(row.after), "`*` fails before and runs after",
              row.name);
    }
    if (row.insignificant) {
      require(row.change == Change::k_none, "`~` marks only unchanged rows", row.name);
    }
    const auto t1 = positive(row.before);
    const auto t2 = positive(row.after);
    if (!t1 || !t2) {
      continue;
    }
    // How many times worse after is: after / before, before / after where bigger is better.
    const double ratio =
        row.direction == model::Direction::k_bigger_is_better ? *t1 / *t2 : *t2 / *t1;
    const bool beyond = ratio > factor * (1 + k_rounding);
    const bool below = ratio * factor < 1 - k_rounding;
    if (row.change == Change::k_regressed) {
      require(ratio * (1 + k_rounding) >= factor, "`+` has a ratio of at least the factor",
              row.name);
    }
    if (row.change == Change::k_improved) {
      require(ratio * factor <= 1 + k_rounding, "`-` has a ratio of at most 1 / factor", row.name);
    }
    if (row.change == Change::k_none && !row.insignificant) {
      require(!beyond && !below, "an unmarked row without `~` lies within the factor", row.name);
    }
  }
}

void check_nothing_changed(const model::Comparison& comparison) {
  for (const auto& row : comparison.rows) {
    const bool negative = (row.before.value && row.before.value->value < 0.0) ||
                          (row.after.value && row.after.value->value < 0.0);
    if (negative) {
      continue;
    }
    require(!row.insignificant, "a file compared with itself has no `~`", row.name);
    require(row.change == Change::k_none || row.change == Change::k_incomparable,
            "a file compared with itself has no change", row.name);
  }
}

void check_compare_json(const model::Comparison& comparison, const render::RowFilter& filter,
                        render::SortOrder sort) {
  // util's parser reads RFC 8259 strictly (and NaN, which the writer never writes); nlohmann's
  // costs several times more on large outputs, so python_json_fuzzer checks the two agree.
  const auto text = render::render_compare_json(comparison, filter, sort);
  const auto document = util::parse_python_json(text, "compare.json");
  const auto& json = document.root();
  const auto rows = render::select_rows(comparison, filter, sort);
  const auto benchmarks = member(json, "benchmarks", text).items();
  const auto& counts = member(json, "counts", text);
  require(benchmarks.size() == rows.size(), "the JSON lists every selected row", text);
  require(is_count(member(counts, "total", text), rows.size()), "the JSON total counts every row",
          text);
  render::VerdictCounts by_verdict{};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    check_json_verdict(benchmarks[i], *rows[i], text);
    if (!rows[i]->ignored) {  // an ignored row is counted under no verdict
      ++by_verdict[static_cast<std::size_t>(render::verdict_of(*rows[i]))];
    }
  }
  for (std::size_t v = 0; v < by_verdict.size(); ++v) {
    require(is_count(member(counts, render::verdict_key(static_cast<render::Verdict>(v)), text),
                     by_verdict[v]),
            "the JSON counts are the rows' verdicts", text);
  }
}

void check_compare_many_json(const model::MultiComparison& comparison,
                             const std::vector<std::string>& labels) {
  const auto text = render::render_compare_many_json(comparison, labels);
  const auto document = util::parse_python_json(text, "compare-many.json");
  const auto& json = document.root();
  const auto& contenders = comparison.contenders;
  const std::size_t row_count = contenders.empty() ? 0 : contenders.front().rows.size();
  require(member(json, "contenders", text).items().size() == contenders.size(),
          "the JSON lists every contender", text);
  const auto benchmarks = member(json, "benchmarks", text).items();
  require(benchmarks.size() == row_count, "the JSON lists every benchmark", text);
  for (std::size_t r = 0; r < row_count; ++r) {
    const auto cells = member(benchmarks[r], "contenders", text).items();
    require(cells.size() == contenders.size(), "every benchmark has a cell per contender", text);
    for (std::size_t c = 0; c < contenders.size(); ++c) {
      check_json_verdict(cells[c], contenders[c].rows[r], text);
    }
  }
}

void check_compare_text_round_trip(std::string_view text,
                                   const render::CompareTableOptions& options) {
  // Labels are printed in place of the environments, and read back as them: a table read back
  // prints without them (`[a -> a]` reads back as one environment, printed without a suffix).
  auto unlabelled = options;
  unlabelled.label_before.reset();
  unlabelled.label_after.reset();
  const bool labelled = options.label_before || options.label_after;
  try {
    std::string printed(text);
    auto again = render::render_compare_text(
        ingest::parse_comparison_table(printed, "printed.md").comparison, unlabelled);
    if (labelled) {
      printed = std::exchange(
          again, render::render_compare_text(
                     ingest::parse_comparison_table(again, "again.md").comparison, unlabelled));
    }
    require(again == printed, "a compare table read back prints the same",
            printed + "--- read back, it prints ---\n" + again);
  } catch (const Error&) {
    // asv-spyglass prints names verbatim, so a line break in one leaves an unreadable table.
  }
}

void check_compare_many_text_round_trip(std::string_view text) {
  try {
    const auto table = ingest::parse_comparison_table(text, "printed.md");
    if (text == "\n") {
      return;  // compare-many without rows prints what compare does, and reads back as compare
    }
    require(table.kind == ingest::TableKind::k_compare_many,
            "a compare-many table reads back as one", text);
    const auto again = render::render_compare_many_text(table.multi, {});
    require(again == text, "a compare-many table read back prints the same",
            std::string(text) + "--- read back, it prints ---\n" + again);
  } catch (const Error&) {
    // As above: a name or label with a line break cannot be read back.
  }
}

std::size_t count_cell_separators(std::string_view line) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    // cmark-gfm reads `\|` as an escaped pipe whatever precedes the backslash.
    count += line[i] == '|' && (i == 0 || line[i - 1] != '\\') ? 1 : 0;
  }
  return count;
}

namespace {

// Calls `on_line(line, in_fence)` for each line of `markdown`; fence lines count as inside.
template <typename OnLine>
void for_each_line(std::string_view markdown, OnLine on_line) {
  std::string_view fence;  // the open fence's backticks or tildes; empty outside one
  while (!markdown.empty()) {
    const auto end = markdown.find('\n');
    const auto line = markdown.substr(0, end);
    markdown = end == std::string_view::npos ? std::string_view() : markdown.substr(end + 1);
    const auto start = line.find_first_not_of(' ');
    const auto trimmed =
        start == std::string_view::npos || start > 3 ? std::string_view() : line.substr(start);
    const auto run = trimmed.empty() ? 0 : trimmed.find_first_not_of(trimmed.front());
    const auto run_length = run == std::string_view::npos ? trimmed.size() : run;
    const bool fence_chars = !trimmed.empty() && (trimmed.front() == '`' || trimmed.front() == '~');
    if (fence.empty() && fence_chars && run_length >= 3) {
      fence = trimmed.substr(0, run_length);
      on_line(line, true);
      continue;
    }
    const bool closes = !fence.empty() && fence_chars && trimmed.front() == fence.front() &&
                        run_length >= fence.size() &&
                        trimmed.find_first_not_of(" \t", run_length) == std::string_view::npos;
    on_line(line, !fence.empty());
    if (closes) {
      fence = {};
    }
  }
}

}  // namespace

void check_table_columns(std::string_view markdown) {
  std::optional<std::size_t> columns;  // the header's separators in the current table
  for_each_line(markdown, [&](std::string_view line, bool in_fence) {
    const auto start = line.find_first_not_of(' ');
    if (in_fence || start == std::string_view::npos || line[start] != '|') {
      columns.reset();
      return;
    }
    const std::size_t count = count_cell_separators(line);
    if (!columns) {
      columns = count;
    }
    require(count == *columns, "a table row has as many cells as its header", markdown);
  });
}

}  // namespace spyglass::fuzz
