#!/usr/bin/env bash
# Validate action.yml, the project's workflows (.github/workflows/) and the example workflows
# (docs/workflows/) against GitHub's schemas with the npm package @action-validator/cli, or the
# files named as arguments (absolute, or relative to the repository root; a file named action.yml
# is checked as an action, any other as a workflow). Installs the validator into a temp dir (or
# uses $ACTION_VALIDATOR when set). Exits 0 with a message starting "validate-action: SKIPPED"
# when npm or the package is not available.
set -euo pipefail
cd "$(dirname "$0")/.."

files=("$@")
((${#files[@]} > 0)) || files=(action.yml .github/workflows/*.yml docs/workflows/*.yml)

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

# The validator's workflow schema (0.6.0, its newest) predates the `attestations` permission that
# GitHub added for artifact attestations in 2024, and rejects every job that grants it. Such a
# workflow is checked as a copy (same name) without those lines; nothing else is left out.
copies=$(mktemp -d)
trap 'rm -rf "$copies" "${tools:-}"' EXIT

status=0
for file in "${files[@]}"; do
  checked=$file
  if [[ $(basename "$file") != action.yml ]] && grep -qE '^ +attestations: ' "$file"; then
    checked=$copies/$(basename "$file")
    grep -vE '^ +attestations: ' "$file" >"$checked"
  fi
  if "$validator" "$checked"; then
    echo "validate-action: ok $file"
  else
    echo "validate-action: INVALID $file"
    status=1
  fi
done
exit "$status"
