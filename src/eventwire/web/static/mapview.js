// The map: an offline basemap of country borders (Natural Earth), OpenStreetMap tiles when the browser can
// reach them, and clustered markers coloured by event type.
import { colour, kindOf } from './dom.js';

const OSM = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

export function createMap(container, onSelect) {
  const map = L.map(container, { worldCopyJump: true, minZoom: 2, maxZoom: 18 }).setView([48.5, 31], 5);
  fetch('/static/countries.geojson').then((r) => r.json()).then((borders) => {
    L.geoJSON(borders, {
      style: { color: '#7a7a7a', weight: 1, fillColor: '#f2efe6', fillOpacity: 1 }, interactive: false,
    }).addTo(map).bringToBack();
  });
  probeTiles(map);
  const cluster = L.markerClusterGroup({ disableClusteringAtZoom: 10, maxClusterRadius: 40, showCoverageOnHover: false });
  map.addLayer(cluster);
  const markers = new Map();

  function show(events, fit) {
    cluster.clearLayers();
    markers.clear();
    const layers = [];
    for (const event of events) {
      if (!event.location) continue;
      const icon = L.divIcon({ className: '', iconSize: [14, 14], html: '' });
      const marker = L.marker([event.location.lat, event.location.lon], { icon, keyboard: true, title: kindOf(event) });
      marker.on('add', () => decorate(marker, event));
      marker.on('click', () => onSelect(event.id));
      markers.set(event.id, marker);
      layers.push(marker);
    }
    cluster.addLayers(layers);
    if (fit && layers.length) map.fitBounds(L.featureGroup(layers).getBounds().pad(0.2), { maxZoom: 7 });
  }

  function decorate(marker, event) {
    const node = marker.getElement();
    if (!node) return;
    node.textContent = '';
    const dot = document.createElement('div');
    dot.className = 'ew-marker';
    dot.dataset.id = event.id;
    dot.dataset.kind = kindOf(event);
    dot.style.background = colour(kindOf(event));
    node.append(dot);
  }

  function focus(eventId) {
    document.querySelectorAll('.ew-marker.selected').forEach((n) => n.classList.remove('selected'));
    const marker = markers.get(eventId);
    if (!marker) return;
    cluster.zoomToShowLayer(marker, () => {
      const node = marker.getElement();
      const dot = node && node.querySelector('.ew-marker');
      if (dot) dot.classList.add('selected');
    });
  }

  function bbox() {
    const b = map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
      clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(4)).join(',');
  }

  return { map, show, focus, bbox };
}

// Tiles only when the browser can fetch one: offline, the Natural Earth borders are the whole basemap.
function probeTiles(map) {
  const probe = new Image();
  const timer = setTimeout(() => { probe.src = ''; }, 4000);
  probe.onload = () => {
    clearTimeout(timer);
    L.tileLayer(OSM, { maxZoom: 18, attribution: '© OpenStreetMap contributors', opacity: 0.85 }).addTo(map);
  };
  probe.onerror = () => clearTimeout(timer);
  probe.src = OSM.replace('{z}', '0').replace('{x}', '0').replace('{y}', '0');
}
