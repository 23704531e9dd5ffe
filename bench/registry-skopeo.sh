#!/usr/bin/env bash
# End to end with skopeo, Berth side by side with CNCF Distribution 2.8 (Debian package
# docker-registry, filesystem storage): push and pull of
#   big:   one 512 MiB layer (a random file in an uncompressed tar)
#   small: 200 layers of 4 KiB each
# Each run builds fresh images (new random content, so nothing is deduplicated), pushes them with
# `skopeo copy oci:... docker://...` and pulls them back into a new OCI layout. Berth is reached
# through its gateway with a deployer's credentials (the Docker token flow included), the way
# users reach it; Distribution directly, without auth. Median wall time of RUNS runs.
#
#   bench/registry-skopeo.sh [RUNS]      (default 3; ./platform up must be running)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
work="$PWD/data/bench/skopeo"
rm -rf "$work" && mkdir -p "$work"
berth="127.0.0.1:${BERTH_GATEWAY_PORT:-8080}"
creds="acme-deployer:${BERTH_DEMO_PASSWORD:-berth-demo}"

source bench/lib/distribution.sh
start_distribution "$work"

# an OCI layout at $1 whose layers are the uncompressed tars given after it
oci_layout() {
  local dir="$1" diff_ids="" layers="" digest size config manifest
  shift
  mkdir -p "$dir/blobs/sha256"
  for tar in "$@"; do
    digest="$(sha256sum "$tar" | cut -d' ' -f1)"; size="$(stat -c %s "$tar")"
    mv "$tar" "$dir/blobs/sha256/$digest"
    diff_ids+="${diff_ids:+,}\"sha256:$digest\""
    layers+="${layers:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"sha256:$digest\",\"size\":$size}"
  done
  config="{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[$diff_ids]}}"
  printf '%s' "$config" > "$dir/config"
  digest="$(sha256sum "$dir/config" | cut -d' ' -f1)"; mv "$dir/config" "$dir/blobs/sha256/$digest"
  manifest="{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:$digest\",\"size\":${#config}},\"layers\":[$layers]}"
  printf '%s' "$manifest" > "$dir/manifest"
  digest="$(sha256sum "$dir/manifest" | cut -d' ' -f1)"; mv "$dir/manifest" "$dir/blobs/sha256/$digest"
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%d,"annotations":{"org.opencontainers.image.ref.name":"v1"}}]}' \
    "$digest" "${#manifest}" > "$dir/index.json"
  echo '{"imageLayoutVersion":"1.0.0"}' > "$dir/oci-layout"
}

big_image() {
  local dir="$1" files="$1.files"
  mkdir -p "$files" && head -c $((512 * 1024 * 1024)) /dev/urandom > "$files/data"
  tar -C "$files" -cf "$1.layer" data && rm -rf "$files"
  oci_layout "$dir" "$1.layer"
}
small_image() {
  local dir="$1" tars=() i
  for i in $(seq 1 200); do
    mkdir -p "$dir.files/$i" && head -c 4096 /dev/urandom > "$dir.files/$i/file-$i"
    tar -C "$dir.files/$i" -cf "$dir.layer-$i" "file-$i"
    tars+=("$dir.layer-$i")
  done
  rm -rf "$dir.files"
  oci_layout "$dir" "${tars[@]}"
}

seconds() { local t0 t1; t0="$(date +%s.%N)"; "$@" >/dev/null; t1="$(date +%s.%N)"; echo "$t1 - $t0" | bc -l; }
push() { # registry image-dir repository
  if [[ "$1" == berth ]]; then skopeo copy -q --dest-tls-verify=false --dest-creds "$creds" "oci:$2:v1" "docker://$berth/$3:v1"
  else skopeo copy -q --dest-tls-verify=false "oci:$2:v1" "docker://127.0.0.1:5000/$3:v1"; fi
}
pull() { # registry repository target-dir
  if [[ "$1" == berth ]]; then skopeo copy -q --src-tls-verify=false --src-creds "$creds" "docker://$berth/$2:v1" "oci:$3:v1"
  else skopeo copy -q --src-tls-verify=false "docker://127.0.0.1:5000/$2:v1" "oci:$3:v1"; fi
}

declare -A results
for run in $(seq 1 "$runs"); do
  for image in big small; do
    "${image}_image" "$work/$image-$run"
    for reg in berth distribution; do
      repository="acme/bench-$image-$run-$RANDOM"
      results[$reg,$image,push,$run]="$(seconds push "$reg" "$work/$image-$run" "$repository")"
      results[$reg,$image,pull,$run]="$(seconds pull "$reg" "$repository" "$work/pulled-$reg-$image-$run")"
      rm -rf "$work/pulled-$reg-$image-$run"
    done
    rm -rf "$work/$image-$run"
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-13s %-6s %-5s %8s   (median of %d runs)\n' registry image step wall_s "$runs"
for reg in berth distribution; do
  for image in big small; do
    for step in push pull; do
      w="$(for run in $(seq 1 "$runs"); do echo "${results[$reg,$image,$step,$run]}"; done | median)"
      printf '%-13s %-6s %-5s %8.2f\n' "$reg" "$image" "$step" "$w"
    done
  done
done
