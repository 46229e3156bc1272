#!/usr/bin/env bash
# Runs the performance tools from the command line with the real services: a throwaway PostgreSQL and the inference
# service are started here (Release), then `perf sweep`, `perf profile` and/or `perf e2e` of the API project run
# against them, each timed. The e2e run loads the sample corpus into the empty database first. Everything is stopped
# at the end. Usage: scripts/perf.sh [sweep|profile|e2e|all] [extra perf options, e.g. --json report.json]
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
shift || true

# A throwaway key: sweeps and profiles are admin operations; the perf command reads it from the same variable.
export Security__ApiKey="perf-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
source scripts/local-services.sh
start_local_services perf

perf() {
  local started=$SECONDS
  echo "== perf $1 =="
  dotnet TruthGraph.Api/bin/Release/net10.0/TruthGraph.Api.dll perf "$1" \
    --inference "$inference_url" --connection "$connection" "${@:2}"
  echo "== perf $1 took $((SECONDS - started)) s =="
  echo
}
case $what in
  all) perf e2e "$@"; perf sweep "$@"; perf profile "$@" ;;
  sweep|profile|e2e) perf "$what" "$@" ;;
  *) echo "usage: scripts/perf.sh [sweep|profile|e2e|all] [perf options]"; exit 2 ;;
esac
