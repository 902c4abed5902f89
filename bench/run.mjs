// The benchmark: the console against a vanilla-JS baseline, a React peer and an AG Grid peer,
// every app served by nginx as a site serves it, cold loads under network profiles, filter and
// scroll measured on 100,000 identities. Every figure counts only after the app was checked to
// show what it should. Started by scripts/bench, which builds everything first; the variables
// that narrow a run are in lib/options.mjs. Writes RESULTS.md, RESULTS.json and the README table.
import { coldLoad, openCold, rendererPss } from './lib/browser.mjs';
import { loadDataset } from './lib/dataset.mjs';
import { loadDrift } from './lib/drift.mjs';
import { scrolling, typeAndDelete, unrelatedQueries } from './lib/interact.mjs';
import { reopen } from './lib/reopen.mjs';
import { APP_UI, APPS, BIG, METRICS, PORT_BASE, PROFILE_NAMES, REPS, SIZES } from './lib/options.mjs';
import { TYPE_AND_DELETE, UNRELATED } from './lib/queries.mjs';
import { writeResults } from './lib/report.mjs';
import { reviewMetric } from './lib/review.mjs';
import { startSites, stopAll } from './lib/site.mjs';

/** One run: a fresh browser, a cold load, then (on the largest size, internal site) the rest. */
async function run(site, datasets, drift, app, size, profile, rep) {
  const ui = APP_UI[app];
  const session = await openCold(ui, site.token, profile);
  try {
    const interactive = size === BIG && profile === 'internal';
    const pssBefore = interactive && METRICS.has('memory') ? await rendererPss(session.browser) : 0;
    const timeout = Math.max(120_000, size * (profile === 'remote' ? 3 : 1));
    const sample = { app, size, profile, rep, ...(await coldLoad(session, `${site.url(app, size)}/`, datasets[size].total, timeout)) };
    sample.wire = { ...session.wire };
    if (interactive) {
      const { page, cdp, browser } = session;
      if (METRICS.has('memory')) {
        await cdp.send('HeapProfiler.collectGarbage');
        sample.pss = (await rendererPss(browser)) - pssBefore;
        sample.domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
      }
      if (METRICS.has('keys')) {
        sample.unrelated = await unrelatedQueries(page, cdp, ui, datasets[size], UNRELATED, app);
        sample.typeDelete = await typeAndDelete(page, cdp, ui, datasets[size], TYPE_AND_DELETE, app);
      }
      if (METRICS.has('scroll')) sample.frames = await scrolling(page, ui, app);
      if (METRICS.has('review') && app === 'console') sample.review = await reviewMetric(page, cdp, drift, UNRELATED);
      // Last: it reloads the page. Only the console keeps a copy.
      if (METRICS.has('reopen') && app === 'console') sample.reopen = await reopen(page, datasets[size].total, timeout);
    }
    if (session.errors.length) throw new Error(`${app}: page errors: ${session.errors.join(' | ')}`);
    return sample;
  } finally {
    await session.browser.close();
  }
}

async function main() {
  const started = Date.now();
  const site = await startSites(APPS, SIZES, PORT_BASE);
  const datasets = {};
  for (const size of SIZES) datasets[size] = await loadDataset(site.api(size), site.org, site.token);
  const drift = METRICS.has('review') && APPS.includes('console') ? await loadDrift(site.api(BIG), site.org, site.token) : null;
  const samples = [];
  for (let rep = 1; rep <= REPS; rep++) {
    for (const size of SIZES) for (const profile of PROFILE_NAMES) {
      if (!METRICS.has('load') && !(size === BIG && profile === 'internal')) continue;
      // Apps take turns going first, so none always runs on the coolest machine.
      const order = APPS.map((_, i) => APPS[(i + rep - 1) % APPS.length]);
      for (const app of order) {
        const s = await run(site, datasets, drift, app, size, profile, rep);
        samples.push(s);
        const keys = s.unrelated ? `, keystroke median ${median(s.unrelated.map(k => k.ms)).toFixed(1)} ms` : '';
        const review = s.review ? `, review summary ${s.review.summaryMs.toFixed(0)} ms, review keystroke median ${median(s.review.keys.map(k => k.ms)).toFixed(1)} ms (${s.review.category}, ${s.review.rows} rows)` : '';
        console.log(`rep ${rep}/${REPS} ${app} ${size} ${profile}: first row ${s.firstRow.toFixed(0)} ms, all ${s.allRows.toFixed(0)} ms${keys}${review}`);
      }
    }
  }
  writeResults(samples, site.sites, { minutes: (Date.now() - started) / 60000 });
}

const median = xs => [...xs].sort((a, b) => a - b)[xs.length >> 1];

try {
  await main();
} catch (e) {
  console.error(`\nbenchmark FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  stopAll();
}
