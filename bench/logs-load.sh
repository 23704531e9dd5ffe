#!/usr/bin/env bash
# The logs service under load on a running platform (./platform up logs, with PostgreSQL and Kafka):
#   bench/logs-load.sh ingest SECONDS RATE       RATE events/s (200 bytes, batches of 1,000) on berth.logs for SECONDS:
#                                                stored rate, consumer lag, bounded or not, CPU per process
#   bench/logs-load.sh fill N [HOURS [RATE]]     N events into /bench/filter, timestamps over the last HOURS (10) hours,
#                                                unpaced unless RATE is given: the rate they are stored at
#   bench/logs-load.sh filter QUERIES            FilterLogEvents over that group, one-hour windows: latency per pattern
#   bench/logs-load.sh newest QUERIES            GetLogEvents limit=100, newest first, on its streams: latency
# Counts come from PostgreSQL (logs.log_bytes) and the consumer group berth-logs; see docs/benchmarks.md, "Logs service".
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o compile -pl benchmarks >/dev/null 2>&1 || mvn -B -q -o compile -pl benchmarks
cp="$(mvn -B -q -o -Dstyle.color=never dependency:build-classpath -pl benchmarks -Dmdep.outputFile=/dev/stdout 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g')"
exec "${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}" -Xmx512m --enable-native-access=ALL-UNNAMED -cp "benchmarks/target/classes:$cp" dev.berth.benchmarks.LogsLoad "$@"
