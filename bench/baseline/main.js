// The practical floor: the member table's job with no framework. Rows come from the shared
// loader; filter and sort are index lists; the table is virtualized with a recycled pool of
// rows between two spacers, and only text and checkbox state change as it scrolls.
import { loadAll, markAfterPaint, needleOf } from '../shared/load.js';
import '../shared/table.css';

const ROW = 33, POOL = 40, OVERSCAN = 8;
const COLS = ['userName', 'name', 'email', 'externalId', 'active', 'created', 'lastModified'];
const HEAD = ['userName', 'Display name', 'Primary email', 'externalId', 'Active', 'Created', 'Last modified'];
const rows = [];
const selected = new Set();
let view = [], needle = '', sort = null;
const orders = new Map();
const viewport = document.getElementById('viewport');
const body = document.getElementById('body');
const counts = document.getElementById('counts');

/** Ascending row positions for a column, cached until rows change. */
function orderOf(col) {
  let order = orders.get(col);
  if (!order) {
    const keys = rows.map(r => r[col].toLowerCase());
    order = Uint32Array.from(rows.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
    orders.set(col, order);
  }
  return order;
}

function recompute() {
  const n = rows.length;
  const order = sort ? orderOf(sort.col) : null;
  view = [];
  for (let k = 0; k < n; k++) {
    const i = order ? order[sort.desc ? n - 1 - k : k] : k;
    if (!needle || rows[i].search.includes(needle)) view.push(i);
  }
  counts.textContent = `${n} identities · ${view.length} shown · ${selected.size} selected`;
  render();
}

// The pool: spacer, POOL recycled rows, spacer.
const top = document.createElement('tr'), bottom = document.createElement('tr');
top.className = bottom.className = 'spacer';
const pool = [];
body.append(top);
for (let p = 0; p < POOL; p++) {
  const tr = document.createElement('tr');
  const check = tr.appendChild(document.createElement('td'));
  check.className = 'check';
  const box = check.appendChild(document.createElement('input'));
  box.type = 'checkbox';
  const cells = COLS.map(() => tr.appendChild(document.createElement('td')));
  const slot = { tr, box, cells, id: null };
  box.onchange = () => {
    if (!selected.delete(slot.id)) selected.add(slot.id);
    counts.textContent = `${rows.length} identities · ${view.length} shown · ${selected.size} selected`;
  };
  pool.push(slot);
  body.append(tr);
}
body.append(bottom);

function render() {
  const first = Math.max(0, Math.floor(viewport.scrollTop / ROW) - OVERSCAN);
  const last = Math.min(view.length, first + POOL);
  top.style.height = `${Math.min(first, view.length) * ROW}px`;
  bottom.style.height = `${(view.length - last) * ROW}px`;
  for (let p = 0; p < POOL; p++) {
    const slot = pool[p];
    const at = first + p;
    if (at >= last) { slot.tr.hidden = true; continue; }
    slot.tr.hidden = false;
    const r = rows[view[at]];
    if (slot.id === r.id) continue;
    slot.id = r.id;
    slot.box.checked = selected.has(r.id);
    slot.box.setAttribute('aria-label', `Select ${r.userName}`);
    for (let c = 0; c < COLS.length; c++) slot.cells[c].textContent = r[COLS[c]];
  }
}

document.getElementById('head').append(document.createElement('th'), ...COLS.map((col, c) => {
  const th = document.createElement('th');
  th.textContent = HEAD[c];
  th.onclick = () => { sort = sort?.col === col ? (sort.desc ? null : { col, desc: true }) : { col, desc: false }; recompute(); };
  return th;
}));
document.querySelector('#head th').className = 'check';
viewport.addEventListener('scroll', render, { passive: true });
document.getElementById('filter').addEventListener('input', e => { needle = needleOf(e.target.value); recompute(); });

loadAll(
  batch => {
    const first = rows.length === 0;
    for (const r of batch) rows.push(r);
    orders.clear();
    recompute();
    if (first) markAfterPaint('scim-first-row');
  },
  () => markAfterPaint('scim-all-rows'),
);
