#!/usr/bin/env bash
# Runs a PostgreSQL server in the foreground for the AppHost's local mode (or a shell).
# Env: PGBIN (folder with initdb/postgres), PGDATA (data folder), PGPORT (port), PGDB (database to create),
#      PG_EPHEMERAL=1 (throwaway cluster for tests: no fsync, folder deleted on exit),
#      PG_SERVER_OPTIONS (optional extra server settings, e.g. "-c shared_buffers=2GB").
# Logs go to stdout: Aspire shows a resource's stderr as errors, and postgres logs everything to stderr.
set -euo pipefail
: "${PGBIN:?set PGBIN}" "${PGDATA:?set PGDATA}" "${PGPORT:?set PGPORT}"
PGDB=${PGDB:-truthgraph}
EPHEMERAL=${PG_EPHEMERAL:-0}
read -r -a server_options <<< "${PG_SERVER_OPTIONS:-}"

as_server_user=()
if [ "$(id -u)" = 0 ]; then
  # initdb and postgres refuse to run as root; setpriv switches to the 'postgres' user in place, so signals
  # from DCP reach the server directly.
  as_server_user=(setpriv --reuid=postgres --regid=postgres --init-groups --)
  mkdir -p "$PGDATA"
  chown postgres: "$PGDATA"
  chmod 700 "$PGDATA"
else
  mkdir -p "$PGDATA"
  chmod 700 "$PGDATA"
fi

durability=()
if [ "$EPHEMERAL" = 1 ]; then
  durability=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  echo "initialising a new cluster in $PGDATA"
  initdb_sync=()
  [ "$EPHEMERAL" = 1 ] && initdb_sync=(--no-sync)
  "${as_server_user[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    "${initdb_sync[@]}" >/dev/null
fi

# A server left running on this folder (its AppHost was killed, not stopped) holds the folder's lock, and every step
# below would fail without saying why: name it and how to stop it instead.
if [ -s "$PGDATA/postmaster.pid" ]; then
  holder=$(head -n 1 "$PGDATA/postmaster.pid")
  if [ -n "$holder" ] && kill -0 "$holder" 2>/dev/null && grep -q postgres "/proc/$holder/comm" 2>/dev/null; then
    echo "error: PostgreSQL (pid $holder) is still running on $PGDATA, probably left by an earlier run that was killed;" \
      "stop it with 'kill -INT $holder' and start again" >&2
    exit 1
  fi
fi

# Create the application database if it is missing (first start, or someone dropped it).
if ! echo "SELECT 1 FROM pg_database WHERE datname = '$PGDB'" \
    | "${as_server_user[@]}" "$PGBIN/postgres" --single -D "$PGDATA" "${durability[@]}" -j postgres 2>/dev/null \
    | grep -q '?column? = "1"'; then
  echo "creating database $PGDB"
  echo "CREATE DATABASE \"$PGDB\"" | "${as_server_user[@]}" "$PGBIN/postgres" --single -D "$PGDATA" "${durability[@]}" -j postgres >/dev/null
fi

"${as_server_user[@]}" "$PGBIN/postgres" -D "$PGDATA" -p "$PGPORT" -k "$PGDATA" \
  -c listen_addresses=127.0.0.1 "${durability[@]}" "${server_options[@]}" 2>&1 &
server=$!
# SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave).
trap 'kill -INT "$server" 2>/dev/null || true' TERM INT
wait "$server" || true
wait "$server" 2>/dev/null || true
if [ "$EPHEMERAL" = 1 ]; then
  rm -rf "$PGDATA"
fi
