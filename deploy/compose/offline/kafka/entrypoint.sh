#!/bin/bash
# As the apache/kafka image: every KAFKA_<NAME> variable becomes a server property (lower case, _ -> ., __ -> _,
# ___ -> -); the storage is formatted with CLUSTER_ID on first start.
set -euo pipefail
props=/opt/kafka/config/server.properties
: >"$props"
for var in $(compgen -e | grep '^KAFKA_'); do
  case "$var" in KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_PERFORMANCE_OPTS) continue ;; esac
  key="$(echo "${var#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')"
  echo "$key=${!var}" >>"$props"
done
classpath="/opt/kafka/libs/*"
logdir="$(sed -n 's/^log\.dirs=//p' "$props")"
if [ ! -f "${logdir:-/tmp/kraft-combined-logs}/meta.properties" ]; then
  java -cp "$classpath" kafka.tools.StorageTool format --standalone -t "${CLUSTER_ID:?CLUSTER_ID is required}" -c "$props"
fi
exec java ${KAFKA_HEAP_OPTS:--Xmx512m} ${KAFKA_OPTS:-} -cp "$classpath" kafka.Kafka "$props"
