// Small helpers. Data from the database (article text, titles, names) is untrusted: it only ever reaches the
// page as text nodes or attribute values set through the DOM, never as HTML.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export const TOKEN_KEY = 'eventwire.token';

export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.write) {
    const token = localStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(path, {
    method: options.method || 'GET', headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const message = data && data.error ? data.error.message : `${response.status} ${response.statusText}`;
    throw new Error(message);
  }
  return data;
}

const COLOURS = {
  'Battles': '#d62728', 'Explosions/Remote violence': '#ff7f0e', 'Violence against civilians': '#9467bd',
  'Protests': '#2ca02c', 'Riots': '#8c564b', 'Strategic developments': '#1f77b4',
};
const EXTRA = ['#17becf', '#bcbd22', '#e377c2', '#7f7f7f', '#393b79', '#637939'];

export function colour(kind) {
  if (COLOURS[kind]) return COLOURS[kind];
  let h = 0;
  for (const c of String(kind)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return EXTRA[h % EXTRA.length];
}

export function kindOf(event) {
  return event.event_type || (event.plover && event.plover.type) || 'other';
}

// Only http(s) links from data become clickable; anything else (javascript:, data:) stays text.
export function safeLink(url, text) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      return el('a', { href: parsed.href, target: '_blank', rel: 'noopener noreferrer' }, text || url);
    }
  } catch (e) { /* not a URL: shown as text */ }
  return document.createTextNode(text || url || '');
}
