#!/usr/bin/env bash
# Log events matched per second by a CloudWatch filter pattern (JMH): bench/filter-pattern-jmh.sh [JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o install -pl benchmarks -am -DskipTests >/dev/null 2>&1 || mvn -B -q install -pl benchmarks -am -DskipTests
cp="$(mvn -B -q -o -Dstyle.color=never dependency:build-classpath -pl benchmarks -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')"
exec "${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}" -cp "benchmarks/target/classes:$cp" org.openjdk.jmh.Main FilterPatternBenchmark "$@"
