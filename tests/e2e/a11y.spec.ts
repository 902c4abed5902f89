// Accessibility scan (axe-core) of every page and the dialog, and screenshots of each in light
// and dark themes (test-results/screens/), for a person to look at.
import { test, expect, Page } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { apiUsers, connectAndLoad, reset, rows } from './helpers';

test.beforeEach(async ({ request }) => reset(request));

async function check(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target).join(' ')})`), name).toEqual([]);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `test-results/screens/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('every page passes axe with no serious or critical violation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await check(page, 'connect');
  await connectAndLoad(page);
  await check(page, 'identities');
  const target = (await apiUsers(page.request, 'count=1')).Resources[0];
  await rows(page).first().getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.userName);
  await check(page, 'identity');
  await page.getByRole('link', { name: 'Edit (full replace)' }).click();
  await expect(page.getByLabel(/^userName/)).toHaveValue(target.userName);
  await check(page, 'edit');
  await page.getByRole('link', { name: 'Provision' }).click();
  await check(page, 'provision');
  await page.getByRole('link', { name: 'Activity' }).click();
  await check(page, 'activity');
  await page.getByRole('link', { name: 'Identities', exact: true }).click();
  await rows(page).first().locator('input[type=checkbox]').check();
  await page.getByRole('button', { name: 'Deprovision selected (1)' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, 'deprovision-dialog');
  // Focus is held by the dialog and returns to the opener when it closes.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Deprovision selected (1)' })).toBeFocused();
});
