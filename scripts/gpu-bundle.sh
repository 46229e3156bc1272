#!/usr/bin/env bash
# Packs the inference service for a GPU machine that has CUDA but no .NET and no network (like the lent H100):
# a self-contained Release publish plus ONNX Runtime's CUDA provider, compressed and cut into parts small enough
# for the device tool's 64 MiB working-tree limit, under .gpu/part-N (ignored by git). The last part holds run.sh,
# which reassembles everything in /tmp/g and runs the benchmark on CUDA.
# On the GPU machine: for each part in order, `mkdir -p /tmp/g && cp .gpu/part-N/blob.* /tmp/g/` (carry .gpu/part-N),
# then `bash .gpu/part-LAST/run.sh` (carry .gpu/part-LAST). Calls must follow each other while the machine is warm.
# Usage: scripts/gpu-bundle.sh [extra bench options, e.g. --texts 1024 --seconds 2]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/truthgraph-gpu.XXXXXX)
trap 'rm -rf "$work"' EXIT
grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || echo '/.gpu/' >> .git/info/exclude
rm -rf .gpu

dotnet publish TruthGraph.Inference -c Release -r linux-x64 --self-contained -o "$work/app" -nologo -v quiet
# The CUDA provider is most of the size; it travels as its own stream so the app part stays small.
mv "$work/app/libonnxruntime_providers_cuda.so" "$work/cuda.so"
rm -f "$work/app/libonnxruntime_providers_tensorrt.so"
mkdir -p "$work/app/data/climate-fever"
cp ../shared/data/climate-fever/dev.jsonl "$work/app/data/climate-fever/"
xz -T0 -6 -c "$work/cuda.so" > "$work/cuda.xz"
tar cf - -C "$work" app | xz -T0 -6 -c > "$work/app.tar.xz"
cuda_bytes=$(stat -c %s "$work/cuda.xz")
cat "$work/cuda.xz" "$work/app.tar.xz" | split -b 53M -d -a 1 - "$work/blob."
parts=$(ls "$work"/blob.* | wc -l)
for i in $(seq 0 $((parts - 1))); do
  mkdir -p ".gpu/part-$((i + 1))"
  mv "$work/blob.$i" ".gpu/part-$((i + 1))/"
done
last=".gpu/part-$parts"
cat > "$last/run.sh" <<RUN
#!/usr/bin/env bash
# Reassembles the bundle in /tmp/g and benchmarks the inference service on CUDA (python3 unpacks: xz may be absent).
set -uo pipefail
mkdir -p /tmp/g && cp $last/blob.* /tmp/g/ && cd /tmp/g
cat \$(ls blob.* | sort -t. -k2 -n) > bundle
python3 - <<'PY'
import lzma, shutil, tarfile
with open('bundle', 'rb') as f:
    cuda = f.read($cuda_bytes); app = f.read()
open('cuda.xz', 'wb').write(cuda); open('app.tar.xz', 'wb').write(app)
shutil.copyfileobj(lzma.open('cuda.xz'), open('libonnxruntime_providers_cuda.so', 'wb'))
tarfile.open(fileobj=lzma.open('app.tar.xz')).extractall('.')
PY
mv libonnxruntime_providers_cuda.so app/ && chmod +x app/TruthGraph.Inference
libs=\$(find / -xdev \( -name 'libcublasLt.so.13*' -o -name 'libcudnn.so.9*' -o -name 'libcudart.so.13*' -o -name 'libcufft.so.12*' -o -name 'libcurand.so.10*' \) 2>/dev/null | xargs -n1 dirname | sort -u | tr '\n' ':')
export LD_LIBRARY_PATH="\$libs\${LD_LIBRARY_PATH:-}" TRUTHGRAPH_SHARED_DATA=/tmp/g/app/data
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
cd app && timeout 300 ./TruthGraph.Inference bench --device cuda --markdown "\${OUT:-/tmp}/gpu.md" $* 2>&1 | tee "\${OUT:-/tmp}/bench.log"
RUN
chmod +x "$last/run.sh"
echo "GPU bundle: $parts parts under .gpu/ ($(du -sh .gpu | cut -f1)); run $last/run.sh after copying every part."
