// The HTML report in a real browser: headless Chromium (Debian's `chromium`, installed by
// scripts/install-deps.sh) renders the page to a screenshot that is not blank, runs its script
// without a console error, and leaves every table sorted by ratio with the sort marked. A probe
// script added to a copy of the page reads the computed colours in the light and the dark theme
// and presses a header's sort button.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "support/html_inspect.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

const std::string k_django = "@F/asv-real/django-asv/results/ubuntu-latest/";
const std::string k_hostile = "@F/handmade/hostile/box/";

// What one Chromium run printed.
struct BrowserRun {
  int status;
  std::string out;
  std::string err;  // Chromium's log, console messages included
};

// Open `page` in headless Chromium with `mode` (--dump-dom, --screenshot=...), a fresh profile
// and HOME inside `dir`, and at most two minutes.
BrowserRun open_in_chromium(const TempDir& dir, const std::string& page, const std::string& mode) {
  static int runs = 0;
  const auto tag = std::to_string(++runs);
  const auto out = "chromium-" + tag + ".out";
  const auto err = "chromium-" + tag + ".err";
  const auto command =
      "cd '" + dir.path().string() + "' && HOME='" + dir.path().string() +
      "' timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage "
      "--no-first-run --user-data-dir='" +
      (dir.path() / ("profile-" + tag)).string() +
      "' --enable-logging=stderr --v=0 --window-size=1280,2000 " + mode + " 'file://" +
      (dir.path() / page).string() + "' > '" + out + "' 2> '" + err + "'";
  const int status = std::system(command.c_str());
  return {status, dir.read(out), dir.read(err)};
}

// The console errors Chromium logged: uncaught exceptions and console.error calls.
std::vector<std::string> console_errors(const std::string& log) {
  std::vector<std::string> errors;
  std::size_t start = 0;
  while (start < log.size()) {
    auto end = log.find('\n', start);
    end = end == std::string::npos ? log.size() : end;
    const auto line = log.substr(start, end - start);
    if (line.find("Uncaught") != std::string::npos ||
        line.find("ERROR:CONSOLE") != std::string::npos) {
      errors.push_back(line);
    }
    start = end + 1;
  }
  return errors;
}

std::uint32_t big_endian_u32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  }
  return value;
}

// Blink's preferred colour scheme (the media query prefers-color-scheme), whatever the host's.
const std::string k_light = "--blink-settings=preferredColorScheme=1";
const std::string k_dark = "--blink-settings=preferredColorScheme=0";

// Run after the page's own script: writes what the test checks into <body data-probe-*>.
// Colours: computed, as "rgb(r, g, b)". Keys: the Benchmark header's button is focused and
// pressed twice. Headless Chromium's --dump-dom cannot send real key events, and a script's
// KeyboardEvent does not activate a button, so the probe calls click(), which is what Enter and
// Space do on a focused native <button>.
constexpr const char* k_probe = R"js(<script>
(function () {
  "use strict";
  var body = document.body;
  // The django results have no regression: a row and a bar of one, styled by the page's CSS.
  var regression = document.createElement("div");
  regression.innerHTML = "<table><tbody><tr class=\"v-regressed\"><td>+</td></tr></tbody>" +
      "</table><svg><rect class=\"bar-regressed\"/></svg>";
  body.appendChild(regression);
  function colour(selector, property) {
    return getComputedStyle(document.querySelector(selector))[property];
  }
  var probes = {
    "bg": colour("body", "backgroundColor"),
    "text": colour("body", "color"),
    "head-bg": colour("table.sortable th", "backgroundColor"),
    "head-text": colour("table.sortable th > button", "color"),
    "regressed-text": colour("tr.v-regressed td", "color"),
    "improved-text": colour("tr.v-improved td", "color"),
    "chart-text": colour("svg.ratio-chart text.bar-name", "fill"),
    "tick-text": colour("svg.ratio-chart text.tick-label", "fill"),
    "bar-regressed": colour("rect.bar-regressed", "fill"),
    "bar-improved": colour("svg.ratio-chart rect.bar-improved", "fill"),
    "box-before": colour("svg.samples rect.box-before", "stroke"),
    "resources": String(performance.getEntriesByType("resource").length)
  };
  body.removeChild(regression);
  var table = document.querySelector("table.sortable");
  var header = table.tHead.rows[0].cells[1];
  var button = header.querySelector("button");
  button.focus();
  probes["focused"] = String(document.activeElement === button);
  probes["focus-outline"] = getComputedStyle(button).outlineStyle;
  button.click();
  probes["first-press"] = header.getAttribute("aria-sort") + " " +
      Array.prototype.map.call(table.tBodies[0].rows, function (row) {
        return row.cells[1].getAttribute("data-v");
      }).join(" ");
  button.click();
  Object.keys(probes).forEach(function (key) {
    body.setAttribute("data-probe-" + key, probes[key]);
  });
})();
</script>
)js";

// The value of `<body data-probe-KEY="...">` in `dom`.
std::string probed(const std::string& dom, const std::string& key) {
  const auto attribute = "data-probe-" + key + "=\"";
  const auto at = dom.find(attribute);
  if (at == std::string::npos) {
    return "(not probed: " + key + ")";
  }
  const auto start = at + attribute.size();
  return dom.substr(start, dom.find('"', start) - start);
}

// WCAG 2's relative luminance of "rgb(r, g, b)".
double luminance(const std::string& rgb) {
  int channels[3] = {0, 0, 0};
  EXPECT_EQ(std::sscanf(rgb.c_str(), "rgb(%d, %d, %d)", &channels[0], &channels[1], &channels[2]),
            3)
      << rgb;
  double linear[3];
  for (int i = 0; i < 3; ++i) {
    const double c = channels[i] / 255.0;
    linear[i] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
}

// WCAG 2's contrast ratio of two colours, 1 to 21.
double contrast(const std::string& a, const std::string& b) {
  const double la = luminance(a);
  const double lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The names in the Benchmark column of `dom`'s rows (their second data-v), in order.
std::vector<std::string> benchmark_column(const std::string& dom) {
  const std::string row_start = "<tr class=\"v-";
  std::vector<std::string> names;
  for (auto at = dom.find(row_start); at != std::string::npos; at = dom.find(row_start, at + 1)) {
    const auto first = dom.find("data-v=\"", at);
    const auto second = dom.find("data-v=\"", first + 1) + 8;
    names.push_back(dom.substr(second, dom.find('"', second) - second));
  }
  return names;
}

class HtmlReportInBrowser : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("command -v chromium > /dev/null") != 0) {
      FAIL() << "chromium is not installed (scripts/install-deps.sh installs it)";
    }
    const auto result = run_cli({"report", "--base", k_django + "cccc004b-conda-py3.12.json",
                                 "--pr", k_django + "03988c5a-conda-py3.12.json", "--html",
                                 (m_dir.path() / "report.html").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto hostile = run_cli({"report", "--base", k_hostile + "hhhhhhhh-py.json", "--pr",
                                  k_hostile + "iiiiiiii-py.json", "--html",
                                  (m_dir.path() / "hostile.html").string()});
    ASSERT_EQ(hostile.exit_code, 0) << hostile.err;
    m_dir.write("blank.html", "<!DOCTYPE html>\n<html><body></body></html>\n");
    auto probe = m_dir.read("report.html");
    probe.insert(probe.rfind("</body>"), k_probe);
    m_dir.write("probe.html", probe);
  }

  // The DOM of `page` once its script ran, which must have run to its end without a console error.
  std::string dom_after_script(const std::string& page, const std::string& flags = "") const {
    const auto run = open_in_chromium(m_dir, page, flags + " --dump-dom");
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(console_errors(run.err), std::vector<std::string>{});
    EXPECT_NE(run.out.find("<body data-sorted=\"true\""), std::string::npos);
    return run.out;
  }

  TempDir m_dir{"spyglass-browser"};
};

TEST_F(HtmlReportInBrowser, ScreenshotIsNotBlank) {
  const auto blank = open_in_chromium(m_dir, "blank.html", "--screenshot=blank.png");
  const auto shot = open_in_chromium(m_dir, "report.html", "--screenshot=report.png");
  ASSERT_EQ(shot.status, 0) << shot.err;
  ASSERT_EQ(blank.status, 0) << blank.err;
  EXPECT_EQ(console_errors(shot.err), std::vector<std::string>{});

  const auto png = m_dir.read("report.png");
  const auto blank_png = m_dir.read("blank.png");
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(big_endian_u32(png, 16), 1280u);  // width
  EXPECT_EQ(big_endian_u32(png, 20), 2000u);  // height
  // Text, tables and charts compress far worse than an empty white page.
  EXPECT_GT(png.size(), 5 * blank_png.size())
      << "report " << png.size() << " bytes, blank " << blank_png.size();
}

TEST_F(HtmlReportInBrowser, ScriptSortsEveryTableByRatioOnLoad) {
  const auto dom = dom_after_script("report.html");
  EXPECT_NE(dom.find("<th data-type=\"number\" data-default-sort=\"descending\" "
                     "aria-sort=\"descending\"><button type=\"button\">Ratio</button></th>"),
            std::string::npos);

  // All 66 rows, their ratios (each row's last data-v) non-increasing, the blank ones last.
  const std::string row_start = "<tr class=\"v-";
  std::vector<std::string> ratios;
  for (auto at = dom.find(row_start); at != std::string::npos; at = dom.find(row_start, at + 1)) {
    const auto row_end = dom.find("</tr>", at);
    const auto cell = dom.rfind("data-v=\"", row_end);
    const auto value_start = cell + 8;
    ratios.push_back(dom.substr(value_start, dom.find('"', value_start) - value_start));
  }
  ASSERT_EQ(ratios.size(), 66u);
  double previous = std::numeric_limits<double>::infinity();
  bool blanks = false;
  for (const auto& ratio : ratios) {
    if (ratio.empty()) {
      blanks = true;
      continue;
    }
    EXPECT_FALSE(blanks) << "a ratio after the blank ones";
    const double value = std::stod(ratio);
    EXPECT_LE(value, previous);
    previous = value;
  }
  EXPECT_TRUE(blanks) << "the benchmark new in the PR has no ratio";
}

// The hostile names (<script>, --> and friends) stay text in the browser too: the page has the
// one script it brought, every row, and no console error.
TEST_F(HtmlReportInBrowser, HostileNamesStayText) {
  const auto dom = dom_after_script("hostile.html");
  EXPECT_EQ(occurrences(dom, "<script"), 1u);
  EXPECT_EQ(occurrences(dom, "<tr class=\"v-"), 12u);
  EXPECT_NE(dom.find("<code>html.time_&lt;script&gt;alert(1)&lt;/script&gt;</code>"),
            std::string::npos);
}

// Both themes paint the page, its tables and its SVG charts in their own colours, every text at a
// contrast of at least 4.5 (WCAG AA) on its background.
TEST_F(HtmlReportInBrowser, LightAndDarkThemesAreReadable) {
  const auto light = dom_after_script("probe.html", k_light);
  const auto dark = dom_after_script("probe.html", k_dark);
  EXPECT_EQ(probed(light, "bg"), "rgb(255, 255, 255)");
  EXPECT_EQ(probed(dark, "bg"), "rgb(13, 17, 23)");
  for (const auto* key :
       {"bg", "text", "head-bg", "head-text", "regressed-text", "improved-text", "chart-text",
        "tick-text", "bar-regressed", "bar-improved", "box-before"}) {
    EXPECT_NE(probed(light, key), probed(dark, key)) << key << " is the same in both themes";
  }
  for (const auto* dom : {&light, &dark}) {
    const auto bg = probed(*dom, "bg");
    const auto head_bg = probed(*dom, "head-bg");
    SCOPED_TRACE(bg);
    EXPECT_GE(contrast(probed(*dom, "text"), bg), 4.5);
    EXPECT_GE(contrast(probed(*dom, "head-text"), head_bg), 4.5);
    EXPECT_GE(contrast(probed(*dom, "regressed-text"), bg), 4.5);
    EXPECT_GE(contrast(probed(*dom, "improved-text"), bg), 4.5);
    EXPECT_GE(contrast(probed(*dom, "chart-text"), bg), 4.5);
    EXPECT_GE(contrast(probed(*dom, "tick-text"), bg), 4.5);
    // A mark, not text: WCAG asks 3 of graphics.
    EXPECT_GE(contrast(probed(*dom, "bar-regressed"), bg), 3.0);
    EXPECT_GE(contrast(probed(*dom, "bar-improved"), bg), 3.0);
    EXPECT_GE(contrast(probed(*dom, "box-before"), bg), 3.0);
  }
}

// The Benchmark header's button takes the focus (with a visible outline); pressed, it sorts the
// rows by name, first descending, then ascending, and aria-sort moves to its header.
TEST_F(HtmlReportInBrowser, SortButtonsWorkFromTheKeyboard) {
  const auto dom = dom_after_script("probe.html", k_light);
  EXPECT_EQ(probed(dom, "focused"), "true");
  EXPECT_EQ(probed(dom, "focus-outline"), "solid");

  // The second press leaves the rows ascending, the reverse of the first press's order. The
  // script compares names with localeCompare, so only their first parts (lower-case letters and
  // underscores) are checked for byte order here.
  const auto ascending = benchmark_column(dom);
  ASSERT_EQ(ascending.size(), 66u);
  std::vector<std::string> modules;
  for (const auto& name : ascending) {
    modules.push_back(name.substr(0, name.find('.')));
  }
  EXPECT_TRUE(std::is_sorted(modules.begin(), modules.end())) << ascending.front();
  EXPECT_NE(modules.front(), modules.back());
  std::string descending = "descending";
  for (auto name = ascending.rbegin(); name != ascending.rend(); ++name) {
    descending += " " + *name;
  }
  EXPECT_EQ(probed(dom, "first-press"), descending);
  EXPECT_NE(dom.find("<th data-type=\"text\" aria-sort=\"ascending\"><button "
                     "type=\"button\">Benchmark</button></th>"),
            std::string::npos);
  EXPECT_NE(dom.find("<th data-type=\"number\" data-default-sort=\"descending\"><button "
                     "type=\"button\">Ratio</button></th>"),
            std::string::npos)
      << "the Ratio header keeps its aria-sort";
}

// The page loads nothing, in the browser as in its text.
TEST_F(HtmlReportInBrowser, LoadsNoResources) {
  EXPECT_EQ(probed(dom_after_script("probe.html", k_light), "resources"), "0");
}

}  // namespace
}  // namespace spyglass::test
