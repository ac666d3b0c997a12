#!/usr/bin/env bash
# The container action end to end: build the image with podman, then run it the way each supported
# Actions runner runs a docker action against the fake GitHub (tests/tools/fake_github_main.cpp) on
# 127.0.0.1, and check the comment, the outputs, the annotations and the exit code of each run.
# What a runner mounts and sets (actions/runner, ContainerActionHandler.cs; src/action/
# report_file.cpp cites it): the workspace at /github/workspace (also the working directory), the
# job temp's _github_home at /github/home with HOME pointing there, _github_workflow (the event
# file) at /github/workflow, _runner_file_commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, ...) at
# /github/file_commands, every INPUT_* and the GITHUB_*/RUNNER_* context variables. Runners with
# actions/runner#4011 also mount the job temp at /github/runner_temp and set RUNNER_TEMP to it;
# older ones (GitHub Enterprise Server, older self-hosted runners) pass RUNNER_TEMP as the host's
# path, which the container does not have. Both layouts run here. (The docker socket the runner
# also mounts is left out: spyglass never uses it.)
#
# Usage: scripts/container-test.sh BUILD_DIR (a tree configured with tests, where
# spyglass_fake_github is built). Prints the image size (and fails above 30 MB) and the build
# time. With SPYGLASS_IMAGE set, tests that image instead of building one. With
# SPYGLASS_CONTAINER_TIMING=RUNS, also times RUNS container runs that post the comment for 10k
# generated benchmarks (bench/generate_results.cpp) and prints their median (PERFORMANCE.md).
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
cmake --build "$build" --target spyglass_fake_github spyglass_bench_gen >/dev/null

if [[ -z "${SPYGLASS_IMAGE:-}" ]]; then
  ensure_base_image
  start=$(date +%s)
  podman build --pull=never --runtime runc --network=host --ulimit nofile=1024:1024 \
    --ulimit nproc=1024:1024 -t "$image" -f Dockerfile . >/dev/null
  echo "container-test: image built in $(($(date +%s) - start)) s"
fi
size=$(podman image inspect --format '{{.Size}}' "$image")
echo "container-test: image size $((size / 1000000)) MB ($size bytes)"
# Users pull it on every job that has no cached copy (issue 12: at most 30 MB uncompressed).
max_size=30000000
if ((size > max_size)); then
  echo "container-test: FAILED: the image is $size bytes, more than $max_size"
  exit 1
fi

work=$(mktemp -d)
fake_pid=""
cleanup() {
  if [[ -n "$fake_pid" ]]; then
    kill "$fake_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The runner's layout: the checkout, the job temp with its home, event and file-command folders.
mkdir -p "$work/workspace" "$work/runner_temp/_github_home" "$work/runner_temp/_github_workflow" \
  "$work/runner_temp/_runner_file_commands"
home=$work/runner_temp/_github_home
file_commands=$work/runner_temp/_runner_file_commands
cp -r fixtures/asv-spyglass-upstream/asv/test/example_results "$work/workspace/results"
head_sha=fcf8c079aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
echo '{"action":"synchronize","number":7,"pull_request":{"number":7}}' \
  >"$work/runner_temp/_github_workflow/event.json"
token=ghs_containerTestToken0123456789
# Where an older self-hosted runner keeps its job temp on the host (the default _work layout).
host_runner_temp=/actions-runner/_work/_temp

"$build/spyglass_fake_github" "$token" octo/widgets 7 "$head_sha" "$work/state.json" \
  >"$work/fake.out" &
fake_pid=$!
for _ in $(seq 50); do
  [[ $(wc -l <"$work/fake.out") -ge 2 ]] && break
  sleep 0.1
done
api_url=$(sed -n 1p "$work/fake.out")
graphql_url=$(sed -n 2p "$work/fake.out")

# One run of the action as a runner of LAYOUT runs it; RUN names its file-command files and logs.
# LAYOUT: mounted (RUNNER_TEMP at /github/runner_temp), unmounted (RUNNER_TEMP is the host's
# path, not mounted) or bare (RUNNER_TEMP unset and no /github/home mount: only the image's /tmp
# is writable). Later arguments are podman arguments (more -e INPUT_…=…, overriding earlier ones).
run_action() {
  local run=$1 layout=$2
  shift 2
  local mounts=(-v "$work/workspace:/github/workspace"
    -v "$work/runner_temp/_github_workflow:/github/workflow"
    -v "$file_commands:/github/file_commands")
  local temp_env=()
  case "$layout" in
    mounted)
      mounts+=(-v "$home:/github/home" -v "$work/runner_temp:/github/runner_temp")
      temp_env=(-e RUNNER_TEMP=/github/runner_temp)
      ;;
    unmounted)
      mounts+=(-v "$home:/github/home")
      temp_env=(-e "RUNNER_TEMP=$host_runner_temp")
      ;;
    bare) ;;
  esac
  : >"$file_commands/set_output_$run"
  : >"$file_commands/step_summary_$run"
  local status=0
  "${podman_run[@]}" --workdir /github/workspace "${mounts[@]}" \
    -e "INPUT_GITHUB-TOKEN=$token" \
    -e "INPUT_BASE-FILE=results/cheetah/22b920c6-py2.7-Cython-numpy1.8.json" \
    -e "INPUT_PR-FILE=results/cheetah/fcf8c079-py2.7-Cython-numpy1.8.json" \
    -e "INPUT_FACTOR=2" -e "INPUT_COMMENT-ID=default" -e "INPUT_COMMENT-MODE=update" \
    -e "INPUT_POST-COMMENT=true" -e "INPUT_FAIL-ON-REGRESSION=true" -e "INPUT_JOB-SUMMARY=true" \
    -e "INPUT_COMPARISON-MODE=compare" -e "INPUT_PR-NUMBER=" -e "INPUT_BENCHMARKS-FILE=" \
    "$@" \
    -e HOME=/github/home -e GITHUB_ACTIONS=true -e CI=true -e GITHUB_REPOSITORY=octo/widgets \
    -e GITHUB_REPOSITORY_OWNER=octo -e GITHUB_ACTOR=octocat -e GITHUB_JOB=benchmarks \
    -e GITHUB_WORKFLOW=benchmarks -e GITHUB_ACTION=spyglass -e GITHUB_REF=refs/pull/7/merge \
    -e GITHUB_SHA="$head_sha" -e GITHUB_HEAD_REF=feature -e GITHUB_BASE_REF=main \
    -e GITHUB_API_URL="$api_url" -e GITHUB_GRAPHQL_URL="$graphql_url" \
    -e GITHUB_SERVER_URL=https://github.com -e GITHUB_RUN_ID=4242 -e GITHUB_RUN_NUMBER=12 \
    -e GITHUB_RUN_ATTEMPT=1 -e GITHUB_EVENT_NAME=pull_request \
    -e GITHUB_EVENT_PATH=/github/workflow/event.json -e GITHUB_WORKSPACE=/github/workspace \
    -e GITHUB_OUTPUT="/github/file_commands/set_output_$run" \
    -e GITHUB_STEP_SUMMARY="/github/file_commands/step_summary_$run" \
    -e GITHUB_ENV="/github/file_commands/set_env_$run" \
    -e GITHUB_PATH="/github/file_commands/add_path_$run" \
    -e GITHUB_STATE="/github/file_commands/save_state_$run" \
    -e RUNNER_OS=Linux -e RUNNER_ARCH=X64 "${temp_env[@]}" \
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

# The spyglass ::warning lines of run $1 must be exactly $2 (empty: none).
expect_warning() {
  local found
  found=$(grep '^::warning title=spyglass::' "$work/stdout_$1" || true)
  [[ "$found" == "$2" ]] || fail "run $1 warned '$found', expected '$2'"
}

gate_error='::error title=spyglass::fail-on-regression: 8 benchmarks regressed, 3 newly fail'

# 1. A current runner (RUNNER_TEMP mounted): the comment is posted, the gate fails the job.
start_ms=$(date +%s%3N)
status=$(run_action 1 mounted)
echo "container-test: first run (create) took $(($(date +%s%3N) - start_ms)) ms with container start"
[[ "$status" == 1 ]] || fail "fail-on-regression run exited $status, expected 1"
grep -qx "$gate_error" "$work/stdout_1" || fail "run 1 lacks the gate's ::error"
grep -qx body-path=/github/runner_temp/spyglass-default.md "$file_commands/set_output_1" ||
  fail "run 1's body-path is not under the mounted RUNNER_TEMP"
grep -q '^<!-- spyglass:default -->' "$work/runner_temp/spyglass-default.md" ||
  fail "run 1 wrote no report into RUNNER_TEMP"
expect_warning 1 ""

# 2. An older runner or GHES (RUNNER_TEMP not mounted): the report falls back to HOME with one
# warning, and the comment is updated and the pull request converted to a draft as usual.
status=$(run_action 2 unmounted -e INPUT_FAIL-ON-REGRESSION=false -e INPUT_DRAFT-ON-REGRESSION=true)
[[ "$status" == 0 ]] || fail "second run exited $status, expected 0"
outputs=$file_commands/set_output_2
for expected in regression-detected=true regressions=8 improvements=1 failures=3 pr-number=7 \
  body-path=/github/home/spyglass-default.md; do
  grep -qx "$expected" "$outputs" || fail "GITHUB_OUTPUT lacks $expected"
done
grep -q '^comparison<<' "$outputs" || fail "GITHUB_OUTPUT lacks the comparison heredoc"
grep -q '^comment-id=[0-9]' "$outputs" || fail "GITHUB_OUTPUT lacks comment-id"
grep -q '^<!-- spyglass:default -->' "$file_commands/step_summary_2" ||
  fail "the step summary was not written"
grep -q '^<!-- spyglass:default -->' "$home/spyglass-default.md" ||
  fail "run 2 wrote no report into HOME"
grep -q '::warning title=Benchmark regression::' "$work/stdout_2" || fail "no ::warning annotation"
expect_warning 2 "::warning title=spyglass::RUNNER_TEMP ($host_runner_temp) is not a writable \
directory in the container (the runner does not mount it into container actions): body-path is \
/github/home/spyglass-default.md"

# 3. Nothing mounted to write to and no comment posted: the report goes to the image's /tmp, and
# the failing gate still annotates the run.
status=$(run_action 3 bare -e INPUT_POST-COMMENT=false)
[[ "$status" == 1 ]] || fail "post-comment: false run exited $status, expected 1"
grep -qx body-path=/tmp/spyglass-default.md "$file_commands/set_output_3" ||
  fail "run 3's body-path is not in the image's /tmp"
grep -qx "$gate_error" "$work/stdout_3" || fail "run 3 lacks the gate's ::error"
[[ $(grep -c '^::warning title=Benchmark regression::' "$work/stdout_3") == 10 ]] ||
  fail "run 3 lacks the regressions' ::warning annotations"
expect_warning 3 "::warning title=spyglass::RUNNER_TEMP is not set (the runner does not mount it \
into container actions): body-path is /tmp/spyglass-default.md"

# 4. A factor of at most 1 is refused, naming the input.
status=$(run_action 4 mounted -e INPUT_FACTOR=1)
[[ "$status" == 2 ]] || fail "factor 1 run exited $status, expected 2"
[[ $(cat "$work/stderr_4") == "spyglass: error: input factor: '1' must be more than 1 (the factor \
is the ratio a change must pass: 1.1 means a 10% change)" ]] || fail "run 4's error is not the factor's"

if grep -q "$token" "$work"/stdout_* "$work"/stderr_* "$file_commands"/* "$home"/*; then
  fail "the token was printed"
fi

if [[ -n "${SPYGLASS_CONTAINER_TIMING:-}" ]]; then
  # The comment for 10k benchmarks: the generator's base and pr files, posted in place (update).
  "$build/spyglass_bench_gen" "$work/workspace/bench" 10000 >/dev/null
  times=()
  for i in $(seq "$SPYGLASS_CONTAINER_TIMING"); do
    start_ms=$(date +%s%3N)
    status=$(run_action "timing_$i" mounted -e INPUT_FAIL-ON-REGRESSION=false -e INPUT_FACTOR=1.1 \
      -e INPUT_BASE-FILE=bench/results/bench-machine/base-virtualenv-py3.12.json \
      -e INPUT_PR-FILE=bench/results/bench-machine/pr-virtualenv-py3.12.json \
      -e INPUT_COMMENT-ID=bench10k)
    times+=($(($(date +%s%3N) - start_ms)))
    [[ "$status" == 0 ]] || fail "10k run $i exited $status"
    grep -q '^comment-id=[0-9]' "$file_commands/set_output_timing_$i" || fail "10k run $i posted nothing"
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  echo "container-test: 10k benchmarks, container start to comment posted: ${times[*]} ms; median $median ms"
fi

kill -TERM "$fake_pid"
wait "$fake_pid" || true
fake_pid=""
python3 - "$work/state.json" "${SPYGLASS_CONTAINER_TIMING:-0}" <<'PY'
import json, sys
state = json.load(open(sys.argv[1]))
timing_runs = int(sys.argv[2])
ours = [c for c in state["comments"] if c["body"].startswith("<!-- spyglass:default -->")]
assert len(ours) == 1, f"expected one comment, found {len(ours)}"
assert ours[0]["login"] == "github-actions[bot]", ours[0]["login"]
methods = [r.split()[0] for r in state["requests"]]
# The comment, then the draft mutation (and the 10k comment of the first timing run).
assert methods.count("POST") == 2 + min(timing_runs, 1), state["requests"]
# Run 2 updated the comment (and each later timing run the 10k one).
assert methods.count("PATCH") == 1 + max(timing_runs - 1, 0), state["requests"]
assert state["draft"], "the pull request was not converted to a draft"
print("container-test: fake GitHub saw", len(state["requests"]), "requests")
PY
echo "container-test: ok"
