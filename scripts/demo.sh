#!/usr/bin/env bash
# Set up, build Release, and run spyglass on bundled fixtures (asv's example results, format 1,
# with failures, a skipped benchmark, a version change and a `~`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh build -DCMAKE_BUILD_TYPE=Release -DSPYGLASS_BUILD_TESTS=OFF
results=fixtures/asv-spyglass-upstream/asv/test/example_results/cheetah
set +e
./build/spyglass compare --factor 2 --split \
  "$results/22b920c6-py2.7-Cython-numpy1.8.json" "$results/fcf8c079-py2.7-Cython-numpy1.8.json"
code=$?
set -e
echo "(spyglass exited $code: 1 means a regression was found; 0 none; 2 bad input)"
