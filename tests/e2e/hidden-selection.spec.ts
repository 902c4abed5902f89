// A selection partly hidden by a filter says so where the count is and in the dialog, since
// the action applies to every selected row (issue 23: "Deprovision selected (3)" with two of
// the three filtered out of sight).
import { test, expect } from './fixtures';
import { apiUsers, connectAndLoad, reset, rows, selectFirst } from './helpers';

test.beforeEach(async ({ request }) => reset(request));

test('identities: 3 selected, 2 hidden by the filter, said at the count and in the dialog', async ({ page }) => {
  await connectAndLoad(page);
  await selectFirst(page, 3);
  const first = (await apiUsers(page.request, 'count=1')).Resources[0];
  await page.getByRole('searchbox', { name: 'Filter' }).fill(first.userName);
  await expect(rows(page)).toHaveCount(1);
  await expect(page.locator('.counts')).toContainText('3 selected, 2 hidden by the filter');
  await page.getByRole('button', { name: /^Deprovision selected/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Deprovision 3 identities' });
  await expect(dialog).toContainText('2 of them are hidden by the filter: they are included.');
});
