// The drift Review through nginx in proxy mode: its REST lists and GraphQL pages pass the
// allowlists (a rule too strict would break it here), every category is populated, and one
// action of each kind reaches GitHub once, with the proxy's credential.
import { test, expect, Page } from '../e2e/fixtures';
import { category, confirmDialog, count, counts, rows, summary } from '../e2e/review-helpers';
import { AUTH_MODES, auditFrom, openProxiedReview, resetUpstream, upstreamSaw } from './helpers';

test.beforeEach(resetUpstream);

const deletes = async () => (await upstreamSaw()).filter(r => r.method === 'DELETE').map(r => `${r.method} ${r.uri}`);

async function run(page: Page, title: string, action: string) {
  const dialog = await confirmDialog(page, title, action);
  await expect(dialog.getByRole('status')).toHaveText('1 done, 0 failed, 0 not sent.', { timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
}

for (const mode of AUTH_MODES) test.describe(mode.name, () => {
  test.use(mode.use);

  test('the Review loads through the proxy: REST lists, GraphQL pages, every category', async ({ page }) => {
    const audit = auditFrom();
    await openProxiedReview(page);
    await summary(page).getByRole('button', { name: 'Load credential authorizations' }).click();
    await expect.poll(() => count(page, 'Credential authorizations to review')).toBeGreaterThan(0);
    for (const title of ['Members without a SCIM identity', 'Members without any external identity',
      'SCIM identities never linked', 'Identities linked to a login that is no longer a member',
      'Outside collaborators', 'NameID ≠ SCIM userName', 'Credential authorizations to review']) {
      const n = await count(page, title);
      expect(n, `${title}: populated`).toBeGreaterThan(0);
      await category(page, title);
      expect((await counts(page)).rows, title).toBe(n);
    }
    const seen = await upstreamSaw();
    const paths = new Set(seen.map(r => r.uri.split('?')[0]));
    for (const path of ['/graphql', '/orgs/acme-corp/members', '/orgs/acme-corp/invitations',
      '/orgs/acme-corp/outside_collaborators', '/orgs/acme-corp/credential-authorizations']) {
      expect(paths, path).toContain(path);
    }
    expect(seen.filter(r => r.uri === '/graphql').length).toBeGreaterThan(1); // more than one page
    for (const r of seen) expect(r.authorization).toBe('Bearer proxy-credential');
    const lines = audit().filter(l => l.path.startsWith('/github/'));
    expect(lines.filter(l => l.status !== 200)).toEqual([]);
  });

  test('one action of each kind through the proxy: remove, cancel then delete, revoke', async ({ page }) => {
    await openProxiedReview(page);
    await category(page, 'Members without any external identity');
    const login = (await rows(page).first().locator('td').nth(1).innerText()).trim();
    await rows(page).first().getByRole('button', { name: `Remove ${login}` }).click();
    await run(page, 'Remove 1 member', 'Remove from the organization');

    await category(page, 'SCIM identities never linked');
    const invited = rows(page).filter({ has: page.getByRole('button', { name: /^Cancel invitation / }) }).first();
    const cells = await invited.locator('td').allInnerTexts();
    const [scimId, invitation] = [cells[6].trim(), cells[7].trim()];
    await invited.getByRole('button', { name: /^Cancel invitation / }).click();
    await run(page, 'Cancel 1 invitation', 'Cancel the invitation and its SCIM identity');

    await summary(page).getByRole('button', { name: 'Load credential authorizations' }).click();
    await expect.poll(() => count(page, 'Credential authorizations to review')).toBeGreaterThan(0);
    await category(page, 'Credential authorizations to review');
    await rows(page).filter({ has: page.getByRole('button', { name: /^Revoke / }) }).first()
      .getByRole('button', { name: /^Revoke / }).click();
    await run(page, 'Revoke 1 authorization', 'Revoke the SSO authorization');

    const sent = await deletes();
    expect(sent.slice(0, 3)).toEqual([
      `DELETE /orgs/acme-corp/members/${login}`,
      `DELETE /orgs/acme-corp/invitations/${invitation}`,
      `DELETE /scim/v2/organizations/acme-corp/Users/${scimId}`,
    ]);
    expect(sent[3]).toMatch(/^DELETE \/orgs\/acme-corp\/credential-authorizations\/\d+$/);
    expect(sent.length).toBe(4);
  });

  test('exports through the proxy: the whole review as JSON', async ({ page }) => {
    await openProxiedReview(page);
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the review (JSON)' }).click()]);
    const whole = JSON.parse(require('node:fs').readFileSync((await download.path())!, 'utf8'));
    expect(whole.organization).toBe('acme-corp');
    expect(whole.counts['scim-never-linked']).toBe(await count(page, 'SCIM identities never linked'));
  });
});
