// A change the owner did not make is never sent: saving an unchanged form sends nothing, and a
// save that changes one value leaves every other attribute exactly as GitHub had it (email
// types and primary, name.formatted, groups), compared on the server before and after.
import { test, expect } from './fixtures';
import type { Page } from './fixtures';
import { apiUsers, connect, reset, seen, USERS } from './helpers';

const auth = { Authorization: 'Bearer e2e-token' };

test.beforeEach(async ({ request }) => reset(request));

/** A seeded identity with a second, "home" email and a name.formatted. */
async function personWithHomeEmail(page: Page) {
  const list = await apiUsers(page.request, 'count=30');
  const found = list.Resources.find((u: { emails: { type: string }[] }) => u.emails.some(e => e.type === 'home'));
  expect(found, 'the seeded world has an identity with a home email').toBeTruthy();
  expect(found.name.formatted).toBeTruthy();
  return found;
}

async function onServer(page: Page, id: string) {
  return (await page.request.get(`${USERS}/${id}`, { headers: auth })).json();
}

async function writes(page: Page) {
  return (await seen(page.request)).filter(r => r.method !== 'GET');
}

async function openIdentity(page: Page, id: string, userName: string) {
  await connect(page, 'e2e-token', `/identities/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(userName);
}

test('saving the emails or the display name unchanged sends nothing and changes nothing', async ({ page }) => {
  const before = await personWithHomeEmail(page);
  await openIdentity(page, before.id, before.userName);
  await page.getByRole('button', { name: 'Save emails' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No change' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Save display name' }).click();
  // A second "No change" of its own, not the first one still shown.
  await expect(page.locator('.toast').filter({ hasText: 'No change' })).toHaveCount(2);
  await page.waitForTimeout(300); // a PATCH sent by mistake would have reached the emulator
  expect(await writes(page)).toEqual([]);
  expect(await onServer(page, before.id)).toEqual(before);
});

test('adding an email keeps the others exactly as they were (types, primary)', async ({ page }) => {
  const before = await personWithHomeEmail(page);
  await openIdentity(page, before.id, before.userName);
  const box = page.getByLabel(/^Emails/);
  await box.fill(`${await box.inputValue()}\nadded.person@example.com`);
  await page.getByRole('button', { name: 'Save emails' }).click();
  await expect(page.locator('dl.attributes')).toContainText('added.person@example.com');
  const after = await onServer(page, before.id);
  expect(after.emails.slice(0, before.emails.length)).toEqual(before.emails);
  expect(after.emails[before.emails.length]).toMatchObject({ value: 'added.person@example.com', primary: false });
  expect({ ...after, emails: before.emails, meta: before.meta }).toEqual(before);
  // What the page holds now is GitHub's answer as sent, so the next save starts from it: the
  // raw JSON shown is the server's text, not the console's re-encoding of what it models.
  const served = await (await page.request.get(`${USERS}/${before.id}`, { headers: auth })).text();
  await page.getByText('Raw JSON as GitHub sent it').click();
  await expect(page.locator('pre.raw')).toHaveText(served);
  // A second save on the same page keeps what the first one kept.
  await page.getByLabel('Display name', { exact: true }).fill('Second Save');
  await page.getByRole('button', { name: 'Save display name' }).click();
  await expect(page.locator('dl.attributes')).toContainText('Second Save');
  expect((await onServer(page, before.id)).emails).toEqual(after.emails);
});

test('a full replace that changes one value keeps every attribute the form does not show', async ({ page }) => {
  const before = await personWithHomeEmail(page);
  await connect(page, 'e2e-token', `/identities/${before.id}/edit`);
  await expect(page.getByLabel(/^userName/)).toHaveValue(before.userName);
  // Unchanged: nothing is sent.
  await page.getByRole('button', { name: 'Replace identity' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No change' })).toBeVisible();
  expect(await writes(page)).toEqual([]);

  await page.getByLabel(/^Display name/).fill('Only This Changed');
  await page.getByRole('button', { name: 'Replace identity' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(before.userName);
  const after = await onServer(page, before.id);
  expect(after.displayName).toBe('Only This Changed');
  expect({ ...after, displayName: before.displayName, meta: before.meta }).toEqual(before);
});
