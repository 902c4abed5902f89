// What every app must show, computed here from the emulator's identities, independently of the
// apps: the number of rows, and for a filter the number of matches. The filter's rule is the
// console's: the text trimmed and lower-cased character by character, found in userName, the
// shown name, the primary email or externalId.
const lower = s => Array.from(s, c => c.toLowerCase()).join('');

function searchable(u) {
  const emails = u.emails ?? [];
  const email = (emails.find(e => e.primary) ?? emails[0])?.value ?? '';
  const name = u.displayName || u.name?.formatted || [u.name?.givenName, u.name?.familyName].filter(Boolean).join(' ');
  return [u.userName ?? '', name, email, u.externalId ?? ''].map(lower);
}

/** Reads every identity straight from the emulator (not through any app or the site). */
export async function loadDataset(apiUrl, org, token) {
  const fields = [];
  for (let start = 1; ; start += 100) {
    const r = await fetch(`${apiUrl}/scim/v2/organizations/${org}/Users?startIndex=${start}&count=100`,
      { headers: { Authorization: `Bearer ${token}`, Accept: 'application/scim+json' } });
    if (!r.ok) throw new Error(`dataset: GET Users answered ${r.status}`);
    const page = await r.json();
    for (const u of page.Resources) fields.push(searchable(u));
    if (page.Resources.length === 0 || start + page.Resources.length > page.totalResults) break;
  }
  const cache = new Map();
  return {
    total: fields.length,
    /** How many identities the filter text `text` matches. */
    matches(text) {
      const needle = lower(text.trim());
      if (!needle) return fields.length;
      if (!cache.has(needle)) cache.set(needle, fields.reduce((n, f) => n + (f.some(x => x.includes(needle)) ? 1 : 0), 0));
      return cache.get(needle);
    },
  };
}
