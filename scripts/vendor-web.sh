#!/usr/bin/env bash
# Fetches the front-end libraries of the web interface from npm and copies
# their dist files and licences into internal/web/static/vendor/, where
# they are committed and embedded (the pages load nothing from a CDN).
# Re-runnable: each run replaces the vendored files with the pinned
# versions below. Needs node's npm and network access to the npm registry.
#
#   scripts/vendor-web.sh
set -euo pipefail
cd "$(dirname "$0")/.."

LEAFLET_VERSION=1.9.4
MARKERCLUSTER_VERSION=1.5.3

out=internal/web/static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fetch() { # name version -> unpacked package dir
  (cd "$tmp" && npm pack --silent "$1@$2" >/dev/null)
  local tgz
  tgz=$(ls "$tmp"/"$(echo "$1" | tr -d '@' | tr '/' '-')"-"$2".tgz)
  mkdir -p "$tmp/$1"
  tar -xzf "$tgz" -C "$tmp/$1" --strip-components=1
  echo "$tmp/$1"
}

rm -rf "$out/leaflet" "$out/markercluster"
mkdir -p "$out/leaflet/images" "$out/markercluster"

src=$(fetch leaflet "$LEAFLET_VERSION")
cp "$src/dist/leaflet.js" "$src/dist/leaflet.css" "$out/leaflet/"
cp "$src/dist/images/"*.png "$out/leaflet/images/"
cp "$src/LICENSE" "$out/leaflet/LICENSE"

src=$(fetch leaflet.markercluster "$MARKERCLUSTER_VERSION")
cp "$src/dist/leaflet.markercluster.js" "$src/dist/MarkerCluster.css" "$src/dist/MarkerCluster.Default.css" "$out/markercluster/"
cp "$src/MIT-LICENCE.txt" "$out/markercluster/LICENSE" 2>/dev/null || cp "$src"/LICEN[CS]E* "$out/markercluster/LICENSE"

cat > "$out/README.md" <<MD
# Vendored front-end libraries

Fetched from the npm registry by \`scripts/vendor-web.sh\`; do not edit by
hand. Each folder holds the library's distributed files and its licence.

| folder | package | version | licence |
|---|---|---|---|
| \`leaflet/\` | leaflet | $LEAFLET_VERSION | BSD-2-Clause |
| \`markercluster/\` | leaflet.markercluster | $MARKERCLUSTER_VERSION | MIT |
MD
find "$out" -type f -exec chmod 644 {} +
echo "vendored leaflet $LEAFLET_VERSION and leaflet.markercluster $MARKERCLUSTER_VERSION into $out"
