#!/usr/bin/env bash
# Mutation testing: scripts/mutate.sh [DIR [MUTANT_ID...]]
#
# Applies each mutant of tests/mutants.txt (a deliberate bug in the code that decides what users
# act on: significance, marks, gates, limits, escaping, upsert, retries, PR resolution, input
# checks) to a copy of the source tree, rebuilds spyglass_tests there and runs it. A mutant the
# tests catch is "killed"; one they miss "survived", which means a test is missing. Prints one line
# per mutant, then the score and the survivors. Exits 1 when a mutant survived, no longer applies
# (its original snippet is gone or no longer unique because the code moved: update the list) or
# no longer builds; 2 when the unmutated tree fails its tests or the list is malformed.
#
# DIR (default build-mutate) holds the copy (DIR/tree), its build (DIR/build) and one log per
# mutant (DIR/logs). The working tree is only read: every write goes to the copy, which is synced
# from the working tree (tracked and untracked, not ignored, files, as they are on disk) at start,
# and a mutated file is restored on every exit, Ctrl-C included. Give MUTANT_IDs to run only those.
#
# Why a home-made applier: Debian packages no C++ mutation tool (`apt-cache search mutation` finds
# none; neither Mull nor Dextool is packaged), and a curated list of a few dozen mutants on the
# decisions that matter, each an exact snippet, says more than thousands of generated operator
# swaps and costs one incremental build each.
#
# Why Release without debug info: a mutant costs one recompile, two links and up to a whole test
# run (a survivor runs all of it); optimized, the suite takes about 45 s, and debug info would only
# slow the links. Warnings do not stop this build: a mutant may leave a variable unused, and GCC
# 12 at -O3 warns -Wrestrict falsely in a few tests.
#
# Environment: SPYGLASS_MUTATION_JOBS (build jobs, default 2), SPYGLASS_MUTATION_TIMEOUT (seconds
# per test run, default three times the unmutated run, at least 120).
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true
cd "$(dirname "$0")/.."
root=$PWD

dir=${1:-build-mutate}
shift || true
[[ $dir = /* ]] || dir=$root/$dir
tree=$dir/tree
build=$dir/build
logs=$dir/logs
list=$root/tests/mutants.txt
jobs=${SPYGLASS_MUTATION_JOBS:-2}

# --- The mutant list --------------------------------------------------------------------------
# Format: a mutant starts with `== ID: description`, then `@ path`, then the original snippet as
# lines starting with `- ` and the replacement as lines starting with `+ ` (a bare `-` or `+` is an
# empty line; no `+` line deletes the snippet). Lines starting with `#` and blank lines between
# mutants are ignored.
ids=()
declare -A m_desc m_file m_find m_repl
parse_list() {
  local line id="" number=0 have_find have_repl
  fail_list() {
    echo "tests/mutants.txt:$number: $1" >&2
    exit 2
  }
  while IFS= read -r line || [[ -n $line ]]; do
    number=$((number + 1))
    case $line in
      "== "*)
        id=${line#== }
        id=${id%%:*}
        [[ $id =~ ^[a-z0-9][a-z0-9.-]*$ ]] || fail_list "bad mutant id '$id'"
        [[ -z ${m_desc[$id]+set} ]] || fail_list "mutant '$id' is listed twice"
        [[ $line == *": "* ]] || fail_list "mutant '$id' has no description"
        ids+=("$id")
        m_desc[$id]=${line#*: }
        m_file[$id]=""
        have_find=""
        have_repl=""
        ;;
      "@ "*)
        [[ -n $id ]] || fail_list "a path before any mutant"
        m_file[$id]=${line#@ }
        ;;
      "-" | "- "*)
        [[ -n $id && -z $have_repl ]] || fail_list "an original line outside a mutant"
        local text=${line#-}
        text=${text#" "}
        if [[ -n $have_find ]]; then m_find[$id]+=$'\n'; fi
        m_find[$id]+=$text
        have_find=1
        ;;
      "+" | "+ "*)
        [[ -n $id && -n $have_find ]] || fail_list "a replacement line before the original"
        local text=${line#+}
        text=${text#" "}
        if [[ -n $have_repl ]]; then m_repl[$id]+=$'\n'; fi
        m_repl[$id]+=$text
        have_repl=1
        ;;
      "" | "#"*) ;;
      *) fail_list "unexpected line: $line" ;;
    esac
  done <"$list"
  for id in "${ids[@]}"; do
    [[ -n ${m_file[$id]} && -n ${m_find[$id]+set} ]] ||
      { echo "tests/mutants.txt: mutant '$id' needs a path and an original snippet" >&2; exit 2; }
    [[ ${m_find[$id]} != "${m_repl[$id]-}" ]] ||
      { echo "tests/mutants.txt: mutant '$id' changes nothing" >&2; exit 2; }
  done
}
parse_list

selected=("${ids[@]}")
if (($# > 0)); then
  selected=("$@")
  for id in "${selected[@]}"; do
    [[ -n ${m_desc[$id]+set} ]] || { echo "no mutant '$id' in tests/mutants.txt" >&2; exit 2; }
  done
fi

# --- The copy of the tree ---------------------------------------------------------------------
# Copies only files that differ, so an unchanged file keeps its time stamp and stays built.
sync_tree() {
  local files rel
  mkdir -p "$tree"
  files=$(git -C "$root" ls-files --cached --others --exclude-standard | sort -u)
  while IFS= read -r rel; do
    if [[ -L $root/$rel ]]; then
      if [[ $(readlink "$root/$rel") != "$(readlink "$tree/$rel" || true)" ]]; then
        rm -rf "${tree:?}/$rel"
        mkdir -p "$(dirname "$tree/$rel")"
        cp -P "$root/$rel" "$tree/$rel"
      fi
      continue
    fi
    [[ -f $root/$rel ]] || continue
    if ! cmp -s "$root/$rel" "$tree/$rel"; then
      mkdir -p "$(dirname "$tree/$rel")"
      cp "$root/$rel" "$tree/$rel"
    fi
  done <<<"$files"
  # Files deleted from the working tree leave the copy too (the build globs its sources).
  comm -13 <(echo "$files") <(cd "$tree" && find . \( -type f -o -type l \) | sed 's|^\./||' | sort) |
    while IFS= read -r rel; do rm -f "$tree/$rel"; done
}

# The file a mutant changed, restored (with a fresh time stamp, so it is rebuilt) on every exit.
mutated=""
child=""
restore() {
  if [[ -n $mutated ]]; then
    cp "$root/$mutated" "$tree/$mutated"
    mutated=""
  fi
}
on_signal() {
  if [[ -n $child ]]; then
    kill -TERM -- "-$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  restore
  echo "mutate.sh: interrupted; the working tree was never changed" >&2
  exit 130
}
trap restore EXIT
trap on_signal INT TERM

# Runs "$@" in the background, in a process group of its own that the trap can end as a whole
# (cmake --build outlives a TERM while its ninja runs), so that a signal reaches the trap at once;
# returns its status.
run_child() {
  local status=0
  set -m
  "$@" &
  child=$!
  set +m
  wait "$child" || status=$?
  child=""
  return "$status"
}

build_tests() {
  run_child cmake --build "$build" --target spyglass_tests -j "$jobs" >>"$1" 2>&1
}

# Runs the suite from the copy; the status of `timeout` (124 when it ran out).
run_tests() {
  local status=0
  cd "$tree"
  run_child timeout -k 10 "$2" "$build/spyglass_tests" --gtest_fail_fast --gtest_brief=1 \
    >>"$1" 2>&1 || status=$?
  cd "$root"
  return "$status"
}

# Applies mutant `$1` to the copy: 0 done, 1 the snippet is missing, 2 it occurs more than once.
apply_mutant() {
  local id=$1 path content rest
  path=$tree/${m_file[$id]}
  [[ -f $path ]] || return 1
  IFS= read -r -d '' content <"$path" || true
  rest=${content#*"${m_find[$id]}"}
  [[ $rest != "$content" ]] || return 1
  [[ $rest != *"${m_find[$id]}"* ]] || return 2
  mutated=${m_file[$id]}
  printf '%s' "${content/"${m_find[$id]}"/"${m_repl[$id]-}"}" >"$path"
}

# --- The run ----------------------------------------------------------------------------------
started=$SECONDS
mkdir -p "$logs"
echo "== syncing $tree"
sync_tree
if [[ ! -f $build/build.ninja ]]; then
  echo "== configuring $build"
  cmake -S "$tree" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSPYGLASS_WARNINGS_AS_ERRORS=OFF -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
fi
echo "== building and testing the unmutated tree"
baseline_log=$logs/unmutated.log
: >"$baseline_log"
if ! build_tests "$baseline_log"; then
  echo "mutate.sh: the unmutated tree does not build; see $baseline_log" >&2
  exit 2
fi
test_started=$SECONDS
if ! run_tests "$baseline_log" 3600; then
  echo "mutate.sh: the unmutated tree fails its tests; see $baseline_log" >&2
  exit 2
fi
baseline_seconds=$((SECONDS - test_started))
limit=${SPYGLASS_MUTATION_TIMEOUT:-$((baseline_seconds * 3 > 120 ? baseline_seconds * 3 : 120))}
echo "   tests pass in ${baseline_seconds}s; ${#selected[@]} mutants, ${limit}s each at most"

killed=0
survivors=()
broken=()
for id in "${selected[@]}"; do
  log=$logs/$id.log
  : >"$log"
  mutant_started=$SECONDS
  status=0
  apply_mutant "$id" || status=$?
  if ((status == 1)); then
    echo "FAILED TO APPLY  $id: the original snippet is no longer in ${m_file[$id]} (update tests/mutants.txt)"
    broken+=("$id (failed to apply)")
    continue
  elif ((status == 2)); then
    echo "FAILED TO APPLY  $id: the original snippet occurs more than once in ${m_file[$id]} (make it unique)"
    broken+=("$id (failed to apply)")
    continue
  fi
  if ! build_tests "$log"; then
    restore
    echo "FAILED TO BUILD  $id: ${m_desc[$id]} (see $log)"
    broken+=("$id (failed to build)")
    continue
  fi
  status=0
  run_tests "$log" "$limit" || status=$?
  restore
  seconds=$((SECONDS - mutant_started))
  if ((status == 0)); then
    echo "survived         $id: ${m_desc[$id]} (${seconds}s)"
    survivors+=("$id")
  elif ((status == 124 || status == 137)); then
    echo "killed (timeout) $id (${seconds}s)"
    killed=$((killed + 1))
  else
    first=$(grep -m1 -o '\[  FAILED  \] [A-Za-z0-9_/.]*' "$log" | sed 's/.*\] //' || true)
    echo "killed           $id by ${first:-a crash} (${seconds}s)"
    killed=$((killed + 1))
  fi
done

tested=$((killed + ${#survivors[@]}))
elapsed=$((SECONDS - started))
echo
echo "== mutation score: $killed of $tested killed; ${#survivors[@]} survived, ${#broken[@]} failed to apply or build; $((elapsed / 60))m$((elapsed % 60))s"
for id in "${survivors[@]}"; do
  echo "survivor: $id (${m_file[$id]}): ${m_desc[$id]}"
done
for entry in "${broken[@]}"; do
  echo "broken:   $entry"
done
((${#survivors[@]} == 0 && ${#broken[@]} == 0))
