// Shared steps of the review's specs: open the review, pick a category, read its rows; and the
// organization as GitHub's APIs show it, read straight from the emulator (not through the
// console), so what the console shows can be checked against it.
import { APIRequestContext, Locator } from '@playwright/test';
import { expect, Page } from './fixtures';
import { connect } from './helpers';

const auth = { Authorization: 'Bearer e2e-token' };

/** Connects and opens the Review page, waiting for its summary. */
export async function openReview(page: Page, token = 'e2e-token') {
  await connect(page, token);
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(summary(page)).toBeVisible({ timeout: 30_000 });
}

export function summary(page: Page): Locator {
  return page.getByRole('table', { name: 'Findings per category' });
}

/** The count the summary shows for a category (null when it is not a number). */
export async function count(page: Page, title: string): Promise<number | null> {
  const row = summary(page).getByRole('row').filter({ has: page.getByRole('button', { name: title, exact: true }) });
  const text = (await row.locator('td.count').innerText()).trim();
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** Opens a category from the summary; returns its section. */
export async function category(page: Page, title: string): Promise<Locator> {
  await summary(page).getByRole('button', { name: title, exact: true }).click();
  const section = page.locator('section.category');
  await expect(section.getByRole('heading', { level: 2 })).toHaveText(title);
  return section;
}

export function rows(page: Page): Locator {
  return page.locator('table.drift tbody tr:not(.spacer)');
}

/** "N rows · M shown · K selected" of the open category. */
export async function counts(page: Page): Promise<{ rows: number; shown: number; selected: number }> {
  const text = await page.locator('section.category .counts').innerText();
  const m = /(\d+) rows · (\d+) shown · (\d+) selected/.exec(text);
  expect(m, text).not.toBeNull();
  return { rows: Number(m![1]), shown: Number(m![2]), selected: Number(m![3]) };
}

/** The first cell's text of the first `n` rows. */
export async function firstCells(page: Page, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((await rows(page).nth(i).locator('td').nth(1).innerText()).trim());
  return out;
}

/** Every item of a REST list, following GitHub's `Link` (this is a test client, not the console). */
export async function restList(request: APIRequestContext, path: string): Promise<any[]> {
  const items: any[] = [];
  let url: string | null = `${path}${path.includes('?') ? '&' : '?'}per_page=100`;
  while (url) {
    const r = await request.get(url, { headers: auth });
    expect(r.ok(), url).toBeTruthy();
    items.push(...(await r.json()));
    const next = /<([^>]+)>; rel="next"/.exec(r.headers()['link'] ?? '');
    url = next ? new URL(next[1]).pathname + new URL(next[1]).search : null;
  }
  return items;
}

const NODES = `query($after: String) { organization(login: "acme-corp") { samlIdentityProvider {
  externalIdentities(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
    nodes { guid user { login } samlIdentity { nameId } scimIdentity { username } } } } } }`;

/** Every external identity node, by GraphQL. */
export async function identities(request: APIRequestContext): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const r = await request.post('/graphql', { headers: auth, data: { query: NODES, variables: { after } } });
    const page = (await r.json()).data.organization.samlIdentityProvider.externalIdentities;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

/** The org REST, GraphQL and SCIM writes the emulator saw (method + path), oldest first. */
export async function writes(request: APIRequestContext): Promise<string[]> {
  const all = await (await request.get('/_emulator/requests')).json();
  return all
    .filter((r: { method: string }) => r.method === 'DELETE')
    .map((r: { method: string; uri: string }) => `${r.method} ${r.uri}`);
}

/** Opens the action dialog of a row's button, types what it asks for, and confirms. */
export async function confirmDialog(page: Page, title: string | RegExp, action: string) {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  const prompt = dialog.locator('label', { hasText: /^Type / });
  const expected = /^Type (?:the number )?(.+) to confirm/.exec((await prompt.innerText()).trim())![1];
  const button = dialog.getByRole('button', { name: action, exact: true });
  await expect(button).toBeDisabled();
  await prompt.locator('input').fill(expected);
  await button.click();
  return dialog;
}
