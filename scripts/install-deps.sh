#!/usr/bin/env bash
# Install spyglass's build and test dependencies from Debian packages (run as root; no sudo).
# Quiet and quick when everything is already there. With arguments, installs those packages
# instead (scripts/container-test.sh asks for its container tools this way).
set -euo pipefail

packages=("$@")
((${#packages[@]} > 0)) || packages=(
  cmake ninja-build g++ clang libclang-rt-14-dev clang-format
  nlohmann-json3-dev libfmt-dev libcli11-dev libgtest-dev libgmock-dev
  libcurl4-openssl-dev libcpp-httplib-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libkainjow-mustache-dev
  hyperfine jq  # the pull-request benchmarks' test (tests/scripts/pr_benchmarks_test.sh)
  python3-yaml  # the release test reads release.yml's steps (tests/scripts/release_test.sh)
  libyaml-cpp-dev  # the workflow harness (tests/workflows/)
  chromium  # the HTML report's browser test (tests/render/html_report_browser_test.cpp)
)

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
