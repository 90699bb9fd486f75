// The network map: vendored country and region borders drawn offline, organisations as keyboard-reachable
// markers; tiles only when a tile URL is configured. No request leaves this host by default.
(function () {
  "use strict";
  var element = document.getElementById("network-map");
  if (!element || !window.L) return;
  var data = element.dataset;
  var map = L.map(element, { zoomSnap: 0.5, attributionControl: Boolean(data.tileUrl) });
  map.fitBounds([[49.3, 78.5], [56, 86.5]]);
  if (data.tileUrl) {
    L.tileLayer(data.tileUrl, { attribution: data.tileAttribution, maxZoom: 12 }).addTo(map);
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  getJSON(data.bordersUrl).then(function (borders) {
    L.geoJSON(borders, {
      interactive: false,
      style: function (feature) {
        var network = feature.properties.network;
        // The network's regions: a dashed outline over the country fill.
        if (feature.properties.region) {
          return { color: "#5b4636", weight: 1.2, dashArray: "5 4", fill: false };
        }
        return {
          color: network ? "#5b4636" : "#8a8a8a",
          weight: network ? 1.5 : 0.8,
          fillColor: feature.properties.iso === "KZ" ? "#dcebf5" : network ? "#f3e7d3" : "#f2f2f2",
          fillOpacity: 1,
        };
      },
    }).addTo(map).bringToBack();
  }).catch(function (error) { console.warn(error); });

  getJSON(data.geojsonUrl).then(function (collection) {
    var markers = L.geoJSON(collection, {
      pointToLayer: function (feature, latlng) {
        var p = feature.properties;
        var icon = L.divIcon({
          className: "map-marker map-marker-" + p.country.toLowerCase(),
          iconSize: [16, 16],
        });
        return L.marker(latlng, { icon: icon, title: p.name, alt: p.name, keyboard: true });
      },
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        var box = document.createElement("div");
        var link = document.createElement("a");
        link.href = data.detailUrl.replace("SLUG", encodeURIComponent(p.slug));
        link.textContent = p.name;
        var place = document.createElement("div");
        place.textContent = p.settlement + " · " + p.time_zone;
        box.appendChild(link);
        box.appendChild(place);
        layer.bindPopup(box);
      },
    }).addTo(map);
    element.dataset.markers = String(collection.features.length);
    // The view stays on the border region; partners further away are a zoom-out away.
    markers.eachLayer(function (layer) { layer.getElement().setAttribute("role", "button"); });
  }).catch(function (error) { console.warn(error); });
})();
