#!/usr/bin/env bash
# Stops or starts the local run's PostgreSQL (same data directory and port), for the database outage drill:
#   scripts/local-postgres.sh stop     fast shutdown: open connections are cut
#   scripts/local-postgres.sh start    the same server again; the services catch up by themselves
#   scripts/local-postgres.sh status
# The local run (./run-local.sh) writes .run/postgres.env when it starts its PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
env_file=.run/postgres.env
[ -f "$env_file" ] || { echo "No $env_file: start ./run-local.sh first" >&2; exit 2; }
# shellcheck disable=SC1090
source "$env_file"
pid_file="$PG_DATA/postmaster.pid"
running() { [ -f "$pid_file" ] && kill -0 "$(head -1 "$pid_file")" 2>/dev/null; }
case "${1:-}" in
  stop)
    if running; then
      kill -INT "$(head -1 "$pid_file")"
      for _ in $(seq 1 60); do running || break; sleep 0.5; done
      running && { echo "PostgreSQL did not stop" >&2; exit 1; }
    fi
    echo "PostgreSQL on port $PG_PORT stopped" ;;
  start)
    if ! running; then
      nohup "$PG_BIN" -D "$PG_DATA" -p "$PG_PORT" -F -c listen_addresses=127.0.0.1 -c max_connections=300 \
        -c fsync=off -c synchronous_commit=off -c timezone=UTC >> .run/logs/postgres.log 2>&1 &
      for _ in $(seq 1 60); do running && break; sleep 0.5; done
    fi
    running && echo "PostgreSQL on port $PG_PORT started" || { echo "PostgreSQL did not start; see .run/logs/postgres.log" >&2; exit 1; } ;;
  status)
    running && echo "running on port $PG_PORT" || echo "stopped" ;;
  *)
    echo "usage: $0 stop|start|status" >&2; exit 2 ;;
esac
