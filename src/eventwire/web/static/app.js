// The page: filters, map, list, timeline and the event panel, all over the JSON API of the same server.
import { api, clear, colour, el, kindOf, TOKEN_KEY } from './dom.js';
import { showEvent } from './detail.js';
import { createMap } from './mapview.js';
import { createTimeline } from './timeline.js';

const LIST_LIMIT = 1000;
const form = document.getElementById('filters');
const list = document.getElementById('list');
const detail = document.getElementById('detail');
const status = document.getElementById('status');
const state = { range: null, fitted: false, selected: null };

const view = createMap('map', select);
const timeline = createTimeline(document.getElementById('timeline'), (range) => { state.range = range; loadEvents(); });

function params(withRange) {
  const p = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (value !== '' && key !== 'in_view') p.set(key, value);
  if (form.in_view.checked) p.set('bbox', view.bbox());
  if (withRange && state.range) { p.set('since', state.range[0]); p.set('until', state.range[1]); }
  return p;
}

async function loadEvents() {
  const p = params(true);
  document.getElementById('range').textContent = state.range ? `${state.range[0]} – ${state.range[1]}` : 'all dates';
  document.getElementById('dl-csv').href = `/api/events.csv?${p}`;
  document.getElementById('dl-geojson').href = `/api/events.geojson?${p}`;
  status.textContent = 'Loading…';
  try {
    p.set('limit', LIST_LIMIT);
    const data = await api(`/api/events?${p}`);
    view.show(data.events, !state.fitted);
    state.fitted = true;
    renderList(data.events, data.total);
  } catch (err) {
    status.textContent = err.message;
  }
}

async function loadTimeline() {
  try {
    const data = await api(`/api/timeline?${params(false)}`);
    timeline.draw(data.bins);
    const legend = clear(document.getElementById('legend'));
    for (const kind of data.kinds) legend.append(el('span', {}, el('span', { class: 'swatch', style: `background:${colour(kind)}` }), kind));
  } catch (err) {
    status.textContent = err.message;
  }
}

function renderList(events, total) {
  status.textContent = `${total} event${total === 1 ? '' : 's'}` + (total > events.length ? ` (first ${events.length} shown)` : '')
    + (events.some((e) => !e.location) ? '; unlocated events are listed but not on the map' : '');
  clear(list);
  for (const e of events.slice(0, 300)) {
    const when = e.date ? e.date.start : 'undated';
    const where = e.location ? e.location.name : 'no place';
    list.append(el('li', { tabindex: 0, 'data-id': e.id, onclick: () => select(e.id), onkeydown: (k) => { if (k.key === 'Enter') select(e.id); } },
      el('span', { class: 'swatch', style: `background:${colour(kindOf(e))}` }),
      `${when} · ${e.sub_event_type || kindOf(e)} · ${where}`));
  }
}

function select(eventId) {
  state.selected = eventId;
  list.hidden = true;
  detail.hidden = false;
  view.focus(eventId);
  showEvent(detail, eventId, {
    back: () => { state.selected = null; detail.hidden = true; list.hidden = false; },
    changed: (result) => {
      loadEvents(); loadTimeline();
      if (result && result.deleted) return; // the panel keeps its message and the Restore button
      const next = result && result.id ? result.id : (result && result.events ? result.events[0].id : eventId);
      setTimeout(() => select(next), 300);
    },
  });
}

async function loadFacets() {
  const facets = await api('/api/facets');
  const fill = (id, values) => {
    const node = document.getElementById(id);
    for (const { value, count } of values) node.append(el('option', { value }, `${value} (${count})`));
  };
  fill('f-type', facets.event_type);
  fill('f-plover', facets.plover_type);
  fill('f-country', facets.country);
  fill('f-attribution', facets.attribution_status);
  fill('f-modality', facets.modality);
}

async function checkToken() {
  const label = document.getElementById('token-state');
  if (!localStorage.getItem(TOKEN_KEY)) { label.textContent = 'Corrections: no token'; return; }
  try {
    const who = await api('/api/token', { write: true });
    label.textContent = `Corrections as ${who.name}`;
  } catch (err) {
    label.textContent = `Corrections: ${err.message}`;
  }
}

form.addEventListener('submit', (e) => { e.preventDefault(); state.fitted = false; loadEvents(); loadTimeline(); });
form.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT' || e.target.type === 'checkbox') form.requestSubmit(); });
document.getElementById('f-reset').addEventListener('click', () => { form.reset(); state.range = null; timeline.reset(); form.requestSubmit(); });
document.getElementById('range-clear').addEventListener('click', () => { state.range = null; timeline.reset(); loadEvents(); });
view.map.on('moveend', () => { if (form.in_view.checked) loadEvents(); });
document.getElementById('token-save').addEventListener('click', () => {
  localStorage.setItem(TOKEN_KEY, document.getElementById('token').value.trim());
  document.getElementById('token').value = '';
  checkToken();
});
document.getElementById('token-forget').addEventListener('click', () => { localStorage.removeItem(TOKEN_KEY); checkToken(); });
window.addEventListener('resize', () => loadTimeline());

loadFacets().catch((err) => { status.textContent = err.message; });
loadEvents();
loadTimeline();
checkToken();
