// One cold load of one app in a fresh headless Chromium: a network profile and a disabled cache
// set through the DevTools protocol, the bytes each response took on the wire, and the page's
// marks checked against what it shows.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM, PROFILES } from './options.mjs';
import { probe } from './probe.js';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Proportional set size of the browser's renderer processes, in MiB. */
export async function rendererPss(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  let kb = 0;
  for (const p of processInfo.filter(p => p.type === 'renderer')) {
    try {
      const line = readFileSync(`/proc/${p.id}/smaps_rollup`, 'utf8').split('\n').find(l => l.startsWith('Pss:'));
      kb += Number(line.split(/\s+/)[1]);
    } catch { /* the process is gone */ }
  }
  return kb / 1024;
}

/** Opens a fresh browser on about:blank with the profile applied; `go()` then loads `url`. */
export async function openCold(ui, token, profileName) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(t => sessionStorage.setItem('scim-admin.token', t), token);
  await context.addInitScript(probe, ui);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const profile = PROFILES[profileName];
  const bytesPerSecond = (profile.mbps * 1e6) / 8;
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency,
    downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
  const requests = new Map(); // requestId → { url, start, end } (seconds, monotonic)
  const wire = { app: 0, api: 0, requests: 0 };
  cdp.on('Network.requestWillBeSent', e => requests.set(e.requestId, { url: e.request.url, start: e.timestamp }));
  cdp.on('Network.loadingFinished', e => {
    const r = requests.get(e.requestId);
    if (r) r.end = e.timestamp;
    const api = new URL(r?.url ?? 'http://x/').pathname.startsWith('/github/');
    wire[api ? 'api' : 'app'] += e.encodedDataLength;
    wire.requests += 1;
  });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  /** The first `n` requests: path, start and end in ms after the first one started. */
  const waterfall = (n = 8) => {
    const list = [...requests.values()].slice(0, n);
    const t0 = list[0]?.start ?? 0;
    return list.map(r => ({ path: new URL(r.url).pathname + new URL(r.url).search, start: (r.start - t0) * 1000, end: r.end ? (r.end - t0) * 1000 : null }));
  };
  return { browser, page, cdp, wire, errors, waterfall };
}

/** Loads the app and waits for its "all rows" mark; checks the marks against the page. */
export async function coldLoad(session, url, total, timeoutMs) {
  const { page } = session;
  await page.goto(url);
  try {
    await page.waitForFunction(() => window.__bench?.marks['scim-all-rows'], null, { timeout: timeoutMs, polling: 250 });
  } catch (e) {
    const state = await page.evaluate(() => window.__bench?.state()).catch(() => null);
    throw new Error(`no "all rows" mark within ${timeoutMs} ms at ${url}; the page shows ${JSON.stringify(state)}; errors: ${session.errors.join(' | ')}`);
  }
  const found = await page.evaluate(() => ({
    marks: window.__bench.marks,
    firstRow: performance.getEntriesByName('scim-first-row')[0]?.startTime,
    allRows: performance.getEntriesByName('scim-all-rows')[0]?.startTime,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    csp: window.__bench.csp,
  }));
  const first = found.marks['scim-first-row'], all = found.marks['scim-all-rows'];
  const fail = why => { throw new Error(`${url}: ${why}`); };
  if (!first || !(first.rows > 0) || !/@/.test(first.first ?? '')) fail(`"first row" marked with no row shown: ${JSON.stringify(first)}`);
  if (all.counts?.total !== total || all.counts?.shown !== total) fail(`"all rows" marked while showing ${JSON.stringify(all.counts)}, expected ${total} identities, ${total} shown`);
  if (all.scrollHeight < total * 33) fail(`"all rows" marked with a table ${all.scrollHeight}px tall, less than ${total} rows of 33px`);
  return { firstRow: found.firstRow, allRows: found.allRows, fcp: found.fcp, csp: found.csp };
}
