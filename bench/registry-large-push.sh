#!/usr/bin/env bash
# A 2 GiB layer pushed to Berth's registry while its heap is capped at 256 MiB: the registry is
# restarted with -Xmx256m, a fresh 2 GiB random blob is pushed monolithically (POST, then PUT with
# the whole body and its digest) and then in 64 MiB chunks (PATCH with Content-Range), each
# checked with HEAD; prints wall time, MB/s and the process's peak RSS.
# The registry is restarted with its normal options at the end.
#
#   bench/registry-large-push.sh [SIZE_MIB]      (default 2048; ./platform up must be running)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib="${1:-2048}"
base=http://127.0.0.1:${BERTH_REGISTRY_PORT:-8081}
work="data/bench/large-push"
rm -rf "$work" && mkdir -p "$work"
trap './platform down registry >/dev/null 2>&1; ./platform up registry >/dev/null 2>&1 || true' EXIT

./platform down registry >/dev/null
BERTH_SERVICE_JVM_OPTS="-XX:UseAVX=2 -Xmx256m" ./platform up registry >/dev/null
pid="$(pgrep -f '^[^ ]*java .*registry-service/target/quarkus-app/quarkus-run.jar' | head -1)"
token="$(curl -fsS http://127.0.0.1:8180/realms/berth/protocol/openid-connect/token \
  -d grant_type=password -d client_id=berth-cli -d username=acme-admin -d "password=${BERTH_DEMO_PASSWORD:-berth-demo}" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
auth="Authorization: Bearer $token"
tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- '-Xmx256m' || { echo "registry is not running with -Xmx256m" >&2; exit 1; }

new_blob() {
  head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/blob"
  echo "sha256:$(sha256sum "$work/blob" | cut -d' ' -f1)"
}
start_upload() {
  local location
  location="$(curl -fsS -D - -o /dev/null -X POST -H "$auth" "$base/v2/acme/large/blobs/uploads/" \
    | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
  [[ "$location" == http* ]] || location="$base$location"
  echo "$location"
}
monolithic() {
  curl -fsS -X PUT -H "$auth" -H 'Content-Type: application/octet-stream' -T "$work/blob" \
    "$(start_upload)?digest=$1" -o /dev/null
}
chunked() {
  local location chunk=$((64 * 1024 * 1024)) offset=0 total=$((size_mib * 1024 * 1024)) end
  location="$(start_upload)"
  while (( offset < total )); do
    end=$(( offset + chunk < total ? offset + chunk : total ))
    dd if="$work/blob" of="$work/chunk" bs=1M iflag=skip_bytes,count_bytes skip="$offset" count="$((end - offset))" status=none
    location="$(curl -fsS -D - -o /dev/null -X PATCH -H "$auth" -H 'Content-Type: application/octet-stream' \
      -H "Content-Range: $offset-$((end - 1))" --data-binary "@$work/chunk" "$location" \
      | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
    [[ "$location" == http* ]] || location="$base$location"
    offset=$end
  done
  curl -fsS -X PUT -H "$auth" "$location?digest=$1" -o /dev/null
}

printf '%-11s %8s %8s %13s   (%d MiB blob, registry heap -Xmx256m)\n' upload wall_s MB_per_s peak_RSS_MiB "$size_mib"
for mode in monolithic chunked; do
  digest="$(new_blob)"
  t0="$(date +%s.%N)"
  "$mode" "$digest"
  t1="$(date +%s.%N)"
  size="$(curl -fsS -I -H "$auth" "$base/v2/acme/large/blobs/$digest" | tr -d '\r' | sed -n 's/^[Cc]ontent-[Ll]ength: //p')"
  [[ "$size" == "$((size_mib * 1024 * 1024))" ]] || { echo "HEAD after $mode push: size '$size'" >&2; exit 1; }
  peak="$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$pid/status")"
  wall="$(echo "$t1 - $t0" | bc -l)"
  printf '%-11s %8.2f %8.0f %13s\n' "$mode" "$wall" "$(echo "$size / 1000000 / $wall" | bc -l)" "$peak"
done
