#!/usr/bin/env bash
# Vendor the page's JavaScript libraries from the npm registry into the package, so the page works with no
# internet. Run from the repo root: tools/web/vendor.sh (needs npm); commit the files it writes.
#   Leaflet 1.9.4 (BSD-2-Clause), Leaflet.markercluster 1.5.3 (MIT), swagger-ui-dist 5.35.0 (Apache-2.0, for /docs).
set -euo pipefail
cd "$(dirname "$0")/../.."
DEST=src/eventwire/web/static/vendor
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent leaflet@1.9.4 leaflet.markercluster@1.5.3 swagger-ui-dist@5.35.0 >/dev/null)
mkdir -p "$DEST/leaflet/images" "$DEST/markercluster" "$DEST/swagger-ui"
tar -xzf "$WORK"/leaflet-1.9.4.tgz -C "$WORK" && mv "$WORK/package" "$WORK/leaflet"
tar -xzf "$WORK"/leaflet.markercluster-1.5.3.tgz -C "$WORK" && mv "$WORK/package" "$WORK/markercluster"
tar -xzf "$WORK"/swagger-ui-dist-5.35.0.tgz -C "$WORK" && mv "$WORK/package" "$WORK/swagger-ui"

cp "$WORK"/leaflet/dist/leaflet.js "$WORK"/leaflet/dist/leaflet.css "$WORK"/leaflet/LICENSE "$DEST/leaflet/"
cp "$WORK"/leaflet/dist/images/*.png "$DEST/leaflet/images/"
cp "$WORK"/markercluster/dist/leaflet.markercluster.js "$WORK"/markercluster/dist/MarkerCluster.css \
   "$WORK"/markercluster/dist/MarkerCluster.Default.css "$WORK"/markercluster/MIT-LICENCE.txt "$DEST/markercluster/"
cp "$WORK"/swagger-ui/swagger-ui-bundle.js "$WORK"/swagger-ui/swagger-ui.css "$WORK"/swagger-ui/LICENSE \
   "$WORK"/swagger-ui/NOTICE "$DEST/swagger-ui/"
echo "vendored Leaflet 1.9.4, Leaflet.markercluster 1.5.3 and swagger-ui-dist 5.35.0 into $DEST"
