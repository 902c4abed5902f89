// Where the time goes (not part of the benchmark's figures): loads one size in each app under
// the "internal site" profile with V8's sampling profiler on, then types the unrelated queries
// and scrolls with it on again, and prints the functions with the most self time and the main
// thread's time by kind of work (from Chromium traces).
// Writes bench/.build/profiles/<app>-{load,keys,scroll}.cpuprofile (open in DevTools) and
// <app>-{load,keys,scroll}.trace.json. BENCH_APPS, BENCH_SIZES (the largest is used) choose. The console is
// profiled as a release build that keeps its function names (built here by Trunk from
// index.html into bench/.build/console-names), so the wasm's functions are named.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coldLoad, openCold } from './lib/browser.mjs';
import { loadDataset } from './lib/dataset.mjs';
import { scrolling, unrelatedQueries } from './lib/interact.mjs';
import { APP_UI, APPS, BIG, PORT_BASE } from './lib/options.mjs';
import { UNRELATED } from './lib/queries.mjs';
import { startSites, stopAll } from './lib/site.mjs';

const OUT = new URL('.build/profiles/', import.meta.url).pathname;
const ROOT = new URL('..', import.meta.url).pathname;

/** The release console with its name section kept (wasm-opt -g, wasm-bindgen --keep-debug). */
function buildNamedConsole() {
  const html = readFileSync(join(ROOT, 'index.html'), 'utf8')
    .replace(/href="(?!\/|https?:)/g, 'href="../../')
    .replace(/<link data-trunk rel="rust"/, '<link data-trunk rel="rust" href="../../Cargo.toml" data-wasm-opt-params="-g" data-keep-debug');
  writeFileSync(join(ROOT, 'bench/.build/index.names.html'), html);
  const dist = join(ROOT, 'bench/.build/console-names');
  execFileSync('trunk', ['build', '--release', '--offline', '--dist', dist, 'bench/.build/index.names.html'], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` },
  });
  return dist;
}

function selfTimes(profile, top = 20) {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const where = f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return { total, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, top) };
}

/** Time by event name on the busiest renderer main thread (the page's, after navigation). */
function mainThreadWork(trace) {
  const events = trace.traceEvents ?? trace;
  const mains = new Set(events.filter(e => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(e => `${e.pid}/${e.tid}`));
  const byThread = new Map();
  for (const e of events) {
    const thread = `${e.pid}/${e.tid}`;
    if (!mains.has(thread) || e.ph !== 'X' || !e.dur) continue;
    if (!byThread.has(thread)) byThread.set(thread, new Map());
    const work = byThread.get(thread);
    work.set(e.name, (work.get(e.name) ?? 0) + e.dur / 1000);
  }
  const total = work => [...work.values()].reduce((a, b) => a + b, 0);
  const busiest = [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? new Map();
  return [...busiest].sort((a, b) => b[1] - a[1]).slice(0, 15);
}

const print = (title, { total, top }) => {
  console.log(`\n${title}: ${total.toFixed(0)} ms sampled`);
  for (const [name, ms] of top) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${(100 * ms / total).toFixed(1).padStart(5)} %  ${name}`);
};

mkdirSync(OUT, { recursive: true });
const site = await startSites(APPS, [BIG], PORT_BASE, { console: APPS.includes('console') ? buildNamedConsole() : undefined });
try {
  const dataset = await loadDataset(site.api(BIG), site.org, site.token);
  for (const app of APPS) {
    const s = await openCold(APP_UI[app], site.token, 'internal');
    try {
      await s.cdp.send('Profiler.enable');
      await s.cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await s.browser.startTracing(s.page, { categories: ['devtools.timeline', 'v8'] });
      await s.cdp.send('Profiler.start');
      const load = await coldLoad(s, `${site.url(app, BIG)}/`, dataset.total, 300_000);
      const loadProfile = (await s.cdp.send('Profiler.stop')).profile;
      const loadTrace = JSON.parse((await s.browser.stopTracing()).toString());
      writeFileSync(join(OUT, `${app}-load.cpuprofile`), JSON.stringify(loadProfile));
      writeFileSync(join(OUT, `${app}-load.trace.json`), JSON.stringify(loadTrace));
      console.log(`${app}: main thread while loading, by trace event (inclusive, nested events overlap):`);
      for (const [name, t] of mainThreadWork(loadTrace)) console.log(`  ${t.toFixed(0).padStart(8)} ms  ${name}`);
      print(`${app}: loading ${BIG} (first row at ${load.firstRow.toFixed(0)} ms, all rows at ${load.allRows.toFixed(0)} ms)`, selfTimes(loadProfile));
      console.log(`${app}: the first requests (ms after the page's request; profiler on):`);
      for (const r of s.waterfall()) console.log(`  ${r.start.toFixed(0).padStart(6)} → ${r.end === null ? '?' : r.end.toFixed(0).padStart(6)}  ${r.path.slice(0, 90)}`);
      await s.browser.startTracing(s.page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
      await s.cdp.send('Profiler.start');
      const keys = await unrelatedQueries(s.page, s.cdp, APP_UI[app], dataset, UNRELATED, app);
      const keysProfile = (await s.cdp.send('Profiler.stop')).profile;
      const trace = JSON.parse((await s.browser.stopTracing()).toString());
      writeFileSync(join(OUT, `${app}-keys.cpuprofile`), JSON.stringify(keysProfile));
      writeFileSync(join(OUT, `${app}-keys.trace.json`), JSON.stringify(trace));
      const ms = keys.map(k => k.ms).sort((a, b) => a - b);
      print(`${app}: ${keys.length} keystrokes (median ${ms[ms.length >> 1].toFixed(1)} ms, slowest ${ms.at(-1).toFixed(0)} ms; profiler on)`, selfTimes(keysProfile));
      console.log(`${app}: main thread during the keystrokes, by trace event (inclusive, nested events overlap):`);
      for (const [name, t] of mainThreadWork(trace)) console.log(`  ${t.toFixed(0).padStart(8)} ms  ${name}`);
      await s.browser.startTracing(s.page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
      await s.cdp.send('Profiler.start');
      const frames = await scrolling(s.page, APP_UI[app], app);
      const scrollProfile = (await s.cdp.send('Profiler.stop')).profile;
      const scrollTrace = JSON.parse((await s.browser.stopTracing()).toString());
      writeFileSync(join(OUT, `${app}-scroll.cpuprofile`), JSON.stringify(scrollProfile));
      writeFileSync(join(OUT, `${app}-scroll.trace.json`), JSON.stringify(scrollTrace));
      const f = [...frames].sort((a, b) => a - b);
      print(`${app}: scrolling 120 frames (median ${f[f.length >> 1].toFixed(1)} ms, p95 ${f[Math.floor(f.length * 0.95)].toFixed(1)} ms; profiler on)`, selfTimes(scrollProfile));
      console.log(`${app}: main thread while scrolling, by trace event (inclusive, nested events overlap):`);
      for (const [name, t] of mainThreadWork(scrollTrace)) console.log(`  ${t.toFixed(0).padStart(8)} ms  ${name}`);
    } finally {
      await s.browser.close();
    }
  }
} finally {
  stopAll();
}
