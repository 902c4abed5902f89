// A table takes one Tab stop and its active row's controls, not every row's (issue 23: Tab
// stopped on each rendered row's checkbox and link). Arrow keys move between rows.
import { test, expect } from './fixtures';
import type { Page } from './fixtures';
import { connectAndLoad, reset } from './helpers';
import { category, openReview } from './review-helpers';

test.beforeEach(async ({ request }) => reset(request));

/** Tabs from the table's viewport until focus leaves it; the row controls it stopped on
 *  (the header's select-all and sort headings are stops of their own, once). */
async function tabStopsInRows(page: Page, viewport: string): Promise<string[]> {
  await page.locator(viewport).focus();
  const stops: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(sel => {
      const el = document.activeElement;
      if (!el || !document.querySelector(sel)?.contains(el)) return 'outside';
      const row = el.closest('tbody tr');
      return row ? `${row.id} ${el.tagName}` : 'header';
    }, viewport);
    if (where === 'outside') break;
    if (where !== 'header') stops.push(where);
  }
  return stops;
}

test('identities: Tab stops at the active row only; arrows move it', async ({ page }) => {
  await connectAndLoad(page);
  expect(await tabStopsInRows(page, '.members-page .table-viewport')).toEqual(['row-0 INPUT', 'row-0 A']);
  await page.locator('.members-page .table-viewport').focus();
  await page.keyboard.press('ArrowDown');
  expect(await tabStopsInRows(page, '.members-page .table-viewport')).toEqual(['row-1 INPUT', 'row-1 A']);
});

test('review: Tab stops at the active row only', async ({ page }) => {
  await openReview(page);
  await category(page, 'Members without a SCIM identity');
  const stops = await tabStopsInRows(page, 'section.category .table-viewport');
  expect(stops.length).toBeGreaterThan(0);
  expect(new Set(stops.map(s => s.split(' ')[0]))).toEqual(new Set(['drift-row-0']));
});

test('after Connect the focus is on the page, not lost at the document', async ({ page }) => {
  await connectAndLoad(page);
  await expect(page.locator('main#main')).toBeFocused();
});

test('a form with problems moves the focus to the first field at fault, its error beside it', async ({ page }) => {
  await connectAndLoad(page);
  await page.getByRole('link', { name: 'Provision' }).click();
  await page.getByLabel(/^userName/).fill('new.person@example.com');
  await page.getByRole('button', { name: 'Provision' }).click();
  const given = page.getByLabel(/^Given name/);
  await expect(given).toBeFocused();
  await expect(given).toHaveAccessibleDescription(/Enter a given name\./);
});
