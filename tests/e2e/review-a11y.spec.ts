// The review page, its dialogs and the no-provider note pass axe-core in both themes; the
// README's screenshot (docs/review.png) is taken against the demo's 1,500 identities
// (UPDATE_DOCS=1 writes it into docs/; otherwise it goes to test-results/screens/).
import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { demoUrl, enterpriseUrl } from '../../playwright.config';
import { reset } from './helpers';
import { category, count, openReview, rows, summary } from './review-helpers';

test.beforeEach(async ({ request }) => reset(request));

/** No serious or critical violation, light and dark. */
async function check(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target).join(' ')})`), `${name}, ${scheme}`).toEqual([]);
    await page.screenshot({ path: `test-results/screens/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the review page and its dialogs pass axe in both themes', async ({ page }) => {
  await openReview(page);
  await summary(page).getByRole('button', { name: 'Load credential authorizations' }).click();
  await expect.poll(() => count(page, 'Credential authorizations to review')).toBeGreaterThan(0);
  await check(page, 'review');
  await category(page, 'Credential authorizations to review');
  await check(page, 'review-credentials');
  await category(page, 'Members without any external identity');
  await rows(page).first().locator('input[type=checkbox]').check();
  const opener = page.getByRole('button', { name: 'Remove selected (1)' });
  await opener.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, 'review-action-dialog');
  // Focus is held by the dialog and returns to the opener when it closes.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('the no-provider note passes axe in both themes', async ({ page }) => {
  await page.goto(`${enterpriseUrl}/`);
  await page.getByLabel('Token', { exact: true }).fill('e2e-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByLabel('Enterprise slug')).toBeVisible();
  await check(page, 'review-no-provider');
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
