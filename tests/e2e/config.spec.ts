// config.json as sites write it: a proxy prefix the owner may edit, and a site that does not
// answer for its config at all.
import { test, expect, Page } from './fixtures';
import { reset, SEEDED } from './helpers';

test.beforeEach(async ({ request }) => reset(request));
// A stand-in proxy answer still on its way when the test ends is of no interest.
test.afterEach(async ({ page }) => page.unrouteAll({ behavior: 'ignoreErrors' }));

/** The site's config.json is `config`; `/github/…` is a stand-in for its credential proxy. */
async function proxySite(page: Page, config: object) {
  await page.route('**/config.json', route => route.fulfill({ json: config }));
  await page.route('**/github/**', async route => {
    const url = new URL(route.request().url());
    url.pathname = url.pathname.replace(/^\/github/, '');
    const headers = { ...route.request().headers(), authorization: 'Bearer e2e-token' };
    await route.fulfill({ response: await route.fetch({ url: url.toString(), headers }) });
  });
}

test('proxy mode with an API base the owner may edit connects through the prefix', async ({ page }) => {
  await proxySite(page, { mode: 'proxy', apiBase: '/github', org: 'acme-corp' });
  await page.goto('/');
  const base = page.getByLabel('API base');
  await expect(base).toHaveValue('/github');
  await expect(base).toBeEditable();
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('region', { name: 'SAML session' })).toContainText('Authorized for SAML SSO');
  await expect(page.locator('table.members')).toHaveAttribute('aria-rowcount', String(SEEDED + 1));
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
});

test('an API base that is neither a URL nor a path is said so', async ({ page }) => {
  await proxySite(page, { mode: 'proxy', apiBase: '/github', org: 'acme-corp' });
  await page.goto('/');
  await page.getByLabel('API base').fill('github');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toContainText('starts with /');
});

test('a config.json that never answers is given up on, with what to do', async ({ page }) => {
  await page.route('**/config.json', () => { /* the site never answers */ });
  await page.goto('/');
  await expect(page.getByText('Loading configuration…')).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('config.json did not answer within 10 s', { timeout: 20_000 });
  await expect(alert).toContainText('Reload');
});
