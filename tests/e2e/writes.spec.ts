// Writes cannot outrun the SAML gate: a bulk run stops the moment the gate closes, and a write
// waiting out a rate limit is not sent once it has closed. Counted on the emulator's request log.
import { test, expect } from './fixtures';
import { connectAndLoad, deletes, deprovisionSelected, fault, reset, selectFirst, setToken } from './helpers';

test.beforeEach(async ({ request }) => reset(request));

test('the 3rd DELETE meets 403 + X-GitHub-SSO: exactly 3 are sent, the last 2 read not sent', async ({ page, request }) => {
  await connectAndLoad(page);
  const ids = await selectFirst(page, 5);
  await fault(request, { status: 403, sso: true, method: 'DELETE', path: ids[2] });
  const dialog = await deprovisionSelected(page, 5);
  await expect(dialog.getByRole('status')).toHaveText('2 removed, 1 failed, 2 not sent.', { timeout: 20_000 });
  const items = dialog.getByRole('listitem');
  await expect(items.nth(2)).toContainText('failed: This token is not authorized');
  for (const i of [3, 4]) await expect(items.nth(i)).toContainText('not sent: SAML session not authorized');
  expect((await deletes(request)).length).toBe(3);
  await expect(page.getByRole('region', { name: 'SAML session' })).toContainText('SSO authorization required');
});

test('the SSO answer arrives while a write waits out a 429: that write is never sent', async ({ page, request }) => {
  await connectAndLoad(page);
  const ids = await selectFirst(page, 5);
  await fault(request, { status: 429, retryAfter: 5, method: 'DELETE', path: ids[2] });
  const dialog = await deprovisionSelected(page, 5);
  await expect.poll(async () => (await deletes(request)).length, { timeout: 10_000 }).toBe(3);
  await expect(dialog.getByRole('listitem').nth(2)).toContainText('sending…');
  // The owner's SAML authorization ends; the next answer from GitHub says so.
  await setToken(request, 'e2e-token', 'sso-required');
  await dialog.getByRole('button', { name: 'Hide (the run goes on)' }).click();
  const gate = page.getByRole('region', { name: 'SAML session' });
  await gate.getByRole('button', { name: 'Check again' }).click();
  await expect(gate).toContainText('SSO authorization required');
  // The run ends without waiting the 5 s out, and sends nothing more.
  const run = page.getByRole('status').filter({ hasText: 'Deprovisioning finished' });
  await expect(run).toContainText('5 of 5', { timeout: 4_000 });
  await page.waitForTimeout(6_000); // past the retry-after
  expect((await deletes(request)).length).toBe(3);
  await run.getByRole('button', { name: 'Show results' }).click();
  const results = page.getByRole('dialog', { name: 'Deprovision 5 identities' });
  await expect(results.getByRole('status')).toHaveText('2 removed, 0 failed, 3 not sent.');
  for (const i of [2, 3, 4]) {
    await expect(results.getByRole('listitem').nth(i)).toContainText('not sent: SAML session not authorized');
  }
});
