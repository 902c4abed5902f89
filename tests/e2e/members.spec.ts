// The thin slice end to end: config.json → connect → fetch layer → scim decoding → table.
import { test, expect, Page } from '@playwright/test';

const usersApi = '/scim/v2/organizations/acme-corp/Users';

async function connect(page: Page, token: string) {
  const errors: string[] = [];
  page.on('pageerror', e => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByLabel('Organization', { exact: true })).toHaveValue('acme-corp');
  await page.getByLabel('Token', { exact: true }).fill(token);
  await page.getByRole('button', { name: 'Connect' }).click();
  return errors;
}

test('an authorized token shows every seeded identity in the table', async ({ page, request }) => {
  const api = await request.get(`${usersApi}?count=3`, {
    headers: { Authorization: 'Bearer e2e-token' },
  });
  const seeded = await api.json();
  expect(seeded.totalResults).toBe(250);

  const errors = await connect(page, 'e2e-token');
  await expect(page.getByRole('status')).toHaveText('250 identities');
  const rows = page.locator('table.members tbody tr');
  await expect(rows).toHaveCount(250);
  for (const [i, user] of seeded.Resources.entries()) {
    await expect(rows.nth(i).locator('td').first()).toHaveText(user.userName);
    await expect(rows.nth(i).locator('td').nth(1)).toHaveText(user.displayName);
  }
  // The token went into memory only: not into the URL, not into storage.
  expect(page.url()).not.toContain('e2e-token');
  expect(await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)))
    .not.toContain('e2e-token');
  expect(errors).toEqual([]);
  await page.screenshot({ path: 'test-results/members.png' });
});

test('a bad token says GitHub rejected it', async ({ page }) => {
  await connect(page, 'not-a-real-token');
  await expect(page.getByRole('alert')).toContainText('GitHub rejected the token: Bad credentials');
  await expect(page.locator('table.members tbody tr')).toHaveCount(0);
});

test('a token without SAML authorization is told so', async ({ page }) => {
  await connect(page, 'e2e-sso');
  await expect(page.getByRole('alert')).toContainText('not authorized for the organization');
});
