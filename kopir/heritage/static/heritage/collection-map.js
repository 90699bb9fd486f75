// The collection's places: the vendored borders drawn offline and one marker per place, linking to
// its items. Tiles only when a tile URL is configured. The table below the map works without this.
(function () {
  "use strict";
  var element = document.getElementById("collection-map");
  var source = document.getElementById("collection-places");
  if (!element || !source || !window.L) return;
  var data = element.dataset;
  var map = L.map(element, { zoomSnap: 0.5, attributionControl: Boolean(data.tileUrl) });
  map.fitBounds([[49.3, 78.5], [56, 86.5]]);
  if (data.tileUrl) {
    L.tileLayer(data.tileUrl, { attribution: data.tileAttribution, maxZoom: 12 }).addTo(map);
  }
  fetch(data.bordersUrl).then(function (r) { return r.json(); }).then(function (borders) {
    L.geoJSON(borders, {
      interactive: false,
      style: function (feature) {
        if (feature.properties.region) return { color: "#5b4636", weight: 1.2, dashArray: "5 4", fill: false };
        return { color: "#8a8a8a", weight: 0.8, fillColor: feature.properties.iso === "KZ" ? "#dcebf5" : "#f3e7d3", fillOpacity: 1 };
      },
    }).addTo(map).bringToBack();
  }).catch(function (error) { console.warn(error); });
  var places = JSON.parse(source.textContent);
  places.forEach(function (place) {
    var label = place.name + " (" + place.count + ")";
    var marker = L.marker([place.lat, place.lng], {
      icon: L.divIcon({ className: "map-marker map-marker-kz", iconSize: [16, 16] }),
      title: label, alt: label, keyboard: true,
    }).addTo(map);
    var link = document.createElement("a");
    link.href = data.searchUrl + encodeURIComponent(place.id);
    link.textContent = label;
    marker.bindPopup(link);
    marker.getElement().setAttribute("role", "button");
  });
  element.dataset.markers = String(places.length);
})();
