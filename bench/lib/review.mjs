// The drift review at the largest size (console only; no peer has one): on a console that has
// loaded every SCIM identity, the time from opening the Review page until its summary is painted
// (the console's `review-summary` mark), checked against counts computed from the APIs
// (lib/drift.mjs); then filter keystrokes in the largest category's table, each checked against
// the number of matches computed here from that category's rows (the console's JSON export of
// it, filtered by the console's rule: the text lower-cased, found in any text cell).
import { readFileSync } from 'node:fs';
import { unrelatedQueries } from './interact.mjs';
import { probe } from './probe.js';

export const REVIEW_UI = {
  title: 'console review', filter: 'section.category input[type=search]', counts: 'section.category .counts',
  countsPattern: '([\\d,]+) rows · ([\\d,]+) shown', viewport: '.table-viewport.drift',
  rows: 'table.drift tbody tr:not(.spacer)',
};

const lower = s => Array.from(s, c => c.toLowerCase()).join('');

async function summaryCounts(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('table.summary tbody tr')].map(tr =>
    [tr.querySelector('th').textContent.trim(), tr.querySelector('td.count').textContent.trim()])));
}

/** The matcher of one category's rows, from the console's JSON export of them. */
function rowsDataset(rows) {
  const fields = rows.map(r => Object.entries(r).filter(([k, v]) => k !== 'key' && typeof v === 'string').map(([, v]) => lower(v)));
  const cache = new Map();
  return {
    total: fields.length,
    matches(text) {
      const needle = lower(text.trim());
      if (!needle) return fields.length;
      if (!cache.has(needle)) cache.set(needle, fields.reduce((n, f) => n + (f.some(x => x.includes(needle)) ? 1 : 0), 0));
      return cache.get(needle);
    },
  };
}

export async function reviewMetric(page, cdp, drift, queries) {
  const t0 = await page.evaluate(() => performance.now());
  await page.click('a[href="/review"]');
  await page.waitForFunction(() => performance.getEntriesByName('review-summary').length > 0, null, { timeout: 600_000, polling: 100 });
  const summaryMs = await page.evaluate(() => performance.getEntriesByName('review-summary')[0].startTime) - t0;
  const shown = await summaryCounts(page);
  for (const [title, want] of Object.entries(drift.counts)) {
    if (Number(shown[title]) !== want) throw new Error(`review: ${title} shows ${shown[title]}, the APIs say ${want}`);
  }
  const [largest] = Object.entries(shown).filter(([, c]) => /^\d+$/.test(c)).sort((a, b) => Number(b[1]) - Number(a[1]));
  await page.click(`table.summary button:text-is("${largest[0]}")`);
  await page.waitForFunction(t => document.querySelector('section.category h2')?.textContent === t, largest[0]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:text-is("Export shown rows (JSON)")')]);
  const rows = JSON.parse(readFileSync(await download.path(), 'utf8'));
  if (rows.length !== Number(largest[1])) throw new Error(`review: ${largest[0]} exports ${rows.length} rows, the summary says ${largest[1]}`);
  await page.evaluate(probe, REVIEW_UI);
  const keys = await unrelatedQueries(page, cdp, REVIEW_UI, rowsDataset(rows), queries, 'console review');
  return { summaryMs, category: largest[0], rows: rows.length, keys };
}
