#!/usr/bin/env bash
# Fits the probability calibration of an NLI model on held-apart labelled pairs through the real inference service and
# writes it into the model's manifest (models/README.md, "Calibration"). The pairs: a training run's
# tune-claims-with-fever.jsonl (the held-out CLIMATE-FEVER train claims, then held-out FEVER claims), never dev.
# Usage: scripts/calibrate.sh TUNE_FILE NLI_MODEL [KIND]
# FITTED_ON="..." describes the pairs in the manifest (default: the file and kind).
#   KIND: climate-fever (the claims without a kind) or fever-held-out; without it every claim of the file is used.
#   e.g. scripts/calibrate.sh models/training/runs/cross-encoder-stage3/tune-claims-with-fever.jsonl nli-minilm-cross climate-fever
set -euo pipefail
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
case "${1:-}" in -h | --help) usage; exit 0 ;; esac
[ $# -ge 2 ] || { usage >&2; exit 2; }
cd "$(dirname "$0")/.."
DATA=$(realpath -e "$1" 2>/dev/null) || { echo "calibrate.sh: no tune file '$1'" >&2; exit 2; }
MODEL=$2
KIND=${3:-}

source scripts/local-services.sh
# shellcheck disable=SC2086 # INFERENCE_ARGS holds several options on purpose
start_local_services calibrate ${INFERENCE_ARGS:-}

dotnet TruthGraph.Api/bin/Release/net10.0/TruthGraph.Api.dll calibrate --data "$DATA" --inference "$inference_url" \
  --nli-model "$MODEL" ${KIND:+--kind "$KIND"} ${FITTED_ON:+--fitted-on "$FITTED_ON"} --manifest "models/$MODEL.json"
