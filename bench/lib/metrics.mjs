// The report's lines: which figure of which runs each line summarizes, and issue 13's budgets.
import { APPS, BIG, PROFILE_NAMES, PROFILES, SMALL } from './options.mjs';
import { percentile, summary } from './stats.mjs';

const n = x => x.toLocaleString('en');
const LONG_FRAME_MS = 50;

/** One line per metric: { key, name, unit, values: { app: { m, lo, hi, n } } }. */
export function metricRows(samples, sizes) {
  const rows = [];
  const add = (key, name, unit, pick, perRun) => {
    const values = {};
    for (const app of APPS) {
      const xs = samples.filter(s => s.app === app && pick(s)).map(perRun).filter(v => v !== undefined && !Number.isNaN(v));
      if (xs.length) values[app] = summary(xs);
    }
    if (Object.keys(values).length) rows.push({ key, name, unit, values });
  };
  for (const p of PROFILE_NAMES) {
    const at = size => s => s.size === size && s.profile === p;
    const title = PROFILES[p].title;
    add(`firstRow.${p}`, `First row painted, ${n(SMALL)} identities, ${title}`, 'ms', at(SMALL), s => s.firstRow);
    add(`fcp.${p}`, `First contentful paint, ${title}`, 'ms', at(SMALL), s => s.fcp);
    for (const size of [...new Set(samples.map(s => s.size))].sort((a, b) => a - b)) {
      add(`allRows.${size}.${p}`, `All ${n(size)} rows loaded, ${title}`, 'ms', at(size), s => s.allRows);
    }
  }
  const big = s => s.size === BIG && s.profile === 'internal';
  const keys = (field, q) => s => (s[field] ? percentile(s[field].map(k => k.ms), q) : undefined);
  add('keys.p50', `Filter keystroke p50, unrelated queries from an empty box, ${n(BIG)}`, 'ms', big, keys('unrelated', 0.5));
  add('keys.p95', `Filter keystroke p95, unrelated queries from an empty box, ${n(BIG)}`, 'ms', big, keys('unrelated', 0.95));
  add('typeDelete.p50', `Filter keystroke p50, type a word and delete it, ${n(BIG)}`, 'ms', big, keys('typeDelete', 0.5));
  add('typeDelete.p95', `Filter keystroke p95, type a word and delete it, ${n(BIG)}`, 'ms', big, keys('typeDelete', 0.95));
  const frames = q => s => (s.frames ? percentile(s.frames, q) : undefined);
  add('scroll.p50', `Scroll frame p50, ${n(BIG)}`, 'ms', big, frames(0.5));
  add('scroll.p95', `Scroll frame p95, ${n(BIG)}`, 'ms', big, frames(0.95));
  add('scroll.long', `Long frames (> ${LONG_FRAME_MS} ms) of 120 scrolled, ${n(BIG)}`, '', big, s => s.frames?.filter(f => f > LONG_FRAME_MS).length);
  const reviewKeys = q => s => (s.review ? percentile(s.review.keys.map(k => k.ms), q) : undefined);
  add('review.summary', `Drift review: summary shown, from opening it, ${n(BIG)} identities (console only)`, 'ms', big, s => s.review?.summaryMs);
  add('review.keys.p50', `Drift review: filter keystroke p50, largest category, ${n(BIG)}`, 'ms', big, reviewKeys(0.5));
  add('review.keys.p95', `Drift review: filter keystroke p95, largest category, ${n(BIG)}`, 'ms', big, reviewKeys(0.95));
  add('reopen.shown', `Reopen ${n(BIG)} from the saved copy: table shown, internal site`, 'ms', big, s => s.reopen?.shown);
  add('reopen.refreshed', `Reopen ${n(BIG)} from the saved copy: refreshed from the API, internal site`, 'ms', big, s => s.reopen?.refreshed);
  add('pss', `Renderer memory (PSS) added, after GC, ${n(BIG)}`, 'MiB', big, s => s.pss);
  add('dom', `DOM elements, ${n(BIG)}`, '', big, s => s.domNodes);
  add('wire.app', `App bytes on the wire, cold load (compressed, with headers)`, 'KB', s => s.size === SMALL && s.profile === PROFILE_NAMES[0], s => s.wire.app / 1000);
  for (const [k, title] of [['brotli', 'brotli'], ['gzip', 'gzip']]) {
    const values = Object.fromEntries(APPS.map(a => [a, { m: sizes[a][k] / 1000, lo: sizes[a][k] / 1000, hi: sizes[a][k] / 1000, n: 1 }]));
    rows.push({ key: `size.${k}`, name: `wasm + JS + CSS, ${title} (served precompressed)`, unit: 'KB', values });
  }
  return rows;
}

const get = (rows, key, app) => rows.find(r => r.key === key)?.values[app]?.m;

/** Issue 13's budgets for the console, each said met or missed with the figure. */
export function budgetLines(rows) {
  if (!APPS.includes('console')) return [];
  const lines = [];
  const say = (ok, text) => lines.push(`- ${ok ? 'met' : '**missed**'}: ${text}`);
  const c = key => get(rows, key, 'console'), b = key => get(rows, key, 'baseline');
  const vs = key => `${(c(key) / b(key)).toFixed(2)}× the baseline (${c(key).toFixed(0)} vs ${b(key).toFixed(0)} ms)`;
  if (c('keys.p95') !== undefined) say(c('keys.p95') <= 16, `filter keystroke p95 ≤ 16 ms at ${n(BIG)} on unrelated queries: ${c('keys.p95').toFixed(1)} ms`);
  for (const p of PROFILE_NAMES) {
    if (c(`allRows.${BIG}.${p}`) !== undefined && b(`allRows.${BIG}.${p}`)) say(c(`allRows.${BIG}.${p}`) <= 1.1 * b(`allRows.${BIG}.${p}`), `all ${n(BIG)} loaded ≤ 1.10× the baseline, ${PROFILES[p].title}: ${vs(`allRows.${BIG}.${p}`)}`);
  }
  if (c('firstRow.internal') !== undefined && b('firstRow.internal')) say(c('firstRow.internal') <= 1.1 * b('firstRow.internal'), `first row ≤ 1.10× the baseline, internal site: ${vs('firstRow.internal')}`);
  if (c('size.brotli') !== undefined) say(c('size.brotli') <= 150, `≤ 150 KB brotli for wasm + JS + CSS: ${c('size.brotli').toFixed(1)} KB`);
  if (c('reopen.shown') !== undefined) say(c('reopen.shown') < 1000, `reopening ${n(BIG)} from the saved copy shows the table in under a second: ${c('reopen.shown').toFixed(0)} ms (refreshed at ${c('reopen.refreshed').toFixed(0)} ms)`);
  if (c('scroll.p95') !== undefined) say(c('scroll.p95') <= 17 && c('scroll.long') === 0, `scroll p95 ≤ 17 ms and no long frame: p95 ${c('scroll.p95').toFixed(1)} ms, ${c('scroll.long')} long frames (median per run)`);
  const behind = rows.filter(r => {
    const mine = r.values.console?.m;
    const peers = ['react', 'aggrid'].map(p => r.values[p]?.m).filter(v => v !== undefined);
    return mine !== undefined && peers.length && mine > Math.min(...peers);
  });
  if (!APPS.some(a => a === 'react' || a === 'aggrid')) return lines;
  say(behind.length === 0, `ahead of both peers on every line${behind.length ? `; behind the best peer on: ${behind.map(r => r.name).join('; ')}` : ''}`);
  return lines;
}
