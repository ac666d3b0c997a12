#include "spyglass/render/html_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "spyglass/render/asv_table.hpp"
#include "spyglass/render/change_chart.hpp"
#include "spyglass/render/comment_model.hpp"
#include "spyglass/render/markdown.hpp"
#include "spyglass/render/svg_charts.hpp"

namespace spyglass::render {
namespace {

// Every colour is a custom property set once per theme, the SVG charts' included (their marks
// have classes, no fills of their own), so a dark system theme darkens the whole page. Every text
// colour reaches a contrast of at least 4.5 on its background in both themes.
constexpr const char* k_style = R"css(
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e;
        --line: #d1d9e0; --head: #f6f8fa; --bad: #cf222e; --good: #1a7f37; --other: #818b98;
        --before: #0969da; --after: #bc4c00; --focus: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #f0f6fc; --muted: #9198a1; --line: #3d444d; --head: #151b23;
          --bad: #ff7b72; --good: #3fb950; --other: #9198a1; --before: #4493f8; --after: #f0883e;
          --focus: #4493f8; }
}
body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
       background: var(--bg); color: var(--fg); margin: 24px auto; max-width: 1200px;
       padding: 0 16px; }
a { color: var(--before); }
h1 { font-size: 24px; } h2 { border-bottom: 1px solid var(--line); padding-bottom: 4px; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); }
td.num { text-align: right; white-space: nowrap; }
th > button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0;
              padding: 0; cursor: pointer; }
th > button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
th[aria-sort=ascending] > button::after { content: " \25B2"; }
th[aria-sort=descending] > button::after { content: " \25BC"; }
tr.v-regressed td:first-child, tr.v-failing td:first-child { color: var(--bad); font-weight: 600; }
tr.v-improved td:first-child, tr.v-fixed td:first-child { color: var(--good); font-weight: 600; }
svg text { font: 11px ui-monospace, SFMono-Regular, Menlo, monospace; fill: var(--fg); }
.bar-name, .lane { text-anchor: end; } .tick-label { text-anchor: middle; fill: var(--muted); }
.tick { stroke: var(--line); } .one { stroke: var(--fg); }
.bar-regressed { fill: var(--bad); } .bar-improved { fill: var(--good); }
.bar-other { fill: var(--other); }
.box-before, .box-after { fill: none; stroke-width: 1.5; }
.box-before { stroke: var(--before); } .box-after { stroke: var(--after); }
.median { stroke: var(--fg); }
.dot-before { fill: var(--before); fill-opacity: .5; }
.dot-after { fill: var(--after); fill-opacity: .5; }
figure { margin: 8px 0 16px; } figcaption { margin-bottom: 2px; }
)css";

// Sorts every `table.sortable` by the column whose header has `data-default-sort` on load, and by
// any column when its header's button is pressed (click, Enter or Space; again: the other way);
// cells sort by `data-v`, numbers numerically with blanks last. Marks the sorted header with
// aria-sort and the body with data-sorted once done.
constexpr const char* k_script = R"js(
(function () {
  "use strict";
  function sortTable(table, column, direction) {
    var header = table.tHead.rows[0].cells[column];
    var numeric = header.getAttribute("data-type") === "number";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var sign = direction === "ascending" ? 1 : -1;
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute("data-v");
      var y = b.cells[column].getAttribute("data-v");
      if (numeric) {
        var nx = x === "" ? NaN : Number(x);
        var ny = y === "" ? NaN : Number(y);
        if (isNaN(nx) || isNaN(ny)) {
          return isNaN(nx) === isNaN(ny) ? 0 : (isNaN(nx) ? 1 : -1);
        }
        return nx === ny ? 0 : (nx < ny ? -sign : sign);
      }
      return sign * x.localeCompare(y);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", direction);
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
      cell.querySelector("button").addEventListener("click", function () {
        var now = cell.getAttribute("aria-sort");
        sortTable(table, column, now === "descending" ? "ascending" : "descending");
      });
      var initial = cell.getAttribute("data-default-sort");
      if (initial) {
        sortTable(table, column, initial);
      }
    });
  });
  document.body.setAttribute("data-sorted", "true");
})();
)js";

VerdictTally count_verdicts(const model::Comparison& comparison) {
  VerdictTally tally;
  for (const auto& row : comparison.rows) {
    tally.add(row);
  }
  return tally;
}

// A verdict as the page shows it: its model key with spaces.
std::string verdict_words(Verdict verdict) {
  std::string words(verdict_key(verdict));
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

// A number for a `data-v` attribute that JavaScript's Number() reads back; blank for none.
std::string sort_value(std::optional<double> value) {
  if (!value || std::isnan(*value)) {
    return "";
  }
  if (std::isinf(*value)) {
    return *value > 0 ? "Infinity" : "-Infinity";
  }
  return fmt::format("{}", *value);
}

std::optional<double> measured(const model::Measurement& side) {
  return side.value ? std::optional<double>(side.value->value) : std::nullopt;
}

std::string summary_table(const HtmlReport& report) {
  std::string html = "<table class=\"summary\"><thead><tr><th>Comparison</th>";
  for (std::size_t v = 0; v < k_verdict_count; ++v) {
    html += fmt::format("<th>{}</th>", verdict_words(static_cast<Verdict>(v)));
  }
  html += "<th>ignored</th></tr></thead><tbody>\n";
  for (std::size_t s = 0; s < report.sections.size(); ++s) {
    const auto tally = count_verdicts(*report.sections[s].comparison);
    html += fmt::format("<tr><td><a href=\"#section-{}\">{}</a></td>", s + 1,
                        escape_html(report.sections[s].heading));
    for (const auto count : tally.by_verdict) {
      html += fmt::format("<td class=\"num\">{}</td>", count);
    }
    html += fmt::format("<td class=\"num\">{}</td>", tally.ignored);
    html += "</tr>\n";
  }
  return html + "</tbody></table>\n";
}

// A header the script sorts by: a button, so the keyboard reaches it. `extra` adds attributes.
std::string sortable_header(std::string_view label, std::string_view type,
                            std::string_view extra = "") {
  return fmt::format("<th data-type=\"{}\"{}><button type=\"button\">{}</button></th>", type, extra,
                     label);
}

std::string rows_table(const model::Comparison& comparison, std::size_t section) {
  std::string html = fmt::format("<table class=\"sortable\" id=\"table-{}\"><thead><tr>", section);
  html += sortable_header("Verdict", "number") + sortable_header("Benchmark", "text") +
          sortable_header("Before", "number") + sortable_header("After", "number") +
          sortable_header("Ratio", "number", " data-default-sort=\"descending\"");
  html += "</tr></thead><tbody>\n";
  for (const auto& row : comparison.rows) {
    const auto verdict = verdict_of(row);
    const auto cells = compare_cells(row);
    html += fmt::format(
        "<tr class=\"v-{0}\"><td data-v=\"{1}\">{2}</td><td data-v=\"{3}\"><code>{3}</code></td>"
        "<td class=\"num\" data-v=\"{4}\">{5}</td><td class=\"num\" data-v=\"{6}\">{7}</td>"
        "<td class=\"num\" data-v=\"{8}\">{9}</td></tr>\n",
        verdict_key(verdict), static_cast<int>(verdict), verdict_words(verdict),
        escape_html(row.name), sort_value(measured(row.before)), escape_html(cells.before),
        sort_value(measured(row.after)), escape_html(cells.after), sort_value(row.ratio),
        escape_html(cells.ratio));
  }
  return html + "</tbody></table>\n";
}

// The samples of `file`'s results by name; empty without a file.
std::unordered_map<std::string, const std::vector<double>*> samples_by_name(
    const model::ResultFile* file) {
  std::unordered_map<std::string, const std::vector<double>*> samples;
  if (file != nullptr) {
    for (const auto& result : file->results) {
      if (result.samples && !result.samples->empty()) {
        samples.emplace(result.name, &*result.samples);
      }
    }
  }
  return samples;
}

std::string sample_plots(const ReportSection& section) {
  const auto before = samples_by_name(section.before_file);
  const auto after = samples_by_name(section.after_file);
  std::unordered_map<std::string, const model::ComparisonRow*> rows;
  std::vector<ChartBar> with_samples;
  for (const auto& row : section.comparison->rows) {
    if (before.count(row.name) != 0 && after.count(row.name) != 0) {
      rows.emplace(row.name, &row);
      // Rows without a ratio plot last, as if unchanged.
      const double ratio = std::isfinite(row.ratio) && row.ratio > 0.0 ? row.ratio : 1.0;
      with_samples.push_back({row.name, ratio, row.change});
    }
  }
  if (with_samples.empty()) {
    return "";
  }
  const auto shown = largest_changes(with_samples, k_report_sample_plots);
  std::string html = fmt::format(
      "<h3>Sample distributions</h3>\n<p>Every sample before and after, with the quartiles and "
      "median as a box: {} of {} benchmarks with samples, the largest changes first.</p>\n",
      shown.size(), with_samples.size());
  for (const auto& bar : shown) {
    const auto& row = *rows.at(bar.name);
    html += fmt::format("<figure class=\"sample-plot\"><figcaption><code>{}</code> {}</figcaption>",
                        escape_html(row.name), escape_html(compare_cells(row).ratio));
    html += sample_plot_svg(*before.at(row.name), *after.at(row.name), row.unit);
    html += "</figure>\n";
  }
  return html;
}

std::string section_html(const ReportSection& section, std::size_t number) {
  const auto& comparison = *section.comparison;
  std::string html = fmt::format("<section class=\"comparison\" id=\"section-{}\">\n<h2>{}</h2>\n",
                                 number, escape_html(section.heading));
  const auto bars = chart_bars(comparison, ChartRows::k_all);
  if (!bars.empty()) {
    auto shown = largest_changes(bars, k_report_chart_bars);
    std::stable_sort(shown.begin(), shown.end(),
                     [](const ChartBar& a, const ChartBar& b) { return a.ratio > b.ratio; });
    html += fmt::format(
        "<h3>Ratios</h3>\n<p>After/before on a log scale, 1.0 in the middle: {} of {} benchmarks "
        "with a ratio, the largest changes, slowest at the top.</p>\n",
        shown.size(), bars.size());
    html += ratio_chart_svg(shown) + "\n";
  }
  html += fmt::format("<h3>All benchmarks ({})</h3>\n", comparison.rows.size());
  html += rows_table(comparison, number);
  html += sample_plots(section);
  return html + "</section>\n";
}

}  // namespace

std::string render_html_report(const HtmlReport& report) {
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{0}</title>\n<style>{1}</style>\n</head>\n<body>\n<h1>{0}</h1>\n"
      "<section id=\"summary\">\n<h2>Summary</h2>\n",
      escape_html(report.title), k_style);
  html += summary_table(report);
  html += "</section>\n";
  for (std::size_t s = 0; s < report.sections.size(); ++s) {
    html += section_html(report.sections[s], s + 1);
  }
  return html + fmt::format("<script>{}</script>\n</body>\n</html>\n", k_script);
}

}  // namespace spyglass::render
