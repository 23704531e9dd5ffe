#!/usr/bin/env bash
# Measures how long `./platform up` takes, cold (empty ./data: PostgreSQL initdb, Kafka
# format, Keycloak unpack + production build + realm import) and warm (./data kept), and the
# resident memory of every component once all are ready. Jars must be built (./platform build)
# and ~/.m2 filled (one earlier `up`), so downloads and the Maven build are not measured.
#
#   bench/platform-startup.sh [RUNS]      (default 3 runs of each)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"

measure() {
  local label="$1" start end
  start=$EPOCHREALTIME
  ./platform up >/tmp/berth-bench-up.log 2>&1
  end=$EPOCHREALTIME
  awk -v a="$start" -v b="$end" -v l="$label" 'BEGIN { printf "%s total %.1fs\n", l, b - a }'
  grep -E 'ready in' /tmp/berth-bench-up.log | sed "s/^/$label /"
}

./platform down >/dev/null
for ((i = 1; i <= runs; i++)); do
  rm -rf data
  measure "cold#$i"
  if (( i < runs )); then ./platform down >/dev/null; fi
done
./platform status
./platform down >/dev/null
for ((i = 1; i <= runs; i++)); do
  measure "warm#$i"
  if (( i < runs )); then ./platform down >/dev/null; fi
done
./platform status
./platform down >/dev/null
