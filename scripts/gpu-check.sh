#!/usr/bin/env bash
# GPU check for the inference service (≤ 3 minutes): builds if needed, runs a reduced bench with
# Inference:Device=cuda, and prints which execution provider ran the model and the texts/s it reached.
# Usage: bash scripts/gpu-check.sh            (needs ../shared/data or TRUTHGRAPH_SHARED_DATA for the sentences)
set -euo pipefail
cd "$(dirname "$0")/.."

dll=TruthGraph.Inference/bin/Release/net10.0/TruthGraph.Inference.dll
if [[ ! -f "$dll" ]]; then
  # Offline machines: restore only works where the packages are already in the NuGet cache.
  timeout 120 dotnet build TruthGraph.Inference -c Release -nologo -v quiet
fi

echo "== nvidia-smi"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null || echo "nvidia-smi not available"
echo "== CUDA libraries the CUDA execution provider needs"
for lib in libcudart.so.13 libcublasLt.so.13 libcublas.so.13 libcudnn.so.9 libcufft.so.12 libcurand.so.10; do
  if ldconfig -p 2>/dev/null | grep -q "$lib"; then echo "  found   $lib"; else echo "  missing $lib (from ldconfig; LD_LIBRARY_PATH may still provide it)"; fi
done

echo "== bench on Inference:Device=cuda"
out=$(mktemp -d)
timeout 150 dotnet "$dll" bench --device cuda --texts 1024 --seconds 2 --rounds 2 --markdown "$out/gpu.md" | tee "$out/bench.log"
echo
echo "== result"
grep -m1 "all-minilm-l6-v2 on" "$out/bench.log" | sed 's/^/provider: /'
grep "best texts/s" "$out/gpu.md" || true
echo "markdown: $out/gpu.md"
