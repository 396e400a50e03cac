// The timeline: events per start day, stacked by type, drawn in SVG. Dragging across it sets the date range.
import { colour } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
const DAY = 86400000;
const MAX_BARS = 400;

function svg(tag, attrs) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const toDay = (iso) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms) => new Date(ms).toISOString().slice(0, 10);

export function createTimeline(node, onRange) {
  let scale = null; // {first, step, bars, width}
  let range = null;

  function draw(bins) {
    while (node.firstChild) node.removeChild(node.firstChild);
    const width = node.clientWidth || 800;
    const height = node.clientHeight || 90;
    node.setAttribute('viewBox', `0 0 ${width} ${height}`);
    if (!bins.length) { scale = null; return; }
    const days = bins.map((b) => toDay(b.day));
    const first = Math.min(...days);
    const span = (Math.max(...days) - first) / DAY + 1;
    const step = Math.max(1, Math.ceil(span / MAX_BARS)); // days per bar
    const bars = Math.ceil(span / step);
    scale = { first, step, bars, width };
    const stacks = Array.from({ length: bars }, () => new Map());
    for (const b of bins) {
      const i = Math.floor((toDay(b.day) - first) / DAY / step);
      stacks[i].set(b.kind, (stacks[i].get(b.kind) || 0) + b.count);
    }
    const top = Math.max(...stacks.map((s) => [...s.values()].reduce((a, c) => a + c, 0)), 1);
    const axis = 14;
    const barWidth = width / bars;
    stacks.forEach((stack, i) => {
      let y = height - axis;
      for (const [kind, count] of stack) {
        const h = (count / top) * (height - axis - 4);
        y -= h;
        const rect = svg('rect', { x: i * barWidth + 0.5, y, width: Math.max(1, barWidth - 1), height: h,
          fill: colour(kind), 'data-kind': kind });
        const tip = svg('title', {});
        tip.textContent = `${toIso(first + i * step * DAY)}: ${count} ${kind}`;
        rect.append(tip);
        node.append(rect);
      }
    });
    for (const [x, anchor, ms] of [[2, 'start', first], [width - 2, 'end', first + (bars * step - 1) * DAY]]) {
      const label = svg('text', { x, y: height - 2, 'font-size': 11, 'text-anchor': anchor, fill: '#555' });
      label.textContent = toIso(ms);
      node.append(label);
    }
    if (range) drawBrush(range);
  }

  function dayAt(x) {
    const i = Math.min(scale.bars - 1, Math.max(0, Math.floor((x / scale.width) * scale.bars)));
    return i;
  }

  function drawBrush([a, b]) {
    node.querySelectorAll('.brush').forEach((n) => n.remove());
    if (!scale) return;
    const barWidth = scale.width / scale.bars;
    const i = (toDay(a) - scale.first) / DAY / scale.step;
    const j = (toDay(b) - scale.first) / DAY / scale.step;
    node.append(svg('rect', { class: 'brush', x: Math.max(0, Math.floor(i) * barWidth), y: 0,
      width: Math.max(2, (Math.floor(j) - Math.floor(i) + 1) * barWidth), height: node.clientHeight || 90 }));
  }

  let start = null;
  const xOf = (e) => ((e.clientX - node.getBoundingClientRect().left) / node.getBoundingClientRect().width) * scale.width;
  node.addEventListener('pointerdown', (e) => {
    if (!scale) return;
    start = dayAt(xOf(e));
    node.setPointerCapture(e.pointerId);
  });
  node.addEventListener('pointermove', (e) => {
    if (start === null) return;
    drawBrush(daysOf(start, dayAt(xOf(e))));
  });
  node.addEventListener('pointerup', (e) => {
    if (start === null) return;
    range = daysOf(start, dayAt(xOf(e)));
    start = null;
    drawBrush(range);
    onRange(range);
  });

  function daysOf(i, j) {
    const [lo, hi] = i <= j ? [i, j] : [j, i];
    return [toIso(scale.first + lo * scale.step * DAY), toIso(scale.first + ((hi + 1) * scale.step - 1) * DAY)];
  }

  function reset() {
    range = null;
    node.querySelectorAll('.brush').forEach((n) => n.remove());
  }

  return { draw, reset };
}
