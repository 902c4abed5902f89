// Turns the samples of one run into bench/RESULTS.md, bench/RESULTS.json (every sample) and,
// for a full run only, the README's table between <!-- bench:start --> and <!-- bench:end -->.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import os from 'node:os';
import { APP_UI, APPS, METRICS, NARROWED, OUT, PROFILE_NAMES, PROFILES, REPS, SIZES } from './options.mjs';
import { TYPE_AND_DELETE, UNRELATED } from './queries.mjs';
import { metricRows, budgetLines } from './metrics.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const PEERS = ['react', 'aggrid'];

/** Bytes of the app's wasm, JS and CSS as served: the precompressed .br and .gz files. */
function staticSizes(site) {
  const out = { raw: 0, gzip: 0, brotli: 0 };
  for (const name of readdirSync(site, { recursive: true })) {
    if (!/\.(wasm|js|css)$/.test(name)) continue;
    const file = join(site, name);
    out.raw += statSync(file).size;
    out.gzip += statSync(`${file}.gz`).size;
    out.brotli += statSync(`${file}.br`).size;
  }
  return out;
}

const fmt = v => (v === undefined || Number.isNaN(v) || !Number.isFinite(v) ? '–' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));
const ratio = (a, b) => (a > 0 && b > 0 ? `${(a / b).toFixed(2)}×` : b === 0 && a === 0 ? '1.00×' : '–');

function cell(v) {
  if (!v) return '–';
  const spread = v.n > 1 && v.lo !== v.hi ? ` (${fmt(v.lo)}–${fmt(v.hi)})` : '';
  return `${fmt(v.m)}${spread}`;
}

function table(rows) {
  const apps = APPS;
  const head = ['metric', 'unit', ...apps.map(a => APP_UI[a].title)];
  const withConsole = apps.includes('console');
  if (withConsole) head.push('console ÷ baseline', 'console ÷ best peer');
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const cells = [r.name, r.unit, ...apps.map(a => cell(r.values[a]))];
    if (withConsole) {
      const c = r.values.console?.m;
      const peers = PEERS.map(p => r.values[p]?.m).filter(v => v !== undefined && !Number.isNaN(v));
      cells.push(ratio(c, r.values.baseline?.m), peers.length ? ratio(c, Math.min(...peers)) : '–');
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

export function writeResults(samples, sites, { minutes }) {
  const sizes = Object.fromEntries(APPS.map(a => [a, staticSizes(sites[a])]));
  const rows = metricRows(samples, sizes);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const chromiumCsp = [...new Set(samples.flatMap(s => (s.csp ?? []).map(v => `${s.app}: ${v}`)))];
  const when = new Date().toISOString().slice(0, 10);
  const header = [
    `${when}, ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; headless Chromium (Debian); ` +
      `nginx (Debian) with the deploy configuration, brotli/gzip precompressed assets; emulator behind the site's /github proxy. ` +
      `${REPS} repetitions, each app in a fresh browser per scenario, apps taking turns; ${Math.round(minutes)} minutes.`,
    `Cells: median of the runs (min–max of the runs). Percentiles are per run (nearest rank) over every keystroke or frame of that run. ` +
      `Ratios compare medians; the best peer is the better of React and AG Grid on that line. Lower is better on every line.`,
  ];
  const budgets = budgetLines(rows);
  const md = [
    '# Benchmark results', '',
    ...header, '',
    ...table(rows), '',
    ...(budgets.length ? ['Issue 13\'s budgets for the console:', '', ...budgets, ''] : []),
    ...(chromiumCsp.length ? [`Content-Security-Policy refusals seen (the site's policy, the same for every app): ${chromiumCsp.join('; ')}.`, ''] : []),
    'Produced by `scripts/bench` (`bench/run.mjs`); every sample is in `RESULTS.json`.', '',
  ].join('\n');
  const out = join(ROOT, OUT);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.md`, md);
  writeFileSync(`${out}.json`, JSON.stringify({ date: new Date().toISOString(), cpu, cores: os.cpus().length, reps: REPS,
    sizes: SIZES, profiles: Object.fromEntries(PROFILE_NAMES.map(p => [p, PROFILES[p]])), metrics: [...METRICS],
    queries: { unrelated: UNRELATED, typeAndDelete: TYPE_AND_DELETE }, staticSizes: sizes, rows, samples }, null, 1));
  console.log(md);
  console.log(`written: ${OUT}.md, ${OUT}.json`);
  if (!NARROWED) updateReadme([...header, '', ...table(rows), '', ...budgets].join('\n'));
}

function updateReadme(body) {
  const path = join(ROOT, 'README.md');
  const text = readFileSync(path, 'utf8');
  const start = '<!-- bench:start -->', end = '<!-- bench:end -->';
  const a = text.indexOf(start), b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${start} … ${end} markers for the benchmark table`);
  writeFileSync(path, `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`);
  console.log('written: README.md (benchmark table)');
}

