#!/usr/bin/env bash
# Runs the performance tools from the command line with the real services: a throwaway PostgreSQL and the inference
# service are started here (Release), then `perf sweep`, `perf profile` and/or `perf e2e` of the API project run
# against them, each timed. The e2e run loads the sample corpus into the empty database first. Everything is stopped
# at the end. Usage: scripts/perf.sh [sweep|profile|e2e|all] [extra perf options, e.g. --json report.json]
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
shift || true

dotnet build TruthGraph.Inference -c Release -nologo -v quiet
dotnet build TruthGraph.Api -c Release -nologo -v quiet

pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_port=$(shuf -i 20000-29999 -n 1)
inference_port=$(shuf -i 30000-39999 -n 1)
pg_data=$(mktemp -d /tmp/truthgraph-perf-pg.XXXXXX)
chmod 755 "$pg_data"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

PGBIN=$pg_bin PGDATA=$pg_data/data PGPORT=$pg_port PGDB=truthgraph PG_EPHEMERAL=1 \
  bash scripts/run-local-postgres.sh > "$pg_data.log" 2>&1 &
pids+=($!)
# A throwaway key: sweeps and profiles are admin operations; the perf command reads it from the same variable.
export Security__ApiKey="perf-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
Inference__Device=${INFERENCE_DEVICE:-auto} dotnet TruthGraph.Inference/bin/Release/net10.0/TruthGraph.Inference.dll \
  --urls "http://127.0.0.1:$inference_port" > /tmp/truthgraph-perf-inference.log 2>&1 &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$inference_port/health" >/dev/null 2>&1 \
     && "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
    break
  fi
  sleep 1
done
"$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" || { echo "PostgreSQL did not start: $(tail -5 "$pg_data.log")"; exit 1; }
curl -fs "http://127.0.0.1:$inference_port/health" >/dev/null || { echo "inference did not become ready"; exit 1; }

connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=truthgraph"
perf() {
  local started=$SECONDS
  echo "== perf $1 =="
  dotnet TruthGraph.Api/bin/Release/net10.0/TruthGraph.Api.dll perf "$1" \
    --inference "http://127.0.0.1:$inference_port" --connection "$connection" "${@:2}"
  echo "== perf $1 took $((SECONDS - started)) s =="
  echo
}
case $what in
  all) perf e2e "$@"; perf sweep "$@"; perf profile "$@" ;;
  sweep|profile|e2e) perf "$what" "$@" ;;
  *) echo "usage: scripts/perf.sh [sweep|profile|e2e|all] [perf options]"; exit 2 ;;
esac
