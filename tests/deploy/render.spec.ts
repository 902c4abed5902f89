// deploy/render-nginx-conf refuses what would be unsafe to run: a proxy that trusts whoever
// reaches it (unless acknowledged, with a warning), a credential sent over plain http, a
// mode without its settings. Direct mode renders no proxy and needs no credential.
import { test, expect } from '../e2e/fixtures';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { raw, resetUpstream, upstreamSaw, USERS, WRITE } from './helpers';

const base = {
  PATH: process.env.PATH!, LISTEN: '127.0.0.1:8080', SERVER_NAME: 'scim-admin.corp.example', DIST: '/srv/scim-admin',
  ORG: 'acme-corp', UPSTREAM_CA: '/etc/ssl/certs/ca-certificates.crt',
};

function render(env: Record<string, string>) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'render-'));
  const run = spawnSync('deploy/render-nginx-conf', [out], { env: { ...base, ...env }, encoding: 'utf8' });
  const files = run.status === 0 ? fs.readdirSync(out) : [];
  const read = (name: string) => fs.readFileSync(path.join(out, name), 'utf8');
  return { status: run.status, stderr: run.stderr, files, read };
}

test('proxy mode refuses to render without an authentication choice', () => {
  const refused: [Record<string, string>, RegExp][] = [
    [{}, /choose who may use it/],
    [{ MODE: 'proxy', AUTH: 'none' }, /AUTH_NONE_ACKNOWLEDGED/],
    [{ AUTH: 'none', AUTH_NONE_ACKNOWLEDGED: 'yes' }, /AUTH_NONE_ACKNOWLEDGED/],
    [{ AUTH: 'mtls' }, /CLIENT_CA/],
    [{ AUTH: 'mtls', CLIENT_CA: '/etc/ssl/certs/ca-certificates.crt' }, /LISTEN must say ssl/],
    [{ AUTH: 'gateway' }, /AUTH_URL/],
    [{ AUTH: 'gateway', AUTH_URL: 'http://127.0.0.1:4180/oauth2/auth' }, /origin/],
    [{ AUTH: 'oauth' }, /choose who may use it/],
    [{ MODE: 'reverse' }, /MODE must be direct or proxy/],
  ];
  for (const [env, why] of refused) {
    const run = render(env);
    expect(run.status, JSON.stringify(env)).not.toBe(0);
    expect(run.stderr, JSON.stringify(env)).toMatch(why);
  }
});

test('AUTH=none renders only when acknowledged, and says so', () => {
  const run = render({ AUTH: 'none', AUTH_NONE_ACKNOWLEDGED: 'anyone-who-reaches-the-site-is-owner' });
  expect(run.status).toBe(0);
  expect(run.stderr).toContain('WARNING: AUTH=none: anyone who reaches scim-admin.corp.example acts with');
});

test('a plain-http upstream is refused unless explicitly allowed', () => {
  const gateway = { AUTH: 'gateway', AUTH_URL: 'http://127.0.0.1:4180' };
  const refused = render({ ...gateway, API_UPSTREAM: 'http://api.github.com' });
  expect(refused.status).not.toBe(0);
  expect(refused.stderr).toContain('plain http');
  expect(render({ ...gateway, API_UPSTREAM: 'http://github-proxy.corp.example', ALLOW_HTTP_UPSTREAM: 'yes' }).status).toBe(0);
});

test('direct mode: no proxy location, no credential, the API origin in the CSP', () => {
  const run = render({ MODE: 'direct', ORG: '', CREDENTIAL_FILE: '/nonexistent' });
  expect(run.status).toBe(0);
  expect(run.files.sort()).toEqual(['scim-admin-security-headers.conf', 'scim-admin.conf']);
  const conf = run.read('scim-admin.conf');
  expect(conf).not.toMatch(/proxy_pass|js_import|include[^;]*(credential|proxy|auth)/);
  expect(run.read('scim-admin-security-headers.conf')).toContain("connect-src 'self' https://api.github.com;");
  // And proxy mode keeps connect-src to the site itself.
  const proxy = render({ AUTH: 'gateway', AUTH_URL: 'http://127.0.0.1:4180', CONNECT_SRC: 'https://api.github.com' });
  expect(proxy.status).not.toBe(0);
});

test('a direct-mode site forwards nothing: the proxy prefix is only the app', async () => {
  await resetUpstream();
  const direct = new URL(process.env.DIRECT_SITE_URL!);
  const answer = await raw('DELETE', '/github/orgs/acme-corp/members/octocat', WRITE, '', direct);
  expect(answer.status).not.toBe(204);
  const list = await raw('GET', `${USERS}?count=1`, {}, '', direct);
  expect(list.headers['content-type']).toContain('text/html');
  expect((await raw('GET', '/', {}, '', direct)).headers['content-security-policy'])
    .toContain("connect-src 'self' https://api.github.com;");
  expect(await upstreamSaw()).toEqual([]);
});
