// `spyglass report --html`: the page is well-formed HTML of the expected structure, lists every
// benchmark, escapes every name, and fetches nothing (no src, no external href, no url()).
#include "spyglass/render/html_report.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "support/html_inspect.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

const std::string k_django = "@F/asv-real/django-asv/results/ubuntu-latest/";
const std::string k_hostile = "@F/handmade/hostile/box/";

// Run `spyglass report ARGS --html DIR/report.html` and return the page.
std::string report(const TempDir& dir, std::vector<std::string> args) {
  const auto path = (dir.path() / "report.html").string();
  args.insert(args.begin(), "report");
  args.insert(args.end(), {"--html", path});
  const auto result = run_cli(args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
  return dir.read("report.html");
}

std::string attribute(const HtmlTag& tag, const std::string& name) {
  for (const auto& [key, value] : tag.attributes) {
    if (key == name) {
      return value;
    }
  }
  return "";
}

// The benchmark rows of the page's tables: <tr> with a verdict class.
std::size_t benchmark_rows(const HtmlInspection& page) {
  std::size_t rows = 0;
  for (const auto& tag : page.tags) {
    rows += tag.name == "tr" && attribute(tag, "class").starts_with("v-") ? 1 : 0;
  }
  return rows;
}

// Nothing on the page loads anything: no src attribute, links only to its own sections, no CSS
// url() or @import.
void expect_self_contained(const std::string& html, const HtmlInspection& page) {
  for (const auto& tag : page.tags) {
    for (const auto& [key, value] : tag.attributes) {
      EXPECT_NE(key, "src") << "<" << tag.name << "> loads " << value;
      if (key == "href") {
        EXPECT_TRUE(value.starts_with("#")) << "<" << tag.name << "> links to " << value;
      }
    }
  }
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
}

TEST(HtmlReport, RealResultsWithSamples) {
  const TempDir dir;
  const auto html = report(dir, {"--base", k_django + "cccc004b-conda-py3.12.json", "--pr",
                                 k_django + "03988c5a-conda-py3.12.json"});
  const auto page = inspect_html(html);
  EXPECT_EQ(page.problems, std::vector<std::string>{});
  expect_self_contained(html, page);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);

  // A summary table and one section: a ratio chart of the 40 largest of 65 ratios, a table of
  // all 66 rows (one benchmark is new), and 30 of the 65 sample plots.
  EXPECT_EQ(page.count("section"), 2u);
  EXPECT_EQ(page.count("table"), 2u);
  EXPECT_EQ(page.count("script"), 1u);
  EXPECT_EQ(page.count("style"), 1u);
  EXPECT_EQ(page.count("figure"), 30u);
  EXPECT_EQ(page.count("svg"), 31u);
  EXPECT_EQ(page.count("rect"), 40u + 2 * 30u);
  EXPECT_EQ(benchmark_rows(page), 66u);
  EXPECT_NE(html.find("<h2>ubuntu-latest/conda-py3.12 @ cccc004b \u2192 "
                      "ubuntu-latest/conda-py3.12 @ 03988c5a</h2>"),
            std::string::npos);
  EXPECT_NE(html.find("40 of 65 benchmarks with a ratio"), std::string::npos);
  EXPECT_NE(html.find("30 of 65 benchmarks with samples"), std::string::npos);

  // Every benchmark of both files has its row.
  std::set<std::string> names;
  for (const auto* file : {"cccc004b-conda-py3.12.json", "03988c5a-conda-py3.12.json"}) {
    const auto json = nlohmann::json::parse(
        read_fixture("asv-real/django-asv/results/ubuntu-latest/" + std::string(file)));
    for (const auto& [name, value] : json["results"].items()) {
      names.insert(name);
    }
  }
  ASSERT_EQ(names.size(), 66u);
  for (const auto& name : names) {
    EXPECT_NE(html.find("<td data-v=\"" + name + "\"><code>" + name + "</code></td>"),
              std::string::npos)
        << name;
  }
  // The ratio column sorts on load; every header sorts by a button the keyboard reaches.
  EXPECT_NE(html.find("<th data-type=\"number\" data-default-sort=\"descending\"><button "
                      "type=\"button\">Ratio</button></th>"),
            std::string::npos);
  EXPECT_EQ(page.count("button"), 5u);
  EXPECT_EQ(occurrences(html, "<th data-type=\"text\"><button type=\"button\">Benchmark</button>"),
            1u);
  // Both themes, each colour a custom property the SVG charts' classes use too.
  EXPECT_NE(html.find("@media (prefers-color-scheme: dark)"), std::string::npos);
  EXPECT_EQ(html.find(" fill=\""), std::string::npos) << "an SVG colour outside the theme";
  EXPECT_EQ(html.find(" stroke=\""), std::string::npos) << "an SVG colour outside the theme";
}

TEST(HtmlReport, HostileNamesAreEscapedEverywhere) {
  const TempDir dir;
  const auto html = report(
      dir, {"--base", k_hostile + "hhhhhhhh-py.json", "--pr", k_hostile + "iiiiiiii-py.json"});
  const auto page = inspect_html(html);
  EXPECT_EQ(page.problems, std::vector<std::string>{});
  expect_self_contained(html, page);
  EXPECT_EQ(page.count("script"), 1u);
  EXPECT_EQ(benchmark_rows(page), 12u);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("-->end"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  // In the table; a parameter's HTML also in the chart's label and its tooltip.
  EXPECT_NE(html.find("<code>html.time_&lt;script&gt;alert(1)&lt;/script&gt;</code>"),
            std::string::npos);
  const std::string param = "param.time_p('&lt;b&gt;|&lt;/b&gt;')";
  EXPECT_NE(html.find("<code>" + param + "</code>"), std::string::npos);
  EXPECT_NE(html.find("<title>" + param + " 1\u00D7</title>"), std::string::npos);
  EXPECT_NE(html.find("\">" + param + "</text>"), std::string::npos);
  EXPECT_NE(html.find("<code>ent.time_&amp;amp;</code>"), std::string::npos);
  EXPECT_NE(html.find("<code>cmt.time_--&gt;end</code>"), std::string::npos);
  // A URL in a name is text, not a link.
  EXPECT_NE(html.find("<code>link.time_[link](http://x)</code>"), std::string::npos);
}

TEST(HtmlReport, CompareManyHasASectionPerContender) {
  const TempDir dir;
  const auto html = report(
      dir, {"--baseline", "@F/handmade/results/m1/11111111-e1.json", "--contender",
            "@F/handmade/results/m2/22222222-e2.json", "--contender",
            "@F/handmade/results/m1/33333333-e1.json", "-l", "old", "-l", "<new>", "-l", "fmt1"});
  const auto page = inspect_html(html);
  EXPECT_EQ(page.problems, std::vector<std::string>{});
  EXPECT_EQ(page.count("section"), 3u);
  EXPECT_EQ(page.count("table"), 3u);
  EXPECT_NE(html.find("<h2>old \u2192 &lt;new&gt;</h2>"), std::string::npos);
  EXPECT_NE(html.find("<h2>old \u2192 fmt1</h2>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#section-2\">old \u2192 fmt1</a>"), std::string::npos);
}

// --label-before/--label-after name the sides even when both files share machine and env, where
// the raw table (asv-spyglass's) has no suffix to show them in.
TEST(HtmlReport, LabelsNameTheSidesOfOneMachineAndEnv) {
  const TempDir dir;
  const auto html = report(dir, {"--base", "@F/handmade/results/m1/aaaaaaaa-e1.json", "--pr",
                                 "@F/handmade/results/m1/bbbbbbbb-e1.json", "--label-before",
                                 "main", "--label-after", "<pr>"});
  EXPECT_NE(html.find("<h2>main \u2192 &lt;pr&gt;</h2>"), std::string::npos);
}

// Without labels, commits of one machine and env are told apart by their short commits.
TEST(HtmlReport, CommitsOfOneMachineAndEnvAreToldApart) {
  const TempDir dir;
  const std::string bartz = "@F/asv/bartz/.asv/results/gattocrucco-m1/";
  const auto html = report(dir, {"--baseline", bartz + "764ffbde-virtualenv-py3.14.json",
                                 "--contender", bartz + "c0940a3a-virtualenv-py3.14.json",
                                 "--contender", bartz + "d549d06f-virtualenv-py3.14.json"});
  const std::string side = "gattocrucco-m1/virtualenv-py3.14 @ ";
  EXPECT_NE(html.find("<h2>" + side + "764ffbde \u2192 " + side + "c0940a3a</h2>"),
            std::string::npos);
  EXPECT_NE(html.find("<h2>" + side + "764ffbde \u2192 " + side + "d549d06f</h2>"),
            std::string::npos);
}

TEST(HtmlReport, ComparisonTableInputHasNoSamplePlots) {
  const TempDir dir;
  const auto html =
      report(dir, {"--table", "@F/tables/asv-spyglass-readme/asv_spyglass-README-74887fa73f.txt"});
  const auto page = inspect_html(html);
  EXPECT_EQ(page.problems, std::vector<std::string>{});
  EXPECT_EQ(page.count("figure"), 0u);
  EXPECT_GT(benchmark_rows(page), 0u);
}

TEST(HtmlReport, NeedsOneComparison) {
  const TempDir dir;
  const auto result = run_cli({"report", "--html", (dir.path() / "report.html").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "spyglass: error: report: give one of --table, --base with --pr, or --baseline with "
            "--contender\n");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "report.html"));
}

TEST(HtmlReport, NeedsAnOutputFile) {
  const auto result = run_cli({"report", "--table", "-"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "spyglass: error: --html is required (see spyglass --help)\n");
}

}  // namespace
}  // namespace spyglass::test
