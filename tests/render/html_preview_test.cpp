#include "spyglass/render/html_preview.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "spyglass/render/svg_charts.hpp"
#include "spyglass/util/file.hpp"
#include "spyglass/util/input_limit.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::render {
namespace {

// The page's body: what cmark-gfm made of the markdown, without the page around it.
std::string body_of(const std::string& markdown, const std::vector<ChartBar>& chart = {}) {
  const auto page = render_html_preview(markdown, "t", chart);
  const std::string open = "<div class=\"markdown-body\">\n";
  const auto start = page.find(open);
  const auto end = page.rfind("</div>\n</div>\n</body>");
  EXPECT_NE(start, std::string::npos);
  EXPECT_NE(end, std::string::npos);
  return page.substr(start + open.size(), end - start - open.size());
}

TEST(HtmlPreview, IsOneSelfContainedPageWithAnEscapedTitle) {
  const auto page = render_html_preview("hi", "a <b> & \"c\"");
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n", 0), 0U);
  EXPECT_NE(page.find("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>"), std::string::npos);
  EXPECT_NE(page.find("<style>"), std::string::npos);
  for (const auto* external : {"<link", "<script", "@import", "url(", "src="}) {
    EXPECT_EQ(page.find(external), std::string::npos) << external;
  }
}

TEST(HtmlPreview, RendersGithubExtensionsAndCommentLineBreaks) {
  EXPECT_EQ(body_of("| a | b |\n|:-:|--:|\n| 1 | 2 |\n"),
            "<table>\n<thead>\n<tr>\n<th align=\"center\">a</th>\n<th align=\"right\">b</th>\n"
            "</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"center\">1</td>\n"
            "<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>\n");
  EXPECT_EQ(body_of("one\ntwo ~~gone~~ www.example.com\n"),
            "<p>one<br />\ntwo <del>gone</del> <a href=\"http://www.example.com\">"
            "www.example.com</a></p>\n");
  EXPECT_EQ(body_of("- [x] done\n"),
            "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n</ul>\n");
}

TEST(HtmlPreview, DrawsAlertsAsGithubCallouts) {
  const auto body = body_of("> [!caution]\n> **3** regressed.\n");
  EXPECT_EQ(body.rfind("<div class=\"markdown-alert markdown-alert-caution\">"
                       "<p class=\"markdown-alert-title\"><svg ",
                       0),
            0U)
      << body;
  EXPECT_NE(body.find("</svg>Caution</p>\n<p><strong>3</strong> regressed.</p>\n</div>"),
            std::string::npos)
      << body;
  for (const auto* level : {"NOTE", "TIP", "IMPORTANT", "WARNING"}) {
    EXPECT_NE(body_of(std::string("> [!") + level + "]\n> x\n").find("markdown-alert-"),
              std::string::npos)
        << level;
  }
}

TEST(HtmlPreview, LeavesOtherBlockQuotesAlone) {
  EXPECT_EQ(body_of("> [!NOTE] not alone\n> x\n"),
            "<blockquote>\n<p>[!NOTE] not alone<br />\nx</p>\n</blockquote>\n");
  EXPECT_EQ(body_of("> [!TIP]\n"), "<blockquote>\n<p>[!TIP]</p>\n</blockquote>\n");
  EXPECT_EQ(body_of("> [!BOGUS]\n> x\n"),
            "<blockquote>\n<p>[!BOGUS]<br />\nx</p>\n</blockquote>\n");
}

TEST(HtmlPreview, KeepsGithubsAllowedTagsWithoutAttributes) {
  EXPECT_EQ(body_of("<details open class=\"x\">\n<summary>1 <b onclick=\"y\">2</b></summary>\n\n"
                    "text <sub>small</sub>\n</details>\n"),
            "<details open>\n<summary>1 <b>2</b></summary>\n<p>text <sub>small</sub></p>\n"
            "</details>\n");
}

TEST(HtmlPreview, DropsCommentsScriptsAndOtherRawHtml) {
  EXPECT_EQ(body_of("<!-- spyglass:default -->\n## Title\n"), "\n<h2>Title</h2>\n");
  EXPECT_EQ(body_of("<script>\nalert(1)\n</script>\n"), "\n");
  EXPECT_EQ(body_of("a <img src=x onerror=alert(1)> <style>p{}</style> 1 < 2\n"),
            "<p>a  p{} 1 &lt; 2</p>\n");
  EXPECT_EQ(body_of("<div>\n<iframe src=\"x\"></iframe> 3 <\n</div>\n"), "\n 3 &lt;\n\n");
}

TEST(HtmlPreview, DropsJavascriptLinks) {
  EXPECT_EQ(body_of("[x](javascript:alert(1)) <a href=\"javascript:y\">z</a>\n"),
            "<p><a href=\"\">x</a> z</p>\n");
}

// The comment's chart is drawn, not shown as Mermaid code; a Mermaid block of a custom template's
// own stays code, under a line that says so.
TEST(HtmlPreview, DrawsTheCommentsChartAndSaysWhichChartItDoesNotDraw) {
  const std::vector<ChartBar> bars = {
      {"a.time_slow", 2.5, model::Change::k_regressed, {"slower", "faster"}},
      {"b.time_<fast>", 0.25, model::Change::k_improved, {"slower", "faster"}},
  };
  const auto body =
      body_of("x\n\n" + mermaid_change_chart(bars) + "\n```mermaid\ngraph TD\n```\n", bars);
  EXPECT_EQ(body, "<p>x</p>\n" + ratio_chart_svg(bars) +
                      "\n<p class=\"chart-note\">GitHub draws this Mermaid chart; this preview "
                      "does not, and shows its code.</p>\n"
                      "<pre><code class=\"language-mermaid\">graph TD\n</code></pre>\n");
  EXPECT_NE(body.find("b.time_&lt;fast&gt;"), std::string::npos) << body;
  // Without the chart's bars, the comment's chart is a block like any other.
  EXPECT_NE(body_of(mermaid_change_chart(bars)).find("class=\"chart-note\""), std::string::npos);
}

TEST(CommentPreview, WritesThePostedCommentAsAPage) {
  const test::TempDir dir("spyglass-preview");
  const auto page = (dir.path() / "comment.html").string();
  const std::string cheetah = "@F/asv-spyglass-upstream/asv/test/example_results/cheetah/";
  const auto result =
      test::run_cli({"comment", "--print-only", "--id", "perf", "--factor", "2", "--preview", page,
                     "--base", cheetah + "22b920c6-py2.7-Cython-numpy1.8.json", "--pr",
                     cheetah + "fcf8c079-py2.7-Cython-numpy1.8.json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto written = util::read_file(page, util::k_default_max_input_size);
  // The page is the posted comment with its chart drawn: the 8 largest changes as SVG bars.
  EXPECT_EQ(written.find("language-mermaid"), std::string::npos);
  const auto svg = written.find("<svg class=\"ratio-chart\"");
  ASSERT_NE(svg, std::string::npos);
  const auto chart = written.substr(svg, written.find("</svg>", svg) - svg);
  std::size_t bars = 0;
  for (auto at = chart.find("<g class=\"bar\">"); at != std::string::npos;
       at = chart.find("<g class=\"bar\">", at + 1)) {
    ++bars;
  }
  EXPECT_EQ(bars, 8U);
  EXPECT_NE(chart.find("<title>time_quantity.time_quantity_init_array 115.9\u00D7</title>"),
            std::string::npos)
      << chart;
  EXPECT_EQ(written.substr(0, svg),
            render_html_preview(result.out, "spyglass: perf").substr(0, svg));
}

}  // namespace
}  // namespace spyglass::render
