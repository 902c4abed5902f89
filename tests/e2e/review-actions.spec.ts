// The review's actions, each through the session's write path and bulk run: typed confirmation,
// what each says it does, a result per row, what reached GitHub (the emulator's request log),
// a failure in the middle of a bulk action, the gate closing mid-run, the two steps of a
// cancellation (the second not sent when the first fails), the second confirmation before
// revoking the console's own token, and the links for what has no API.
import { test, expect, Page } from './fixtures';
import { fault, reset } from './helpers';
import {
  category, confirmDialog, count, counts, firstCells, openReview, rows, summary, writes,
} from './review-helpers';

test.beforeEach(async ({ request }) => reset(request));

async function select(page: Page, n: number) {
  for (let i = 0; i < n; i++) await rows(page).nth(i).locator('input[type=checkbox]').check();
}

test('remove one member: it says the IdP should own this, removes exactly that member', async ({ page, request }) => {
  await openReview(page);
  const before = (await count(page, 'Members without any external identity'))!;
  await category(page, 'Members without any external identity');
  const [login] = await firstCells(page, 1);
  await rows(page).first().getByRole('button', { name: `Remove ${login}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove 1 member' });
  await expect(dialog).toContainText('Membership should be managed in the IdP');
  await expect(dialog.getByLabel(`Type ${login} to confirm`)).toBeVisible();
  await dialog.getByLabel(`Type ${login} to confirm`).fill('someone-else');
  await expect(dialog.getByRole('button', { name: 'Remove from the organization' })).toBeDisabled();
  await confirmDialog(page, 'Remove 1 member', 'Remove from the organization');
  await expect(dialog.getByRole('status')).toHaveText('1 done, 0 failed, 0 not sent.');
  expect(await writes(request)).toEqual([`DELETE /orgs/acme-corp/members/${login}`]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(await count(page, 'Members without any external identity')).toBe(before - 1);
  await expect(rows(page).first()).not.toContainText(login);
  // GitHub agrees.
  const membership = await request.get(`/orgs/acme-corp/memberships/${login}`, { headers: { Authorization: 'Bearer e2e-token' } });
  expect(membership.status()).toBe(404);
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.locator('table.activity tbody tr').first()).toContainText('remove member');
});

test('a bulk removal with a failure in the middle reports each row; the rest go on', async ({ page, request }) => {
  await openReview(page);
  await category(page, 'Members without any external identity');
  const logins = await firstCells(page, 3);
  await select(page, 3);
  await fault(request, { status: 422, count: 5, method: 'DELETE', path: `/members/${logins[1]}` });
  await page.getByRole('button', { name: 'Remove selected (3)' }).click();
  const dialog = await confirmDialog(page, 'Remove 3 members', 'Remove from the organization');
  await expect(dialog.getByRole('status')).toHaveText('2 done, 1 failed, 0 not sent.', { timeout: 20_000 });
  await expect(dialog.getByRole('listitem').nth(1)).toContainText('failed: GitHub refused the request');
  expect((await writes(request)).length).toBe(3); // one each, nothing sent twice
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect((await counts(page)).selected).toBe(1); // the one that failed stays selected
  await expect(rows(page).first()).toContainText(logins[1]);
});

test('the gate closing mid-run: the rest are not sent', async ({ page, request }) => {
  await openReview(page);
  await category(page, 'Members without any external identity');
  const logins = await firstCells(page, 5);
  await select(page, 5);
  await fault(request, { status: 403, sso: true, method: 'DELETE', path: `/members/${logins[2]}` });
  await page.getByRole('button', { name: 'Remove selected (5)' }).click();
  const dialog = await confirmDialog(page, 'Remove 5 members', 'Remove from the organization');
  await expect(dialog.getByRole('status')).toHaveText('2 done, 1 failed, 2 not sent.', { timeout: 20_000 });
  for (const i of [3, 4]) {
    await expect(dialog.getByRole('listitem').nth(i)).toContainText('not sent: SAML session not authorized');
  }
  expect((await writes(request)).length).toBe(3);
  await expect(page.getByRole('region', { name: 'SAML session' })).toContainText('SSO authorization required');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: /^Remove selected/ })).toBeDisabled();
});

test('deprovision a stale SCIM identity left by a removal by hand', async ({ page, request }) => {
  await openReview(page);
  await category(page, 'Identities linked to a login that is no longer a member');
  const row = rows(page).filter({ has: page.getByRole('button', { name: /^Deprovision / }) }).first();
  const id = (await row.locator('td').nth(4).innerText()).trim();
  await row.getByRole('button', { name: /^Deprovision / }).click();
  const dialog = page.getByRole('dialog', { name: 'Deprovision 1 SCIM identity' });
  await expect(dialog).toContainText('Deletes the stale SCIM identity');
  await confirmDialog(page, 'Deprovision 1 SCIM identity', 'Deprovision the SCIM identity');
  await expect(dialog.getByRole('status')).toHaveText('1 done, 0 failed, 0 not sent.');
  expect(await writes(request)).toEqual([`DELETE /scim/v2/organizations/acme-corp/Users/${id}`]);
});

test('cancel a SCIM invitation, then its SCIM identity, in that order', async ({ page, request }) => {
  await openReview(page);
  await category(page, 'SCIM identities never linked');
  const row = rows(page).filter({ has: page.getByRole('button', { name: /^Cancel invitation / }) }).first();
  const cells = await row.locator('td').allInnerTexts();
  const [scimId, invitation] = [cells[6].trim(), cells[7].trim()];
  expect(Number(cells[5]), 'the invitation has an age in days').toBeGreaterThanOrEqual(0);
  await row.getByRole('button', { name: /^Cancel invitation / }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel 1 invitation' });
  await expect(dialog).toContainText('Two steps, in order');
  await confirmDialog(page, 'Cancel 1 invitation', 'Cancel the invitation and its SCIM identity');
  await expect(dialog.getByRole('status')).toHaveText('1 done, 0 failed, 0 not sent.', { timeout: 10_000 });
  expect(await writes(request)).toEqual([
    `DELETE /orgs/acme-corp/invitations/${invitation}`,
    `DELETE /scim/v2/organizations/acme-corp/Users/${scimId}`,
  ]);
});

test('when cancelling the invitation fails, its SCIM identity is not deleted', async ({ page, request }) => {
  await openReview(page);
  await category(page, 'SCIM identities never linked');
  const row = rows(page).filter({ has: page.getByRole('button', { name: /^Cancel invitation / }) }).first();
  await fault(request, { status: 422, method: 'DELETE', path: '/invitations/' });
  await row.getByRole('button', { name: /^Cancel invitation / }).click();
  const dialog = await confirmDialog(page, 'Cancel 1 invitation', 'Cancel the invitation and its SCIM identity');
  await expect(dialog.getByRole('status')).toHaveText('0 done, 1 failed, 0 not sent.');
  await expect(dialog.getByRole('listitem').first()).toContainText(
    'failed: Cancel the invitation: GitHub refused the request');
  await expect(dialog.getByRole('listitem').first()).toContainText('not sent: Delete the SCIM identity');
  const sent = await writes(request);
  expect(sent.length).toBe(1);
  expect(sent[0]).toMatch(/^DELETE \/orgs\/acme-corp\/invitations\/\d+$/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('link', { name: 'Activity' }).click();
  // Newest first: the SCIM deletion that was not sent, then the cancellation that failed.
  await expect(page.locator('table.activity tbody tr').nth(0)).toContainText('not sent');
  await expect(page.locator('table.activity tbody tr').nth(1)).toContainText('failed');
});

test('revoke a credential authorization: it warns that the same token cannot be authorized again', async ({ page, request }) => {
  await openReview(page);
  await summary(page).getByRole('button', { name: 'Load credential authorizations' }).click();
  await expect.poll(() => count(page, 'Credential authorizations to review')).toBeGreaterThan(0);
  await category(page, 'Credential authorizations to review');
  const row = rows(page).filter({ hasNotText: 'acme-corp-admin' }).filter({ has: page.getByRole('button', { name: /^Revoke / }) }).first();
  await row.getByRole('button', { name: /^Revoke / }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke 1 authorization' });
  await expect(dialog).toContainText('cannot be authorized again');
  await expect(dialog).toContainText('The token or key itself is not deleted');
  await confirmDialog(page, 'Revoke 1 authorization', 'Revoke the SSO authorization');
  await expect(dialog.getByRole('status')).toHaveText('1 done, 0 failed, 0 not sent.');
  const sent = await writes(request);
  expect(sent.length).toBe(1);
  expect(sent[0]).toMatch(/^DELETE \/orgs\/acme-corp\/credential-authorizations\/\d+$/);
});

test("revoking the console's own token needs a second confirmation", async ({ page, request }) => {
  await openReview(page);
  await summary(page).getByRole('button', { name: 'Load credential authorizations' }).click();
  await expect.poll(() => count(page, 'Credential authorizations to review')).toBeGreaterThan(0);
  const section = await category(page, 'Credential authorizations to review');
  await section.getByLabel('Filter').fill("this console's token");
  await rows(page).first().getByRole('button', { name: /^Revoke / }).click();
  const dialog = await confirmDialog(page, 'Revoke 1 authorization', 'Revoke the SSO authorization');
  await expect(dialog.getByRole('alert')).toContainText('This is the token this console is using');
  expect(await writes(request)).toEqual([]); // nothing sent yet
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await writes(request)).toEqual([]);
  await rows(page).first().getByRole('button', { name: /^Revoke / }).click();
  const again = await confirmDialog(page, 'Revoke 1 authorization', 'Revoke the SSO authorization');
  await again.getByRole('button', { name: 'Yes, do it anyway' }).click();
  await expect(again.getByRole('status')).toHaveText('1 done, 0 failed, 0 not sent.');
  expect((await writes(request)).length).toBe(1);
});

test('what has no API is one click away: the member’s SAML page on GitHub', async ({ page }) => {
  await openReview(page);
  await category(page, 'Members without a SCIM identity');
  const link = rows(page).first().getByRole('link', { name: /^SAML page / });
  const [login] = await firstCells(page, 1);
  await expect(link).toHaveAttribute('href', `https://github.com/orgs/acme-corp/people/${login}/sso`);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
});

test('a bulk action can be hidden: its progress, Stop and results are under the header', async ({ page, request }) => {
  await openReview(page);
  await category(page, 'Members without any external identity');
  await select(page, 3);
  await fault(request, { delayMs: 1500, method: 'DELETE', count: 1 });
  await page.getByRole('button', { name: 'Remove selected (3)' }).click();
  const dialog = await confirmDialog(page, 'Remove 3 members', 'Remove from the organization');
  await dialog.getByRole('button', { name: 'Hide (the run goes on)' }).click();
  const run = page.getByRole('status').filter({ hasText: 'Removing members' });
  await run.getByRole('button', { name: 'Stop' }).click();
  await expect(run).toContainText('Removing members finished: 3 of 3', { timeout: 10_000 });
  await run.getByRole('button', { name: 'Show results' }).click();
  const results = page.getByRole('dialog', { name: 'Remove 3 members' });
  await expect(results.getByRole('status')).toHaveText('1 done, 0 failed, 2 not sent.');
  await expect(results.getByRole('listitem').nth(2)).toContainText('not sent: stopped by the owner');
  expect((await writes(request)).length).toBe(1);
});
