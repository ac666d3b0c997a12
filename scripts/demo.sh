#!/usr/bin/env bash
# Set up, build Release, and run the main job on bundled fixtures: the pull-request comment for
# asv's example results (format 1, with failures, a skipped benchmark, a version change and a
# `~`), printed instead of posted.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh build
bash scripts/build.sh build -DCMAKE_BUILD_TYPE=Release -DSPYGLASS_BUILD_TESTS=OFF
results=fixtures/asv-spyglass-upstream/asv/test/example_results/cheetah
./build/spyglass comment --print-only --factor 2 \
  --base "$results/22b920c6-py2.7-Cython-numpy1.8.json" \
  --pr "$results/fcf8c079-py2.7-Cython-numpy1.8.json"
