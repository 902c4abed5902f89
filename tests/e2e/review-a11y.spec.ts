// The review page, its dialogs and the no-provider note pass axe-core (WCAG 2.1 A and AA, every impact) in both themes; the
// README's screenshot (docs/review.png) is taken against the demo's 1,500 identities
// (UPDATE_DOCS=1 writes it into docs/; otherwise it goes to test-results/screens/).
import { test, expect } from './fixtures';
import { demoUrl, enterpriseUrl } from '../../playwright.config';
import { scanBothThemes } from './axe';
import { reset } from './helpers';
import { category, count, openReview, rows, summary } from './review-helpers';

// Each scan runs at two widths in two themes: a test of several scans takes minutes.
test.describe.configure({ timeout: 240_000 });
test.beforeEach(async ({ request }) => reset(request));

test('the review page and its dialogs pass axe in both themes', async ({ page }) => {
  await openReview(page);
  await summary(page).getByRole('button', { name: 'Load credential authorizations' }).click();
  await expect.poll(() => count(page, 'Credential authorizations to review')).toBeGreaterThan(0);
  await scanBothThemes(page, 'review');
  await category(page, 'Credential authorizations to review');
  await scanBothThemes(page, 'review-credentials');
  await category(page, 'Members without any external identity');
  await rows(page).first().locator('input[type=checkbox]').check();
  const opener = page.getByRole('button', { name: 'Remove selected (1)' });
  await opener.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scanBothThemes(page, 'review-action-dialog');
  // Focus is held by the dialog and returns to the opener when it closes.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('a category filtered to nothing, and one scrolled past its active row, pass axe', async ({ page }) => {
  await openReview(page);
  const section = await category(page, 'SCIM identities never linked');
  // The active row scrolled out of the rendered window: nothing may point at it.
  await page.locator('.table-viewport.drift').evaluate(e => { e.scrollTop = e.scrollHeight; });
  await expect(rows(page).first()).not.toHaveAttribute('id', 'drift-row-0');
  await scanBothThemes(page, 'review-scrolled');
  await section.getByRole('searchbox').fill('no row has this text');
  await expect(section.locator('.counts')).toContainText('0 shown');
  await scanBothThemes(page, 'review-filtered-to-nothing');
});

test('the no-provider note passes axe in both themes', async ({ page }) => {
  await page.goto(`${enterpriseUrl}/`);
  await page.getByLabel('Token', { exact: true }).fill('e2e-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByLabel('Enterprise slug')).toBeVisible();
  await scanBothThemes(page, 'review-no-provider');
});

test('the README screenshot: the review of the demo organization', async ({ page }) => {
  await page.goto(`${demoUrl}/`);
  await page.getByLabel('Token', { exact: true }).fill('demo-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(summary(page)).toBeVisible({ timeout: 30_000 });
  await summary(page).getByRole('button', { name: 'Load credential authorizations' }).click();
  await expect.poll(() => count(page, 'Credential authorizations to review')).toBeGreaterThan(0);
  // The demo shows every category populated.
  for (const title of ['Members without a SCIM identity', 'Members without any external identity',
    'SCIM identities never linked', 'NameID ≠ SCIM userName',
    'Identities linked to a login that is no longer a member', 'Credential authorizations to review',
    'Outside collaborators']) {
    expect(await count(page, title), title).toBeGreaterThan(0);
  }
  await category(page, 'SCIM identities never linked');
  await page.locator('.notice').getByRole('button', { name: 'Dismiss' }).click().catch(() => {});
  await page.setViewportSize({ width: 1280, height: 900 });
  const path = process.env.UPDATE_DOCS ? 'docs/review.png' : 'test-results/screens/review-readme.png';
  await page.screenshot({ path });
});
