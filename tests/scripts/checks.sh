# shellcheck shell=bash
# The assertions of the shell tests in tests/scripts/, sourced by each: `check WHAT EXPECTED
# ACTUAL` compares exactly, prints "ok: WHAT" or the difference, and counts the failures in
# `failures`, which the test reports at its end.
failures=0

check() {
  local what=$1 expected=$2 actual=$3
  if [[ $expected != "$actual" ]]; then
    echo "FAIL: $what"
    echo "  expected: $(printf '%q' "$expected")"
    echo "  actual:   $(printf '%q' "$actual")"
    failures=$((failures + 1))
  else
    echo "ok: $what"
  fi
}
