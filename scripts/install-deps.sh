#!/usr/bin/env bash
# Install Debian packages spyglass needs (run as root; no sudo). Quiet and quick when everything is
# already there. Each argument is a set or a package name:
#   build  what building spyglass needs (the demo, scripts/demo.sh, and the image's build stage)
#   test   build, plus what the test lanes need (scripts/test.sh); the default
#   other  that package (scripts/container-test.sh asks for its container tools this way)
# With --print first, prints the packages, one a line, and installs nothing.
set -euo pipefail

print_only=false
if [[ "${1:-}" == --print ]]; then
  print_only=true
  shift
fi

build_packages=(
  cmake ninja-build g++
  nlohmann-json3-dev libfmt-dev libcli11-dev libcurl4-openssl-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libkainjow-mustache-dev
  libre2-dev libtomlplusplus-dev
)
test_packages=(
  "${build_packages[@]}"
  clang libclang-rt-14-dev clang-format  # lane 2 (sanitizers, fuzzers) and the format check
  libgtest-dev libgmock-dev libcpp-httplib-dev  # the test suite and its fake GitHub
  hyperfine jq  # the pull-request benchmarks' test (tests/scripts/pr_benchmarks_test.sh)
  python3-yaml  # the release test reads release.yml's steps (tests/scripts/release_test.sh)
  libyaml-cpp-dev  # the workflow harness (tests/workflows/)
  chromium  # the HTML report's browser test (tests/render/html_report_browser_test.cpp)
)

(($# > 0)) || set -- test
packages=()
for wanted in "$@"; do
  case "$wanted" in
    build) packages+=("${build_packages[@]}") ;;
    test) packages+=("${test_packages[@]}") ;;
    *) packages+=("$wanted") ;;
  esac
done

if $print_only; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
