// Accessibility: axe-core (WCAG 2.1 A and AA) on every page, state and dialog, in the light and
// the dark theme (tests/e2e/axe.ts), with screenshots of each; dialogs hold and return focus.
import { test, expect, Page } from './fixtures';
import { apiUsers, connect, connectAndLoad, fault, reset, rows, selectFirst, setToken, SEEDED, USERS } from './helpers';
import { scanBothThemes as scan } from './axe';

// Each scan runs at two widths in two themes: a test of several scans takes minutes.
test.describe.configure({ timeout: 240_000 });
test.beforeEach(async ({ request }) => reset(request));

async function go(page: Page, path: string) {
  await page.evaluate(to => { history.pushState({}, '', to); dispatchEvent(new PopStateEvent('popstate')); }, path);
}

test('connect: the form, a refused token', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await scan(page, 'connect');
  await connect(page, 'not-a-real-token');
  await expect(page.getByRole('alert')).toContainText('GitHub rejected the token');
  await scan(page, 'connect-refused');
});

test('identities: loading (rate-limited), loaded with the notice, lookup results, no match, a failed read, no such page', async ({ page, request }) => {
  await connectAndLoad(page);
  await fault(request, { status: 429, retryAfter: 5, method: 'GET', path: '/Users', count: 1 });
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByText('Rate limited by GitHub: paused')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await scan(page, 'identities-loading-rate-limited');
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole('complementary', { name: 'About changes made here' })).toBeVisible();
  await rows(page).first().locator('input[type=checkbox]').check();
  await scan(page, 'identities');
  const someone = (await apiUsers(request, 'count=1')).Resources[0];
  await page.getByRole('searchbox', { name: 'Value to look up' }).fill(someone.userName);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByRole('list', { name: 'Lookup results' })).toBeVisible();
  await scan(page, 'lookup-found');
  await page.getByRole('searchbox', { name: 'Value to look up' }).fill('nobody@nowhere.example');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByText('No identity matches exactly.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter' }).fill('matches nothing at all');
  await scan(page, 'lookup-none-filter-empty');
  await fault(request, { status: 500, method: 'GET', path: someone.id, count: 10 });
  await go(page, `/identities/${someone.id}`);
  await expect(page.getByRole('alert')).toContainText('internal error', { timeout: 15_000 });
  await scan(page, 'identity-load-error');
  await go(page, '/no/such/page');
  await expect(page.getByText('There is no such page.')).toBeVisible();
  await scan(page, 'no-such-page');
});

test('identity, edit, provision with its errors, a toast, activity empty and with entries', async ({ page }) => {
  await connectAndLoad(page);
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByText('No configuration action yet in this tab.')).toBeVisible();
  await scan(page, 'activity-empty');
  const target = (await apiUsers(page.request, 'count=1')).Resources[0];
  await go(page, `/identities/${target.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.userName);
  await page.getByText('Raw JSON as GitHub sent it').click();
  await scan(page, 'identity');
  await page.getByRole('link', { name: 'Edit all attributes' }).click();
  await expect(page.getByLabel(/^userName/)).toHaveValue(target.userName);
  await scan(page, 'edit');
  await page.getByRole('link', { name: 'Provision' }).click();
  await scan(page, 'provision');
  await page.getByLabel('Emails (required, one per line; the first is primary)').fill('not-an-email');
  await page.getByRole('button', { name: 'Provision' }).click();
  await expect(page.locator('#field-emails-error')).toContainText('needs an @');
  await scan(page, 'provision-invalid');
  await page.getByLabel(/^userName/).fill(target.userName);
  await page.getByLabel(/^Given name/).fill('Same');
  await page.getByLabel(/^Family name/).fill('Person');
  await page.getByLabel('Emails (required, one per line; the first is primary)').fill('same@example.com');
  await page.getByRole('button', { name: 'Provision' }).click();
  await expect(page.getByRole('link', { name: 'open the existing identity' })).toBeVisible();
  await scan(page, 'provision-conflict');
  await page.getByLabel(/^userName/).fill('new.person@acme-corp.example');
  await page.getByRole('button', { name: 'Provision' }).click();
  await expect(page.locator('.toast')).toContainText('Provisioned new.person@acme-corp.example');
  await scan(page, 'toast');
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.locator('table.activity tbody tr')).toHaveCount(2); // the refused one and the new one
  await scan(page, 'activity');
});

test('deprovision dialog (confirm, running, finished), the header indicator, the disconnect dialog; focus', async ({ page, request }) => {
  await connectAndLoad(page);
  const ids = await selectFirst(page, 3);
  const opener = page.getByRole('button', { name: 'Deprovision selected (3)' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Deprovision 3 identities' });
  await dialog.getByLabel('Type the number 3 to confirm').fill('3');
  await scan(page, 'deprovision-confirm');
  // Focus is held by the dialog and returns to the opener when it closes.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  // Held long enough for the three scans below, and shorter than the client's 30 s timeout: a
  // timed-out DELETE is retried, and the held one would then land in the next test's world.
  await fault(request, { delayMs: 20_000, method: 'DELETE', path: ids[0] });
  await opener.click();
  await dialog.getByLabel('Type the number 3 to confirm').fill('3');
  await dialog.getByRole('button', { name: 'Deprovision' }).click();
  await expect(dialog.getByRole('listitem').first()).toContainText('sending…');
  await scan(page, 'deprovision-running', [1400]);
  await dialog.getByRole('button', { name: 'Hide (the run goes on)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deprovisioning: 0 of 3' })).toBeVisible();
  await scan(page, 'bulk-indicator-running', [1024]);
  await page.getByRole('button', { name: 'Disconnect' }).click();
  const ask = page.getByRole('dialog', { name: 'Disconnect' });
  await expect(ask.getByText('Waiting for the write in flight to finish…')).toBeVisible();
  await scan(page, 'disconnect-waiting', [1400]);
  await expect(ask.getByRole('button', { name: 'Disconnect and clear the log' })).toBeEnabled({ timeout: 30_000 });
  await scan(page, 'disconnect');
  await ask.getByRole('button', { name: 'Stay connected' }).click();
  const indicator = page.getByRole('status').filter({ hasText: 'Deprovisioning finished' });
  await expect(indicator).toBeVisible();
  await scan(page, 'bulk-indicator-finished');
  await indicator.getByRole('button', { name: 'Show results' }).click();
  await expect(dialog.getByRole('status')).toContainText('1 removed');
  await scan(page, 'deprovision-finished');
});

test('the gate closed: SSO required (configuration locked), read-only', async ({ page, request }) => {
  await connect(page, 'e2e-sso');
  await expect(page.getByRole('link', { name: 'Authorize on github.com' })).toBeVisible();
  await page.getByRole('link', { name: 'Provision' }).click();
  await expect(page.getByRole('heading', { name: 'Configuration is locked' })).toBeVisible();
  await scan(page, 'gate-sso-required');
  await setToken(request, 'e2e-sso', 'authorized');
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await connectAndLoad(page, 'e2e-reader');
  await rows(page).first().locator('input[type=checkbox]').check();
  await expect(page.locator('#deprovision-why')).toContainText('writes need admin:org');
  await scan(page, 'gate-read-only');
});

test('an organization with no identities yet', async ({ page, request }) => {
  test.setTimeout(120_000);
  const auth = { headers: { Authorization: 'Bearer e2e-token' } };
  for (let start = 1; start <= SEEDED; start += 100) {
    const page100 = (await apiUsers(request, `startIndex=1&count=100`)).Resources;
    await Promise.all(page100.map((u: { id: string }) => request.delete(`${USERS}/${u.id}`, auth)));
  }
  expect((await apiUsers(request, 'count=0')).totalResults).toBe(0);
  await connect(page);
  await expect(page.getByText('This organization has no SCIM provisioned identities yet.')).toBeVisible();
  await scan(page, 'identities-empty');
});
