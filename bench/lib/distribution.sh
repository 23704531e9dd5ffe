# Sourced by the registry benchmarks: CNCF Distribution 2.8 (Debian package docker-registry) on
# 127.0.0.1:5000 with filesystem storage under $1, no auth; sets dist_pid and stops it on exit.
start_distribution() {
  local work="$1"
  command -v docker-registry >/dev/null || { echo "needs docker-registry (apt-get install docker-registry)" >&2; exit 1; }
  mkdir -p "$work/distribution"
  cat > "$work/distribution.yml" <<YML
version: 0.1
storage:
  filesystem:
    rootdirectory: $work/distribution
  delete:
    enabled: true
http:
  addr: 127.0.0.1:5000
log:
  level: error
YML
  docker-registry serve "$work/distribution.yml" > "$work/distribution.log" 2>&1 &
  dist_pid=$!
  trap 'kill $dist_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do curl -fs -o /dev/null http://127.0.0.1:5000/v2/ && break; sleep 0.2; done
}
