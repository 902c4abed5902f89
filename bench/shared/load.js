// Loading for the baseline and the React peer: the same plan as the console (2 in flight, advancing by what was
// returned), delivering rows in batches every 250 ms like the console does.
function flatten(u) {
  const email = (u.emails.find(e => e.primary) ?? u.emails[0] ?? {}).value ?? '';
  const name = u.displayName ?? [u.name?.givenName, u.name?.familyName].filter(Boolean).join(' ');
  const r = { id: u.id, userName: u.userName ?? '', name, email, externalId: u.externalId ?? '',
    active: u.active ? 'yes' : 'no', created: u.meta?.created ?? '', lastModified: u.meta?.lastModified ?? '' };
  r.search = `${r.userName}\u001f${r.name}\u001f${r.email}\u001f${r.externalId}`.toLowerCase();
  return r;
}

export async function loadAll(onRows, onDone) {
  const config = await (await fetch('/config.json')).json();
  const token = sessionStorage.getItem('scim-admin.token');
  const base = `${config.apiBase}/scim/v2/organizations/${config.org}/Users`;
  const page = async (start, count) => {
    const r = await fetch(`${base}?startIndex=${start}&count=${count}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/scim+json' } });
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json();
  };
  let pending = [], lastFlush = 0, flushed = false;
  const flush = () => { if (pending.length) onRows(pending); pending = []; lastFlush = performance.now(); flushed = true; };
  const take = list => { pending.push(...list.Resources.map(flatten)); if (!flushed || performance.now() - lastFlush >= 250) flush(); };
  const first = await page(1, 100);
  let total = first.totalResults;
  take(first);
  const queue = [];
  for (let s = 1 + first.Resources.length; s <= total; s += 100) queue.push([s, Math.min(s + 100, total + 1)]);
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
  await Promise.all([worker(), worker()]);
  flush();
  onDone();
}
