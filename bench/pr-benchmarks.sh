#!/usr/bin/env bash
# spyglass benchmarks itself on a pull request (.github/workflows/benchmarks.yml):
#
#   bench/pr-benchmarks.sh BASE HEAD OUT
#
# BASE and HEAD are each a spyglass source tree (built here, Release, without tests, into
# TREE/build-bench) or an already built spyglass binary. On one synthetic asv data set of the
# performance harness (bench/generate_results.cpp, PERFORMANCE.md) it times, for each of the two
# binaries, the commands of PERFORMANCE.md's table plus the pull-request comment, with hyperfine
# (`--export-json`): OUT/base.json and OUT/head.json, whose rows are named after the commands
# (`-n`), not the binaries' paths, so that the two files' rows match. The action step then compares
# them (`input-format: hyperfine`).
#
# The generator comes from SPYGLASS_BENCH_GEN, else from HEAD's build (HEAD must then be a tree).
# SPYGLASS_PR_BENCH_SIZE is the data set's benchmark count (10000), SPYGLASS_PR_BENCH_RUNS the
# timed runs per command (10, after 1 warm-up). Every command runs pinned to core 0 when taskset is
# there. A command that fails is timed anyway (`-i`): its non-zero exit code reaches the comment
# as a failed benchmark (`!`) instead of ending the job before it.
set -euo pipefail

if (($# != 3)); then
  echo "usage: bench/pr-benchmarks.sh BASE HEAD OUT (each of BASE and HEAD a source tree or a spyglass binary)" >&2
  exit 2
fi
mkdir -p "$3"
out=$(realpath "$3")
size=${SPYGLASS_PR_BENCH_SIZE:-10000}
runs=${SPYGLASS_PR_BENCH_RUNS:-10}
command -v hyperfine >/dev/null || {
  echo "pr-benchmarks: hyperfine is required (Debian package hyperfine)" >&2
  exit 2
}

# Prints the spyglass binary for BASE or HEAD, building a source tree first.
binary_of() {
  local side=$1
  if [[ -d $side ]]; then
    side=$(realpath "$side")
    bash "$side/scripts/build.sh" "$side/build-bench" -DCMAKE_BUILD_TYPE=Release \
      -DSPYGLASS_BUILD_TESTS=OFF >&2
    side=$side/build-bench/spyglass
  fi
  [[ -x $side ]] || {
    echo "pr-benchmarks: $side is not an executable spyglass" >&2
    exit 2
  }
  realpath "$side"
}
base=$(binary_of "$1")
head=$(binary_of "$2")
generator=${SPYGLASS_BENCH_GEN:-$2/build-bench/spyglass_bench_gen}
[[ -x $generator ]] || {
  echo "pr-benchmarks: no generator at $generator (set SPYGLASS_BENCH_GEN)" >&2
  exit 2
}

data=$out/data-$size
rm -rf "$data"
"$generator" "$data" "$size"
results=$data/results/bench-machine
before=$results/base-virtualenv-py3.12.json
after=$results/pr-virtualenv-py3.12.json
other=$results/c2-virtualenv-py3.12.json

pin=()
if command -v taskset >/dev/null; then
  pin=(taskset -c 0)
fi

# Times the commands with the binary $2 into OUT/$1.json. The data set has regressions, so the
# comparisons get --exit-zero: exit 1 would otherwise be recorded as a failure. The comment renders
# the full report for the job summary as in the action, into /dev/null rather than this job's
# summary, and writes no body file (no RUNNER_TEMP).
time_binary() {
  local name=$1 spyglass=$2
  env -u RUNNER_TEMP GITHUB_STEP_SUMMARY=/dev/null "${pin[@]}" hyperfine -N -i --style none --warmup 1 --runs "$runs" --export-json "$out/$name.json" \
    -n "compare" "$spyglass compare --exit-zero $before $after" \
    -n "compare --format json" "$spyglass compare --exit-zero --format json $before $after" \
    -n "compare-many" "$spyglass compare-many --exit-zero $before $after $other" \
    -n "comment --print-only" "$spyglass comment --print-only --base $before --pr $after" \
    >"$out/$name.log" 2>&1 || {
    cat "$out/$name.log" >&2
    exit 2
  }
  echo "pr-benchmarks: $out/$name.json ($spyglass)"
}
time_binary base "$base"
time_binary head "$head"
