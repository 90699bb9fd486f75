// Build kopir/core/static/core/geo/borders.geojson from world-atlas (Natural Earth 1:50m,
// public domain): the countries around the network, coordinates rounded to 0.01° (~1 km).
// Usage: node tools/build_borders.js WORLD_ATLAS_DIR TOPOJSON_CLIENT_DIR OUT
"use strict";
const fs = require("fs");
const [atlasDir, clientDir, out] = process.argv.slice(2);
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
fs.writeFileSync(out, JSON.stringify({
  type: "FeatureCollection",
  source: "Natural Earth 1:50m admin-0 via world-atlas 2.0.2 (public domain)",
  features,
}));
