// The drift review: every category counted as GitHub's APIs say (checked here against the APIs
// read directly), each a table that filters; the two-node NameID pairing; credential
// authorizations on demand (a 403 there is that panel's error); what changed since the last
// review; a SAML refusal on the way in; the null provider and the enterprise path; exports.
import { test, expect } from './fixtures';
import { enterpriseUrl } from '../../playwright.config';
import { fault, reset, setToken } from './helpers';
import {
  category, confirmDialog, count, counts, firstCells, identities, openReview, restList, rows, summary,
} from './review-helpers';

test.beforeEach(async ({ request }) => reset(request));

test('every category counts what the APIs show, and its table holds exactly those rows', async ({ page, request }) => {
  // The organization straight from the API, with the contract's rules (§5).
  const members = new Set((await restList(request, '/orgs/acme-corp/members')).map(u => u.login.toLowerCase()));
  const collaborators = await restList(request, '/orgs/acme-corp/outside_collaborators');
  const nodes = await identities(request);
  const linked = new Set(nodes.filter(n => n.user).map(n => n.user.login.toLowerCase()));
  const linkedScim = new Set(nodes.filter(n => n.user && n.scimIdentity?.username).map(n => n.user.login.toLowerCase()));
  const collaborating = new Set(collaborators.map(u => u.login.toLowerCase()));
  const expected: Record<string, number> = {
    'Members without a SCIM identity': [...members].filter(l => !linkedScim.has(l)).length,
    'Members without any external identity': [...members].filter(l => !linked.has(l)).length,
    'SCIM identities never linked': nodes.filter(n => !n.user && n.scimIdentity).length,
    'Identities linked to a login that is no longer a member': nodes.filter(n => n.user
      && !members.has(n.user.login.toLowerCase()) && !collaborating.has(n.user.login.toLowerCase())).length,
    'Outside collaborators': collaborators.length,
  };
  await openReview(page);
  for (const [title, n] of Object.entries(expected)) {
    expect(n, `${title}: the seeded world has some`).toBeGreaterThan(0);
    expect(await count(page, title), title).toBe(n);
    await category(page, title);
    expect((await counts(page)).rows, title).toBe(n);
    await expect(rows(page).first()).toBeVisible();
  }
  // The NameID category has both kinds the seed makes.
  const mismatches = await count(page, 'NameID ≠ SCIM userName');
  expect(mismatches).toBeGreaterThan(0);
  await category(page, 'NameID ≠ SCIM userName');
  expect((await counts(page)).rows).toBe(mismatches);
  // Virtualized: far fewer rows in the DOM than in the largest table.
  await category(page, 'SCIM identities never linked');
  expect(await rows(page).count()).toBeLessThan(80);
});

test('NameID ≠ userName: the two-node pairing is a likely match with its evidence', async ({ page }) => {
  await openReview(page);
  await category(page, 'NameID ≠ SCIM userName');
  const filter = page.locator('section.category').getByLabel('Filter');
  await filter.fill('likely the same person');
  expect((await counts(page)).shown).toBeGreaterThan(0);
  const pair = rows(page).first();
  await expect(pair).toContainText('two identities, likely the same person');
  await expect(pair).toContainText('same email:');
  await filter.fill('case only');
  expect((await counts(page)).shown).toBeGreaterThan(0);
  await expect(rows(page).first()).toContainText('the NameID and userName of one identity differ');
  // A pair's fix has no API: the member's SAML page on GitHub.
  await filter.fill('likely the same person');
  const link = rows(page).first().getByRole('link', { name: /^SAML page / });
  await expect(link).toHaveAttribute('href', /^https:\/\/github\.com\/orgs\/acme-corp\/people\/[A-Za-z0-9-]+\/sso$/);
});

test('the filter narrows a category to the rows that contain the text', async ({ page }) => {
  await openReview(page);
  await category(page, 'SCIM identities never linked');
  const total = (await counts(page)).rows;
  const [name] = await firstCells(page, 1);
  await page.locator('section.category').getByLabel('Filter').fill(name.toUpperCase());
  expect((await counts(page)).shown).toBe(1);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(name);
  await page.locator('section.category').getByLabel('Filter').fill('');
  expect((await counts(page)).shown).toBe(total);
});

test('keyboard: arrows and End move the active row into view, Space selects it', async ({ page }) => {
  await openReview(page);
  await category(page, 'Members without a SCIM identity');
  const { rows: total } = await counts(page);
  expect(total, 'more rows than the viewport shows').toBeGreaterThan(40);
  const viewport = page.locator('section.category .table-viewport');
  await viewport.focus();
  await page.keyboard.press('ArrowDown');
  await expect(viewport).toHaveAttribute('aria-activedescendant', 'drift-row-1');
  await page.keyboard.press('End');
  await expect(viewport).toHaveAttribute('aria-activedescendant', `drift-row-${total - 1}`);
  const last = page.locator(`#drift-row-${total - 1}`);
  await expect(last).toBeInViewport({ ratio: 1 });
  await page.keyboard.press(' ');
  await expect(last.locator('input[type=checkbox]')).toBeChecked();
  expect((await counts(page)).selected).toBe(1);
  await page.keyboard.press('PageUp');
  await expect(viewport).toHaveAttribute('aria-activedescendant', `drift-row-${total - 16}`);
  await page.keyboard.press('Home');
  await expect(page.locator('#drift-row-0')).toBeInViewport({ ratio: 1 });
});

test('credential authorizations load on demand; the console knows its own token', async ({ page }) => {
  await openReview(page);
  expect(await count(page, 'Credential authorizations to review')).toBeNull();
  const section = await category(page, 'Credential authorizations to review');
  await expect(section).toContainText('read on demand');
  // The Load button is where it is needed: in the section that needs it.
  await section.getByRole('button', { name: 'Load credential authorizations' }).click();
  await expect.poll(() => count(page, 'Credential authorizations to review')).toBeGreaterThan(0);
  expect((await counts(page)).rows).toBe(await count(page, 'Credential authorizations to review'));
  await section.getByLabel('Filter').fill("this console's token");
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('acme-corp-admin');
  await expect(rows(page).first()).toContainText('2e-token');
  await section.getByLabel('Filter').fill('not a member');
  expect((await counts(page)).shown).toBeGreaterThan(0);
});

test('a plain 403 on credential authorizations is said in that panel; the console stays open', async ({ page, request }) => {
  await openReview(page);
  await fault(request, { status: 403, path: '/credential-authorizations' });
  await summary(page).getByRole('button', { name: 'Load credential authorizations' }).click();
  await expect(summary(page).getByRole('alert')).toContainText('not loaded: Not allowed');
  await expect(page.getByRole('region', { name: 'SAML session' })).toContainText('Authorized for SAML SSO');
  await category(page, 'Members without a SCIM identity');
  await expect(page.getByRole('button', { name: /^Remove selected/ })).toBeVisible();
  // Trying again works once GitHub allows it.
  await summary(page).getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => count(page, 'Credential authorizations to review')).toBeGreaterThan(0);
});

test('the summary says what changed since the last review in this tab', async ({ page }) => {
  await openReview(page);
  const row = (title: string) => summary(page).getByRole('row').filter({ hasText: title });
  await expect(row('Members without any external identity')).toContainText('first review in this tab');
  const before = (await count(page, 'Members without any external identity'))!;
  await category(page, 'Members without any external identity');
  const [login] = await firstCells(page, 1);
  await rows(page).first().getByRole('button', { name: `Remove ${login}` }).click();
  const dialog = await confirmDialog(page, 'Remove 1 member', 'Remove from the organization');
  await expect(dialog.getByRole('status')).toHaveText('1 done, 0 failed, 0 not sent.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(await count(page, 'Members without any external identity')).toBe(before - 1);
  await page.getByRole('button', { name: 'Review again' }).click();
  await expect(row('Members without any external identity')).toContainText('0 new, 1 gone');
  await expect(row('SCIM identities never linked')).toContainText('no change');
  expect(await count(page, 'Members without any external identity')).toBe(before - 1);
});

test('a SAML refusal on the way in closes the gate and is said on the page', async ({ page, request }) => {
  await openReview(page);
  await setToken(request, 'e2e-token', 'sso-required');
  await page.getByRole('button', { name: 'Review again' }).click();
  await expect(page.getByRole('region', { name: 'SAML session' })).toContainText('SSO authorization required');
  await expect(page.locator('.review-page').getByRole('alert')).toContainText('not authorized');
});

test('no identity provider: said in plain words; the enterprise path reads the same nodes', async ({ page }) => {
  await page.goto(`${enterpriseUrl}/`);
  await page.getByLabel('Token', { exact: true }).fill('e2e-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('link', { name: 'Review' }).click();
  const note = page.getByRole('alert').filter({ hasText: 'No SAML identity provider' });
  await expect(note).toContainText('the token lacks the rights');
  await expect(note).toContainText('configured for the enterprise');
  const slug = page.getByLabel('Enterprise slug');
  const read = page.getByRole('button', { name: 'Read the identities from the enterprise' });
  await read.click();
  await expect(page.locator('#slug-problem')).toContainText('Enter the enterprise');
  await slug.fill('no-such-ent');
  await read.click();
  await expect(page.getByRole('alert').filter({ hasText: 'no-such-ent' })).toContainText(
    "Could not resolve to an Enterprise with the slug of 'no-such-ent'");
  // The slug can be corrected right there.
  await slug.fill('acme-ent');
  await read.click();
  await expect(summary(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.review-page')).toContainText("enterprise acme-ent's SAML identity provider");
  for (const title of ['Members without a SCIM identity', 'SCIM identities never linked', 'NameID ≠ SCIM userName']) {
    expect(await count(page, title), title).toBeGreaterThan(0);
  }
});

test('exports: a category and the whole review, as CSV and JSON', async ({ page }) => {
  await openReview(page);
  await category(page, 'Identities linked to a login that is no longer a member');
  const shown = (await counts(page)).rows;
  const save = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: require('node:fs').readFileSync(path!, 'utf8') as string };
  };
  const csv = await save('Export shown rows (CSV)');
  expect(csv.name).toMatch(/^scim-admin-review-linked-non-members-.*\.csv$/);
  const lines = csv.text.trim().split('\r\n');
  expect(lines[0]).toBe('"key","login","saml_name_id","scim_user_name","scim_user_id","guid"');
  expect(lines.length).toBe(shown + 1);
  const json = JSON.parse((await save('Export shown rows (JSON)')).text);
  expect(json.length).toBe(shown);
  expect(Object.keys(json[0]).sort()).toEqual(['guid', 'key', 'login', 'saml_name_id', 'scim_user_id', 'scim_user_name']);
  const whole = JSON.parse((await save('Export the review (JSON)')).text);
  expect(whole.organization).toBe('acme-corp');
  expect(whole.credentials_loaded).toBe(false);
  expect(whole.counts['scim-never-linked']).toBe(await count(page, 'SCIM identities never linked'));
  expect(whole.counts.credentials).toBeNull();
  const all = (await save('Export the review (CSV)')).text.trim().split('\r\n');
  expect(all[0].startsWith('"category","key","login"')).toBeTruthy();
  const total = Object.values(whole.counts).reduce((a: number, b) => a + ((b as number) ?? 0), 0);
  expect(all.length).toBe(total + 1);
});
