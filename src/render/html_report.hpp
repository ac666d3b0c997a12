#pragma once

#include <string>
#include <vector>

#include "spyglass/model/asv_results.hpp"
#include "spyglass/model/comparison.hpp"

namespace spyglass::render {

// One before/after comparison of the report. The pointers must outlive the rendering.
struct ReportSection {
  std::string heading;
  const model::Comparison* comparison = nullptr;
  // The result files compared, whose samples the report plots; null for a comparison table.
  const model::ResultFile* before_file = nullptr;
  const model::ResultFile* after_file = nullptr;
};

// What `spyglass report --html` shows: a summary, then per section a ratio chart, a sortable table
// of every row and the sample distributions.
struct HtmlReport {
  std::string title = "Benchmark report";
  std::vector<ReportSection> sections;
};

// How many bars a section's ratio chart and how many sample plots it shows at most (the largest
// changes first); the table always lists every row.
inline constexpr std::size_t k_report_chart_bars = 40;
inline constexpr std::size_t k_report_sample_plots = 30;

// `report` as one self-contained HTML page: inline CSS, inline SVG and a little inline script
// that sorts the tables (by ratio, largest first, on load; by any column on a click). It
// references no external resource, and every text from the input is HTML-escaped.
std::string render_html_report(const HtmlReport& report);

}  // namespace spyglass::render
