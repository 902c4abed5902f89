// The benchmark runner: the console, the vanilla baseline and the React peer, alternated, each
// run in a fresh headless Chromium, against the emulator on loopback. Writes bench/RESULTS.md
// and bench/RESULTS.json. Started by scripts/bench, which builds everything first.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import os from 'node:os';

const ROOT = new URL('..', import.meta.url).pathname;
const REPS = Number(process.env.BENCH_REPS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const LATENCIES = (process.env.BENCH_LATENCIES ?? '0,50').split(',').map(Number);
const BIG = Math.max(...SIZES);
// Where the table and the samples go (a partial run can be written beside the main results).
const OUT = process.env.BENCH_OUT ?? 'bench/RESULTS';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const APPS = {
  baseline: { dir: '.build/baseline', filter: '#filter', viewport: '#viewport' },
  console: { dir: '.build/console', filter: 'input[type=search][aria-keyshortcuts="/"]', viewport: '.table-viewport' },
  react: { dir: '.build/react', filter: '#filter', viewport: '#viewport' },
};

function assemble() {
  const build = join(ROOT, 'bench/.build');
  rmSync(build, { recursive: true, force: true });
  cpSync(join(ROOT, 'dist'), join(build, 'console'), { recursive: true });
  mkdirSync(join(build, 'baseline'), { recursive: true });
  for (const f of ['baseline/index.html', 'baseline/baseline.js', 'shared/load.js', 'table.css']) {
    cpSync(join(ROOT, 'bench', f), join(build, 'baseline', f.split('/').pop()));
  }
  mkdirSync(join(build, 'react'), { recursive: true });
  cpSync(join(ROOT, 'bench/react/index.html'), join(build, 'react/index.html'));
  cpSync(join(ROOT, 'bench/react/app.js'), join(build, 'react/app.js'));
  cpSync(join(ROOT, 'bench/table.css'), join(build, 'react/table.css'));
}

const children = [];
async function emulator(port, users, dir) {
  const child = spawn(join(ROOT, 'target/emulator/scim-emulator'), ['--listen', `127.0.0.1:${port}`,
    '--seed-users', String(users), '--static', join(ROOT, 'bench', dir), '--test-control',
    '--rate-limit', '1000000000', '--token', 'bench=authorized'], { stdio: 'ignore' });
  children.push(child);
  for (let i = 0; i < 600; i++) {
    try { await fetch(`http://127.0.0.1:${port}/config.json`); return `http://127.0.0.1:${port}`; } catch { await new Promise(r => setTimeout(r, 100)); }
  }
  throw new Error(`emulator on ${port} did not start`);
}

async function rendererPss(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  let kb = 0;
  for (const p of processInfo.filter(p => p.type === 'renderer')) {
    try {
      const line = readFileSync(`/proc/${p.id}/smaps_rollup`, 'utf8').split('\n').find(l => l.startsWith('Pss:'));
      kb += Number(line.split(/\s+/)[1]);
    } catch { /* the process ended */ }
  }
  return kb / 1024;
}

async function measure(app, url, size, latency) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(() => sessionStorage.setItem('scim-admin.token', 'bench'));
  const page = await context.newPage();
  const full = size === BIG && latency === 0;
  const out = { app, size, latency };
  await page.goto(`${url}/config.json`);
  const pssBefore = full ? await rendererPss(browser) : 0;
  await page.goto(`${url}/`);
  await page.waitForFunction(() => performance.getEntriesByName('scim-all-rows').length > 0, null, { timeout: 300_000, polling: 100 });
  Object.assign(out, await page.evaluate(() => ({
    firstRow: performance.getEntriesByName('scim-first-row')[0]?.startTime,
    allRows: performance.getEntriesByName('scim-all-rows')[0]?.startTime,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  })));
  if (full) {
    out.pss = (await rendererPss(browser)) - pssBefore;
    out.domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    out.keys = await keystrokes(page, APPS[app].filter);
    out.frames = await scrolling(page, APPS[app].viewport);
  }
  await browser.close();
  return out;
}

/** Quick-filter keystroke latency, 10 keys: from keydown to the frame being ready (the
 *  input's handlers, the app's updates and the forced style and layout), not counting the wait
 *  for the display's next refresh, which is the same for every app. */
async function keystrokes(page, selector) {
  await page.evaluate(() => {
    window.__lat = [];
    document.addEventListener('keydown', () => {
      const t0 = performance.now();
      setTimeout(() => {
        document.body.getBoundingClientRect();
        window.__lat.push(performance.now() - t0);
      }, 0);
    }, true);
  });
  await page.focus(selector);
  for (const key of [...'zoe.m', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(150);
  }
  return page.evaluate(() => window.__lat);
}

/** Frame times while scrolling 120 frames, 700 px a frame. */
async function scrolling(page, selector) {
  return page.evaluate(async sel => {
    const el = document.querySelector(sel);
    const frames = [];
    let last = performance.now();
    for (let i = 0; i < 120; i++) {
      await new Promise(r => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
      el.scrollTop += 700;
    }
    return frames;
  }, selector);
}

function transfer(dir) {
  const files = readdirSync(dir).filter(f => /\.(wasm|js|css)$/.test(f));
  let raw = 0, gz = 0, br = 0;
  for (const f of files) {
    const b = readFileSync(join(dir, f));
    raw += b.length; gz += gzipSync(b, { level: 9 }).length;
    br += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gzip: gz, brotli: br };
}

const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

async function main() {
  assemble();
  const urls = {};
  let port = 48850;
  for (const size of SIZES) for (const app of Object.keys(APPS)) urls[`${app}/${size}`] = await emulator(port++, size, APPS[app].dir);
  const results = [];
  for (let rep = 1; rep <= REPS; rep++) {
    for (const size of SIZES) for (const latency of LATENCIES) {
      // Alternate the order each repetition so no app always runs first.
      const order = Object.keys(APPS);
      for (let i = 0; i < rep - 1; i++) order.push(order.shift());
      for (const app of order) {
        const url = urls[`${app}/${size}`];
        await fetch(`${url}/_emulator/faults`, { method: 'DELETE' });
        if (latency) await fetch(`${url}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ delayMs: latency, method: 'GET', path: '/Users', count: 100000000 }) });
        const r = await measure(app, url, size, latency);
        results.push(r);
        console.log(`rep ${rep} ${app} ${size} ${latency}ms: first row ${r.firstRow?.toFixed(0)} ms, all ${r.allRows?.toFixed(0)} ms`);
      }
    }
  }
  const sizes = Object.fromEntries(Object.entries(APPS).map(([app, a]) => [app, transfer(join(ROOT, 'bench', a.dir))]));
  report(results, sizes);
}

function report(results, sizes) {
  const apps = Object.keys(APPS);
  const pick = (app, filter, f) => results.filter(r => r.app === app && filter(r)).map(f).filter(v => v !== undefined);
  const rows = [];
  const add = (name, filter, f, unit = 'ms', agg = median) => {
    const values = Object.fromEntries(apps.map(a => { const xs = pick(a, filter, f); return [a, { m: agg(xs), lo: Math.min(...xs), hi: Math.max(...xs) }]; }));
    rows.push({ name, unit, values });
  };
  const small = Math.min(...SIZES);
  add(`(a) cold load to first row painted, ${small} ids, 0 ms`, r => r.size === small && r.latency === 0, r => r.firstRow);
  add('(a) first contentful paint (cross-check), 0 ms', r => r.size === small && r.latency === 0, r => r.fcp);
  for (const size of SIZES) for (const latency of LATENCIES) {
    add(`(b) load and render all ${size.toLocaleString('en')}, ${latency} ms/request`, r => r.size === size && r.latency === latency, r => r.allRows);
  }
  const full = r => r.size === BIG && r.latency === 0;
  const keys = app => pick(app, full, r => r.keys).flat();
  const frames = app => pick(app, full, r => r.frames).flat();
  for (const [name, f] of [['(c) filter keystroke latency p50', xs => pct(xs, 0.5)], ['(c) filter keystroke latency p95', xs => pct(xs, 0.95)]]) {
    rows.push({ name: `${name}, ${BIG.toLocaleString('en')}`, unit: 'ms', values: Object.fromEntries(apps.map(a => [a, { m: f(keys(a)) }])) });
  }
  for (const [name, f, unit] of [['(d) scroll frame p50', xs => pct(xs, 0.5), 'ms'], ['(d) scroll frame p95', xs => pct(xs, 0.95), 'ms'], ['(d) long frames (> 50 ms) of 120 per run', xs => xs.filter(x => x > 50).length / REPS, '']]) {
    rows.push({ name: `${name}, ${BIG.toLocaleString('en')}`, unit, values: Object.fromEntries(apps.map(a => [a, { m: f(frames(a)) }])) });
  }
  add(`(e) renderer PSS increase, ${BIG.toLocaleString('en')}`, full, r => r.pss, 'MiB');
  add(`(e) DOM nodes, ${BIG.toLocaleString('en')}`, full, r => r.domNodes, '');
  for (const k of ['gzip', 'brotli']) rows.push({ name: `(f) wasm + JS + CSS, ${k}`, unit: 'KB', values: Object.fromEntries(apps.map(a => [a, { m: sizes[a][k] / 1000 }])) });

  const fmt = v => v === undefined || Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1);
  const cell = (row, app) => {
    const v = row.values[app];
    const spread = v.lo !== undefined && REPS > 1 && Number.isFinite(v.lo) ? ` (${fmt(v.lo)}–${fmt(v.hi)})` : '';
    const base = row.values.baseline.m;
    const ratio = app === 'baseline' || !(base > 0) ? '' : ` · ${(v.m / base).toFixed(2)}×`;
    return `${fmt(v.m)}${spread}${ratio}`;
  };
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmark results', '',
    `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, headless Chromium (Debian), emulator on loopback.`,
    `Medians of ${REPS} runs (min–max), each run in a fresh browser, apps alternated; ratios are to the vanilla baseline measured in the same run. Produced by \`scripts/bench\`.`, '',
    `| metric | unit | baseline (vanilla JS) | console (Leptos) | peer (React + TanStack) |`,
    '|---|---|---|---|---|',
    ...rows.map(r => `| ${r.name} | ${r.unit} | ${cell(r, 'baseline')} | ${cell(r, 'console')} | ${cell(r, 'react')} |`), '',
  ];
  writeFileSync(join(ROOT, `${OUT}.md`), lines.join('\n'));
  writeFileSync(join(ROOT, `${OUT}.json`), JSON.stringify({ date: new Date().toISOString(), cpu, reps: REPS, results, sizes }, null, 1));
  console.log(lines.join('\n'));
}

try { await main(); } finally { for (const c of children) c.kill(); }
