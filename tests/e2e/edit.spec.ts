// Edit: full replace removes what is left out; quick PATCH changes one thing.
import { test, expect } from './fixtures';
import { apiUsers, connectAndLoad, reset, USERS } from './helpers';

test.beforeEach(async ({ request }) => reset(request));

test('a full replace removes omitted values and a quick PATCH changes the display name', async ({ page }) => {
  const target = (await apiUsers(page.request, 'startIndex=3&count=1')).Resources[0];
  await connectAndLoad(page);
  await page.goto(`/identities/${target.id}`); // a reload needs the token again
  await page.getByLabel('Token', { exact: true }).fill('e2e-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.userName);

  await page.getByRole('link', { name: 'Edit all attributes' }).click();
  await expect(page.getByText('a value you empty is removed')).toBeVisible();
  await expect(page.getByLabel(/^userName/)).toHaveValue(target.userName);
  await page.getByLabel(/^Display name/).fill('Renamed Person');
  await page.getByLabel(/^externalId/).fill('');
  await page.getByRole('button', { name: 'Replace identity' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.userName);
  await expect(page.locator('dl.attributes')).toContainText('Renamed Person');
  await expect(page.locator('dl.attributes')).toContainText('none: not managed by an IdP link');
  const after = await (await page.request.get(`${USERS}/${target.id}`, { headers: { Authorization: 'Bearer e2e-token' } })).json();
  expect(after.externalId).toBeUndefined();

  await page.getByLabel('Display name', { exact: true }).fill('Quick Name');
  await page.getByRole('button', { name: 'Save display name' }).click();
  await expect(page.locator('dl.attributes')).toContainText('Quick Name');
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.locator('table.activity tbody tr')).toHaveCount(2);
  await expect(page.locator('table.activity tbody tr').first()).toContainText('quick change');
});
