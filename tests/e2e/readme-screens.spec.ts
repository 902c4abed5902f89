// The README's pictures of the identities page and the deprovision dialog, taken against the
// demo's 1,500 identities at 1280 px (UPDATE_DOCS=1 writes them into docs/; otherwise they go
// to test-results/screens/). The review's picture is taken in review-a11y.spec.ts.
import { test, expect } from './fixtures';
import { demoUrl } from '../../playwright.config';

const where = (name: string) => (process.env.UPDATE_DOCS ? `docs/${name}` : `test-results/screens/readme-${name}`);

test('the README screenshots: the identities page and the deprovision dialog (dark)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`${demoUrl}/`);
  await page.getByLabel('Token', { exact: true }).fill('demo-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.locator('table.members')).toHaveAttribute('aria-rowcount', '1501');
  await page.locator('.notice').getByRole('button', { name: 'Dismiss' }).click().catch(() => {});
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: where('identities.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  const boxes = page.locator('table.members tbody tr:not(.spacer) input[type=checkbox]');
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await page.getByRole('button', { name: 'Deprovision selected (3)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deprovision 3 identities' });
  await dialog.getByLabel('Type the number 3 to confirm').fill('3');
  await page.screenshot({ path: where('deprovision-dark.png') });
});
