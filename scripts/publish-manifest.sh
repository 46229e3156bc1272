#!/usr/bin/env bash
# Writes the AppHost's deployment manifest with Aspire's manifest publisher: every resource (the pgvector PostgreSQL
# container, the three services, the secret parameters), how they reference each other, their ports and volumes.
# No container engine is needed, and nothing starts. docs/DEPLOYMENT.md says how it maps to Kubernetes.
#
# Usage: scripts/publish-manifest.sh [--no-build] [OUT_DIR] [-- AppHost settings, e.g. --Api:Replicas 2]
#   OUT_DIR defaults to artifacts/manifest (git-ignored); the manifest is OUT_DIR/aspire-manifest.json, and its path
#   is the last line printed. --no-build skips building the AppHost (the test suite builds everything first).
set -euo pipefail
cd "$(dirname "$0")/.."

build=()
if [[ "${1:-}" == "--no-build" ]]; then
  build=(--no-build)
  shift
fi
out="artifacts/manifest"
if [[ $# -gt 0 && "$1" != "--" ]]; then
  out="$1"
  shift
fi
if [[ "${1:-}" == "--" ]]; then
  shift
fi

mkdir -p "$out"
manifest="$(cd "$out" && pwd)/aspire-manifest.json"
rm -f "$manifest"
# No launch profile: its local dashboard URL would otherwise be written into the web service's settings.
dotnet run --project TruthGraph.AppHost "${build[@]}" --no-launch-profile -- \
  --publisher manifest --output-path "$manifest" "$@" >&2
test -s "$manifest" || { echo "The AppHost wrote no manifest at $manifest" >&2; exit 1; }
echo "$manifest"
