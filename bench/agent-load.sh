#!/usr/bin/env bash
# The host agent under load on a running platform (./platform up, with its local agent):
#   bench/agent-load.sh latency N             RunTask accepted -> RUNNING for a cached image, N tasks
#   bench/agent-load.sh rss N                 the agent's RSS with N tasks running
#   bench/agent-load.sh logs SECONDS PER_SEC  one chatty container: lines forwarded, lost, rate
#   bench/agent-load.sh idle N SECONDS        engine and agent cpu with N tasks running and nothing else
# Pushes the busybox-static test image to acme/bench-busybox:1 first (umoci + skopeo).
set -euo pipefail
cd "$(dirname "$0")/.."
registry="127.0.0.1:${BERTH_GATEWAY_PORT:-8080}"
image="$registry/acme/bench-busybox:1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  umoci init --layout layout && umoci new --image layout:latest
  umoci unpack --image layout:latest bundle >/dev/null && mkdir -p bundle/rootfs/bin
  cp /bin/busybox bundle/rootfs/bin/ && ln -s busybox bundle/rootfs/bin/sh
  umoci repack --image layout:latest bundle && umoci config --image layout:latest --config.entrypoint /bin/busybox
  skopeo copy -q --dest-tls-verify=false --dest-creds "acme-deployer:${BERTH_DEMO_PASSWORD:-berth-demo}" \
    oci:layout:latest "docker://$image"
) >/dev/null
mvn -B -q -o install -pl benchmarks -am -DskipTests >/dev/null 2>&1 || mvn -B -q install -pl benchmarks -am -DskipTests
cp="$(mvn -B -q -o -Dstyle.color=never dependency:build-classpath -pl benchmarks -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')"
mode="$1"; shift
exec "${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}" -Xmx512m -cp "benchmarks/target/classes:$cp" dev.berth.benchmarks.AgentLoad "$mode" "$image" "$@"
