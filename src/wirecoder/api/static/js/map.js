// The map: Natural Earth country shapes (world-atlas, offline) under the events' places.
// Countries are drawn as areas, states (admin1) as approximate dashed areas around their
// centroid (we hold no state shapes), towns and points as circles sized by their event count.

import * as L from "/static/vendor/leaflet/leaflet-src.esm.js";
import { feature } from "/static/vendor/topojson-client/index.js";
import { el } from "./dom.js";

const STATE_RADIUS_M = 180000; // an honest "somewhere in this state", not its outline
const ADMIN2_RADIUS_M = 40000;
let map = null;
let eventLayer = null;
const shapes = new Map(); // ISO 3166 numeric -> GeoJSON feature

export async function initMap(node) {
  map = L.map(node, { minZoom: 1, maxZoom: 10, zoomSnap: 0.25, worldCopyJump: false }).setView([25, -40], 2);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Natural Earth (world-atlas)");
  const response = await fetch("/static/vendor/world-atlas/countries-50m.json");
  const topo = await response.json();
  const countries = feature(topo, topo.objects.countries);
  // Antarctica's ring runs along the map's edge and draws as a stray line; it holds no events.
  countries.features = countries.features.filter((f) => String(f.id) !== "010");
  for (const f of countries.features) {
    unwrap(f.geometry);
    if (f.id !== undefined) shapes.set(String(f.id).padStart(3, "0"), f);
  }
  L.geoJSON(countries, {
    interactive: false, className: "basemap",
    style: { color: "#b9b4a6", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 },
  }).addTo(map);
  eventLayer = L.layerGroup().addTo(map);
}

// Rings that cross the antimeridian jump from +180 to -180; on a flat map that draws a band
// across the world. Keep each ring's longitudes continuous (east of 180 is fine for Leaflet).
function unwrap(geometry) {
  if (!geometry) return;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const d = ring[i][0] - ring[i - 1][0];
        if (d > 180) ring[i][0] -= 360;
        else if (d < -180) ring[i][0] += 360;
      }
    }
  }
}

function label(place) {
  const types = place.types.map((t) => `${t.key} ${t.count}`).join(", ");
  const where = place.country ? `${place.name} (${place.country}, ${place.precision})` : place.name;
  return el("span", { class: "map-tip" }, el("b", { text: where }), el("br"),
    `${place.count} event${place.count === 1 ? "" : "s"}: ${types}`);
}

export function drawPlaces(places, withoutPlace, total) {
  if (!map) return;
  eventLayer.clearLayers();
  const max = Math.max(1, ...places.map((p) => p.count));
  let bounds = null;
  const extend = (b) => { bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast()); };
  let areas = 0, points = 0;
  for (const p of places) {
    const share = p.count / max;
    const style = { color: "#b2452f", weight: 1.5, fillColor: "#b2452f", fillOpacity: 0.12 + 0.45 * share };
    let layer = null;
    const hasPoint = p.latitude !== null && p.longitude !== null;
    if ((p.precision === "country" || p.precision === "region") && shapes.has(p.country_numeric)) {
      layer = L.geoJSON(shapes.get(p.country_numeric), { ...style, className: "ev-area ev-country", style: () => style });
      areas += 1;
    } else if ((p.precision === "admin1" || p.precision === "admin2") && hasPoint) {
      const radius = p.precision === "admin1" ? STATE_RADIUS_M : ADMIN2_RADIUS_M;
      layer = L.circle([p.latitude, p.longitude], { ...style, radius, dashArray: "6 4", className: "ev-area ev-admin" });
      areas += 1;
    } else if (hasPoint) {
      layer = L.circleMarker([p.latitude, p.longitude], {
        ...style, fillOpacity: 0.75, radius: 5 + 13 * Math.sqrt(share), className: "ev-point",
      });
      points += 1;
    }
    if (!layer) continue;
    layer.bindTooltip(label(p), { sticky: true });
    eventLayer.addLayer(layer);
    if (layer.getBounds) extend(layer.getBounds());
    else extend(L.latLngBounds([layer.getLatLng(), layer.getLatLng()]));
  }
  if (bounds) map.fitBounds(bounds.pad(0.2), { maxZoom: 6, animate: false });
  const note = document.getElementById("map-note");
  note.textContent = `${total - withoutPlace} of ${total} events have a place: ${areas} area${areas === 1 ? "" : "s"}, `
    + `${points} point${points === 1 ? "" : "s"}. States are drawn as dashed areas around their centre (approximate).`;
  const node = document.getElementById("map");
  node.dataset.areas = String(areas);
  node.dataset.points = String(points);
  node.dataset.bounds = map.getBounds().toBBoxString(); // west,south,east,north: what is in view
}
