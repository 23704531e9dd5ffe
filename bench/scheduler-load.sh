#!/usr/bin/env bash
# End-to-end placement load on a running platform (./platform up first):
#   bench/scheduler-load.sh HOSTS TASKS [CLIENTS]
# Hosts are scripted (the real agent protocol over the gateway's channel, no containers); run-task
# goes to the scheduler directly (BERTH_LOAD_API_URL, default http://127.0.0.1:8082) so the
# gateway's per-client rate limit does not cap the run.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o install -pl benchmarks -am -DskipTests >/dev/null 2>&1 || mvn -B -q install -pl benchmarks -am -DskipTests
cp="$(mvn -B -q -o -Dstyle.color=never dependency:build-classpath -pl benchmarks -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')"
exec "${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}" -Xmx2g -cp "benchmarks/target/classes:$cp" dev.berth.benchmarks.SchedulerLoad "$@"
