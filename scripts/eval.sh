#!/usr/bin/env bash
# Evaluates the verification pipeline on a CLIMATE-FEVER file with the real services: a throwaway PostgreSQL and
# the inference service are started here, the API's `eval` command loads the file's evidence into a database of
# its own, verifies every claim, and prints accuracy, macro-F1, confusion matrices, stage timings and benchmark
# figures. Then `bench-ingest` measures ingestion against embedding alone. Everything is stopped at the end.
# Usage: scripts/eval.sh [DATA_FILE] [extra eval options, e.g. --json report.json --top-k 10]
#        scripts/eval.sh samples [--json report.json]   (the 38 sample claims against the sample corpus)
#        scripts/eval.sh samples --claims TruthGraph.Api/Evaluation/Data/first-claims.json   (other claims, same corpus;
#        also short-claims.json)
# A file whose claims carry a "kind" (TruthGraph.Api/Evaluation/Data/common-sense.jsonl) also gets accuracy per kind.
# INFERENCE_ARGS passes settings to the inference service, e.g. the INT8 encoder:
#   INFERENCE_ARGS="--Inference:Precision:all-minilm-l6-v2=int8" scripts/eval.sh
set -euo pipefail
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
case "${1:-}" in -h | --help) usage; exit 0 ;; esac
cd "$(dirname "$0")/.."
MODE=climate-fever
if [ "${1:-}" = samples ]; then
  MODE=samples
  shift
else
  # Checked before any service starts: a wrong path should cost a second, not a PostgreSQL start.
  GIVEN=${1:-../shared/data/climate-fever/dev.jsonl}
  DATA=$(realpath -e "$GIVEN" 2>/dev/null) || { echo "eval.sh: no data file '$GIVEN' (scripts/eval.sh --help)" >&2; exit 2; }
  shift || true
fi

source scripts/local-services.sh
# shellcheck disable=SC2086 # INFERENCE_ARGS holds several options on purpose
start_local_services eval ${INFERENCE_ARGS:-}

if [ "$MODE" = samples ]; then
  dotnet TruthGraph.Api/bin/Release/net10.0/TruthGraph.Api.dll eval samples \
    --connection "$connection" --inference "$inference_url" "$@"
  exit 0
fi
dotnet TruthGraph.Api/bin/Release/net10.0/TruthGraph.Api.dll eval climate-fever \
  --data "$DATA" --connection "$connection" --inference "$inference_url" "$@"
echo
[ "${SKIP_BENCH_INGEST:-0}" = 1 ] || dotnet TruthGraph.Api/bin/Release/net10.0/TruthGraph.Api.dll bench-ingest \
  --data "$DATA" --connection "$connection" --inference "$inference_url"
