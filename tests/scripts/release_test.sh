#!/usr/bin/env bash
# scripts/release.sh, run as .github/workflows/release.yml runs it, on the real action.yml and
# CMakeLists.txt (copied into a temporary repository, with a CHANGELOG.md made there, where a step
# needs a release's CHANGELOG section or git tags): the tags of a version, the image name, the
# checks of the tag, the rewrite of action.yml (one line changed, idempotent, valid for GitHub's
# action schema), the release notes, the real CHANGELOG.md's headings, and the release commit
# with its moved tags pushed to a local bare repository. The workflow's own `run:` steps (read
# with python3-yaml) run where they can: the check, the image names, the release commit and the
# GitHub release (with a gh that records what it was asked).
# Exits 1 on the first failed check; 77 (a skip for ctest) when everything else passed but the
# schema check could not run (no npm or no registry).
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
release=$source_dir/scripts/release.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=tests/scripts/checks.sh
source "$source_dir/tests/scripts/checks.sh"

# Runs "$@", expecting exit 2 and exactly the one-line error `message` on stderr.
check_refused() {
  local what=$1 message=$2
  shift 2
  local status=0
  "$@" >"$work/out" 2>"$work/err" || status=$?
  check "$what: exit code" 2 "$status"
  check "$what: message" "$message" "$(cat "$work/err")"
  check "$what: prints nothing" "" "$(cat "$work/out")"
}

# Runs the `run:` script of the step with the id STEP of the job JOB of release.yml in the
# directory DIR as the runner runs it (the workflow's shell: bash -eo pipefail), with the
# variables of the call standing in for the `${{ }}` expressions of the job's and step's env.
run_step() {
  local job=$1 step=$2 dir=$3 script
  script=$(python3 - "$source_dir/.github/workflows/release.yml" "$job" "$step" <<'PY'
import sys
import yaml
workflow = yaml.safe_load(open(sys.argv[1]))
steps = [s for s in workflow["jobs"][sys.argv[2]]["steps"] if s.get("id") == sys.argv[3]]
if len(steps) != 1:
    sys.exit(f"release.yml: no single step {sys.argv[3]} in job {sys.argv[2]}")
print(steps[0]["run"])
PY
  )
  (cd "$dir" && bash --noprofile --norc -eo pipefail -c "$script")
}

version=$(bash "$release" version)
check "the project version is X.Y.Z" 1 "$([[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] && echo 1)"

# --- tags and image ----------------------------------------------------------------------------
check "tags of 1.2.3" $'1.2.3\n1.2\n1' "$(bash "$release" tags 1.2.3)"
check "tags of 0.1.0" $'0.1.0\n0.1\n0' "$(bash "$release" tags 0.1.0)"
check "tags of 10.20.30" $'10.20.30\n10.20\n10' "$(bash "$release" tags 10.20.30)"
for bad in 1.2 1.2.3.4 v1.2.3 1.2.3-rc1 01.2.3 1.02.3 "1.2.3 " "" x.y.z; do
  check_refused "tags of '$bad'" \
    "release: '$bad' is not a version X.Y.Z (three numbers without leading zeros)" \
    bash "$release" tags "$bad"
done
check "image of Owner/Repo" ghcr.io/owner/repo "$(bash "$release" image Owner/Repo)"
check "image of Spy.Org/spy-glass_2" ghcr.io/spy.org/spy-glass_2 \
  "$(bash "$release" image Spy.Org/spy-glass_2)"
# shellcheck disable=SC2016 # a name that would run a command if it were ever evaluated
for bad in owner owner/repo/x "owner/re po" "/repo" 'owner/$(id)'; do
  check_refused "image of '$bad'" "release: '$bad' is not OWNER/REPO" bash "$release" image "$bad"
done

# --- the rewrite of the real action.yml -----------------------------------------------------------
mkdir "$work/rewrite"
action=$work/rewrite/action.yml
cp "$source_dir/action.yml" "$action"
bash "$release" action-yml "v$version" Owner/Repo "$action"
# Only the image line differs, and it names the image of exactly this version.
line=$(grep -n '^  image: Dockerfile$' "$source_dir/action.yml" | cut -d: -f1)
check "the rewrite changes only the image line" \
  "$(printf '%s\n' "${line}c$line" "<   image: Dockerfile" "---" \
    ">   image: docker://ghcr.io/owner/repo:$version")" \
  "$(diff "$source_dir/action.yml" "$action" || true)"
check "the rewritten runs section" \
  "$(printf '%s\n' "runs:" "  using: docker" "  image: docker://ghcr.io/owner/repo:$version" \
    "  args:" "    - action")" \
  "$(sed -n '/^runs:/,$p' "$action")"
cp "$action" "$work/once.yml"
bash "$release" action-yml "v$version" Owner/Repo "$action"
check "the rewrite is idempotent" "" "$(diff "$work/once.yml" "$action" || true)"

check_refused "a tag that disagrees with CMakeLists.txt" \
  "release: tag v9.9.9 disagrees with CMakeLists.txt, whose project version is '$version'" \
  bash "$release" action-yml v9.9.9 Owner/Repo "$action"
check_refused "a tag that is not vX.Y.Z" \
  "release: '${version%.*}' is not a version X.Y.Z (three numbers without leading zeros)" \
  bash "$release" action-yml "v${version%.*}" Owner/Repo "$action"
check_refused "a tag without v" "release: tag '$version' does not start with v" \
  bash "$release" action-yml "$version" Owner/Repo "$action"
check "refused rewrites leave the file alone" "" "$(diff "$work/once.yml" "$action" || true)"
# An input named image is not the image.
mkdir "$work/input-named-image"
printf 'name: x\ninputs:\n  image:\n    default: y\nruns:\n  using: docker\n  image: Dockerfile\n' \
  >"$work/input-named-image/action.yml"
bash "$release" action-yml "v$version" o/r "$work/input-named-image/action.yml"
check "only the image line under runs: is rewritten" \
  "$(printf 'name: x\ninputs:\n  image:\n    default: y\nruns:\n  using: docker\n  image: %s\n' \
    "docker://ghcr.io/o/r:$version")" \
  "$(cat "$work/input-named-image/action.yml")"
printf 'name: x\nruns:\n  using: docker\n  args:\n    - action\n' >"$work/no-image.yml"
check_refused "an action.yml without an image line" \
  "release: $work/no-image.yml has no single 'image:' line under 'runs:'" \
  bash "$release" action-yml "v$version" Owner/Repo "$work/no-image.yml"

# --- a temporary repository: CHANGELOG sections, notes, the release commit and its tags -------------
repo=$work/repo
mkdir -p "$repo/scripts"
cp "$release" "$repo/scripts/"
cp "$source_dir/CMakeLists.txt" "$source_dir/action.yml" "$repo/"
# The real CHANGELOG.md's sections are Unreleased and releases in the format the check reads.
check "CHANGELOG.md's sections are '## Unreleased' or '## X.Y.Z - YYYY-MM-DD'" "" \
  "$(grep '^## ' "$source_dir/CHANGELOG.md" |
    grep -vxE '## (Unreleased|(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*)){2} - [0-9]{4}-[0-9]{2}-[0-9]{2})' || true)"
printf '# Changelog\n\n## Unreleased\n\n- Not released.\n' >"$repo/CHANGELOG.md"
check_refused "check without a CHANGELOG section" \
  "release: CHANGELOG.md has no section '## $version - YYYY-MM-DD'" \
  bash "$repo/scripts/release.sh" check "v$version"
{
  printf '# Changelog\n\n## Unreleased\n\n## %s - 2026-12-24\n\n### Added\n' "$version"
  printf -- '- A prebuilt image (#12).\n\n## 0.0.9 - 2026-11-01\n\n- Older.\n'
} >"$repo/CHANGELOG.md"
check "check prints the version" "$version" "$(bash "$repo/scripts/release.sh" check "v$version")"
: >"$work/output"
GITHUB_REF_NAME=v$version GITHUB_OUTPUT=$work/output run_step check version "$repo"
check "the check job's output" "version=$version" "$(cat "$work/output")"
: >"$work/output"
status=0
GITHUB_REF_NAME=v9.9.9 GITHUB_OUTPUT=$work/output run_step check version "$repo" 2>/dev/null ||
  status=$?
check "the check job fails on a tag that disagrees" "2 " "$status $(cat "$work/output")"
: >"$work/output"
GITHUB_REPOSITORY=Owner/Repo VERSION=$version GITHUB_OUTPUT=$work/output \
  run_step image names "$repo"
check "the image job's names" \
  "$(printf '%s\n' "image=ghcr.io/owner/repo" "tags<<EOF" "ghcr.io/owner/repo:$version" \
    "ghcr.io/owner/repo:${version%.*}" "ghcr.io/owner/repo:${version%%.*}" "EOF")" \
  "$(cat "$work/output")"
check_refused "check of a tag that disagrees" \
  "release: tag v9.9.9 disagrees with CMakeLists.txt, whose project version is '$version'" \
  bash "$repo/scripts/release.sh" check v9.9.9
check "notes are the section without its headline" \
  "$(printf '\n### Added\n- A prebuilt image (#12).\n')" \
  "$(bash "$repo/scripts/release.sh" notes "$version")"
check "notes of another section" "$(printf '\n- Older.\n')" \
  "$(bash "$repo/scripts/release.sh" notes 0.0.9)"

export GIT_AUTHOR_NAME=release-test GIT_AUTHOR_EMAIL=release-test@example.invalid
export GIT_COMMITTER_NAME=release-test GIT_COMMITTER_EMAIL=release-test@example.invalid
git init -q -b main "$repo"
git -C "$repo" add -A
git -C "$repo" commit -q -m "before the release"
major=${version%%.*}
git -C "$repo" tag "v$major"  # the previous release of this major version
git -C "$repo" commit -q --allow-empty -m "the released commit"
git -C "$repo" tag -a -m "v$version" "v$version"
tagged=$(git -C "$repo" rev-parse HEAD)
git init -q --bare "$work/remote.git"
git -C "$repo" remote add origin "$work/remote.git"
git -C "$repo" push -q origin main --tags

git -C "$repo" checkout -q main~1
check_refused "commit when HEAD is not the tag" \
  "release: HEAD is not the commit of v$version; check out the tag first" \
  bash "$repo/scripts/release.sh" commit "v$version" Owner/Repo
git -C "$repo" checkout -q "v$version"
out=$(GITHUB_REF_NAME=v$version GITHUB_REPOSITORY=Owner/Repo run_step release commit "$repo")
released=$(git -C "$repo" rev-parse HEAD)
check "commit reports the moved tags" \
  "release: v$version v${version%.*} v$major -> $released" "$out"
check "the release commit's parent is the tag's commit" "$tagged" \
  "$(git -C "$repo" rev-parse "$released^")"
check "the release commit changes only action.yml's image line" \
  "$(printf '%s\n' "-  image: Dockerfile" "+  image: docker://ghcr.io/owner/repo:$version")" \
  "$(git -C "$repo" diff "$tagged" "$released" | grep '^[-+]' | grep -v '^\(---\|+++\) ')"
check "only action.yml changed" action.yml "$(git -C "$repo" diff --name-only "$tagged" "$released")"
for tag in "v$version" "v${version%.*}" "v$major"; do
  check "$tag points at the release commit locally" "$released" \
    "$(git -C "$repo" rev-parse "$tag^{commit}")"
  check "$tag points at the release commit in the remote" "$released" \
    "$(git -C "$work/remote.git" rev-parse "$tag^{commit}")"
done
check "the default branch keeps image: Dockerfile" "  image: Dockerfile" \
  "$(git -C "$work/remote.git" show main:action.yml | grep '^  image:')"

# The GitHub release, with a gh that records its arguments and the notes it was given.
mkdir "$work/bin" "$work/runner-temp"
cat >"$work/bin/gh" <<GH
#!/usr/bin/env bash
echo "\$*" >"$work/gh-args"
cp "\${@: -1}" "$work/gh-notes"
GH
chmod +x "$work/bin/gh"
PATH=$work/bin:$PATH GITHUB_REF_NAME=v$version VERSION=$version RUNNER_TEMP=$work/runner-temp \
  GH_TOKEN=not-a-token run_step release github-release "$repo"
check "gh creates the release of the tag" \
  "release create v$version --verify-tag --title v$version --notes-file $work/runner-temp/notes.md" \
  "$(cat "$work/gh-args")"
check "the release notes are the CHANGELOG section" \
  "$(bash "$repo/scripts/release.sh" notes "$version")" "$(cat "$work/gh-notes")"

# --- the schema check: the rewritten action.yml and the release workflow ----------------------------
validation=$(bash "$source_dir/scripts/validate-action.sh" "$action" \
  "$source_dir/.github/workflows/release.yml" 2>&1) || {
  echo "$validation"
  echo "FAIL: the schema check"
  failures=$((failures + 1))
}
echo "$validation"
if ((failures > 0)); then
  echo "release_test: $failures check(s) failed"
  exit 1
fi
if [[ $validation == "validate-action: SKIPPED"* ]]; then
  echo "release_test: every check passed but the schema check, which was skipped"
  exit 77
fi
check "the schema check names both files" \
  "$(printf 'validate-action: ok %s\n' "$action" "$source_dir/.github/workflows/release.yml")" \
  "$(grep '^validate-action:' <<<"$validation")"
((failures == 0)) || exit 1
echo "release_test: all checks passed"
