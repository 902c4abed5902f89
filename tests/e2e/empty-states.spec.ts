// An empty table says why (issue 23: an SSO-required token showed "0 identities" over an empty
// table, the reason in small grey text; a filter with no match showed a blank box).
import { test, expect } from './fixtures';
import { connect, connectAndLoad, reset, rows } from './helpers';

test.beforeEach(async ({ request }) => reset(request));

test('SSO required: the empty identity list says why, where the rows would be', async ({ page }) => {
  await connect(page, 'e2e-sso');
  const why = page.locator('.members-page .empty-state');
  await expect(why).toContainText('GitHub does not list the identities to this token');
  await expect(why).toContainText('Authorize this token for the organization');
});

test('a filter with no match says so and clears in one click', async ({ page }) => {
  await connectAndLoad(page);
  const filter = page.getByRole('searchbox', { name: 'Filter' });
  await filter.fill('zz-no-such-person');
  await expect(rows(page)).toHaveCount(0);
  const empty = page.locator('.members-page .empty-state');
  await expect(empty).toContainText('No identity matches “zz-no-such-person”.');
  await empty.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(filter).toHaveValue('');
  await expect(filter).toBeFocused();
  await expect(rows(page).first()).toBeVisible();
});
