// Who may use the credential. AUTH=gateway: nginx asks the site's sign-in gateway (a stand-in
// implementing oauth2-proxy's contract, tests/deploy/gateway.mjs) before anything; AUTH=mtls:
// only a client certificate from the owners' CA opens the site. Either way the person is in
// the audit log, and nothing reaches GitHub for someone who is not signed in.
import { test, expect } from '../e2e/fixtures';
import * as fs from 'node:fs';
import * as https from 'node:https';
import { category, confirmDialog, rows } from '../e2e/review-helpers';
import { auditFrom, openProxiedReview, raw, resetUpstream, upstreamSaw, USERS } from './helpers';

const gatewaySite = new URL(process.env.GATEWAY_SITE_URL ?? 'http://127.0.0.1');
const mtlsSite = process.env.MTLS_SITE_URL ?? 'https://127.0.0.1';
const pki = (name: string) => `${process.env.PKI}/${name}`;

test.beforeEach(resetUpstream);

test.describe('AUTH=gateway', () => {
  test.use({ baseURL: gatewaySite.origin });

  test('without a session: pages go to sign in, API calls get the site’s own 401', async () => {
    const page = await raw('GET', '/identities/x?tab=1', {}, '', gatewaySite);
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe('/oauth2/start?rd=%2Fidentities%2Fx%3Ftab%3D1');
    for (const [method, path] of [['GET', `${USERS}?count=1`], ['DELETE', `${USERS}/x`], ['POST', '/github/graphql'], ['GET', '/_site/whoami']]) {
      const answer = await raw(method, path, { 'X-Requested-With': 'scim-admin' }, '', gatewaySite);
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.headers['x-scim-admin-site'], `${method} ${path}`).toBe('signed-out');
      expect(JSON.parse(answer.body).message).toContain('signed out of this site');
    }
    expect(await upstreamSaw()).toEqual([]);
  });

  test('signing in comes back to the page; the console works and the person is audited', async ({ page }) => {
    const audit = auditFrom();
    await page.goto('/');
    await expect(page.getByText("This site's proxy holds the credential")).toBeVisible();
    const whoami = await (await page.request.get('/_site/whoami')).json();
    expect(whoami).toEqual({ auth: 'gateway', person: 'ada@acme-corp.example' });
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByText('300 identities ·')).toBeVisible();
    const calls = audit().filter(l => l.path.startsWith('/github/'));
    expect(calls.length).toBeGreaterThan(0);
    for (const line of calls) expect(line.person).toBe('ada@acme-corp.example');
    expect(calls.some(l => l.status === 200 && l.github_request_id)).toBeTruthy();
  });

  test('a session that ends: the next call gets the site’s 401, not GitHub’s', async ({ page }) => {
    await page.goto('/');
    expect((await page.request.get(`${USERS}?count=1`)).status()).toBe(200);
    expect((await fetch(`${process.env.GATEWAY_URL}/_gateway/expire`, { method: 'POST' })).status).toBe(204);
    const after = await page.request.get(`${USERS}?count=1`);
    expect(after.status()).toBe(401);
    expect(after.headers()['x-scim-admin-site']).toBe('signed-out');
    expect((await upstreamSaw()).length).toBe(1);
  });

  test('GitHub’s own 401 passes through unmarked: the console can tell the two apart', async ({ page }) => {
    await page.goto('/');
    const fault = await fetch(`${process.env.API_URL}/_emulator/faults`, { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 401, method: 'GET', path: '/Users', count: 1 }) });
    expect(fault.ok, await fault.text()).toBeTruthy();
    const github = await page.request.get(`${USERS}?count=1`);
    expect(github.status()).toBe(401);
    expect(github.headers()['x-scim-admin-site']).toBeUndefined();
    expect((await upstreamSaw()).length).toBe(1);
  });
});

test.describe('AUTH=gateway, the console', () => {
  test.use({ baseURL: gatewaySite.origin });

  test('shows who is signed in; signed out mid-run: says so, sends nothing more, signs in again', async ({ page, context }) => {
    await openProxiedReview(page);
    await expect(page.getByRole('note', { name: 'Site sign-in' })).toHaveText('Signed in to this site as ada@acme-corp.example');
    await category(page, 'Members without any external identity');
    for (let i = 0; i < 3; i++) await rows(page).nth(i).locator('input[type=checkbox]').check();
    await resetUpstream();
    expect((await fetch(`${process.env.GATEWAY_URL}/_gateway/expire`, { method: 'POST' })).status).toBe(204);
    await page.getByRole('button', { name: 'Remove selected (3)' }).click();
    const dialog = await confirmDialog(page, 'Remove 3 members', 'Remove from the organization');
    await expect(dialog.getByRole('status')).toHaveText('0 done, 0 failed, 3 not sent.', { timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await upstreamSaw()).toEqual([]);
    const gate = page.getByRole('region', { name: 'SAML session' });
    await expect(gate).toContainText('Signed out of this site');
    const signIn = gate.getByRole('link', { name: 'Sign in to this site again' });
    await expect(signIn).toHaveAttribute('href', '/oauth2/start?rd=%2Freview');
    // Signing in again in another tab keeps this page; "Check again" reopens the gate.
    const [tab] = await Promise.all([context.waitForEvent('page'), signIn.click()]);
    await tab.waitForURL(`${gatewaySite.origin}/review`);
    await tab.close();
    await gate.getByRole('button', { name: 'Check again' }).click();
    await expect(gate).toContainText('Authorized for SAML SSO');
    await expect(page.locator('section.category .counts')).toContainText('rows');
    await page.getByRole('link', { name: 'Activity' }).click();
    await expect(page.locator('table.activity tbody tr').first()).toContainText('not sent');
  });
});

test.describe('AUTH=none, the console', () => {
  test('warns in the header that anyone who reaches the site is the owner', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('note', { name: 'Site sign-in' }))
      .toContainText('anyone who can reach it acts as the organization');
  });
});

/** An HTTPS request to the mTLS site, with or without a client certificate. */
function mtls(path: string, cert?: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, mtlsSite);
  return new Promise((resolve, reject) => {
    const request = https.request({
      host: url.hostname, port: url.port, path: url.pathname + url.search, rejectUnauthorized: false,
      ...(cert ? { cert: fs.readFileSync(pki(`${cert}.crt`)), key: fs.readFileSync(pki(`${cert}.key`)) } : {}),
    }, response => {
      let text = '';
      response.on('data', chunk => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: text }));
    });
    request.on('error', reject);
    request.end();
  });
}

test.describe('AUTH=mtls', () => {
  test.use({
    baseURL: mtlsSite,
    ignoreHTTPSErrors: true,
    clientCertificates: [{ origin: mtlsSite, certPath: pki('owner.crt'), keyPath: pki('owner.key') }],
  });

  test('no certificate, or one from another CA: refused, nothing reaches GitHub', async () => {
    for (const cert of [undefined, 'stranger']) {
      for (const path of ['/', `${USERS}?count=1`, '/_site/whoami']) {
        const answer = await mtls(path, cert);
        expect(answer.status, `${cert ?? 'no certificate'} ${path}`).toBe(400);
        expect(answer.body).not.toContain('scim-admin');
      }
    }
    expect((await mtls(`${USERS}?count=1`, 'owner')).status).toBe(200);
    expect((await upstreamSaw()).length).toBe(1);
    // The person is the certificate's email SAN, else its subject.
    expect(JSON.parse((await mtls('/_site/whoami', 'owner')).body).person).toBe('ada@acme-corp.example');
    expect(JSON.parse((await mtls('/_site/whoami', 'owner-no-san')).body).person).toBe('CN=Bo Owner');
  });

  test("the owner's certificate: the console works and its email SAN is audited", async ({ page }) => {
    const audit = auditFrom();
    await page.goto('/');
    const whoami = await (await page.request.get('/_site/whoami')).json();
    expect(whoami).toEqual({ auth: 'mtls', person: 'ada@acme-corp.example' });
    // The whole Review (REST lists, GraphQL pages) through the client-certificate site.
    await openProxiedReview(page);
    await expect(page.getByRole('note', { name: 'Site sign-in' })).toHaveText('Signed in to this site as ada@acme-corp.example');
    const calls = audit().filter(l => l.path.startsWith('/github/'));
    expect(calls.some(l => l.path === '/github/graphql' && l.status === 200)).toBeTruthy();
    for (const line of calls) expect(line.person).toBe('ada@acme-corp.example');
  });
});
