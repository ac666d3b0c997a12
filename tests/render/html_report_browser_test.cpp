// The HTML report in a real browser: headless Chromium (Debian's `chromium`, installed by
// scripts/install-deps.sh) renders the page to a screenshot that is not blank, runs its script
// without a console error, and leaves every table sorted by ratio with the sort marked.
#include <gtest/gtest.h>

#include <cstdint>
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
  }

  // The DOM of `page` once its script ran, which must have run to its end without a console error.
  std::string dom_after_script(const std::string& page) const {
    const auto run = open_in_chromium(m_dir, page, "--dump-dom");
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(console_errors(run.err), std::vector<std::string>{});
    EXPECT_NE(run.out.find("<body data-sorted=\"true\">"), std::string::npos);
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
                     "aria-sort=\"descending\">Ratio</th>"),
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

}  // namespace
}  // namespace spyglass::test
