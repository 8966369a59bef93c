#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the tests and benchmarks (real server, no fake).
#   tests/support/pg.sh start   prints `export SAIREN_TEST_PG_URL=...` and `export SAIREN_TEST_PG_DIR=...`
#   tests/support/pg.sh stop DIR   stops that cluster and removes its directory
# PG_DURABLE=1 keeps fsync and synchronous commit on (benchmarks); tests turn them off for speed.
set -euo pipefail

pg_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return 0; fi
  return 1
}

# initdb and postgres refuse to run as root: run them as the distribution's postgres user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

start() {
  local bin dir port
  if ! bin=$(pg_bin); then
    echo "PostgreSQL is not installed: apt-get install -y postgresql (the hub and postgres-store tests need a real server)" >&2
    exit 3
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "running as root without a postgres user: apt-get install -y postgresql creates it" >&2
    exit 3
  fi
  # As root the cluster belongs to postgres, which must be able to reach it: a private
  # TMPDIR (say under /root) would make initdb fail, so fall back to /tmp then.
  local base=${TMPDIR:-/tmp}
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$base"; then base=/tmp; fi
  dir=$(mktemp -d "$base/sairen-pg-XXXXXX")
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
    { echo "initdb failed, see $dir/initdb.log" >&2; cat "$dir/initdb.log" >&2; exit 1; }
  local fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${PG_DURABLE:-0}" = 1 ] && fast=""
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=300 -c shared_buffers=128MB $fast" >/dev/null ||
    { echo "PostgreSQL did not start, see $dir/server.log" >&2; cat "$dir/server.log" >&2; exit 1; }
  echo "export SAIREN_TEST_PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
  echo "export SAIREN_TEST_PG_DIR=$dir"
}

stop() {
  local dir=${1:?usage: pg.sh stop DIR} bin
  bin=$(pg_bin) || exit 0
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: tests/support/pg.sh start | stop DIR" >&2; exit 2 ;;
esac
