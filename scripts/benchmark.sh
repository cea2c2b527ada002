#!/usr/bin/env bash
# The pipeline benchmark (benchmarks/README.md): builds the services, starts Kafka, PostgreSQL and the four services
# as the local run does, measures the baselines and the platform under load, prints one table. Not part of the tests.
# Options as system properties, e.g. BENCH_OPTS="-Dbench.submissions=10000 -Dbench.connections=32".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Xmx1g ${BENCH_OPTS:-} \
     -jar benchmarks/target/benchmarks.jar "$PWD"
