#!/usr/bin/env bash
# Validate action.yml and the example workflows in docs/workflows/ against GitHub's schemas with
# the npm package @action-validator/cli. Installs it into a temp dir (or uses
# $ACTION_VALIDATOR when set). Exits 0 with a message when npm is not available.
set -euo pipefail
cd "$(dirname "$0")/.."

validator=${ACTION_VALIDATOR:-}
if [[ -z "$validator" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "validate-action: SKIPPED, npm is not installed (apt-get install npm to run this lane)"
    exit 0
  fi
  tools=$(mktemp -d)
  trap 'rm -rf "$tools"' EXIT
  if ! npm install --prefix "$tools" --no-audit --no-fund --silent @action-validator/cli \
      >/dev/null 2>&1; then
    echo "validate-action: SKIPPED, npm could not install @action-validator/cli (offline?)"
    exit 0
  fi
  validator="$tools/node_modules/.bin/action-validator"
fi

status=0
for file in action.yml docs/workflows/*.yml; do
  if "$validator" "$file"; then
    echo "validate-action: ok $file"
  else
    echo "validate-action: INVALID $file"
    status=1
  fi
done
exit "$status"
