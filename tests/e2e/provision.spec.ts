// Provision: validation before sending, 409 linked to the existing identity, success.
import { test, expect } from './fixtures';
import { apiUsers, connectAndLoad, reset, seen } from './helpers';

test.beforeEach(async ({ request }) => reset(request));

test('invalid input is refused field by field and nothing is sent', async ({ page, request }) => {
  await connectAndLoad(page);
  await page.getByRole('link', { name: 'Provision' }).click();
  await page.getByLabel('Emails (required, one per line; the first is primary)').fill('not-an-email');
  await page.getByRole('button', { name: 'Provision' }).click();
  await expect(page.getByLabel(/^userName/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-userName-error')).toContainText('Enter the userName');
  await expect(page.locator('#field-name-givenName-error')).toContainText('Enter a given name');
  await expect(page.locator('#field-emails-error')).toContainText('needs an @');
  expect((await seen(request)).filter(r => r.method === 'POST')).toEqual([]);
});

test('an existing userName is a 409 that links to the identity', async ({ page }) => {
  const existing = (await apiUsers(page.request, 'startIndex=7&count=1')).Resources[0];
  await connectAndLoad(page);
  await page.getByRole('link', { name: 'Provision' }).click();
  await page.getByLabel(/^userName/).fill(existing.userName.toUpperCase());
  await page.getByLabel(/^Given name/).fill('Same');
  await page.getByLabel(/^Family name/).fill('Person');
  await page.getByLabel('Emails (required, one per line; the first is primary)').fill('same@example.com');
  await page.getByRole('button', { name: 'Provision' }).click();
  await expect(page.locator('#field-userName-error')).toContainText('Already exists');
  await page.getByRole('link', { name: 'open the existing identity' }).click();
  await expect(page.locator('code')).toHaveText(existing.id);
});

test('a new identity is created, shown, listed and logged', async ({ page }) => {
  await connectAndLoad(page);
  await page.getByRole('link', { name: 'Provision' }).click();
  await expect(page.getByText('must equal the userName entered here')).toBeVisible();
  await page.getByLabel(/^userName/).fill('new.person@acme-corp.example');
  await page.getByLabel(/^Given name/).fill('Zoë');
  await page.getByLabel(/^Family name/).fill("O'Brien");
  await page.getByLabel(/^externalId/).fill('00u-new');
  await page.getByLabel('Emails (required, one per line; the first is primary)').fill('new.person@acme-corp.example\nzoe@home.example');
  await page.getByRole('button', { name: 'Provision' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('new.person@acme-corp.example');
  await expect(page.getByRole('status')).toContainText('Provisioned new.person@acme-corp.example');
  await expect(page.locator('dl.attributes')).toContainText('pending: not linked');
  const api = await apiUsers(page.request, 'filter=' + encodeURIComponent('userName eq "new.person@acme-corp.example"'));
  expect(api.totalResults).toBe(1);

  await page.getByRole('link', { name: 'Identities', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Filter' }).fill('new.person@');
  await expect(page.locator('table.members tbody tr:not(.spacer)')).toHaveCount(1);
  await page.getByRole('link', { name: 'Activity' }).click();
  const entry = page.locator('table.activity tbody tr').first();
  await expect(entry).toContainText('provision');
  await expect(entry).toContainText('new.person@acme-corp.example');
  await expect(entry).toContainText(/done/);
  await expect(entry.locator('td.mono')).toHaveText(/^[0-9A-F]{4}:/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^scim-admin-activity-.*\.csv$/);
});
