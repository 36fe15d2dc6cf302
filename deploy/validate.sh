#!/usr/bin/env bash
# Validates the deployment assets without a container engine:
#   - docker-compose (Debian's 1.29, or Docker Compose v2) accepts docker-compose.yml, with and without the
#     observability profile, using .env.example for the variables;
#   - kubectl kustomize renders every overlay (k8s/overlays/*) into a temporary folder.
# Usage: deploy/validate.sh [output-folder]    (exit code 0 = all valid; a missing tool is reported and skipped)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$(mktemp -d -t referrals-k8s-XXXXXX)}"
mkdir -p "$out"
failed=0

compose=()
if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
fi

if [ ${#compose[@]} -gt 0 ]; then
  for profile in "" observability; do
    args=(--env-file "$root/.env.example" -f "$root/docker-compose.yml")
    [ -n "$profile" ] && args+=(--profile "$profile")
    if "${compose[@]}" "${args[@]}" config > "$out/compose${profile:+-$profile}.yaml"; then
      echo "ok   compose ${profile:-default} -> $out/compose${profile:+-$profile}.yaml"
    else
      echo "FAIL compose ${profile:-default}"; failed=1
    fi
  done
else
  echo "skip compose: neither docker-compose nor 'docker compose' is installed (apt-get install docker-compose)"
fi

if command -v kubectl >/dev/null 2>&1; then
  for overlay in "$root"/k8s/overlays/*/; do
    name="$(basename "$overlay")"
    if kubectl kustomize "$overlay" > "$out/k8s-$name.yaml" 2> "$out/k8s-$name.stderr"; then
      echo "ok   kustomize $name -> $out/k8s-$name.yaml ($(grep -c '^kind:' "$out/k8s-$name.yaml") objects)"
    else
      echo "FAIL kustomize $name"; cat "$out/k8s-$name.stderr"; failed=1
    fi
  done
else
  echo "skip kustomize: kubectl is not installed (apt-get install kubernetes-client)"
fi

exit "$failed"
