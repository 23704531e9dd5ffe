#!/usr/bin/env bash
# Added latency and throughput of the gateway for a small authenticated GET
# (GET /api/registry/v1/caller): the registry directly vs the same call through the gateway,
# once with one connection (latency without queueing) and once with CONNECTIONS (throughput).
# Needs `wrk` (apt-get install wrk) and a running platform (./platform up). The gateway is
# restarted with rate limits high enough not to throttle the load, and restarted with the
# defaults at the end.
#
#   bench/gateway-latency.sh [SECONDS] [CONNECTIONS]     (default 30 s, 16 connections)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
connections="${2:-16}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

./platform down gateway >/dev/null
BERTH_RATE_LIMIT_CLIENT_RPS=1000000000 BERTH_RATE_LIMIT_CLIENT_BURST=1000000000 \
BERTH_RATE_LIMIT_TENANT_RPS=1000000000 BERTH_RATE_LIMIT_TENANT_BURST=1000000000 \
  ./platform up gateway >/dev/null
trap './platform down gateway >/dev/null; ./platform up gateway >/dev/null' EXIT

token="$(curl -fsS http://127.0.0.1:8180/realms/berth/protocol/openid-connect/token \
  -d grant_type=password -d client_id=berth-cli -d username=acme-admin -d "password=${BERTH_DEMO_PASSWORD:-berth-demo}" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"

run() {
  local label="$1" url="$2" conns="$3" threads=$(( $3 > 1 ? 2 : 1 ))
  echo "== $label, $conns connection(s): $url"
  wrk -t"$threads" -c"$conns" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url" \
    | grep -E 'Requests/sec|^ +(50|75|90|99)%|Non-2xx|Socket errors'
}

direct="http://127.0.0.1:8081/api/registry/v1/caller"
gateway="http://127.0.0.1:8080/api/registry/v1/caller"
for url in "$direct" "$gateway"; do   # warm-up: let both JITs compile the path
  wrk -t2 -c"$connections" -d10s -H "Authorization: Bearer $token" "$url" >/dev/null
done
run direct "$direct" 1
run gateway "$gateway" 1
run direct "$direct" "$connections"
run gateway "$gateway" "$connections"
