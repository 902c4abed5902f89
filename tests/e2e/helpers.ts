// Shared steps: talk to the emulator's test interface, connect like an owner would.
import { expect, Page, APIRequestContext } from '@playwright/test';

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

/** Fails the test on any uncaught page error. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', e => errors.push(e.message));
  return errors;
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
