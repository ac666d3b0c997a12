#!/usr/bin/env bash
# The container action end to end: build the image with podman, then run it the way the Actions
# runner runs a docker action (INPUT_* and GITHUB_* variables, the workspace mounted at
# /github/workspace, the event file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files) against the
# fake GitHub (tests/tools/fake_github_main.cpp) on 127.0.0.1, and check the comment, the outputs
# and the gate's exit code. Usage: scripts/container-test.sh BUILD_DIR (a tree configured with
# tests, where spyglass_fake_github is built). Prints the image size and the build time. With
# SPYGLASS_IMAGE set, tests that image instead of building one.
#
# Setup, when missing: installs podman, runc, debootstrap and python3 from Debian, and makes the
# build stage's base image (debian:bookworm-slim) locally with debootstrap from the mirror apt
# already uses, since no container registry is reachable here. The image build itself downloads
# the build stage's packages from that mirror; the test runs use loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/container-test.sh BUILD_DIR}
image=${SPYGLASS_IMAGE:-localhost/spyglass-action:test}
base_image=docker.io/library/debian:bookworm-slim
podman_run=(podman run --rm --runtime runc --ulimit nofile=1024:1024 --ulimit nproc=1024:1024
  --network=host)

# The first Debian mirror apt is configured with (deb822 .sources files or a sources.list line).
debian_mirror() {
  local mirror
  mirror=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{ print $2; exit }')
  if [[ -z $mirror ]]; then
    mirror=$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
      awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }')
  fi
  echo "${mirror:?container-test: no Debian mirror found in the apt sources}"
}

ensure_base_image() {
  if podman image exists "$base_image"; then
    return
  fi
  local rootfs
  rootfs=$(mktemp -d)
  echo "container-test: making $base_image with debootstrap"
  debootstrap --variant=minbase bookworm "$rootfs" "$(debian_mirror)" >/dev/null
  tar -C "$rootfs" -c . | podman import - "$base_image" >/dev/null
  rm -rf "$rootfs"
}

bash scripts/install-deps.sh podman runc debootstrap python3
cmake --build "$build" --target spyglass_fake_github >/dev/null

if [[ -z "${SPYGLASS_IMAGE:-}" ]]; then
  ensure_base_image
  start=$(date +%s)
  podman build --pull=never --runtime runc --network=host --ulimit nofile=1024:1024 \
    --ulimit nproc=1024:1024 -t "$image" -f Dockerfile . >/dev/null
  echo "container-test: image built in $(($(date +%s) - start)) s"
fi
size=$(podman image inspect --format '{{.Size}}' "$image")
echo "container-test: image size $((size / 1000000)) MB ($size bytes)"

work=$(mktemp -d)
fake_pid=""
cleanup() {
  if [[ -n "$fake_pid" ]]; then
    kill "$fake_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The runner's layout: the checkout, the event, the file commands, the temp dir.
mkdir -p "$work/workspace" "$work/workflow" "$work/file_commands" "$work/runner_temp"
cp -r fixtures/asv-spyglass-upstream/asv/test/example_results "$work/workspace/results"
head_sha=fcf8c079aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
echo '{"action":"synchronize","number":7,"pull_request":{"number":7}}' \
  >"$work/workflow/event.json"
token=ghs_containerTestToken0123456789

"$build/spyglass_fake_github" "$token" octo/widgets 7 "$head_sha" "$work/state.json" \
  >"$work/fake.out" &
fake_pid=$!
for _ in $(seq 50); do
  [[ $(wc -l <"$work/fake.out") -ge 2 ]] && break
  sleep 0.1
done
api_url=$(sed -n 1p "$work/fake.out")
graphql_url=$(sed -n 2p "$work/fake.out")

# One run of the action; $1 is the run's number (its own GITHUB_OUTPUT and summary files).
run_action() {
  local run=$1
  shift
  : >"$work/file_commands/set_output_$run"
  : >"$work/file_commands/step_summary_$run"
  local status=0
  "${podman_run[@]}" --workdir /github/workspace \
    -v "$work/workspace:/github/workspace" -v "$work/workflow:/github/workflow" \
    -v "$work/file_commands:/github/file_commands" -v "$work/runner_temp:/github/runner_temp" \
    -e "INPUT_GITHUB-TOKEN=$token" \
    -e "INPUT_BASE-FILE=results/cheetah/22b920c6-py2.7-Cython-numpy1.8.json" \
    -e "INPUT_PR-FILE=results/cheetah/fcf8c079-py2.7-Cython-numpy1.8.json" \
    -e "INPUT_FACTOR=2" -e "INPUT_COMMENT-ID=default" -e "INPUT_COMMENT-MODE=update" \
    -e "INPUT_POST-COMMENT=true" -e "INPUT_FAIL-ON-REGRESSION=true" -e "INPUT_JOB-SUMMARY=true" \
    -e "INPUT_COMPARISON-MODE=compare" -e "INPUT_PR-NUMBER=" -e "INPUT_BENCHMARKS-FILE=" \
    "$@" \
    -e GITHUB_ACTIONS=true -e CI=true -e GITHUB_REPOSITORY=octo/widgets \
    -e GITHUB_API_URL="$api_url" -e GITHUB_GRAPHQL_URL="$graphql_url" \
    -e GITHUB_SERVER_URL=https://github.com -e GITHUB_RUN_ID=4242 -e GITHUB_RUN_ATTEMPT=1 \
    -e GITHUB_EVENT_NAME=pull_request -e GITHUB_EVENT_PATH=/github/workflow/event.json \
    -e GITHUB_OUTPUT="/github/file_commands/set_output_$run" \
    -e GITHUB_STEP_SUMMARY="/github/file_commands/step_summary_$run" \
    -e RUNNER_TEMP=/github/runner_temp -e GITHUB_WORKSPACE=/github/workspace \
    "$image" action >"$work/stdout_$run" 2>"$work/stderr_$run" || status=$?
  echo "$status"
}

fail() {
  echo "container-test: FAILED: $*"
  for f in "$work"/stdout_* "$work"/stderr_*; do
    echo "--- $f"
    cat "$f"
  done
  exit 1
}

start_ms=$(date +%s%3N)
status=$(run_action 1)
echo "container-test: first run (create) took $(($(date +%s%3N) - start_ms)) ms with container start"
[[ "$status" == 1 ]] || fail "fail-on-regression run exited $status, expected 1"
status=$(run_action 2 -e INPUT_FAIL-ON-REGRESSION=false -e INPUT_DRAFT-ON-REGRESSION=true)
[[ "$status" == 0 ]] || fail "second run exited $status, expected 0"

outputs=$work/file_commands/set_output_2
for expected in regression-detected=true regressions=8 improvements=1 failures=3 pr-number=7 \
  body-path=/github/runner_temp/spyglass-default.md; do
  grep -qx "$expected" "$outputs" || fail "GITHUB_OUTPUT lacks $expected"
done
grep -q '^comparison<<' "$outputs" || fail "GITHUB_OUTPUT lacks the comparison heredoc"
grep -q '^comment-id=[0-9]' "$outputs" || fail "GITHUB_OUTPUT lacks comment-id"
grep -q '^<!-- spyglass:default -->' "$work/file_commands/step_summary_2" ||
  fail "the step summary was not written"
grep -q '::warning title=Benchmark regression::' "$work/stdout_2" || fail "no ::warning annotation"
if grep -q "$token" "$work"/stdout_* "$work"/stderr_* "$work"/file_commands/*; then
  fail "the token was printed"
fi

kill -TERM "$fake_pid"
wait "$fake_pid" || true
fake_pid=""
python3 - "$work/state.json" <<'PY'
import json, sys
state = json.load(open(sys.argv[1]))
ours = [c for c in state["comments"] if c["body"].startswith("<!-- spyglass:default -->")]
assert len(ours) == 1, f"expected one comment, found {len(ours)}"
assert ours[0]["login"] == "github-actions[bot]", ours[0]["login"]
methods = [r.split()[0] for r in state["requests"]]
assert methods.count("POST") == 2, state["requests"]  # the comment, then the draft mutation
assert methods.count("PATCH") == 1, state["requests"]  # the second run updated it
assert state["draft"], "the pull request was not converted to a draft"
print("container-test: fake GitHub saw", len(state["requests"]), "requests:",
      ", ".join(state["requests"]))
PY
echo "container-test: ok"
