// Connect: a good token opens the console; a bad one is refused with GitHub's words; a token
// without SAML authorization opens it with the gate closed until it is authorized.
import { test, expect } from './fixtures';
import { connect, connectAndLoad, reset, seen, setToken, SEEDED } from './helpers';

test.beforeEach(async ({ request }) => reset(request));

test('a good token shows every identity and keeps the token out of storage and URL', async ({ page }) => {
  await connectAndLoad(page);
  await expect(page.getByRole('region', { name: 'SAML session' })).toContainText('Authorized for SAML SSO');
  expect(page.url()).not.toContain('e2e-token');
  const stored = await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage));
  expect(stored).not.toContain('e2e-token');
});

test('a bad token is refused on the connect page', async ({ page }) => {
  await connect(page, 'not-a-real-token');
  await expect(page.getByRole('alert')).toContainText('GitHub rejected the token: Bad credentials');
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
});

test('an unknown organization is named', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Organization', { exact: true }).fill('no-such-org');
  await page.getByLabel('Token', { exact: true }).fill('e2e-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toContainText('Organization “no-such-org” was not found');
});

test('SSO required: link, locked configuration, authorize, check again, allowed', async ({ page, request }) => {
  await connect(page, 'e2e-sso');
  const gate = page.getByRole('region', { name: 'SAML session' });
  await expect(gate).toContainText('SSO authorization required');
  const link = gate.getByRole('link', { name: 'Authorize on github.com' });
  await expect(link).toHaveAttribute('href', /^https:\/\/github\.com\/orgs\/acme-corp\/sso\?authorization_request=/);
  await expect(link).toHaveAttribute('target', '_blank');
  await page.getByRole('link', { name: 'Provision' }).click();
  await expect(page.getByRole('alert')).toContainText('Authorize this token for the organization');
  await expect(page.getByRole('button', { name: 'Provision' })).toHaveCount(0);

  await setToken(request, 'e2e-sso', 'authorized'); // the owner authorizes it on github.com
  await gate.getByRole('button', { name: 'Check again' }).click();
  await expect(gate).toContainText('Authorized for SAML SSO');
  await expect(page.getByRole('button', { name: 'Provision' })).toBeVisible();
  await page.getByRole('link', { name: 'Identities', exact: true }).click();
  await expect(page.getByText(`${SEEDED} identities ·`)).toBeVisible();
});

test('a read-only token can read but every configuration action says why not', async ({ page }) => {
  await connectAndLoad(page, 'e2e-reader');
  await expect(page.getByRole('region', { name: 'SAML session' })).toContainText('Read-only');
  await expect(page.getByRole('button', { name: /Deprovision selected/ })).toBeDisabled();
  await expect(page.locator('#deprovision-why')).toContainText('writes need admin:org');
});

test('disconnect wipes the token and returns to the connect page', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Token', { exact: true }).fill('e2e-token');
  await page.getByLabel(/Keep the token for this tab/).check();
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('region', { name: 'SAML session' })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByLabel('Token', { exact: true })).toHaveValue('');
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test('a token with an invisible character is refused, naming it, before any request', async ({ page, request }) => {
  await page.goto('/');
  // A zero-width space, as a copy from a chat or a web page can carry; the browser's Headers
  // would throw on it (it is outside Latin-1), which must never reach the page.
  await page.getByLabel('Token', { exact: true }).fill('e2e-\u200Btoken');
  await page.getByRole('button', { name: 'Connect' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('U+200B');
  await expect(alert).toContainText('zero-width space');
  await expect(alert).toContainText('character 5');
  await expect(page.getByRole('button', { name: 'Connect' })).toBeEnabled();
  expect(await seen(request)).toEqual([]);
  // Pasted again without it, the same form connects.
  await page.getByLabel('Token', { exact: true }).fill('e2e-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('region', { name: 'SAML session' })).toContainText('Authorized for SAML SSO');
});
