#!/usr/bin/env bash
# Load benchmark: the real AppHost (throwaway local PostgreSQL, inference, API) with the first 100 CLIMATE-FEVER dev
# claims' evidence ingested, then 16 clients verifying claims on loopback for 60 s after a 20 s warm-up. Prints
# throughput, p50/p95/p99 latency, errors and the memory trend of the API and inference processes; fails on any error
# or a growing working set. CI runs the same test for 10 s (scripts/test.sh).
# Usage: scripts/load-test.sh [SECONDS (60)] [--repeat: claims repeat, so the result cache answers] [--json FILE]
#        [--replicas N: N API and N inference replicas (the AppHost's Api:Replicas and Inference:Replicas), default 1]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60
repeat=0
report=""
replicas=1
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) repeat=1 ;;
    --json) report=$(realpath -m "$2"); shift ;;
    --replicas) replicas=$2; shift ;;
    *) seconds=$1 ;;
  esac
  shift
done

case "$replicas" in
  ''|*[!0-9]*|0) echo "--replicas wants a whole number from 1, not '$replicas'" >&2; exit 2 ;;
esac

# DCP starts the services with --no-build, so they are built first.
dotnet build TruthGraph.sln -warnaserror -nologo -v quiet
log=$(mktemp)
status=0
TRUTHGRAPH_LOAD_SECONDS=$seconds TRUTHGRAPH_LOAD_REPEAT=$repeat TRUTHGRAPH_LOAD_REPORT=$report TRUTHGRAPH_LOAD_REPLICAS=$replicas \
  dotnet test tests/TruthGraph.EndToEndTests --no-build --nologo --filter "FullyQualifiedName~TruthGraph.EndToEndTests.LoadTests" \
  --logger "console;verbosity=detailed" > "$log" 2>&1 || status=$?
grep -E '^ +(POST /api|requests|throughput|latency|memory|TruthGraph|error) |Passed!|Failed!|Error Message' -A2 "$log" | grep -v '^--$' || true
[ "$status" -eq 0 ] || echo "load test failed; full output in $log"
exit $status
