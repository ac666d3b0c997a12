#!/usr/bin/env bash
# Run every fuzz target built in BUILD_DIR for SECONDS each, seeded from fuzz/corpus/<target>/
# and the bundled fixtures. A crash, leak or sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=$1
seconds=$2
for fuzzer in "$build_dir"/*_fuzzer; do
  name=$(basename "$fuzzer")
  work=$(mktemp -d)
  seeds="fuzz/corpus/$name"
  [[ -d "$seeds" ]] && cp -r "$seeds"/. "$work"/
  echo "fuzz: $name for ${seconds}s"
  "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 \
    "$work" 2>"$work.log" || { tail -50 "$work.log"; exit 1; }
  grep -E "^Done|#[0-9]+.*DONE" "$work.log" | tail -1 || true
  rm -rf "$work" "$work.log"
done
