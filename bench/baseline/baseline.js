// The practical floor: the member table's job with no framework. Fetch every page (shared
// loader: 2 in flight, advancing by what was returned), filter and sort index lists, and render
// a virtualized table from a recycled pool of rows.
import { loadAll } from '/load.js';

const ROW = 33, POOL = 56, OVERSCAN = 8, COLS = ['userName', 'name', 'email', 'externalId', 'active', 'created', 'lastModified'];
const rows = [];
let view = [], filter = '', sort = null, orders = new Map();
const viewport = document.getElementById('viewport');
const body = document.getElementById('body');
const counts = document.getElementById('counts');

function recompute() {
  const needle = filter.trim().toLowerCase();
  let order;
  if (sort) {
    order = orders.get(sort.col);
    if (!order) {
      const keys = rows.map(r => r[sort.col].toLowerCase());
      order = Uint32Array.from(rows.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
      orders.set(sort.col, order);
    }
    if (sort.desc) order = Array.from(order).reverse();
  } else {
    order = rows.keys();
  }
  view = [];
  for (const i of order) if (!needle || rows[i].search.includes(needle)) view.push(i);
  counts.textContent = `${rows.length} identities · ${view.length} shown`;
  render();
}

// The pool: spacer, POOL recycled rows, spacer. Only textContent changes on scroll.
const top = document.createElement('tr'), bottom = document.createElement('tr');
top.className = bottom.className = 'spacer';
const pool = [];
body.append(top);
for (let i = 0; i < POOL; i++) {
  const tr = document.createElement('tr');
  const cells = COLS.map(() => tr.appendChild(document.createElement('td')));
  pool.push({ tr, cells });
  body.append(tr);
}
body.append(bottom);

function render() {
  const first = Math.max(0, Math.floor(viewport.scrollTop / ROW) - OVERSCAN);
  const last = Math.min(view.length, first + POOL);
  top.style.height = `${Math.min(first, view.length) * ROW}px`;
  bottom.style.height = `${(view.length - last) * ROW}px`;
  for (let p = 0; p < POOL; p++) {
    const { tr, cells } = pool[p];
    const at = first + p;
    if (at >= last) { tr.hidden = true; continue; }
    tr.hidden = false;
    const r = rows[view[at]];
    for (let c = 0; c < COLS.length; c++) cells[c].textContent = r[COLS[c]];
  }
}

document.getElementById('head').append(...COLS.map(col => {
  const th = document.createElement('th');
  th.textContent = col;
  th.onclick = () => { sort = sort?.col === col ? (sort.desc ? null : { col, desc: true }) : { col, desc: false }; recompute(); };
  return th;
}));
viewport.addEventListener('scroll', () => render(), { passive: true });
document.getElementById('filter').addEventListener('input', e => { filter = e.target.value; recompute(); });

const markAfterPaint = name => requestAnimationFrame(() => performance.mark(name));

loadAll(
  batch => {
    rows.push(...batch);
    orders.clear();
    recompute();
    if (rows.length === batch.length) markAfterPaint('scim-first-row');
  },
  () => markAfterPaint('scim-all-rows'),
);
