// The session's lifecycle around writes: "Check again" keeps a half-filled form, Disconnect
// stops a bulk run before its next write (and offers the log first), a reload in the middle of
// a run keeps its records, and the token never reaches a URL.
import { readFileSync } from 'fs';
import { test, expect } from './fixtures';
import {
  connectAndLoad, deletes, deprovisionSelected, fault, reset, rows, seen, selectFirst, setToken, SEEDED, USERS,
} from './helpers';

test.beforeEach(async ({ request }) => reset(request));

test('"Check again" keeps a half-filled provision form', async ({ page, request }) => {
  await connectAndLoad(page);
  await page.getByRole('link', { name: 'Provision' }).click();
  await page.getByLabel(/^userName/).fill('half.filled@acme-corp.example');
  await page.getByLabel(/^Given name/).fill('Half');
  const gate = page.getByRole('region', { name: 'SAML session' });
  await setToken(request, 'e2e-token', 'sso-required');
  await gate.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByRole('heading', { name: 'Configuration is locked' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Provision' })).toHaveCount(0);
  await setToken(request, 'e2e-token', 'authorized');
  await gate.getByRole('button', { name: 'Check again' }).click();
  await expect(gate).toContainText('Authorized for SAML SSO');
  await expect(page.getByLabel(/^userName/)).toHaveValue('half.filled@acme-corp.example');
  await expect(page.getByLabel(/^Given name/)).toHaveValue('Half');
});

test('Disconnect during a bulk run stops it before the next write and offers the log first', async ({ page, request }) => {
  await connectAndLoad(page);
  const ids = await selectFirst(page, 5);
  await fault(request, { delayMs: 1_500, method: 'DELETE', path: ids[0] });
  const dialog = await deprovisionSelected(page, 5);
  await expect(dialog.getByRole('listitem').nth(0)).toContainText('sending…');
  await dialog.getByRole('button', { name: 'Hide (the run goes on)' }).click();
  await page.getByRole('button', { name: 'Disconnect' }).click();
  const ask = page.getByRole('dialog', { name: 'Disconnect' });
  await expect(ask).toContainText("clears this tab's activity log (5 entries)");
  // The write in flight finishes (its outcome goes into the export); nothing else is sent.
  const leave = ask.getByRole('button', { name: 'Disconnect and clear the log' });
  await expect(leave).toBeEnabled({ timeout: 5_000 });
  const download = page.waitForEvent('download');
  await ask.getByRole('button', { name: 'Export CSV' }).click();
  const text = readFileSync(await (await download).path()).toString();
  expect(text.match(/not sent: disconnected/g)?.length).toBe(4);
  expect(text).toMatch(/"deprovision","[^"]+","[^"]+","done"/);
  await leave.click();
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await page.waitForTimeout(2_500); // more than the gap between writes
  expect((await deletes(request)).length).toBe(1);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test('a reload in the middle of a bulk run keeps the records so far, the write in flight unknown', async ({ page, request }) => {
  await page.goto('/');
  await page.getByLabel('Token', { exact: true }).fill('e2e-token');
  await page.getByLabel(/Keep the token for this tab/).check();
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.locator('table.members')).toHaveAttribute('aria-rowcount', String(SEEDED + 1));
  const ids = await selectFirst(page, 5);
  await fault(request, { delayMs: 4_000, method: 'DELETE', path: ids[1] });
  const dialog = await deprovisionSelected(page, 5);
  await expect(dialog.getByRole('listitem').nth(0)).toContainText('removed');
  await expect(dialog.getByRole('listitem').nth(1)).toContainText('sending…');
  // Leaving asks first while a write is in flight.
  const asked = new Promise<string>(resolve => page.once('dialog', d => { resolve(d.type()); void d.accept(); }));
  await page.reload();
  expect(await asked).toBe('beforeunload');
  await expect(page.getByRole('region', { name: 'SAML session' })).toContainText('Authorized for SAML SSO');
  await page.getByRole('link', { name: 'Activity' }).click();
  const entries = page.locator('table.activity tbody tr');
  await expect(entries).toHaveCount(5);
  // Newest first: the 5th item is the first row.
  await expect(entries.nth(4)).toContainText('done');
  await expect(entries.nth(3)).toContainText('outcome unknown: the tab was reloaded while it was in flight');
  for (const i of [0, 1, 2]) await expect(entries.nth(i)).toContainText('not sent: the tab was reloaded');
  // GitHub finishes the DELETE it was given; nothing after it is sent.
  const auth = { headers: { Authorization: 'Bearer e2e-token' } };
  await expect.poll(async () => (await request.get(`${USERS}/${ids[1]}`, auth)).status(), { timeout: 10_000 }).toBe(404);
  expect((await deletes(request)).length).toBe(2);
});

test('the token never reaches a URL, even when the form is submitted without the console', async ({ page, request }) => {
  const lines: string[] = [];
  page.on('request', r => lines.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
  const navigations: string[] = [];
  page.on('framenavigated', f => navigations.push(f.url()));
  await page.goto('/');
  const token = page.getByLabel('Token', { exact: true });
  await token.fill('e2e-token');
  expect(await token.getAttribute('name')).toBeNull();
  expect(await token.getAttribute('type')).not.toBe('password');
  // Submitted by the browser itself, bypassing the console's handler.
  const left = page.waitForEvent('framenavigated');
  await page.evaluate(() => (document.querySelector('form.connect') as HTMLFormElement).submit());
  await left;
  await page.waitForLoadState();
  expect(lines.some(l => l.startsWith('POST '))).toBe(true); // it was submitted, as a POST
  await page.goto('/');
  await page.getByLabel('Token', { exact: true }).fill('e2e-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByText(`${SEEDED} identities ·`)).toBeVisible();
  expect(page.url()).not.toContain('e2e-token');
  for (const url of navigations) expect(url).not.toContain('e2e-token');
  for (const line of lines) expect(line).not.toContain('e2e-token');
  const log = await seen(request);
  expect(log.length).toBeGreaterThan(0);
  for (const r of log) expect(r.uri).not.toContain('e2e-token');
});

test('every API request names the console with X-Requested-With', async ({ page }) => {
  const api: Record<string, string>[] = [];
  page.on('request', r => { if (r.url().includes('/scim/v2/')) api.push(r.headers()); });
  await connectAndLoad(page);
  await rows(page).first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Identity');
  expect(api.length).toBeGreaterThan(2);
  for (const headers of api) expect(headers['x-requested-with']).toBe('scim-admin');
});
