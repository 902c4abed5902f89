// GitHub's bad days: a 429 is waited out with a visible note; a 500 is shown, not hidden.
import { test, expect } from './fixtures';
import { apiUsers, connectAndLoad, fault, reset, seen, SEEDED } from './helpers';

test.beforeEach(async ({ request }) => reset(request));

test('a 429 with retry-after pauses loading visibly and then completes', async ({ page, request }) => {
  await connectAndLoad(page);
  await fault(request, { status: 429, retryAfter: 2, method: 'GET', path: '/Users', count: 1 });
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByText('Rate limited by GitHub: paused')).toBeVisible();
  await expect(page.getByText(`${SEEDED} identities ·`)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
});

test('a 500 that persists is shown with what to do', async ({ page, request }) => {
  const target = (await apiUsers(page.request, 'count=1')).Resources[0];
  await connectAndLoad(page);
  await fault(request, { status: 500, method: 'GET', path: target.id, count: 10 });
  await page.locator('table.members tbody tr:not(.spacer)').first().getByRole('link').click();
  await expect(page.getByRole('alert')).toContainText('GitHub had an internal error (500)', { timeout: 15_000 });
  await expect(page.getByRole('alert')).toContainText('Try again later');
  const gets = (await seen(request)).filter(r => r.uri.includes(target.id));
  expect(gets.length).toBe(4); // retried, bounded
});

test('a totalResults that keeps growing is loaded up to a bound, and the page says so', async ({ page }) => {
  // Every answer claims 1,000 more identities than it reaches: paging it through would never end.
  await page.route('**/scim/v2/organizations/acme-corp/Users?*', async route => {
    const response = await route.fetch();
    const body = await response.json();
    body.totalResults = body.startIndex - 1 + body.Resources.length + 1000;
    await route.fulfill({ response, json: body });
  });
  await page.goto('/');
  await page.getByLabel('Token', { exact: true }).fill('e2e-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  const note = page.getByRole('alert').filter({ hasText: 'kept growing' });
  await expect(note).toBeVisible({ timeout: 30_000 });
  await expect(note).toContainText('Reload');
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0); // the load ended
  await expect(page.locator('table.members')).toHaveAttribute('aria-rowcount', String(SEEDED + 1));
});
