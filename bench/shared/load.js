// Loading for every peer (baseline, React, AG Grid): the console's plan and pace. The first page
// comes alone (it tells the total), then 2 requests in flight, 100 identities a page, advancing
// by what was returned; rows are handed over in batches, the first page at once and then at
// most every 250 ms, as the console's table is fed. Rows carry exactly what the console's table
// shows, formatted the same way, and the lower-cased text its quick filter searches.
const PAGE = 100;
const IN_FLIGHT = 2;
const FLUSH_MS = 250;

/** `2024-05-01T12:34:56Z` → `2024-05-01 12:34`, as the console shows it. */
const shortTime = t => (t.length >= 16 ? t.slice(0, 16).replace('T', ' ') : t);

/** One SCIM identity → one table row (the console's `Row`, the same fields and text). */
export function toRow(u) {
  const emails = u.emails ?? [];
  const email = (emails.find(e => e.primary) ?? emails[0])?.value ?? '';
  const name = u.displayName || u.name?.formatted ||
    [u.name?.givenName, u.name?.familyName].filter(Boolean).join(' ');
  const userName = u.userName ?? '';
  const externalId = u.externalId ?? '';
  return {
    id: u.id, userName, name, email, externalId,
    active: `${u.active ? 'yes' : 'no'}${u.profileUrl ? '' : ' (pending)'}`,
    created: shortTime(u.meta?.created ?? ''),
    lastModified: shortTime(u.meta?.lastModified ?? ''),
    search: `${userName}\u001f${name}\u001f${email}\u001f${externalId}`.toLowerCase(),
  };
}

/** The quick filter's needle: trimmed and lower-cased, as the console makes it. */
export const needleOf = text => text.trim().toLowerCase();

/** Loads every identity; `onRows(batch)` gets new rows (never one twice), `onDone()` once. */
export async function loadAll(onRows, onDone) {
  const config = await (await fetch('/config.json')).json();
  const token = sessionStorage.getItem('scim-admin.token');
  const base = `${config.apiBase.replace(/\/$/, '')}/scim/v2/organizations/${config.org}/Users`;
  // The console's request headers (X-Requested-With is what the site's proxy asks of writes).
  const headers = { Accept: 'application/scim+json', 'X-Requested-With': 'scim-admin', Authorization: `Bearer ${token}` };
  const page = async (start, count) => {
    const r = await fetch(`${base}?startIndex=${start}&count=${count}`, { headers });
    if (!r.ok) throw new Error(`GET Users: HTTP ${r.status}`);
    return r.json();
  };
  const seen = new Set();
  let pending = [], lastFlush = 0, flushed = false;
  const flush = () => {
    if (pending.length) onRows(pending);
    pending = [];
    lastFlush = performance.now();
    flushed = true;
  };
  const take = list => {
    for (const u of list.Resources) if (!seen.has(u.id)) { seen.add(u.id); pending.push(toRow(u)); }
    if (!flushed || performance.now() - lastFlush >= FLUSH_MS) flush();
  };
  const first = await page(1, PAGE);
  let total = first.totalResults;
  take(first);
  const queue = [];
  for (let s = 1 + first.Resources.length; s <= total; s += PAGE) queue.push([s, s + PAGE]);
  const worker = async () => {
    for (let range = queue.shift(); range; range = queue.shift()) {
      const [start, end] = range;
      const list = await page(start, end - start);
      total = list.totalResults;
      const got = list.Resources.length;
      take(list);
      if (got > 0 && start + got < end && start + got <= total) queue.push([start + got, end]);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  flush();
  onDone();
}

/** A `performance.mark` at the next frame, after the change has been rendered: how every app
 *  (the console too) says "first row painted" (`scim-first-row`) and "all rows" (`scim-all-rows`). */
export const markAfterPaint = name => requestAnimationFrame(() => performance.mark(name));
