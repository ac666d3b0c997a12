#!/usr/bin/env bash
# bench/pr-benchmarks.sh for real on a small data set, with the built spyglass (SPYGLASS_BINARY)
# standing in for the base, and for the head a stand-in source tree whose "build" wraps it so that
# `compare-many` fails: two hyperfine JSON files whose rows are the four commands, which `spyglass
# comment --print-only --input-format hyperfine` turns into a table of those four rows with
# compare-many as a new failure, as the benchmarks workflow's action step does. With 3 runs a
# side, no change is significant (too few samples for the Mann-Whitney test), so only the failure
# is marked.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
spyglass=${SPYGLASS_BINARY:?SPYGLASS_BINARY: the built spyglass}
: "${SPYGLASS_BENCH_GEN:?SPYGLASS_BENCH_GEN: the built spyglass_bench_gen}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=tests/scripts/checks.sh
source "$source_dir/tests/scripts/checks.sh"

# The head, as a source tree that the script builds: its scripts/build.sh (as the real one, called
# as `scripts/build.sh DIR CMAKE-OPTIONS...`) records how it was called and "builds" a spyglass
# whose compare-many fails (exit 3) and that runs the real one for everything else, and the
# generator. The script runs from another directory with relative paths, as the workflow's may.
mkdir -p "$work/head-tree/scripts"
cat >"$work/head-tree/scripts/build.sh" <<BUILD
#!/usr/bin/env bash
set -euo pipefail
echo "\$*" >>"$work/build-calls"
mkdir -p "\$1"
printf '#!/bin/sh\n[ "\$1" = compare-many ] && exit 3\nexec %q "\$@"\n' "$spyglass" >"\$1/spyglass"
chmod +x "\$1/spyglass"
ln -sf "$SPYGLASS_BENCH_GEN" "\$1/spyglass_bench_gen"
BUILD

(cd "$work" && env -u SPYGLASS_BENCH_GEN SPYGLASS_PR_BENCH_SIZE=200 SPYGLASS_PR_BENCH_RUNS=3 \
  bash "$source_dir/bench/pr-benchmarks.sh" "$spyglass" head-tree out) >"$work/log" 2>&1 || {
  cat "$work/log"
  echo "FAIL: bench/pr-benchmarks.sh exited non-zero"
  exit 1
}
check "the head tree is built once, Release, without tests" \
  "$work/head-tree/build-bench -DCMAKE_BUILD_TYPE=Release -DSPYGLASS_BUILD_TESTS=OFF" \
  "$(cat "$work/build-calls")"
commands=$'compare\ncompare --format json\ncompare-many\ncomment --print-only'
for side in base head; do
  check "$side.json names the four commands" "$commands" \
    "$(jq -r '.results[].command' "$work/out/$side.json")"
  check "$side.json has 3 times per command" "3 3 3 3" \
    "$(jq -r '[.results[].times | length] | map(tostring) | join(" ")' "$work/out/$side.json")"
done
check "base.json: every command exits 0" "0 0 0 0" \
  "$(jq -r '[.results[].exit_codes | max] | map(tostring) | join(" ")' "$work/out/base.json")"
check "head.json: compare-many exits 3, the others 0" "0 0 3 0" \
  "$(jq -r '[.results[].exit_codes | max] | map(tostring) | join(" ")' "$work/out/head.json")"

status=0
"$spyglass" comment --print-only --input-format hyperfine --base "$work/out/base.json" \
  --pr "$work/out/head.json" --label-before base --label-after head >"$work/comment.md" || status=$?
check "the comment is printed (exit 0 without a gate)" 0 "$status"
# The rows of the comment's comparison table: change mark, after, benchmark. Times and so the
# other rows' marks vary from run to run; which rows are there, and the failure, do not.
rows=$(awk -F'|' '/\[base -> head\] *\|$/ {
    for (i = 2; i <= 6; ++i) { gsub(/^ +| +$/, "", $i) }
    print ($2 == "" ? "-" : $2) " " $4 " " $6
  }' "$work/comment.md")
check "the comparison table names the four commands" \
  "$(printf '%s [base -> head]\n' "comment --print-only" compare "compare --format json" compare-many)" \
  "$(cut -d' ' -f3- <<<"$rows")"
check "compare-many is a new failure" "! failed compare-many [base -> head]" \
  "$(grep 'compare-many' <<<"$rows")"
# The headline may also count regressions: the same binary on both sides times differently
# under load (a 2.4x "regression" was seen on a busy machine).
check "the comment's headline names the new failure" 1 \
  "$(grep -c '^> .*\*\*1\*\* benchmark fails now\.$' "$work/comment.md")"
if ((failures > 0)); then
  cat "$work/comment.md"
  echo "pr_benchmarks_test: $failures check(s) failed"
  exit 1
fi
echo "pr_benchmarks_test: all checks passed"
