#!/usr/bin/env bash
# Run every fuzz target built in BUILD_DIR for SECONDS each:
#   scripts/fuzz.sh BUILD_DIR SECONDS
# Each target starts from fuzz/corpus/<target>/ plus the reproducers in fuzz/regressions/<target>/.
# A crash, leak, sanitizer report, timeout or out-of-memory fails the run: every target still
# runs, and each failure prints its log tail and keeps the input in BUILD_DIR/fuzz-artifacts/.
# See fuzz/README.md.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR SECONDS" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
seconds=$2
cd "$(dirname "$0")/.."

shopt -s nullglob
fuzzers=("$build_dir"/*_fuzzer)
if [[ ${#fuzzers[@]} -eq 0 ]]; then
  echo "fuzz: no *_fuzzer in $build_dir (configure with -DSPYGLASS_BUILD_FUZZERS=ON)" >&2
  exit 1
fi
artifacts="$build_dir/fuzz-artifacts"
mkdir -p "$artifacts"

failed=()
for fuzzer in "${fuzzers[@]}"; do
  name=$(basename "$fuzzer")
  work=$(mktemp -d)  # the corpus libFuzzer grows; the checked-in seeds stay untouched
  log="$artifacts/$name.log"
  if [[ -d "fuzz/corpus/$name" ]]; then
    cp -r "fuzz/corpus/$name"/. "$work"/
  fi
  inputs=("$work")
  if [[ -d "fuzz/regressions/$name" ]]; then
    inputs+=("fuzz/regressions/$name")
  fi
  echo "fuzz: $name for ${seconds}s ($(find "$work" -type f | wc -l) seeds)"
  if "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$name-" "${inputs[@]}" 2>"$log"; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "fuzz: $name ok: ${runs:-?} runs, ${rate:-?} exec/s, corpus $(find "$work" -type f | wc -l)"
    rm -f "$log"
  else
    tail -50 "$log"
    echo "fuzz: $name FAILED; log $log, input $artifacts/$name-*" >&2
    failed+=("$name")
  fi
  rm -rf "$work"
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
