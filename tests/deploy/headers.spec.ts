// The security headers of deploy/security-headers on every kind of answer the site gives
// (nginx's add_header is per location, so each kind is read), the upstream's cookie and
// caching headers hidden, and only an explicit list of the browser's headers sent to GitHub.
import { test, expect } from '../e2e/fixtures';
import * as fs from 'node:fs';
import { raw, resetUpstream, USERS, WRITE } from './helpers';

const SECURITY: Record<string, RegExp> = {
  'content-security-policy': /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval';.*frame-ancestors 'none'$/,
  'strict-transport-security': /^max-age=(3153[6-9]\d{3}|31[6-9]\d{5}|3[2-9]\d{6}|[4-9]\d{7}|\d{9,})/,
  'cross-origin-resource-policy': /^same-origin$/,
  'cross-origin-opener-policy': /^same-origin$/,
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^DENY$/,
  'referrer-policy': /^no-referrer$/,
};

test.beforeEach(resetUpstream);

test('every kind of answer carries the security headers', async () => {
  const index = await raw('GET', '/');
  const wasm = index.body.match(/href="\/([^"]+_bg\.wasm)"/)![1];
  const q = JSON.parse(fs.readFileSync(process.env.GRAPHQL_QUERIES!, 'utf8'));
  const graphqlRefused = JSON.stringify({ query: `${q.DRIFT_QUERY} `, variables: { org: 'acme-corp', after: null } });
  const limits = new URL(process.env.LIMITS_SITE_URL!);
  const gateway = new URL(process.env.GATEWAY_SITE_URL!);
  const kinds: [string, Promise<{ status: number; headers: Record<string, unknown> }>, number][] = [
    ['the entry page', raw('GET', '/'), 200],
    ['a client route', raw('GET', '/identities/abc'), 200],
    ['a hashed asset', raw('GET', `/${wasm}`), 200],
    ['config.json', raw('GET', '/config.json'), 200],
    ['a proxied answer', raw('GET', `${USERS}?count=1`), 200],
    ['a proxied error', raw('GET', `${USERS}/00000000-0000-4000-8000-000000000000`), 404],
    ['an allowlist 403', raw('GET', '/github/user'), 403],
    ['a GraphQL allowlist 403', raw('POST', '/github/graphql', { ...WRITE, 'Content-Type': 'application/json' }, graphqlRefused), 403],
    ['a missing asset', raw('GET', '/missing-0123456789abcdef.js'), 404],
    ['whoami', raw('GET', '/_site/whoami'), 200],
    ['the site’s 401', raw('GET', `${USERS}?count=1`, {}, '', gateway), 401],
    ['the sign-in redirect', raw('GET', '/', {}, '', gateway), 302],
  ];
  for (const [what, answer, status] of kinds) {
    const { status: got, headers } = await answer;
    expect(got, what).toBe(status);
    for (const [name, value] of Object.entries(SECURITY)) expect(String(headers[name]), `${what}: ${name}`).toMatch(value);
  }
  // A 429 of the limited site.
  let limited;
  for (let i = 0; i < 4 && !limited; i++) {
    const answer = await raw('DELETE', '/github/orgs/acme-corp/members/nobody-here', WRITE, '', limits);
    if (answer.status === 429) limited = answer;
  }
  for (const [name, value] of Object.entries(SECURITY)) expect(String(limited!.headers[name]), `429: ${name}`).toMatch(value);
});

test("the upstream's cookie and caching stay behind; the browser's headers do not reach GitHub", async () => {
  const answer = await raw('GET', `${USERS}?count=1`, {
    Cookie: 'site_session=browser-cookie', Origin: 'http://127.0.0.1', Referer: 'http://127.0.0.1/secret-page',
    'X-Evil': 'injected', 'User-Agent': 'browser/1.0', 'Accept-Language': 'de', 'Sec-Fetch-Site': 'same-origin',
    Accept: 'application/scim+json',
  });
  expect(answer.status).toBe(200);
  expect(answer.headers['set-cookie']).toBeUndefined();
  expect(answer.headers['etag']).toBeUndefined();
  expect(answer.headers['cache-control']).toBe('no-store');
  expect(answer.headers['x-github-request-id']).toBeTruthy();
  expect(answer.headers['x-ratelimit-remaining']).toBeTruthy();
  const log = fs.readFileSync(process.env.UPSTREAM_HEADERS_LOG!, 'utf8').trim().split('\n');
  const received = JSON.parse(log[log.length - 1]);
  expect(received).toEqual({
    uri: '/scim/v2/organizations/acme-corp/Users?count=1', cookie: '', origin: '', referer: '', x_evil: '',
    user_agent: 'scim-admin-proxy', x_requested_with: '', sec_fetch_site: '', accept_language: '',
  });
});
