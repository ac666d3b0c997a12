#!/usr/bin/env bash
# The release steps of .github/workflows/release.yml that can run (and be tested) without a
# registry or GitHub. Each fact a release needs is computed here once:
#
#   scripts/release.sh version             the project version (CMakeLists.txt)
#   scripts/release.sh check vX.Y.Z        the tag names the project version (CMakeLists.txt) and
#                                          CHANGELOG.md has its `## X.Y.Z - YYYY-MM-DD` section;
#                                          prints X.Y.Z
#   scripts/release.sh tags X.Y.Z          the image tags and git tags, one a line: X.Y.Z, X.Y, X
#   scripts/release.sh image OWNER/REPO    the image name: ghcr.io/owner/repo (lower case; image
#                                          names must be)
#   scripts/release.sh notes X.Y.Z         the release notes: CHANGELOG.md's section, headline
#                                          left out
#   scripts/release.sh action-yml vX.Y.Z OWNER/REPO [FILE]
#                                          rewrites FILE (action.yml) in place so the action
#                                          pulls docker://ghcr.io/owner/repo:X.Y.Z instead of
#                                          building Dockerfile; only the `image:` line of `runs:`
#                                          changes, and running it again changes nothing
#   scripts/release.sh commit vX.Y.Z OWNER/REPO [REMOTE]
#                                          in a checkout of the tag: commits that rewrite on a
#                                          release commit whose parent is the tag, points vX.Y.Z,
#                                          vX.Y and vX at it and force-pushes those tags to REMOTE
#                                          (origin) when REMOTE is not "-"
#
# A version is X.Y.Z: three decimal numbers without leading zeros (no `v`, no suffix).
# Errors name what is wrong on one line and exit 2.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
registry=ghcr.io

fail() {
  echo "release: $*" >&2
  exit 2
}

# Fails unless $1 is X.Y.Z.
require_version() {
  [[ $1 =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] ||
    fail "'$1' is not a version X.Y.Z (three numbers without leading zeros)"
}

# The version of `project(spyglass VERSION ...)` in CMakeLists.txt.
project_version() {
  sed -nE 's/^project\(spyglass VERSION ([^ )]+).*/\1/p' "$root/CMakeLists.txt"
}

# Prints X.Y.Z for the tag vX.Y.Z after checking it against CMakeLists.txt.
version_of_tag() {
  local tag=$1
  [[ $tag == v* ]] || fail "tag '$tag' does not start with v"
  local version=${tag#v}
  require_version "$version"
  local project
  project=$(project_version)
  [[ $version == "$project" ]] ||
    fail "tag $tag disagrees with CMakeLists.txt, whose project version is '$project'"
  echo "$version"
}

# CHANGELOG.md's section for X.Y.Z without its headline; fails when there is none.
changelog_section() {
  local version=$1 headline
  headline=$(grep -m1 -E "^## ${version//./\\.} - [0-9]{4}-[0-9]{2}-[0-9]{2}$" \
    "$root/CHANGELOG.md") || fail "CHANGELOG.md has no section '## $version - YYYY-MM-DD'"
  HEADLINE=$headline awk '
    $0 == ENVIRON["HEADLINE"] { inside = 1; next }
    inside && /^## / { exit }
    inside { print }
  ' "$root/CHANGELOG.md"
}

tags_of() {
  require_version "$1"
  local major=${1%%.*}
  local minor=${1%.*}
  printf '%s\n' "$1" "$minor" "$major"
}

image_of() {
  local repository=$1
  [[ $repository =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] ||
    fail "'$repository' is not OWNER/REPO"
  echo "$registry/${repository,,}"
}

# Rewrites the one `image:` line under the top-level `runs:` of action.yml in place.
rewrite_action_yml() {
  local version image file=$3
  version=$(version_of_tag "$1")
  image=$(image_of "$2")
  [[ -f $file ]] || fail "$file does not exist"
  local rewritten
  rewritten=$(mktemp)
  awk -v image="docker://$image:$version" '
    /^[^ #]/ { in_runs = ($0 == "runs:") }
    in_runs && /^  image:/ { print "  image: " image; count++; next }
    { print }
    END { exit count == 1 ? 0 : 3 }
  ' "$file" >"$rewritten" || {
    rm -f "$rewritten"
    fail "$file has no single 'image:' line under 'runs:'"
  }
  cat "$rewritten" >"$file"
  rm -f "$rewritten"
}

# Commits the released action.yml on top of the tag and moves the release's tags to it.
commit_release() {
  local tag=$1 repository=$2 remote=$3 version
  version=$(version_of_tag "$tag")
  changelog_section "$version" >/dev/null
  local tagged
  tagged=$(git -C "$root" rev-parse --verify "refs/tags/$tag^{commit}") ||
    fail "there is no tag $tag"
  [[ $(git -C "$root" rev-parse HEAD) == "$tagged" ]] ||
    fail "HEAD is not the commit of $tag; check out the tag first"
  rewrite_action_yml "$tag" "$repository" "$root/action.yml"
  git -C "$root" add action.yml
  git -C "$root" commit -q -m "release: $tag runs the image $(image_of "$repository"):$version"
  local release_tags=()
  for name in $(tags_of "$version"); do
    git -C "$root" tag -f "v$name" >/dev/null
    release_tags+=("refs/tags/v$name")
  done
  if [[ $remote != - ]]; then
    git -C "$root" push -q --force "$remote" "${release_tags[@]}"
  fi
  echo "release: ${release_tags[*]#refs/tags/} -> $(git -C "$root" rev-parse HEAD)"
}

command=${1:-}
shift || true
case "$command" in
  version)
    project_version
    ;;
  check)
    (($# == 1)) || fail "usage: scripts/release.sh check vX.Y.Z"
    version=$(version_of_tag "$1")
    changelog_section "$version" >/dev/null
    echo "$version"
    ;;
  tags)
    (($# == 1)) || fail "usage: scripts/release.sh tags X.Y.Z"
    tags_of "$1"
    ;;
  image)
    (($# == 1)) || fail "usage: scripts/release.sh image OWNER/REPO"
    image_of "$1"
    ;;
  notes)
    (($# == 1)) || fail "usage: scripts/release.sh notes X.Y.Z"
    require_version "$1"
    changelog_section "$1"
    ;;
  action-yml)
    (($# == 2 || $# == 3)) || fail "usage: scripts/release.sh action-yml vX.Y.Z OWNER/REPO [FILE]"
    rewrite_action_yml "$1" "$2" "${3:-$root/action.yml}"
    ;;
  commit)
    (($# == 2 || $# == 3)) || fail "usage: scripts/release.sh commit vX.Y.Z OWNER/REPO [REMOTE]"
    commit_release "$1" "$2" "${3:-origin}"
    ;;
  *)
    fail "usage: scripts/release.sh version|check|tags|image|notes|action-yml|commit ... (see the script's opening comment)"
    ;;
esac
