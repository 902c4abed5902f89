// What a run measures, from the environment. A full run (no BENCH_* narrowing) writes
// bench/RESULTS.md, bench/RESULTS.json and the README's table; a narrowed run writes only to
// BENCH_OUT (default bench/.build/partial/RESULTS), so the README never quotes a partial run.
//
//   BENCH_REPS      repetitions, each app in a fresh browser per scenario   (5)
//   BENCH_SIZES     identities in the emulator                              (10000,100000)
//   BENCH_APPS      apps to run; ratios need baseline                       (baseline,console,react,aggrid)
//   BENCH_PROFILES  network profiles of the cold loads                      (internal,remote)
//   BENCH_METRICS   load (cold loads), keys (filter), scroll, memory (memory, DOM), review (the
//                   drift review at the largest size, console only), reopen (the console from
//                   its saved copy)                                          (all six)
//   BENCH_OUT       where a narrowed run writes (path without .md/.json)
//   BENCH_PORT_BASE first of the ports used (emulators +1, +2…; sites +10…)  (24000)
//   BENCH_PROFILE_CPU=1  also save CPU profiles of the console (load, keystrokes) in bench/.build/profiles
const env = process.env;
const list = (name, fallback) => (env[name] ?? fallback).split(',').map(s => s.trim()).filter(Boolean);

export const ALL_APPS = ['baseline', 'console', 'react', 'aggrid'];
export const NARROWED = ['BENCH_REPS', 'BENCH_SIZES', 'BENCH_APPS', 'BENCH_PROFILES', 'BENCH_METRICS'].some(n => env[n] !== undefined);
export const REPS = Number(env.BENCH_REPS ?? 5);
export const SIZES = list('BENCH_SIZES', '10000,100000').map(Number).sort((a, b) => a - b);
export const APPS = list('BENCH_APPS', ALL_APPS.join(','));
export const PROFILE_NAMES = list('BENCH_PROFILES', 'internal,remote');
export const METRICS = new Set(list('BENCH_METRICS', 'load,keys,scroll,memory,review,reopen'));
export const OUT = env.BENCH_OUT ?? (NARROWED ? 'bench/.build/partial/RESULTS' : 'bench/RESULTS');
export const PORT_BASE = Number(env.BENCH_PORT_BASE ?? 24000);
export const PROFILE_CPU = env.BENCH_PROFILE_CPU === '1';
export const CHROMIUM = env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
export const BIG = Math.max(...SIZES);
export const SMALL = Math.min(...SIZES);

/** Network profiles, applied through the DevTools protocol (Network.emulateNetworkConditions). */
export const PROFILES = {
  internal: { title: 'internal site', latency: 20, mbps: 50 },
  remote: { title: 'remote office', latency: 150, mbps: 5 },
};

/** How the harness finds each app's parts. `rows` selects the rendered data rows. */
export const APP_UI = {
  baseline: { title: 'baseline (vanilla JS)', filter: '#filter', counts: '#counts', viewport: '#viewport',
    rows: '#body tr:not(.spacer):not([hidden])' },
  console: { title: 'console (Leptos)', filter: 'input[type=search][aria-keyshortcuts="/"]', counts: '.counts',
    viewport: '.table-viewport', rows: '.table-viewport tbody tr:not(.spacer)' },
  react: { title: 'React 19 + TanStack Virtual', filter: '#filter', counts: '#counts', viewport: '#viewport',
    rows: '#viewport tbody tr:not(.spacer)' },
  aggrid: { title: 'AG Grid Community', filter: '#filter', counts: '#counts', viewport: '.ag-grid-viewport',
    rows: '.ag-grid-scrolling-container .ag-row' },
};

for (const app of APPS) if (!APP_UI[app]) throw new Error(`BENCH_APPS: unknown app ${app} (known: ${ALL_APPS.join(', ')})`);
for (const p of PROFILE_NAMES) if (!PROFILES[p]) throw new Error(`BENCH_PROFILES: unknown profile ${p} (known: internal, remote)`);
for (const m of METRICS) if (!['load', 'keys', 'scroll', 'memory', 'review', 'reopen'].includes(m)) throw new Error(`BENCH_METRICS: unknown metric ${m}`);
if (!(REPS >= 1) || SIZES.some(n => !(n >= 1))) throw new Error('BENCH_REPS and BENCH_SIZES must be positive numbers');
