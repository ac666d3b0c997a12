#include "spyglass/util/workflow_commands.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <sstream>

#include "support/runner_commands.hpp"

namespace spyglass::util {
namespace {

TEST(CouldBeWorkflowCommand, SeesTheRunnersTwoSyntaxes) {
  EXPECT_TRUE(could_be_workflow_command("::error::x\n"));
  EXPECT_TRUE(could_be_workflow_command("::add-mask::x"));
  EXPECT_TRUE(could_be_workflow_command("  \t::warning::indented"));
  EXPECT_TRUE(could_be_workflow_command("\xc2\xa0::warning::after a no-break space"));
  EXPECT_TRUE(could_be_workflow_command("| name ##[set-output name=x;]y |"));
  EXPECT_TRUE(could_be_workflow_command("a line\r::error::after a carriage return\n"));
}

TEST(CouldBeWorkflowCommand, PassesOrdinaryLines) {
  EXPECT_FALSE(could_be_workflow_command(""));
  EXPECT_FALSE(could_be_workflow_command("\n"));
  EXPECT_FALSE(could_be_workflow_command("| BM_sort<std::vector<int>> | 1.00 |\n"));
  EXPECT_FALSE(could_be_workflow_command("spyglass: error: a.json: ::error:: inside a line\n"));
  EXPECT_FALSE(could_be_workflow_command("## [not a command]\n"));
}

// A guard whose tokens are "t1", "t2", ... so framed output can be written out in full.
struct CountingGuard {
  std::ostringstream sink;
  int tokens = 0;
  std::optional<WorkflowCommandGuard> guard{std::in_place, sink,
                                            [this] { return "t" + std::to_string(++tokens); }};
  std::ostream out{&*guard};

  // Everything written, the unended rest passed on as the guard's end does.
  std::string finish() {
    guard.reset();
    return sink.str();
  }
};

TEST(WorkflowCommandGuard, PassesCleanTextUnchanged) {
  std::ostringstream sink;
  {
    WorkflowCommandGuard guard(sink);
    std::ostream out(&guard);
    out << "| a | b |\n|---|---|\n"
        << "| x::y | 1 |\n"
        << 'z' << "\nno ending";
  }
  EXPECT_EQ(sink.str(), "| a | b |\n|---|---|\n| x::y | 1 |\nz\nno ending");
}

TEST(WorkflowCommandGuard, FramesEachLineTheRunnerCouldObey) {
  CountingGuard counting;
  counting.out << "before\n::error::one\nbetween\n";
  counting.out << "split ##[add-";
  counting.out << "mask]x\nlast ::no\n   ::warning::unended";
  const auto written = counting.finish();
  EXPECT_EQ(written,
            "before\n"
            "::stop-commands::t1\n::error::one\n::t1::\n"
            "between\n"
            "::stop-commands::t2\nsplit ##[add-mask]x\n::t2::\n"
            "last ::no\n"
            "::stop-commands::t3\n   ::warning::unended\n::t3::\n");
  EXPECT_EQ(spyglass::test::commands_the_runner_obeys(written), std::vector<std::string>{});
}

TEST(WorkflowCommandGuard, FramesOnlyTheSuspectLinesOfOneLargeWrite) {
  CountingGuard counting;
  counting.out << "a\nb::c\n::warning::d\ne\n f\rg\n h\r::i::j\n  ::x::y\n##[error]z\nlast\n";
  EXPECT_EQ(counting.finish(),
            "a\nb::c\n"
            "::stop-commands::t1\n::warning::d\n::t1::\n"
            "e\n f\rg\n"
            "::stop-commands::t2\n h\r::i::j\n::t2::\n"  // a CR ends the line for the runner
            "::stop-commands::t3\n  ::x::y\n::t3::\n"
            "::stop-commands::t4\n##[error]z\n::t4::\n"
            "last\n");
}

TEST(WorkflowCommandGuard, RedactsBeforeItFrames) {
  std::ostringstream sink;
  {
    WorkflowCommandGuard guard(sink, [] { return std::string("tok"); });
    guard.add_secret("ghs_0123456789abcdef");
    std::ostream out(&guard);
    out << "x ghs_0123456789abcdef\n::add-mask::ghs_0123456789abcdef\ntail";
  }
  EXPECT_EQ(sink.str(), "x ***\n::stop-commands::tok\n::add-mask::***\n::tok::\ntail");
}

TEST(WorkflowCommandGuard, NeverUsesATokenTheFramedLineHolds) {
  CountingGuard counting;
  counting.out << "::error::t1 and T2 are in here\n";
  EXPECT_EQ(counting.finish(), "::stop-commands::t3\n::error::t1 and T2 are in here\n::t3::\n");
}

TEST(WorkflowCommandGuard, WritesItsOwnCommandsUnframedAfterWhatCameBefore) {
  std::ostringstream sink;
  {
    WorkflowCommandGuard guard(sink);
    std::ostream out(&guard);
    out << "table\nunended";
    guard.write_command("::warning title=Benchmark regression::x\n");
  }
  EXPECT_EQ(sink.str(), "table\nunended\n::warning title=Benchmark regression::x\n");
  EXPECT_EQ(spyglass::test::commands_the_runner_obeys(sink.str()),
            std::vector<std::string>{"::warning title=Benchmark regression::x"});
}

TEST(WorkflowCommandGuard, RedactsSecretsInEveryLineAndCommand) {
  std::ostringstream sink;
  {
    WorkflowCommandGuard guard(sink);
    guard.add_secret("ghs_0123456789abcdef");
    std::ostream out(&guard);
    out << "a ghs_0123456789abcdef b\ncut ghs_01234567 c\n";
    guard.write_command("::error::ghs_0123456789abcdef\n");
  }
  EXPECT_EQ(sink.str(), "a *** b\ncut *** c\n::error::***\n");
}

TEST(RandomStopToken, IsThirtyTwoHexDigitsAndDiffers) {
  const auto first = random_stop_token();
  EXPECT_EQ(first.size(), 32u);
  EXPECT_EQ(first.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(first, random_stop_token());
}

}  // namespace
}  // namespace spyglass::util
