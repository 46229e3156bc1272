#!/usr/bin/env bash
# Evaluates the verification pipeline on a CLIMATE-FEVER file with the real services: a throwaway PostgreSQL and
# the inference service are started here, the API's `eval` command loads the file's evidence into a database of
# its own, verifies every claim, and prints accuracy, macro-F1, confusion matrices, stage timings and benchmark
# figures. Then `bench-ingest` measures ingestion against embedding alone. Everything is stopped at the end.
# Usage: scripts/eval.sh [DATA_FILE] [extra eval options, e.g. --json report.json --top-k 10]
#        scripts/eval.sh samples [--json report.json]   (the 38 sample claims against the sample corpus)
# A file whose claims carry a "kind" (TruthGraph.Api/Evaluation/Data/common-sense.jsonl) also gets accuracy per kind.
# INFERENCE_ARGS passes settings to the inference service, e.g. the INT8 encoder:
#   INFERENCE_ARGS="--Inference:Precision:all-minilm-l6-v2=int8" scripts/eval.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=climate-fever
if [ "${1:-}" = samples ]; then
  MODE=samples
  shift
else
  DATA=$(realpath "${1:-../shared/data/climate-fever/dev.jsonl}")
  shift || true
fi

dotnet build TruthGraph.Inference -c Release -nologo -v quiet
dotnet build TruthGraph.Api -c Release -nologo -v quiet

pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_port=$(shuf -i 20000-29999 -n 1)
inference_port=$(shuf -i 30000-39999 -n 1)
pg_data=$(mktemp -d /tmp/truthgraph-eval-pg.XXXXXX)
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
Inference__Device=${INFERENCE_DEVICE:-auto} dotnet TruthGraph.Inference/bin/Release/net10.0/TruthGraph.Inference.dll \
  --urls "http://127.0.0.1:$inference_port" ${INFERENCE_ARGS:-} > /tmp/truthgraph-eval-inference.log 2>&1 &
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
if [ "$MODE" = samples ]; then
  dotnet TruthGraph.Api/bin/Release/net10.0/TruthGraph.Api.dll eval samples \
    --connection "$connection" --inference "http://127.0.0.1:$inference_port" "$@"
  exit 0
fi
dotnet TruthGraph.Api/bin/Release/net10.0/TruthGraph.Api.dll eval climate-fever \
  --data "$DATA" --connection "$connection" --inference "http://127.0.0.1:$inference_port" "$@"
echo
[ "${SKIP_BENCH_INGEST:-0}" = 1 ] || dotnet TruthGraph.Api/bin/Release/net10.0/TruthGraph.Api.dll bench-ingest \
  --data "$DATA" --connection "$connection" --inference "http://127.0.0.1:$inference_port"
