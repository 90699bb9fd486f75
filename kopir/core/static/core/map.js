// Köpir's maps (the network's partners, the collection's places): one look, offline. The
// vendored borders are drawn from this host; tiles only when a tile URL is configured. Every
// place is one marker however many records it holds — its number on it, its name beside it —
// and its popup lists them all. The legend is HTML under the map; the table under it works
// without any of this.
(function () {
  "use strict";
  if (!window.L) return;

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  function baseMap(element) {
    var data = element.dataset;
    var map = L.map(element, { zoomSnap: 0.5, attributionControl: Boolean(data.tileUrl) });
    map.fitBounds([[49.3, 78.5], [56, 86.5]]);
    if (data.tileUrl) {
      L.tileLayer(data.tileUrl, { attribution: data.tileAttribution, maxZoom: 12 }).addTo(map);
    }
    getJSON(data.bordersUrl).then(function (borders) {
      L.geoJSON(borders, {
        interactive: false,
        style: function (feature) {
          var p = feature.properties;
          if (p.region) return { color: "#5b4636", weight: 1.2, dashArray: "5 4", fill: false };
          return {
            color: p.network ? "#5b4636" : "#8a8a8a",
            weight: p.network ? 1.5 : 0.8,
            fillColor: p.iso === "KZ" ? "#dcebf5" : p.network ? "#f3e7d3" : "#f2f2f2",
            fillOpacity: 1,
          };
        },
      }).addTo(map).bringToBack();
    }).catch(function (error) { console.warn(error); });
    // Names of single places wait for a closer view; those holding several show at once.
    function zoomed() { element.classList.toggle("map-far", map.getZoom() < 7); }
    map.on("zoomend", zoomed);
    zoomed();
    return map;
  }

  // places: [{name, lat, lng, kind ("kz" | "ru" | "place"), note, entries: [{label, url}],
  //           count (what the number on the marker counts; the entries by default)}]
  function addPlaces(element, map, places) {
    places.forEach(function (place) {
      var count = place.count || place.entries.length;
      var label = place.name + (count > 1 ? " (" + count + ")" : "");
      var icon = L.divIcon({
        className: "map-marker map-marker-" + place.kind + (count > 1 ? " map-marker-many" : ""),
        html: count > 1 ? "<span>" + count + "</span>" : "",
        iconSize: count > 1 ? [24, 24] : [16, 16],
      });
      var marker = L.marker([place.lat, place.lng], {
        icon: icon, title: label, alt: label, keyboard: true,
      }).addTo(map);
      marker.bindTooltip(place.name, {
        permanent: true, direction: "right", offset: [count > 1 ? 12 : 8, 0],
        className: "map-label" + (count > 1 ? "" : " map-label-minor"),
      });
      var box = document.createElement("div");
      var heading = document.createElement("strong");
      heading.textContent = place.name;
      box.appendChild(heading);
      if (place.note) {
        var note = document.createElement("div");
        note.textContent = place.note;
        box.appendChild(note);
      }
      var list = document.createElement("ul");
      list.className = "map-popup-list";
      place.entries.forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = entry.url;
        link.textContent = entry.label;
        item.appendChild(link);
        list.appendChild(item);
      });
      box.appendChild(list);
      marker.bindPopup(box);
      marker.getElement().setAttribute("role", "button");
    });
    element.dataset.markers = String(places.length);
  }

  // The network: organisations grouped by their town.
  var network = document.getElementById("network-map");
  if (network) {
    var networkMap = baseMap(network);
    getJSON(network.dataset.geojsonUrl).then(function (collection) {
      var byPlace = {};
      var places = [];
      collection.features.forEach(function (feature) {
        var p = feature.properties;
        var at = feature.geometry.coordinates;
        var key = at[0] + "," + at[1];
        if (!byPlace[key]) {
          byPlace[key] = {
            name: p.settlement, lng: at[0], lat: at[1], kind: p.country.toLowerCase(),
            note: p.utc_offset, entries: [],
          };
          places.push(byPlace[key]);
        }
        byPlace[key].entries.push({
          label: p.name, url: network.dataset.detailUrl.replace("SLUG", encodeURIComponent(p.slug)),
        });
      });
      addPlaces(network, networkMap, places);
    }).catch(function (error) { console.warn(error); });
  }

  // The collection: its places, each with its number of items.
  var collection = document.getElementById("collection-map");
  var source = document.getElementById("collection-places");
  if (collection && source) {
    var collectionMap = baseMap(collection);
    var points = JSON.parse(source.textContent).map(function (place) {
      var url = collection.dataset.searchUrl + encodeURIComponent(place.id);
      return {
        name: place.name, lat: place.lat, lng: place.lng, kind: "place", count: place.count,
        entries: [{ label: place.items, url: url }],
      };
    });
    addPlaces(collection, collectionMap, points);
  }
})();
