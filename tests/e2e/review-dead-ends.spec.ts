// What a new owner tripped over on the Review (issue 23): a dialog that can never finish with a
// read-only token, two credentials of one account with the same name, the confirmation asking
// for a value the list does not show, and focus after a run.
import { test, expect } from './fixtures';
import { connect, reset } from './helpers';
import { category, count, openReview, rows, summary } from './review-helpers';

test.beforeEach(async ({ request }) => reset(request));

test('read-only token: every row action is disabled with the reason beside it', async ({ page }) => {
  await openReview(page, 'e2e-reader');
  await category(page, 'Members without any external identity');
  const [first] = await rows(page).first().locator('td').nth(1).allInnerTexts();
  const remove = rows(page).first().getByRole('button', { name: `Remove ${first.trim()}` });
  await expect(remove).toBeDisabled();
  await expect(remove).toHaveAccessibleDescription(/can only read/);
  await expect(page.getByRole('button', { name: /^Remove selected/ })).toBeDisabled();
});

test('each credential of one account has its own name: type, last eight, scopes', async ({ page }) => {
  await openReview(page);
  await summary(page).getByRole('button', { name: 'Load credential authorizations' }).click();
  await expect.poll(() => count(page, 'Credential authorizations to review')).toBeGreaterThan(0);
  const section = await category(page, 'Credential authorizations to review');
  await section.getByLabel('Filter').fill("this console's token");
  const own = rows(page).first().getByRole('button', { name: /^Revoke / });
  await expect(own).toHaveAccessibleName(/^Revoke \S+'s personal access token \(classic\) ending \S{8}, scopes .+ \(this console's token\)$/);
  // Every revoke button on the page names a different credential.
  await section.getByLabel('Filter').fill('');
  const names = await rows(page).getByRole('button', { name: /^Revoke / }).evaluateAll(
    buttons => buttons.map(b => b.getAttribute('aria-label')));
  expect(names.length).toBeGreaterThan(1);
  expect(new Set(names).size).toBe(names.length);
  // The dialog says which one too.
  await section.getByLabel('Filter').fill("this console's token");
  await own.click();
  const dialog = page.getByRole('dialog', { name: 'Revoke 1 authorization' });
  await expect(dialog.getByRole('list', { name: 'Rows' })).toContainText(/personal access token \(classic\) ending \S{8}, scopes/);
});

test('a stale identity is confirmed by the name its row shows', async ({ page }) => {
  await openReview(page);
  const title = 'Identities linked to a login that is no longer a member';
  await category(page, title);
  const shown = (await rows(page).first().locator('td').nth(1).innerText()).trim();
  await rows(page).first().getByRole('button', { name: /^Deprovision / }).click();
  const dialog = page.getByRole('dialog', { name: /^Deprovision 1/ });
  await expect(dialog.getByLabel(`Type ${shown} to confirm`)).toBeVisible();
});

test('Enter in a matching confirmation confirms; focus goes to Close when the run ends', async ({ page }) => {
  await openReview(page);
  await category(page, 'Members without any external identity');
  const login = (await rows(page).first().locator('td').nth(1).innerText()).trim();
  await rows(page).first().getByRole('button', { name: `Remove ${login}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove 1 member' });
  const field = dialog.getByLabel(`Type ${login} to confirm`);
  await field.fill(login);
  await field.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('1 done, 0 failed, 0 not sent.');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
});

test('the open category is evident and still open after visiting another page', async ({ page }) => {
  await openReview(page);
  const title = 'SCIM identities never linked';
  await category(page, title);
  const choice = summary(page).getByRole('button', { name: title, exact: true });
  await expect(choice).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'Activity' }).click();
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.locator('section.category').getByRole('heading', { level: 2 })).toHaveText(title);
});

test('SSO required: the review does not suggest reading again until the gate can change', async ({ page }) => {
  await connect(page, 'e2e-sso');
  await page.getByRole('link', { name: 'Review' }).click();
  const again = page.getByRole('button', { name: 'Review again' });
  await expect(again).toBeDisabled();
  await expect(again).toHaveAccessibleDescription(/Authorize this token/);
});

test('NameID ≠ userName: no checkbox that does nothing, and every row has its evidence', async ({ page }) => {
  await openReview(page);
  await category(page, 'NameID ≠ SCIM userName');
  await expect(page.locator('section.category table.drift input[type=checkbox]')).toHaveCount(0);
  const evidence = await page.locator('section.category table.drift tbody tr:not(.spacer) td:nth-child(6)').allInnerTexts();
  expect(evidence.length).toBeGreaterThan(0);
  expect(evidence.filter(e => e.trim() === '')).toEqual([]);
});
