#!/usr/bin/env bash
# Set up and run every test lane: a warnings-as-errors GCC build with the whole test suite and a
# check that every source is clang-formatted, the same suite under clang with AddressSanitizer +
# UndefinedBehaviorSanitizer, a short libFuzzer run of each fuzz target, a schema check of
# action.yml and the workflows, and the container action end to end (podman;
# SPYGLASS_CONTAINER_TEST=0 skips it where no container can run), and, with SPYGLASS_MUTATION=1
# only, mutation testing (scripts/mutate.sh; too slow for every run). Exits non-zero when any lane
# fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

jobs=$(nproc)
fuzz_seconds=${SPYGLASS_FUZZ_SECONDS:-30}

echo "== lane 1: gcc, -Werror, all tests, clang-format check"
bash scripts/build.sh build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSPYGLASS_WARNINGS_AS_ERRORS=ON
ctest --test-dir build-test --output-on-failure -j "$jobs"
cmake --build build-test --target check-format

echo "== lane 2: clang, ASan + UBSan, all tests and fuzzers"
CXX=clang++ bash scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug \
  -DSPYGLASS_WARNINGS_AS_ERRORS=ON -DSPYGLASS_ENABLE_ASAN=ON -DSPYGLASS_ENABLE_UBSAN=ON \
  -DSPYGLASS_BUILD_FUZZERS=ON
ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build-asan --output-on-failure -j "$jobs"

echo "== lane 3: fuzz each target for ${fuzz_seconds}s"
bash scripts/fuzz.sh build-asan "$fuzz_seconds"

echo "== lane 4: validate action.yml, .github/workflows/*.yml and docs/workflows/*.yml"
bash scripts/validate-action.sh

echo "== lane 5: the container action end to end"
if [[ "${SPYGLASS_CONTAINER_TEST:-1}" == 0 ]]; then
  echo "skipped: SPYGLASS_CONTAINER_TEST=0"
else
  bash scripts/container-test.sh build-test
fi

echo "== lane 6: mutation testing"
if [[ "${SPYGLASS_MUTATION:-0}" == 1 ]]; then
  bash scripts/mutate.sh
else
  echo "skipped: SPYGLASS_MUTATION=1 runs it (CONTRIBUTING.md, \"Mutation testing\")"
fi
