#!/usr/bin/env bash
# Server-bound blob figures, Berth's registry side by side with CNCF Distribution 2.8 (Debian
# package docker-registry, filesystem storage), on this machine, with curl:
#   push: POST an upload, then PUT the whole blob with its digest (monolithic)
#   get:  GET the blob once;   get20: 20 concurrent GETs of it
# Wall time, MB/s, the registry's CPU seconds during the step, and its RSS afterwards.
# Each blob is fresh random data (no dedupe). Berth's registry is called directly on its port
# with an acme-admin token (./platform up must be running); Distribution runs without auth.
#
#   bench/registry-blob.sh [SIZE_MIB] [RUNS]      (default 512 MiB, 3 runs; medians printed)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib="${1:-512}"
runs="${2:-3}"
work="data/bench/registry"
rm -rf "$work" && mkdir -p "$work"

source bench/lib/distribution.sh
start_distribution "$PWD/$work"

berth_pid="$(pgrep -f '^[^ ]*java .*registry-service/target/quarkus-app/quarkus-run.jar' | head -1)"
[[ -n "$berth_pid" ]] || { echo "Berth's registry is not running (./platform up)" >&2; exit 1; }
token="$(curl -fsS http://127.0.0.1:8180/realms/berth/protocol/openid-connect/token \
  -d grant_type=password -d client_id=berth-cli -d username=acme-admin -d "password=${BERTH_DEMO_PASSWORD:-berth-demo}" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"

cpu_seconds() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }
rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
now() { date +%s.%N; }

# one measurement: prints "seconds cpu_seconds rss_mib"
measure() {
  local pid="$1"; shift
  local c0 t0 t1 c1
  c0="$(cpu_seconds "$pid")"; t0="$(now)"
  "$@" >/dev/null
  t1="$(now)"; c1="$(cpu_seconds "$pid")"
  echo "$(echo "$t1 - $t0" | bc -l) $(echo "$c1 - $c0" | bc -l) $(rss_mib "$pid")"
}

push() {
  local base="$1" auth="$2" file="$3" digest="$4" location
  location="$(curl -fsS -D - -o /dev/null -X POST ${auth:+-H "$auth"} "$base/v2/acme/bench/blobs/uploads/" \
    | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
  [[ "$location" == http* ]] || location="$base$location"
  [[ "$location" == *\?* ]] && sep='&' || sep='?'
  curl -fsS -X PUT ${auth:+-H "$auth"} -H 'Content-Type: application/octet-stream' -T "$file" \
    "$location${sep}digest=$digest" -o /dev/null
}
get() { curl -fsS ${2:+-H "$2"} -o /dev/null "$1/v2/acme/bench/blobs/$3"; }
get20() { for _ in $(seq 1 20); do get "$1" "$2" "$3" & done; wait; }

declare -A results
for run in $(seq 1 "$runs"); do
  file="$work/blob-$run"
  head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$file"
  digest="sha256:$(sha256sum "$file" | cut -d' ' -f1)"
  for reg in berth distribution; do
    if [[ "$reg" == berth ]]; then base=http://127.0.0.1:8081; auth="Authorization: Bearer $token"; pid=$berth_pid
    else base=http://127.0.0.1:5000; auth=""; pid=$dist_pid; fi
    results[$reg,push,$run]="$(measure "$pid" push "$base" "$auth" "$file" "$digest")"
    results[$reg,get,$run]="$(measure "$pid" get "$base" "$auth" "$digest")"
    results[$reg,get20,$run]="$(measure "$pid" get20 "$base" "$auth" "$digest")"
  done
  rm -f "$file"
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-13s %-6s %9s %10s %8s %8s   (median of %d runs, %d MiB blob)\n' registry step wall_s MB_per_s cpu_s rss_MiB "$runs" "$size_mib"
for reg in berth distribution; do
  for step in push get get20; do
    walls=(); cpus=(); rss=()
    for run in $(seq 1 "$runs"); do
      read -r w c r <<<"${results[$reg,$step,$run]}"
      walls+=("$w"); cpus+=("$c"); rss+=("$r")
    done
    w="$(printf '%s\n' "${walls[@]}" | median)"; c="$(printf '%s\n' "${cpus[@]}" | median)"; r="$(printf '%s\n' "${rss[@]}" | median)"
    bytes=$((size_mib * 1024 * 1024))
    [[ "$step" == get20 ]] && bytes=$((bytes * 20))
    printf '%-13s %-6s %9.2f %10.0f %8.2f %8s\n' "$reg" "$step" "$w" "$(echo "$bytes / 1000000 / $w" | bc -l)" "$c" "$r"
  done
done
