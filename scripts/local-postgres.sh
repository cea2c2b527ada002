#!/usr/bin/env bash
# The database outage drill on the local run (./run-local.sh must be running): stops or starts its PostgreSQL on the
# same port and data directory, through the local run's drill port (127.0.0.1:8089).
#   scripts/local-postgres.sh stop     fast shutdown: open connections are cut; the services report not ready
#   scripts/local-postgres.sh start    the same server again; the services catch up by themselves
#   scripts/local-postgres.sh status
set -euo pipefail
drill=http://127.0.0.1:8089/postgres
case "${1:-}" in
  stop|start) curl -sf -X POST "$drill/$1" || { echo "Is ./run-local.sh running? (no answer on $drill)" >&2; exit 1; } ;;
  status) curl -sf "$drill" || { echo "Is ./run-local.sh running? (no answer on $drill)" >&2; exit 1; } ;;
  *) echo "usage: $0 stop|start|status" >&2; exit 2 ;;
esac
