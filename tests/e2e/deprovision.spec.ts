// Deprovision one and many: typed confirmation, per-identity results, a failure in the middle,
// a stop, and nothing sent twice.
import { test, expect, Page } from './fixtures';
import { apiUsers, connectAndLoad, fault, reset, rows, seen, SEEDED, USERS } from './helpers';

test.beforeEach(async ({ request }) => reset(request));

async function selectFirst(page: Page, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    await rows(page).nth(i).locator('input[type=checkbox]').check();
  }
  const first = (await apiUsers(page.request, `count=${n}`)).Resources;
  first.forEach((u: { id: string }) => ids.push(u.id));
  return ids;
}

test('one identity: the dialog states the consequence and wants the userName', async ({ page }) => {
  const target = (await apiUsers(page.request, 'count=1')).Resources[0];
  await connectAndLoad(page);
  await rows(page).first().getByRole('link').click();
  await page.getByRole('button', { name: 'Deprovision' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deprovision 1 identity' });
  await expect(dialog).toContainText('removed from the organization');
  await expect(dialog).toContainText('Re-joining needs a new invitation');
  const confirm = dialog.getByRole('button', { name: 'Deprovision' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type the userName/).fill('wrong');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type the userName/).fill(target.userName);
  await confirm.click();
  await expect(dialog.getByRole('status')).toHaveText('1 removed, 0 failed, 0 not sent.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText(`${SEEDED - 1} identities ·`)).toBeVisible();
  const gone = await page.request.get(`${USERS}/${target.id}`, { headers: { Authorization: 'Bearer e2e-token' } });
  expect(gone.status()).toBe(404);
});

test('many: a failure in the middle is reported and the rest continue', async ({ page, request }) => {
  await connectAndLoad(page);
  const ids = await selectFirst(page, 3);
  await fault(request, { status: 422, count: 5, method: 'DELETE', path: ids[1] });
  await page.getByRole('button', { name: 'Deprovision selected (3)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deprovision 3 identities' });
  await dialog.getByLabel('Type the number 3 to confirm').fill('3');
  await dialog.getByRole('button', { name: 'Deprovision' }).click();
  await expect(dialog.getByRole('status')).toHaveText('2 removed, 1 failed, 0 not sent.', { timeout: 20_000 });
  await expect(dialog.getByRole('listitem').nth(1)).toContainText('failed: GitHub refused the request');
  const deletes = (await seen(request)).filter(r => r.method === 'DELETE');
  expect(deletes.length).toBe(3); // one each, nothing sent twice
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText(`${SEEDED - 2} identities · ${SEEDED - 2} shown · 1 selected`)).toBeVisible();
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.locator('table.activity tbody tr')).toHaveCount(3);
});

test('many: stop leaves a clear record of what was and was not done', async ({ page, request }) => {
  await connectAndLoad(page);
  await selectFirst(page, 4);
  await fault(request, { delayMs: 800, method: 'DELETE', count: 1 });
  await page.getByRole('button', { name: 'Deprovision selected (4)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deprovision 4 identities' });
  await dialog.getByLabel('Type the number 4 to confirm').fill('4');
  await dialog.getByRole('button', { name: 'Deprovision' }).click();
  await dialog.getByRole('button', { name: 'Stop after the current one' }).click();
  await expect(dialog.getByRole('status')).toHaveText('1 removed, 0 failed, 3 not sent.', { timeout: 20_000 });
  await expect(dialog.getByRole('listitem').nth(3)).toContainText('not sent: stopped by the owner');
  expect((await seen(request)).filter(r => r.method === 'DELETE').length).toBe(1);
});
