// A selection partly hidden by a filter says so where the count is and in the dialog, since
// the action applies to every selected row (issue 23: "Deprovision selected (3)" with two of
// the three filtered out of sight).
import { test, expect } from './fixtures';
import { apiUsers, connectAndLoad, reset, rows, selectFirst } from './helpers';
import { category, openReview, rows as reviewRows } from './review-helpers';

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

test('review: the rows a filter hides are in the bulk action too, and the dialog says so', async ({ page }) => {
  await openReview(page);
  await category(page, 'Members without any external identity');
  const logins: string[] = [];
  for (let i = 0; i < 3; i++) {
    logins.push((await reviewRows(page).nth(i).locator('td').nth(1).innerText()).trim());
    await reviewRows(page).nth(i).locator('input[type=checkbox]').check();
  }
  await page.locator('section.category').getByLabel('Filter').fill(logins[0]);
  // Another login may contain the first one, so at least one and at most two are hidden.
  await expect(page.locator('section.category .counts')).toContainText(/3 selected, [12] hidden by the filter/);
  await page.getByRole('button', { name: /^Remove selected/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove 3 members' });
  await expect(dialog).toContainText(/hidden by the filter: (it is|they are) included\./);
  for (const login of logins) await expect(dialog.getByRole('list', { name: 'Rows' })).toContainText(login);
});
