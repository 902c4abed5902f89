// The member table: thousands of rows with a small DOM, sort, quick filter, exact lookup, URL
// state that survives a reload, keyboard.
import { test, expect } from './fixtures';
import { apiUsers, connectAndLoad, fault, reset, rows, SEEDED } from './helpers';

test.beforeEach(async ({ request }) => reset(request));

test('thousands of rows load with a small DOM, in GitHub\'s order however the pages arrive, and scroll', async ({ page }) => {
  // Two pages are asked at once: the next-to-last answers late, so the last one arrives first.
  await fault(page.request, { path: `startIndex=${SEEDED - 199}&`, delayMs: 1500 });
  await connectAndLoad(page);
  await expect(page.getByRole('status').filter({ hasText: 'shown' })).toContainText(`${SEEDED} identities · ${SEEDED} shown`);
  expect(await rows(page).count()).toBeLessThan(80);
  await page.locator('.table-viewport').evaluate(el => { el.scrollTop = el.scrollHeight; });
  await expect(rows(page).last()).toContainText('@');
  const last = await apiUsers(page.request, `startIndex=${SEEDED}&count=1`);
  await expect(page.locator('table.members')).toContainText(last.Resources[0].userName);
});

test('sorting, filtering and the URL that keeps them', async ({ page }) => {
  await connectAndLoad(page);
  await page.getByRole('button', { name: 'userName' }).click();
  await expect(page).toHaveURL(/sort=userName/);
  const names = await rows(page).locator('td:nth-child(2)').allTextContents();
  const sorted = [...names].sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : 1);
  expect(names.slice(0, 10)).toEqual(sorted.slice(0, 10));
  await page.getByRole('button', { name: 'userName' }).click();
  await expect(page).toHaveURL(/sort=userName&dir=desc/);
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('userName');

  await page.getByRole('searchbox', { name: 'Filter' }).fill('zoe.m');
  await expect(page).toHaveURL(/q=zoe\.m/);
  const shown = await rows(page).count();
  expect(shown).toBeGreaterThan(0);
  for (const text of await rows(page).locator('td:nth-child(2)').allTextContents()) {
    expect(text.toLowerCase()).toContain('zoe.m');
  }
  // A shared link opens the same view (after connecting).
  const link = page.url();
  const other = await page.context().newPage();
  await other.goto(link);
  await other.getByLabel('Token', { exact: true }).fill('e2e-token');
  await other.getByRole('button', { name: 'Connect' }).click();
  await expect(other.getByRole('searchbox', { name: 'Filter' })).toHaveValue('zoe.m');
  await expect(other.locator('th[aria-sort="descending"]')).toContainText('userName');
});

test('exact lookup on GitHub finds one person', async ({ page }) => {
  const target = (await apiUsers(page.request, 'startIndex=1234&count=1')).Resources[0];
  await connectAndLoad(page);
  await page.getByRole('searchbox', { name: 'Value to look up' }).fill(target.userName.toUpperCase());
  await page.getByRole('button', { name: 'Look up' }).click();
  await page.getByRole('list', { name: 'Lookup results' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.userName);
  await expect(page.locator('code')).toHaveText(target.id);
});

test('keyboard: / focuses the filter, arrows, End, PageUp and Home move into view, Enter opens', async ({ page }) => {
  await connectAndLoad(page);
  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter' })).toBeFocused();
  await page.locator('.table-viewport').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = (await rows(page).nth(2).locator('td:nth-child(2)').textContent()) ?? '';
  // End and Home bring the last and the first row into view (the table renders only those).
  const viewport = page.locator('.table-viewport');
  await page.keyboard.press('End');
  await expect(viewport).toHaveAttribute('aria-activedescendant', `row-${SEEDED - 1}`);
  await expect(page.locator(`#row-${SEEDED - 1}`)).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('PageUp');
  await expect(viewport).toHaveAttribute('aria-activedescendant', `row-${SEEDED - 16}`);
  await page.keyboard.press('Home');
  await expect(page.locator('#row-0')).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(third);
});
