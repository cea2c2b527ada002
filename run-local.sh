#!/usr/bin/env bash
# Runs the whole Monitor platform on this machine, no Docker: Kafka (KRaft) and PostgreSQL started by the launcher,
# the four services as separate processes, demo tokens, and a webhook receiver that prints alerts here.
# Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
echo "[run-local] Building the services (skip the tests; ./mvnw -B verify runs them) ..."
./mvnw -B -q package -DskipTests
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Xmx1g \
     -jar local-run/target/local-run.jar "$PWD"
