#!/usr/bin/env bash
# Makes a fresh Debian/Ubuntu machine ready for both README commands (run the app, run the tests):
# PostgreSQL with pgvector, and the browser the UI tests drive. Idempotent: a second run only checks.
# Needs root (or sudo) for apt-get. Usage: scripts/setup.sh
set -euo pipefail

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
log() { printf '[setup] %s\n' "$*"; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- PostgreSQL --------------------------------------------------------------------------------
pg_major() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1; }
if [ -z "$(pg_major)" ] || [ ! -x "/usr/lib/postgresql/$(pg_major)/bin/postgres" ]; then
  log "installing PostgreSQL"
  apt_install postgresql
fi
PG=$(pg_major)
PG_BIN=/usr/lib/postgresql/$PG/bin
log "PostgreSQL $PG at $PG_BIN"

# --- pgvector ----------------------------------------------------------------------------------
if [ -f "/usr/share/postgresql/$PG/extension/vector.control" ]; then
  log "pgvector already installed ($(awk -F"'" '/default_version/{print $2}' /usr/share/postgresql/$PG/extension/vector.control))"
else
  if [ "$apt_updated" = 0 ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  if apt-cache show "postgresql-$PG-pgvector" >/dev/null 2>&1; then
    log "installing the distribution's postgresql-$PG-pgvector"
    apt_install "postgresql-$PG-pgvector"
  else
    # Debian 12 ships no pgvector binary package: build Debian 13's source package against this server.
    log "building pgvector from Debian's source package"
    apt_install "postgresql-server-dev-$PG" make gcc dpkg-dev
    work=$(mktemp -d /tmp/pgvector-build.XXXXXX)
    trap 'rm -rf "$work"' EXIT
    mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/sources"
    uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    uri=${uri:-http://deb.debian.org/debian}
    # A private source list: the system's apt configuration is left as it was.
    printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$uri" > "$work/sources/trixie-src.sources"
    apto=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$work/sources"
          -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache")
    $SUDO apt-get "${apto[@]}" update -qq
    (cd "$work" && $SUDO apt-get "${apto[@]}" source --download-only pgvector >/dev/null 2>&1)
    (cd "$work" && tar xzf pgvector_*.orig.tar.gz)
    src=$(ls -d "$work"/pgvector-*/ | head -1)
    # OPTFLAGS="" drops -march=native so the library runs on any x86-64 machine.
    $SUDO make -C "$src" -j"$(nproc)" PG_CONFIG="$PG_BIN/pg_config" OPTFLAGS="" >/dev/null
    $SUDO make -C "$src" install PG_CONFIG="$PG_BIN/pg_config" >/dev/null
    log "pgvector $(basename "$src") installed"
  fi
fi

# --- Chromium for the browser tests ------------------------------------------------------------
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  log "installing Chromium (browser tests)"
  apt_install chromium fonts-liberation
fi

# The local-mode PostgreSQL runs as the 'postgres' OS user (initdb refuses root).
if ! id postgres >/dev/null 2>&1; then
  log "creating the postgres OS user"
  $SUDO useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

log "ready"
