#!/usr/bin/env bash
# Retrieval at corpus scale: starts a throwaway PostgreSQL (and the inference service, which embeds the real
# sentences the first time; the vectors are cached in ~/.cache/truthgraph), then runs the API's `bench-retrieval`
# command: synthetic corpora of 10k / 100k / 1M sentences grown from real CLIMATE-FEVER/FEVER embeddings, HNSW on
# `vector` and on `halfvec`, recall@10 against exact search and latency per hnsw.ef_search. See docs/SCALING.md.
# Usage: scripts/bench-retrieval.sh [bench-retrieval options, e.g. --sizes 10000,100000 --ef-search 40,100 --json out.json]
# The 1M run needs ~8 GB of disk in /tmp and takes the better part of an hour on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
# A server sized for the benchmark rather than PostgreSQL's 128 MB default, so the index can stay in shared buffers.
export PG_SERVER_OPTIONS=${PG_SERVER_OPTIONS:-"-c shared_buffers=2GB -c max_wal_size=8GB"}
source scripts/local-services.sh
start_local_services bench-retrieval
dotnet TruthGraph.Api/bin/Release/net10.0/TruthGraph.Api.dll bench-retrieval \
  --connection "$connection" --inference "$inference_url" "$@"
