// Shared steps: talk to the emulator's test interface, connect like an owner would.
import { Page, APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';

export const SEEDED = 2500;
export const USERS = '/scim/v2/organizations/acme-corp/Users';
const auth = { Authorization: 'Bearer e2e-token' };

export async function reset(request: APIRequestContext) {
  expect((await request.post('/_emulator/reset')).ok()).toBeTruthy();
}

export async function fault(request: APIRequestContext, body: object) {
  expect((await request.post('/_emulator/faults', { data: body })).ok()).toBeTruthy();
}

export async function setToken(request: APIRequestContext, token: string, state: string) {
  expect((await request.post('/_emulator/tokens', { data: { token, state } })).ok()).toBeTruthy();
}

/** Requests the emulator saw (method, uri), oldest first. */
export async function seen(request: APIRequestContext): Promise<{ method: string; uri: string }[]> {
  const all = await (await request.get('/_emulator/requests')).json();
  return all.filter((r: { uri: string }) => r.uri.startsWith('/scim/'));
}

export async function apiUsers(request: APIRequestContext, query = 'count=100') {
  return (await request.get(`${USERS}?${query}`, { headers: auth })).json();
}

export async function connect(page: Page, token = 'e2e-token', path = '/') {
  await page.goto(path);
  await expect(page.getByLabel('Organization', { exact: true })).toHaveValue('acme-corp');
  await page.getByLabel('Token', { exact: true }).fill(token);
  await page.getByRole('button', { name: 'Connect' }).click();
}

export async function connectAndLoad(page: Page, token = 'e2e-token') {
  await connect(page, token);
  await expect(page.getByText(`${SEEDED} identities ·`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0); // loading finished
  // …and every row is in the table (the count above shows GitHub's total while loading).
  await expect(page.locator('table.members')).toHaveAttribute('aria-rowcount', String(SEEDED + 1));
}

export function rows(page: Page) {
  return page.locator('table.members tbody tr:not(.spacer)');
}

/** Checks the first `n` rows and returns their scim_user_ids, in table order. */
export async function selectFirst(page: Page, n: number): Promise<string[]> {
  for (let i = 0; i < n; i++) {
    await rows(page).nth(i).locator('input[type=checkbox]').check();
  }
  const first = (await apiUsers(page.request, `count=${n}`)).Resources;
  return first.map((u: { id: string }) => u.id);
}

/** Opens the deprovision dialog for the selection and confirms it. */
export async function deprovisionSelected(page: Page, n: number) {
  await page.getByRole('button', { name: `Deprovision selected (${n})` }).click();
  const dialog = page.getByRole('dialog', { name: `Deprovision ${n} identities` });
  await dialog.getByLabel(`Type the number ${n} to confirm`).fill(String(n));
  await dialog.getByRole('button', { name: 'Deprovision' }).click();
  return dialog;
}

/** The DELETEs that reached the emulator. */
export async function deletes(request: APIRequestContext) {
  return (await seen(request)).filter(r => r.method === 'DELETE');
}
