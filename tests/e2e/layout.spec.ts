// The layout at the narrowest width the console supports (1024 px): the header stays one row
// while a bulk run shows under it, and every column of the identity table keeps a readable width.
import { test, expect } from './fixtures';
import { connectAndLoad, deprovisionSelected, fault, reset, selectFirst } from './helpers';

test.beforeEach(async ({ request }) => reset(request));
test.use({ viewport: { width: 1024, height: 768 } });

test('1024 px: the header is one row during a bulk run; no table column is squeezed away', async ({ page, request }) => {
  await connectAndLoad(page);
  const widths = await page.locator('table.members thead th').evaluateAll(ths => ths.map(th => th.getBoundingClientRect().width));
  expect(widths.length).toBe(8);
  for (const w of widths.slice(1)) expect(w).toBeGreaterThan(60);

  const ids = await selectFirst(page, 3);
  await fault(request, { delayMs: 8_000, method: 'DELETE', path: ids[0] });
  const dialog = await deprovisionSelected(page, 3);
  await dialog.getByRole('button', { name: 'Hide (the run goes on)' }).click();
  const header = page.locator('header.top');
  await expect(page.getByRole('status', { name: 'Bulk run' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/screens/header-bulk-1024.png' });
  const rows = await header.evaluate(h => {
    const tops = [...h.children].map(c => Math.round(c.getBoundingClientRect().top / 10));
    return new Set(tops).size;
  });
  expect(rows, 'the header children all sit on one row').toBe(1);
});
