// Through nginx in proxy mode: the page never holds or sends a credential, the proxy adds it,
// the strict CSP holds, and list, provision, deprovision and the SSO gate work as direct.
// (attacks.spec.ts: what the proxy refuses.) The shared fixture fails every test on a CSP
// violation, an uncaught error or a console error in the page, through nginx as without it.
import { test, expect, Page } from '../e2e/fixtures';
import { AUTH_MODES } from './helpers';

const api = process.env.API_URL!;

async function control(page: Page, path: string, data: object | null = null) {
  expect((await page.request.post(`${api}/_emulator/${path}`, { data })).ok()).toBeTruthy();
}

/** Opens the console, recording every request's Authorization header. */
async function open(page: Page) {
  const authorizations: string[] = [];
  page.on('request', r => { const a = r.headers()['authorization']; if (a) authorizations.push(`${r.url()} ${a}`); });
  await page.goto('/');
  await expect(page.getByText("This site's proxy holds the credential")).toBeVisible();
  await expect(page.getByLabel('API base')).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Token', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('region', { name: 'SAML session' })).toContainText('Authorized for SAML SSO');
  await expect(page.getByText('300 identities ·')).toBeVisible();
  return { authorizations };
}

/** How many saved copies the console keeps in IndexedDB. */
function savedCopies(page: Page): Promise<number> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some(d => d.name === 'scim-admin')) return 0;
    return new Promise<number>(resolve => {
      const open = indexedDB.open('scim-admin');
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('saved')) { db.close(); resolve(0); return; }
        const count = db.transaction('saved').objectStore('saved').count();
        count.onsuccess = () => { db.close(); resolve(count.result); };
      };
    });
  });
}

test.beforeEach(async ({ page }) => control(page, 'reset'));

test('headers: strict CSP and the rest on every answer, caching by kind', async ({ request }) => {
  const index = await request.get('/');
  const csp = index.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(index.headers()['referrer-policy']).toBe('no-referrer');
  expect(index.headers()['x-content-type-options']).toBe('nosniff');
  expect(index.headers()['cache-control']).toBe('no-cache');
  expect((await request.get('/config.json')).headers()['cache-control']).toBe('no-cache');
  expect((await request.get('/identities/some-id')).headers()['content-type']).toContain('text/html');
  const html = await index.text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  const wasm = html.match(/href="\/([^"]+_bg\.wasm)"/)![1];
  const asset = await request.get(`/${wasm}`);
  expect(asset.headers()['content-type']).toBe('application/wasm');
  expect(asset.headers()['cache-control']).toContain('immutable');
});

test('the proxy adds the credential and passes GitHub headers through', async ({ request }) => {
  const list = await request.get('/github/scim/v2/organizations/acme-corp/Users?count=1');
  expect(list.status()).toBe(200);
  expect(list.headers()['x-ratelimit-limit']).toBe('5000');
  expect(list.headers()['x-github-request-id']).toBeTruthy();
  // A credential sent by the browser is replaced, never forwarded.
  const forged = await request.get('/github/scim/v2/organizations/acme-corp/Users?count=1',
    { headers: { Authorization: 'Bearer stolen' } });
  expect(forged.status()).toBe(200);
  const seen = await (await request.get(`${api}/_emulator/requests`)).json();
  expect(seen.map((r: { authorization: string }) => r.authorization)).toEqual(['Bearer proxy-credential', 'Bearer proxy-credential']);
});

for (const mode of AUTH_MODES) test.describe(mode.name, () => {
  test.use(mode.use);

  test('list, provision and deprovision work with no token in the page', async ({ page }) => {
    const { authorizations } = await open(page);
    await page.getByRole('link', { name: 'Provision' }).click();
    await page.getByLabel(/^userName/).fill('proxied@acme-corp.example');
    await page.getByLabel(/^Given name/).fill('Pro');
    await page.getByLabel(/^Family name/).fill('Xy');
    await page.getByLabel('Emails (required, one per line; the first is primary)').fill('proxied@acme-corp.example');
    await page.getByRole('button', { name: 'Provision' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('proxied@acme-corp.example');
    await page.getByRole('button', { name: 'Deprovision' }).click();
    await page.getByLabel(/Type the userName/).fill('proxied@acme-corp.example');
    await page.getByRole('dialog').getByRole('button', { name: 'Deprovision' }).click();
    await expect(page.getByRole('dialog').getByRole('status')).toHaveText('1 removed, 0 failed, 0 not sent.');

    expect(authorizations).toEqual([]);
    const seen = await (await page.request.get(`${api}/_emulator/requests`)).json();
    const methods = seen.map((r: { method: string }) => r.method);
    expect(methods).toContain('POST');
    expect(methods).toContain('DELETE');
    for (const r of seen) expect(r.authorization).toBe('Bearer proxy-credential');
  });

  test('the SSO gate closes and reopens through the proxy', async ({ page }) => {
    const { authorizations } = await open(page);
    await control(page, 'tokens', { token: 'proxy-credential', state: 'sso-required' });
    const gate = page.getByRole('region', { name: 'SAML session' });
    await gate.getByRole('button', { name: 'Check again' }).click();
    await expect(gate).toContainText('SSO authorization required');
    await expect(gate.getByRole('link', { name: 'Authorize on github.com' }))
      .toHaveAttribute('href', /^https:\/\/github\.com\/orgs\/acme-corp\/sso\?authorization_request=/);
    await control(page, 'tokens', { token: 'proxy-credential', state: 'authorized' });
    await gate.getByRole('button', { name: 'Check again' }).click();
    await expect(gate).toContainText('Authorized for SAML SSO');
    expect(authorizations).toEqual([]);
  });

  test('edit (all attributes, a quick change) and the saved copy work through the proxy', async ({ page }) => {
    await open(page);
    const list = await page.request.get('/github/scim/v2/organizations/acme-corp/Users?startIndex=3&count=1');
    const target = (await list.json()).Resources[0];
    await page.getByLabel('Keep a copy for fast reopening').check();
    // Written in the background: wait for it before leaving the page.
    await expect.poll(() => savedCopies(page)).toBe(1);
    await page.goto(`/identities/${target.id}`);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.userName);
    await page.getByRole('link', { name: 'Edit all attributes' }).click();
    await page.getByLabel(/^Display name/).fill('Renamed Through The Proxy');
    await page.getByRole('button', { name: 'Replace identity' }).click();
    await expect(page.locator('dl.attributes')).toContainText('Renamed Through The Proxy');
    await page.getByLabel('Display name', { exact: true }).fill('Quick Name');
    await page.getByRole('button', { name: 'Save display name' }).click();
    await expect(page.locator('dl.attributes')).toContainText('Quick Name');
    const writes = (await (await page.request.get(`${api}/_emulator/requests`)).json())
      .filter((r: { method: string }) => r.method !== 'GET');
    expect(writes.map((r: { method: string; authorization: string }) => `${r.method} ${r.authorization}`))
      .toEqual(['PUT Bearer proxy-credential', 'PATCH Bearer proxy-credential']);
    // Reopened, the table comes from the saved copy first.
    await page.goto('/');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Showing the copy saved|Refreshed from GitHub/ })).toBeVisible();
  });
});
