// The proxy holds an owner's credential, so it must be no open relay: it forwards only the calls
// the console makes, for its organization, from the console itself, to a verified API host.
// Every attack below is sent as raw HTTP (paths exactly as written: no client-side resolving
// of `..` or escapes) and must be refused by nginx, which the emulator's request log proves:
// nothing reaches "GitHub".
import { test, expect } from '../e2e/fixtures';
import * as fs from 'node:fs';
import { raw, resetUpstream, site, upstreamSaw, USERS, WRITE } from './helpers';

test.beforeEach(resetUpstream);

test('only the calls the console makes, for its organization, are forwarded', async () => {
  const refused: [string, string][] = [
    // Paths outside the allowlist, dot segments and escapes that would resolve outside it.
    ['GET', '/github/user'],
    ['GET', '/github/user/repos'],
    ['GET', `${USERS}/../../../../user`],
    ['GET', `${USERS}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/user`],
    ['GET', `${USERS}/%2E%2E/.%2e/%2e./..%2Fuser`],
    ['GET', `${USERS}/x%2F..%2F..%2F..%2F..%2F..%2Fuser`],
    ['GET', `${USERS}%2F..%2F..%2F..%2F..%2Fuser`],
    ['GET', `${USERS}/..\\..\\..\\..\\user`],
    ['GET', `${USERS}/x%00`],
    ['GET', `${USERS}/x%0d%0aX-Injected:%201`],
    ['GET', `${USERS}/./`],
    ['GET', '/github//scim/v2/organizations/acme-corp/Users'],
    ['GET', '/github/scim/v2/organizations/acme-corp//Users'],
    ['GET', '/github/scim/v2/organizations/acme-corp/Users;x=1'],
    ['GET', '/github/scim/v2/organizations/acme-corp/users'],
    ['GET', '/github/SCIM/v2/organizations/acme-corp/Users'],
    ['GET', '/github/scim/v2/organizations/acme-corp/Groups'],
    ['GET', '/github/scim/v2/enterprises/acme-corp/Users'],
    // Other organizations, however they are spelled.
    ['GET', '/github/scim/v2/organizations/other-org/Users'],
    ['GET', '/github/scim/v2/organizations/acme-corp-evil/Users'],
    ['GET', '/github/scim/v2/organizations/acme%2Dcorp/Users'],
    ['GET', '/github/scim/v2/organizations/other-org/../acme-corp/Users'],
    ['GET', '/github/orgs/other-org/members'],
    ['GET', '/github/orgs/acme-corp/members/../../other-org/members'],
    ['DELETE', '/github/orgs/other-org/members/octocat'],
    // Methods the console never uses on these paths, and paths it never calls.
    ['DELETE', USERS],
    ['PUT', USERS],
    ['POST', `${USERS}/abc`],
    ['OPTIONS', USERS],
    ['HEAD', USERS],
    ['PUT', '/github/orgs/acme-corp/memberships/octocat'],
    ['DELETE', '/github/orgs/acme-corp/memberships/octocat'],
    ['POST', '/github/orgs/acme-corp/invitations'],
    ['DELETE', '/github/orgs/acme-corp/invitations/x1'],
    ['DELETE', '/github/orgs/acme-corp/outside_collaborators/octocat'],
    ['GET', '/github/orgs/acme-corp'],
    ['DELETE', '/github/orgs/acme-corp'],
    ['PATCH', '/github/orgs/acme-corp'],
    ['GET', '/github/orgs/acme-corp/repos'],
    ['POST', '/github/orgs/acme-corp/hooks'],
    ['GET', '/github/graphql'],
    ['POST', '/github/graphql/x'],
    // An absolute URI in the request line names another host.
    ['GET', `http://evil.example${USERS}`],
  ];
  for (const [method, path] of refused) {
    const answer = await raw(method, path, WRITE, method === 'POST' || method === 'PUT' ? '{}' : '');
    expect([400, 403, 405, 421], `${method} ${path}: ${answer.status} ${answer.body}`).toContain(answer.status);
  }
  expect(await upstreamSaw()).toEqual([]);

  // The same calls the console makes do pass, in any case of the organization's name.
  const allowed: [string, string, number][] = [
    ['GET', `${USERS}?startIndex=1&count=1`, 200],
    ['GET', '/github/scim/v2/organizations/ACME-Corp/Users?count=0', 200],
    ['GET', `${USERS}/00000000-0000-4000-8000-000000000000`, 404],
  ];
  for (const [method, path, status] of allowed) {
    expect((await raw(method, path, WRITE)).status, `${method} ${path}`).toBe(status);
  }
  expect((await upstreamSaw()).map(r => r.uri)).toEqual([
    '/scim/v2/organizations/acme-corp/Users?startIndex=1&count=1',
    '/scim/v2/organizations/ACME-Corp/Users?count=0',
    '/scim/v2/organizations/acme-corp/Users/00000000-0000-4000-8000-000000000000',
  ]);
});

test('a page on another site cannot write through the proxy (CSRF) or rebind to it', async () => {
  const person = JSON.stringify({ userName: 'csrf@evil.example' });
  const crossSite = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' };
  const attempts: [string, string, Record<string, string>][] = [
    // A form or a no-cors fetch: a "simple" request, no preflight, text/plain.
    ['POST', USERS, { ...crossSite, 'Content-Type': 'text/plain' }],
    ['POST', USERS, { ...crossSite, 'Content-Type': 'application/x-www-form-urlencoded' }],
    // An old browser that sends no Sec-Fetch-Site: the missing custom header gives it away.
    ['POST', USERS, { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }],
    ['POST', '/github/graphql', { 'Content-Type': 'text/plain' }],
    ['DELETE', `${USERS}/x`, {}],
    ['PUT', `${USERS}/x`, { 'Content-Type': 'application/scim+json' }],
    ['PATCH', `${USERS}/x`, { 'Content-Type': 'application/scim+json' }],
    ['DELETE', '/github/orgs/acme-corp/members/octocat', {}],
    ['POST', USERS, { 'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/scim+json' }],
    // The custom header with a browser saying the page is not this site's.
    ['POST', USERS, { ...WRITE, 'Sec-Fetch-Site': 'cross-site' }],
    ['POST', USERS, { ...WRITE, 'Sec-Fetch-Site': 'same-site' }],
    ['POST', USERS, { ...WRITE, 'Sec-Fetch-Site': 'none' }],
    ['GET', USERS, { 'Sec-Fetch-Site': 'cross-site' }],
    // DNS rebinding: the attacker's name resolving to the site; same-origin in the browser's eyes.
    ['POST', USERS, { ...WRITE, 'Sec-Fetch-Site': 'same-origin', Host: `evil.example:${site.port}` }],
    ['GET', USERS, { Host: `evil.example:${site.port}` }],
  ];
  for (const [method, path, headers] of attempts) {
    const answer = await raw(method, path, headers, method === 'DELETE' ? '' : person);
    expect([403, 421], `${method} ${path} ${JSON.stringify(headers)}: ${answer.status}`).toContain(answer.status);
  }
  expect(await upstreamSaw()).toEqual([]);

  // The console's own write passes.
  const created = await raw('POST', USERS, { ...WRITE, 'Sec-Fetch-Site': 'same-origin' },
    JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'own@acme-corp.example',
      name: { givenName: 'O', familyName: 'W' }, emails: [{ value: 'own@acme-corp.example', primary: true }] }));
  expect(created.status, created.body).toBe(201);
  expect((await upstreamSaw()).map(r => `${r.method} ${r.authorization}`)).toEqual(['POST Bearer proxy-credential']);
});

test('a body over 64 KB is refused by nginx: the upstream never sees it', async () => {
  const big = JSON.stringify({ userName: 'x'.repeat(100_000) });
  const answer = await raw('POST', USERS, { ...WRITE, 'Sec-Fetch-Site': 'same-origin' }, big);
  expect(answer.status).toBe(413);
  expect(answer.body).toContain('nginx');
  expect(await upstreamSaw()).toEqual([]);
});

test('TLS to the API host is verified: another CA, or one only the test trusts, gets nothing', async () => {
  // The trusted upstream works (every other test goes through it too).
  expect((await raw('GET', `${USERS}?count=1`)).status).toBe(200);
  await resetUpstream();
  // A man in the middle with a certificate for the right name from another CA.
  const mitm = new URL(process.env.MITM_SITE_URL!);
  const intercepted = await raw('GET', `${USERS}?count=1`, {}, '', mitm);
  expect(intercepted.status).toBe(502);
  const write = await raw('POST', USERS, { ...WRITE }, '{}', mitm);
  expect(write.status).toBe(502);
  const log = fs.existsSync(process.env.MITM_LOG!) ? fs.readFileSync(process.env.MITM_LOG!, 'utf8') : '';
  expect(log).not.toContain('proxy-credential');
  expect(log).toBe('');
  // The default trust store is the system's, which does not know the test's CA.
  const systemCa = new URL(process.env.SYSTEM_CA_SITE_URL!);
  expect((await raw('GET', `${USERS}?count=1`, {}, '', systemCa)).status).toBe(502);
  expect(await upstreamSaw()).toEqual([]);
});
