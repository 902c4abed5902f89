// Every app served as a site serves it: Debian's nginx with the deploy configuration
// (deploy/render-nginx-conf, used as it is), precompressed brotli and gzip assets, and the SCIM
// API of the emulator behind the site's proxy prefix (/github), the same path for every app.
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = new URL('../..', import.meta.url).pathname;
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(p => { try { return statSync(p).isFile(); } catch { return false; } });
const ORG = 'acme-corp';
const TOKEN = 'bench';
/** Every app reads this config.json: the API through the site's proxy prefix, with the token kept
 *  for the tab (sessionStorage), which the console reconnects with and nginx replaces. */
const CONFIG = { mode: 'direct', apiBase: '/github', org: ORG, lockApiBase: true };
const COMPRESSED = /\.(html|js|mjs|css|wasm|svg)$/;
const children = [];

export const stopAll = () => { for (const c of children) c.kill(); };

/** Writes `f.br` (brotli 11) and `f.gz` (gzip 9) beside every compressible file under `dir`. */
function precompress(dir) {
  for (const name of readdirSync(dir, { recursive: true })) {
    const file = join(dir, name);
    if (!COMPRESSED.test(name) || !statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
}

/** Copies each app's build into a site folder with config.json, precompressed. */
function assemble(work, apps, builds) {
  const sites = {};
  for (const app of apps) {
    const from = builds[app] ?? (app === 'console' ? join(ROOT, 'dist') : join(ROOT, 'bench/.build/peers', app));
    const site = join(work, 'site', app);
    cpSync(from, site, { recursive: true });
    for (const name of readdirSync(site, { recursive: true })) if (/\.(br|gz)$/.test(name)) rmSync(join(site, name));
    writeFileSync(join(site, 'config.json'), `${JSON.stringify(CONFIG)}\n`);
    precompress(site);
    sites[app] = site;
  }
  return sites;
}

async function waitFor(url, what) {
  for (let i = 0; i < 1200; i++) {
    try { await fetch(url); return; } catch { await new Promise(r => setTimeout(r, 100)); }
  }
  throw new Error(`${what} did not answer on ${url}`);
}

function start(command, args, what) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', code => { if (code && !child.killed) console.error(`${what} exited with ${code}`); });
  children.push(child);
  return child;
}

/** Starts one emulator per size and one nginx serving every (app, size) on its own port;
 *  `builds` may name another folder for an app's build. Returns { url(app, size), api(size), … }. */
export async function startSites(apps, sizes, portBase, builds = {}) {
  if (!NGINX) throw new Error('nginx is not installed (scripts/bench installs it)');
  const work = mkdtempSync(join(tmpdir(), 'scim-bench-'));
  chmodSync(work, 0o755); // nginx's workers read the sites from here
  process.on('exit', () => rmSync(work, { recursive: true, force: true }));
  const sites = assemble(work, apps, builds);
  const api = {}, urls = {};
  sizes.forEach((size, i) => {
    const port = portBase + 1 + i;
    api[size] = `http://127.0.0.1:${port}`;
    start(join(ROOT, 'target/emulator/scim-emulator'), ['--listen', `127.0.0.1:${port}`, '--org', ORG,
      '--seed-users', String(size), '--rate-limit', '1000000000', '--token', `${TOKEN}=authorized`], `emulator (${size})`);
  });
  const credential = join(work, 'credential.conf');
  writeFileSync(credential, `proxy_set_header Authorization "Bearer ${TOKEN}";\n`, { mode: 0o600 });
  let port = portBase + 10;
  for (const app of apps) for (const size of sizes) {
    urls[`${app}/${size}`] = `http://127.0.0.1:${port}`;
    execFileSync(join(ROOT, 'deploy/render-nginx-conf'), [join(work, 'conf', `${app}-${size}`)], {
      stdio: 'ignore',
      env: { ...process.env, LISTEN: `127.0.0.1:${port++}`, SERVER_NAME: '127.0.0.1', ORG, DIST: sites[app],
        API_UPSTREAM: api[size], CREDENTIAL_FILE: credential },
    });
  }
  const main = readFileSync(join(ROOT, 'bench/nginx.conf'), 'utf8').replaceAll('@WORK@', work);
  writeFileSync(join(work, 'nginx.conf'), main);
  execFileSync(NGINX, ['-t', '-q', '-c', join(work, 'nginx.conf'), '-p', work], { stdio: 'inherit' });
  start(NGINX, ['-c', join(work, 'nginx.conf'), '-p', work, '-g', 'daemon off;'], 'nginx');
  for (const size of sizes) await waitFor(`${api[size]}/scim/v2/organizations/${ORG}/Users?count=1`, `emulator (${size})`);
  for (const u of Object.values(urls)) await waitFor(`${u}/config.json`, 'nginx');
  return { url: (app, size) => urls[`${app}/${size}`], api: size => api[size], token: TOKEN, org: ORG, sites };
}
