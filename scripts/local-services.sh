# Sourced by the scripts that run the real services from the command line (eval.sh, perf.sh): builds both services
# (Release), starts a throwaway PostgreSQL and the inference service on random ports, waits until both answer, and
# stops them when the calling script exits. Sets `connection` (PostgreSQL) and `inference_url` for the API's commands.
# Usage: start_local_services NAME [inference service options]   (NAME labels the temporary folder and the logs)

stop_local_services() {
  for pid in "${local_service_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

# A port below the kernel's ephemeral range (32768 and up here), where outgoing connections take theirs, and free now.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(shuf -i "$1-$2" -n 1)
    ss -Htan "( sport = :$port )" 2>/dev/null | grep -q . || { echo "$port"; return; }
  done
  echo "$port"
}

start_local_services() {
  local name=$1
  shift
  dotnet build TruthGraph.Inference -c Release -nologo -v quiet
  dotnet build TruthGraph.Api -c Release -nologo -v quiet

  local pg_bin pg_port inference_port pg_data
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_port=$(free_port 20000 29999)
  inference_port=$(free_port 10000 19999)
  pg_data=$(mktemp -d "/tmp/truthgraph-$name-pg.XXXXXX")
  chmod 755 "$pg_data"
  local_service_pids=()
  trap stop_local_services EXIT

  PGBIN=$pg_bin PGDATA=$pg_data/data PGPORT=$pg_port PGDB=truthgraph PG_EPHEMERAL=1 \
    bash scripts/run-local-postgres.sh > "$pg_data.log" 2>&1 &
  local_service_pids+=($!)
  Inference__Device=${INFERENCE_DEVICE:-auto} dotnet TruthGraph.Inference/bin/Release/net10.0/TruthGraph.Inference.dll \
    --urls "http://127.0.0.1:$inference_port" "$@" > "/tmp/truthgraph-$name-inference.log" 2>&1 &
  local_service_pids+=($!)

  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$inference_port/health" >/dev/null 2>&1 \
       && "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
      break
    fi
    sleep 1
  done
  "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" || { echo "PostgreSQL did not start: $(tail -5 "$pg_data.log")"; exit 1; }
  curl -fs "http://127.0.0.1:$inference_port/health" >/dev/null || { echo "inference did not become ready"; exit 1; }

  inference_url="http://127.0.0.1:$inference_port"
  connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=truthgraph"
}
