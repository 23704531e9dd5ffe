#!/usr/bin/env bash
# Binpack quality: hosts used vs the lower bound for a mixed workload. bench/binpack-quality.sh [tasks] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o install -pl benchmarks -am -DskipTests >/dev/null 2>&1 || mvn -B -q install -pl benchmarks -am -DskipTests
cp="$(mvn -B -q -o -Dstyle.color=never dependency:build-classpath -pl benchmarks -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')"
exec "${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}" -cp "benchmarks/target/classes:$cp" dev.berth.benchmarks.BinpackQuality "$@"
