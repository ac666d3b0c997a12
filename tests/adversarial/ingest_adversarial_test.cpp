// Inputs a fork controls, against the whole CLI (issue 10: items 6, 7, 8, 12, 13). Each run must
// end within a deadline with the exact exit code and, on an error, exactly one line on stderr:
// `spyglass: error: <file>: <problem>`. Nothing here sleeps: a run that is still going at the
// deadline fails the test.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <future>
#include <sstream>
#include <string>
#include <vector>

#include "support/endless_stream.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"
#include "support/temp_dir.hpp"

namespace spyglass::test {
namespace {

constexpr auto k_deadline = std::chrono::seconds(30);  // a hang detector with room for load
const std::string k_good = "@F/handmade/results/m1/11111111-e1.json";
const std::string k_infinite = "@F/handmade/infinite/results/m1/";

// Run `spyglass args...` with `in` as standard input, failing the test when it has not ended by
// the deadline; `unblock` (when given) then makes a stuck run end so that the test can.
CliResult run_bounded(const std::vector<std::string>& args, std::istream* in = nullptr,
                      const std::function<void()>& unblock = {}) {
  auto run = std::async(std::launch::async, [&] { return run_cli(args, {}, nullptr, in); });
  if (run.wait_for(k_deadline) != std::future_status::ready) {
    ADD_FAILURE() << "still running after " << k_deadline.count() << " s";
    if (unblock) {
      unblock();
    }
  }
  return run.get();
}

// `result` is exit `code` with nothing on stdout and the one line "spyglass: error: `message`".
void expect_one_line_error(const CliResult& result, int code, const std::string& message) {
  EXPECT_EQ(result.exit_code, code);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(with_fixture_marker(result.err), "spyglass: error: " + message + "\n");
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
}

// --- Item 6: FIFOs, devices, directories, sizes ---------------------------------------------

TEST(IngestAdversarial, RefusesAFifoNoWriterOpens) {
  const TempDir dir;
  const std::string fifo = (dir.path() / "results.json").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  // A run stuck opening the FIFO is let go by a writer that opens and closes it at once.
  const auto unblock = [&fifo] { ::close(::open(fifo.c_str(), O_WRONLY | O_NONBLOCK)); };
  const auto result = run_bounded({"compare", fifo, k_good}, nullptr, unblock);
  expect_one_line_error(result, 2, fifo + ": is a FIFO (named pipe), not a regular file");
}

TEST(IngestAdversarial, RefusesDevZeroWithoutReadingIt) {
  expect_one_line_error(run_bounded({"comment", "--print-only", "--table", "/dev/zero"}), 2,
                        "/dev/zero: is a character device, not a regular file");
}

TEST(IngestAdversarial, RefusesADirectory) {
  const TempDir dir;
  expect_one_line_error(run_bounded({"parse", "--table", dir.path().string()}), 2,
                        dir.path().string() + ": is a directory, not a file");
}

TEST(IngestAdversarial, StopsReadingEndlessStandardInputAtTheLimit) {
  EndlessBuffer endless;
  std::istream in(&endless);
  expect_one_line_error(
      run_bounded({"parse", "--max-input-size", "1MiB", "--table", "-"}, &in), 2,
      "<stdin>: is larger than the input limit (1048576 bytes; --max-input-size)");
}

TEST(IngestAdversarial, ReadsAFileExactlyAtTheLimitAndRefusesOneByteMore) {
  // The handmade result file is 637 bytes.
  EXPECT_EQ(run_bounded({"env-diff", "--max-input-size", "637", k_good, k_good}).exit_code, 0);
  expect_one_line_error(run_bounded({"env-diff", "--max-input-size", "636", k_good, k_good}), 2,
                        k_good + ": is larger than the input limit (636 bytes; --max-input-size)");
}

TEST(IngestAdversarial, RefusesAnInputLimitWithAnUnknownSuffix) {
  expect_one_line_error(run_bounded({"compare", "--max-input-size", "1GB", k_good, k_good}), 2,
                        "--max-input-size: 1GB is not a byte count (like 64MiB) (see spyglass "
                        "--help)");
}

// --- Item 7: a gbench context that is no object ---------------------------------------------

TEST(IngestAdversarial, NamesAGbenchContextThatIsAnArray) {
  const TempDir dir;
  const std::string file = dir.write(
      "gbench.json", R"({"context": [1, 2], "benchmarks": [{"name": "a", "real_time": 1}]})");
  expect_one_line_error(run_bounded({"compare", file, file}), 2,
                        file + ": context: expected an object, found an array");
}

// github-action-benchmark's custom JSON (issue 14): a fork writes every member. A wrong type is
// one line naming the file and the place; a range that reads as no number is ignored.
TEST(IngestAdversarial, RefusesCustomJsonOfTheWrongShapeInOneLine) {
  const TempDir dir;
  const std::string nested =
      dir.write("nested.json", R"([{"name": "a", "unit": "ns", "value": {"value": [1, 2]}}])");
  expect_one_line_error(run_bounded({"compare", nested, nested}), 2,
                        nested + ": [0][\"value\"]: expected a number, found an object");
  const std::string unit = dir.write("unit.json", R"([{"name": "a", "unit": ["ns"], "value": 1}])");
  expect_one_line_error(run_bounded({"compare", unit, unit}), 2,
                        unit + ": [0][\"unit\"]: expected a string, found an array");
  const std::string range = dir.write(
      "range.json", R"([{"name": "a", "unit": "ns", "value": 1, "range": {"x": "\u00b1"}}])");
  const auto result = run_bounded({"compare", "--bigger-is-better", "a", range, range});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
}

// --- Item 8: infinite values ----------------------------------------------------------------

TEST(IngestAdversarial, InfiniteValuesTripNoGate) {
  const auto result =
      run_bounded({"comment", "--print-only", "--fail-on-regression", "--base",
                   k_infinite + "eeeeeeee-e1.json", "--pr", k_infinite + "ffffffff-e1.json"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.out.find("improved"), std::string::npos) << result.out;
}

// --- Item 12: names the table reader must keep whole ----------------------------------------

TEST(IngestAdversarial, ReadsATableRowNamedLikeAScript) {
  std::istringstream in(
      "| Change | Before | After | Ratio | Benchmark (Parameter) |\n"
      "|--------|--------|-------|-------|-----------------------|\n"
      "| +      | 1.00s  | 2.00s | 2.00  | b.time_<script>alert(1)</script> |\n");
  const auto result = run_bounded({"parse", "--table", "-"}, &in);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
  EXPECT_NE(result.out.find(R"("name": "b.time_<script>alert(1)</script>")"), std::string::npos)
      << result.out;
}

// --- Item 13: an empty comparison -----------------------------------------------------------

TEST(IngestAdversarial, CommentsOnAnEmptyComparison) {
  std::istringstream in("\n");
  const auto result = run_bounded({"comment", "--print-only", "--table", "-"}, &in);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
}

TEST(IngestAdversarial, RefusesAnEmptyTableFileInOneLine) {
  std::istringstream in("");
  expect_one_line_error(run_bounded({"parse", "--table", "-"}, &in), 2,
                        "<stdin>: no comparison table found (expected the output of asv-spyglass "
                        "compare or compare-many, or asv compare)");
}

}  // namespace
}  // namespace spyglass::test
