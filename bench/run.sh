#!/usr/bin/env bash
# Performance harness: bash bench/run.sh
#
# Builds spyglass (Release, build-bench/), generates synthetic asv result sets of 1k, 10k and 100k
# benchmarks into bench/out/ (bench/generate_results.cpp, deterministic), then times on one core
# (taskset -c 0) `compare` (table), `compare --format json` and `compare-many` (3 files):
# wall-clock median and min of 7 runs after 1 warm-up (hyperfine, or a date +%s%N loop without it),
# the mean user+system CPU time (hyperfine only; robust when other jobs share the core), peak
# RSS (GNU time, the largest of 3 runs) and the 100k/10k ratio (of CPU times, else of medians).
# Then times `compare` on a Google Benchmark JSON pair of 10k benchmarks with 10 repetitions each
# (`spyglass_bench_gen --gbench`), on core 0 and again on all cores (spyglass reads the two files
# on two threads). Prints a markdown table, also saved to bench/out/results.md.
# SPYGLASS_BENCH_SIZES overrides the sizes ("1000 10000 100000"), SPYGLASS_BENCH_GBENCH_SIZES the
# Google Benchmark ones ("10000"; empty for none).
#
# SPYGLASS_BASELINE_BIN=/path/to/an/older/spyglass times that binary too, in the same run and
# the same way, checks that it prints the same bytes, and adds its CPU time, its peak RSS and
# the ratio of the two CPU times (baseline / this build) to the table.
set -euo pipefail
cd "$(dirname "$0")/.."

build="build-bench"
out=bench/out
read -r -a sizes <<<"${SPYGLASS_BENCH_SIZES:-1000 10000 100000}"
read -r -a gbench_sizes <<<"${SPYGLASS_BENCH_GBENCH_SIZES-10000}"
baseline=${SPYGLASS_BASELINE_BIN:-}
if [[ -n $baseline && ! -x $baseline ]]; then
  echo "bench: SPYGLASS_BASELINE_BIN=$baseline is not an executable" >&2
  exit 2
fi
warmup=1
runs=7
rss_runs=3

# Install a missing tool from Debian when we can (root with apt-get); true if it is there now.
ensure_tool() {
  local tool=$1 package=$2
  if [[ -x $tool ]] || command -v "$tool" >/dev/null 2>&1; then
    return 0
  fi
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "bench: installing $package" >&2
    apt-get install -y -qq "$package" >/dev/null 2>&1 || true
  fi
  [[ -x $tool ]] || command -v "$tool" >/dev/null 2>&1
}

ensure_tool taskset util-linux || { echo "bench: taskset (util-linux) is required" >&2; exit 2; }
ensure_tool /usr/bin/time time || { echo "bench: GNU time (/usr/bin/time) is required" >&2; exit 2; }
have_hyperfine=0
if ensure_tool hyperfine hyperfine; then
  have_hyperfine=1
fi

bash scripts/build.sh "$build" -DCMAKE_BUILD_TYPE=Release -DSPYGLASS_BUILD_TESTS=OFF >&2
spyglass=$PWD/$build/spyglass
generator=$PWD/$build/spyglass_bench_gen

# Regenerate a set only when the generator changed since it was written: generate DIR N [--gbench].
generate() {
  local dir=$1 n=$2
  shift 2
  if [[ ! -f $dir/.generated || $generator -nt $dir/.generated ]]; then
    echo "bench: generating $n benchmarks $*" >&2
    rm -rf "${dir:?}"
    "$generator" "$@" "$dir" "$n"
    touch "$dir/.generated"
  fi
}
for n in "${sizes[@]}"; do
  generate "$out/$n" "$n"
done
for n in "${gbench_sizes[@]}"; do
  generate "$out/gbench-$n" "$n" --gbench
done

# Print "MEDIAN_MS MIN_MS CPU_MS" for the command in "$@", pinned to core 0, where CPU_MS is the
# mean user+system time ("n/a" without hyperfine); `label` names the exports in bench/out/.
time_command() {
  local label=$1
  shift
  if ((have_hyperfine)); then
    # -N: no intermediate shell; -i: exit status 1 (a regression) is a normal outcome here.
    if ! taskset -c "$pin" hyperfine -N -i --style none --warmup "$warmup" --runs "$runs" \
      --export-json "$out/$label.json" --export-csv "$out/$label.csv" "$*" \
      >"$out/$label.log" 2>&1; then
      cat "$out/$label.log" >&2
      exit 2
    fi
    awk -F, 'NR == 2 { printf "%.1f %.1f %.1f\n", $4 * 1000, $7 * 1000, ($5 + $6) * 1000 }' \
      "$out/$label.csv"
    return
  fi
  local i start end
  local -a times=()
  for ((i = 0; i < warmup; ++i)); do
    taskset -c "$pin" "$@" >/dev/null || true
  done
  for ((i = 0; i < runs; ++i)); do
    start=$(date +%s%N)
    taskset -c "$pin" "$@" >/dev/null || true
    end=$(date +%s%N)
    times+=("$(((end - start) / 1000))")
  done
  printf '%s\n' "${times[@]}" | sort -n |
    awk '{ t[NR] = $1 } END { printf "%.1f %.1f n/a\n", t[int((NR + 1) / 2)] / 1000, t[1] / 1000 }'
}

# Print the peak resident set size in MB of the command in "$@" (largest of several runs).
peak_rss_mb() {
  local i kb max=0 report
  report=$(mktemp)
  for ((i = 0; i < rss_runs; ++i)); do
    /usr/bin/time -f %M -o "$report" taskset -c "$pin" "$@" >/dev/null 2>&1 || true
    kb=$(tail -n 1 "$report")
    ((kb > max)) && max=$kb
  done
  rm -f "$report"
  awk -v kb="$max" 'BEGIN { printf "%.1f\n", kb / 1024 }'
}

# Fail loudly unless the command compares (exit 0, or 1 for a regression) and prints something.
check_command() {
  local status=0 output
  output=$("$@" 2>&1) || status=$?
  if ((status > 1)) || [[ -z $output ]]; then
    echo "bench: '$*' failed (exit $status): ${output:0:300}" >&2
    exit 2
  fi
}

# Fail loudly unless the baseline prints the same stdout as this build for the arguments "$@".
check_same_output() {
  if ! cmp -s <("$spyglass" "$@" 2>/dev/null) <("$baseline" "$@" 2>/dev/null); then
    echo "bench: the baseline's output differs for 'spyglass $*'" >&2
    exit 2
  fi
}

# The cores the timed commands may run on: core 0 (one core, the targets' terms), except for the
# rows that show what reading files on parallel threads gives.
pin=0
commands=("compare" "compare --format json" "compare-many")
declare -A cost
contended=0
table="| size | command | median ms | min ms | CPU ms | peak RSS MB | 100k/10k time |"
rule="|---:|---|---:|---:|---:|---:|---:|"
if [[ -n $baseline ]]; then
  table+=" baseline median ms | baseline CPU ms | baseline peak RSS MB | baseline/this CPU |"
  rule+="---:|---:|---:|---:|"
fi
table+=$'\n'"$rule"
# Time `spyglass ARGS...` for the row `name` of size `n` and add the row to the table:
# add_row N NAME ARGS...
add_row() {
  local n=$1 name=$2
  shift 2
  local -a args=("$@")
  local med min cpu rss ratio row base_med base_cpu base_rss speedup
  check_command "$spyglass" "${args[@]}"
  echo "bench: timing $n: spyglass $name" >&2
  read -r med min cpu < <(time_command "$n-${name// /_}" "$spyglass" "${args[@]}") || true
  [[ -n ${med:-} ]] || exit 2
  rss=$(peak_rss_mb "$spyglass" "${args[@]}")
  # The scaling ratio uses CPU time when there is one: it holds up when other jobs share the core.
  cost[$n/$name]=$([[ $cpu != n/a ]] && echo "$cpu" || echo "$med")
  if [[ $cpu != n/a ]] && awk -v w="$med" -v c="$cpu" 'BEGIN { exit !(w > 1.15 * c) }'; then
    contended=1
  fi
  ratio=""
  if ((n == 100000)) && [[ -n ${cost[10000/$name]:-} ]]; then
    ratio=$(awk -v a="${cost[$n/$name]}" -v b="${cost[10000/$name]}" \
      'BEGIN { printf "%.1f×", a / b }')
  fi
  row="| $n | \`spyglass $name\` | $med | $min | $cpu | $rss | $ratio |"
  if [[ -n $baseline ]]; then
    check_same_output "${args[@]}"
    echo "bench: timing $n: baseline $name" >&2
    read -r base_med _ base_cpu < <(time_command "$n-${name// /_}-baseline" "$baseline" \
      "${args[@]}") || true
    [[ -n ${base_med:-} ]] || exit 2
    base_rss=$(peak_rss_mb "$baseline" "${args[@]}")
    speedup=n/a
    if [[ $cpu != n/a ]]; then
      speedup=$(awk -v a="$base_cpu" -v b="$cpu" 'BEGIN { printf "%.2f×", a / b }')
    fi
    row+=" $base_med | $base_cpu | $base_rss | $speedup |"
  fi
  table+=$'\n'"$row"
}

for n in "${sizes[@]}"; do
  dir=$out/$n/results/bench-machine
  base=$dir/base-virtualenv-py3.12.json
  pr=$dir/pr-virtualenv-py3.12.json
  c2=$dir/c2-virtualenv-py3.12.json
  for name in "${commands[@]}"; do
    case $name in
      compare) args=(compare "$base" "$pr") ;;
      "compare --format json") args=(compare --format json "$base" "$pr") ;;
      compare-many) args=(compare-many "$base" "$pr" "$c2") ;;
    esac
    add_row "$n" "$name" "${args[@]}"
  done
done
for n in "${gbench_sizes[@]}"; do
  gbench_args=(compare "$out/gbench-$n/gbench/base.json" "$out/gbench-$n/gbench/pr.json")
  add_row "$n" "compare (gbench)" "${gbench_args[@]}"
  pin="0-$(($(nproc) - 1))"
  add_row "$n" "compare (gbench, all $(nproc) cores)" "${gbench_args[@]}"
  pin=0
done

ram_gib=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
model=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
timer=$( ((have_hyperfine)) && hyperfine --version || echo "date +%s%N loop")
{
  echo "$(date +%F): $(nproc) CPUs ($model), ${ram_gib} GiB RAM; pinned to core 0 (but the" \
    "\"all cores\" rows); $timer;" \
    "median and min of $runs runs after $warmup warm-up; peak RSS the largest of $rss_runs runs."
  echo
  echo "$table"
} | tee "$out/results.md"
if ((contended)); then
  echo "bench: warning: wall time exceeded CPU time by over 15%: other jobs shared core 0;" \
    "rerun on a quiet machine" >&2
fi
