// The event panel: every field with where it came from, the articles with the evidence highlighted, the
// corrections an analyst can make, and the history of changes.
import { api, clear, colour, el, kindOf, safeLink } from './dom.js';

const MODALITIES = ['asserted', 'planned', 'demanded', 'threatened', 'denied', 'hypothetical'];
const STATUSES = ['witnessed', 'official', 'claimed', 'reported', 'unattributed'];
const PRECISION = { 1: 'exact place', 2: 'near the place', 3: 'district or region', 4: 'province', 5: 'country' };

export async function showEvent(root, eventId, hooks) {
  clear(root).append(el('p', {}, 'Loading…'));
  let event, mentions, revisions;
  try {
    [event, mentions, revisions] = await Promise.all([
      api(`/api/events/${encodeURIComponent(eventId)}`),
      api(`/api/events/${encodeURIComponent(eventId)}/mentions`).then((d) => d.mentions),
      api(`/api/events/${encodeURIComponent(eventId)}/revisions`).then((d) => d.revisions),
    ]);
  } catch (err) {
    clear(root).append(el('button', { type: 'button', onclick: hooks.back }, '← all events'),
      el('p', { class: 'message error' }, err.message));
    return;
  }
  const articleIds = [...new Set(event.evidence.map((e) => e.article_id).concat(event.sources.map((s) => s.article_id)))];
  const articles = await Promise.all(articleIds.map((id) => api(`/api/articles/${encodeURIComponent(id)}`).catch(() => null)));
  clear(root).append(
    el('button', { type: 'button', onclick: hooks.back }, '← all events'),
    el('h2', {}, el('span', { class: 'swatch', style: `background:${colour(kindOf(event))}` }),
      event.event_type || '(no ACLED type)', event.sub_event_type ? ` — ${event.sub_event_type}` : ''),
    fields(event),
    el('h3', {}, 'Articles, evidence highlighted'),
    ...articles.filter(Boolean).map((a) => articleView(a, event.evidence.filter((e) => e.article_id === a.id))),
    el('h3', {}, 'Correct this event'),
    corrections(event, mentions, hooks),
    el('h3', {}, 'History'),
    history(revisions),
  );
}

function fields(e) {
  const rows = [];
  const add = (label, ...value) => rows.push(el('dt', {}, label), el('dd', {}, ...value));
  add('id', e.id);
  add('PLOVER', e.plover ? `${e.plover.type}${e.plover.mode ? ` (${e.plover.mode})` : ''}` : '-');
  add('modality', e.modality);
  if (e.date) {
    add('date', e.date.start === e.date.end ? e.date.start : `${e.date.start} – ${e.date.end}`,
      ` (precision: ${e.date.precision})`, e.date.text ? ` from “${e.date.text}”` : '',
      e.date.rule ? el('div', { class: 'rule' }, `rule: ${e.date.rule}`) : null);
  } else add('date', '-');
  if (e.location) {
    const l = e.location;
    add('place', [l.name, l.admin2, l.admin1, l.country].filter(Boolean).join(', '),
      el('div', { class: 'rule' }, `precision ${l.precision} (${PRECISION[l.precision] || '?'})`,
        l.uncertainty_km != null ? `, ± ${l.uncertainty_km} km` : '', `; ${l.lat}, ${l.lon}`,
        l.text ? `; named as “${l.text}”` : ''));
  } else add('place', '-');
  for (const key of ['actor1', 'actor2']) {
    const a = e[key];
    if (a) add(key, a.name, a.kind ? ` (${a.kind})` : '', a.country ? ` [${a.country}]` : '', a.text ? ` “${a.text}”` : '');
  }
  add('attribution', e.attribution.status, e.attribution.source ? `: ${e.attribution.source}` : '',
    e.attribution.text ? el('div', { class: 'rule' }, `“${e.attribution.text}”`) : null);
  add('claim status', e.claim_status || '-');
  add('fatalities', e.fatalities ?? '-', perSource(e, 'fatalities'));
  add('injuries', e.injuries ?? '-', perSource(e, 'injuries'));
  add('confidence', e.confidence);
  const r = e.review;
  add('review', el('span', { class: r ? `review-${r.status}` : '' }, r ? r.status : 'machine'),
    r && r.by ? ` by ${r.by} at ${r.at}` : '', r && r.corrected && r.corrected.length ? ` (${r.corrected.join(', ')})` : '');
  add('sources', el('ul', {}, e.sources.map((s) => el('li', {}, s.url ? safeLink(s.url, s.title || s.url) : (s.title || s.article_id),
    s.published ? ` (${s.published})` : '', s.source ? ` — ${s.source}` : ''))));
  if (e.fusion && e.fusion.links && e.fusion.links.length) {
    add('merged because', e.fusion.links.map((k) => `${JSON.stringify(k)} `).join(''));
  }
  return el('dl', {}, rows);
}

function perSource(e, field) {
  const values = e.fusion ? e.fusion.values.filter((v) => v.field === field) : [];
  if (values.length < 2) return null;
  return el('div', { class: 'rule' }, values.map((v) => `${v.value} (${v.source || v.article_id})`).join('; '));
}

// The article as text nodes, with each evidence span wrapped in <mark>; offsets index the article's text.
export function articleView(article, evidence) {
  const text = article.text || '';
  const spans = evidence.map((e) => [Math.max(0, e.start), Math.min(text.length, e.end)])
    .filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const body = el('div', { class: 'article-text', 'data-article': article.id });
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    body.append(document.createTextNode(text.slice(at, from)), el('mark', { class: 'evidence' }, text.slice(from, end)));
    at = end;
  }
  body.append(document.createTextNode(text.slice(at)));
  return el('div', { class: 'article' },
    el('p', {}, el('strong', { class: 'article-title' }, article.title || article.id),
      article.published ? ` (${article.published})` : '', article.source ? ` — ${article.source}` : ''),
    body);
}

function corrections(event, mentions, hooks) {
  const box = el('div', { class: 'corrections' });
  const message = el('div', { class: 'message', hidden: true });
  const say = (text, ok) => { message.hidden = false; message.className = `message ${ok ? 'ok' : 'error'}`; message.textContent = text; };
  const act = async (work, done) => {
    try { const result = await work(); say(done, true); hooks.changed(result); } catch (err) { say(err.message, false); }
  };
  const id = encodeURIComponent(event.id);
  const input = (name, value, type = 'text') => el('input', { name, type, value: value ?? '' });
  const select = (name, options, value) => el('select', { name }, options.map((o) => el('option', { value: o, selected: o === value }, o)));
  const form = el('form', { class: 'edit', id: 'edit-form' },
    el('label', {}, 'event type'), input('event_type', event.event_type),
    el('label', {}, 'sub-event type'), input('sub_event_type', event.sub_event_type),
    el('label', {}, 'modality'), select('modality', MODALITIES, event.modality),
    el('label', {}, 'date from'), input('date_start', event.date && event.date.start, 'date'),
    el('label', {}, 'date to'), input('date_end', event.date && event.date.end, 'date'),
    el('label', {}, 'fatalities'), input('fatalities', event.fatalities, 'number'),
    el('label', {}, 'injuries'), input('injuries', event.injuries, 'number'),
    el('label', {}, 'attribution'), select('attribution_status', STATUSES, event.attribution.status),
    el('label', {}, 'said by'), input('attribution_source', event.attribution.source),
    el('label', {}, 'summary'), input('summary', event.summary),
    el('label', {}, 'note'), input('note', ''),
    el('button', { type: 'submit', class: 'wide' }, 'Save changes'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const changes = changesFrom(event, new FormData(form));
    if (!Object.keys(changes).length) { say('nothing changed', false); return; }
    act(() => api(`/api/events/${id}`, { method: 'PATCH', write: true, body: { changes, note: form.note.value || null } }),
      `saved: ${Object.keys(changes).join(', ')}`);
  });
  const mergeWith = el('input', { name: 'merge_with', placeholder: 'other event ids, comma-separated' });
  const checks = mentions.map((m) => el('label', { class: 'mention' }, el('input', { type: 'checkbox', value: m.id }),
    ` ${m.id}: ${m.sources.map((s) => s.title || s.article_id).join('; ')} (${m.date ? m.date.start : 'undated'})`));
  box.append(form, el('div', { class: 'actions' },
    el('button', { type: 'button', id: 'confirm', onclick: () => act(() => api(`/api/events/${id}/confirm`, { method: 'POST', write: true, body: {} }), 'confirmed') }, 'Confirm'),
    el('button', { type: 'button', id: 'delete', onclick: () => act(() => api(`/api/events/${id}`, { method: 'DELETE', write: true }), 'deleted (it no longer shows in lists and exports)') }, 'Delete'),
    el('button', { type: 'button', id: 'restore', onclick: () => act(() => api(`/api/events/${id}/restore`, { method: 'POST', write: true, body: {} }), 'restored') }, 'Restore')),
  el('div', { class: 'actions' }, mergeWith, el('button', { type: 'button', onclick: () => {
    const ids = [event.id, ...mergeWith.value.split(',').map((s) => s.trim()).filter(Boolean)];
    act(() => api('/api/events/merge', { method: 'POST', write: true, body: { ids } }), 'merged');
  } }, 'Merge')),
  mentions.length > 1 ? el('div', {}, el('p', {}, 'Mentions (tick those that report a different event):'), checks,
    el('button', { type: 'button', onclick: () => {
      const ticked = checks.map((c) => c.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
      const rest = mentions.map((m) => m.id).filter((m) => !ticked.includes(m));
      act(() => api(`/api/events/${id}/split`, { method: 'POST', write: true, body: { groups: [rest, ticked] } }), 'split');
    } }, 'Split ticked mentions off')) : null,
  message);
  return box;
}

function changesFrom(event, data) {
  const changes = {};
  const text = (k) => (data.get(k) || '').trim() || null;
  const number = (k) => (data.get(k) === '' ? null : Number(data.get(k)));
  for (const key of ['event_type', 'sub_event_type', 'summary']) if (text(key) !== (event[key] ?? null)) changes[key] = text(key);
  if (data.get('modality') !== event.modality) changes.modality = data.get('modality');
  for (const key of ['fatalities', 'injuries']) if (number(key) !== (event[key] ?? null)) changes[key] = number(key);
  const start = text('date_start'); const end = text('date_end') || start;
  if (start && (!event.date || start !== event.date.start || end !== event.date.end)) {
    changes.date = { ...(event.date || { precision: 'day', text: null }), start, end, rule: 'set by an analyst' };
  }
  const status = data.get('attribution_status'); const source = text('attribution_source');
  if (status !== event.attribution.status || source !== (event.attribution.source ?? null)) {
    changes.attribution = { ...event.attribution, status, source };
  }
  return changes;
}

function history(revisions) {
  if (!revisions.length) return el('p', {}, 'No changes by analysts yet.');
  const show = (v) => (v === null || v === undefined ? '∅' : JSON.stringify(v));
  return el('ol', { class: 'history' }, revisions.map((r) => el('li', {},
    `${r.at} ${r.by}: ${r.action}${r.field ? ` ${r.field}` : ''}`,
    r.action === 'update' ? ` ${show(r.old)} → ${show(r.new)}` : '', r.note ? ` — “${r.note}”` : '')));
}
