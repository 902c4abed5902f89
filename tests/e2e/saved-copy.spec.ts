// The saved copy (opt-in): reopening shows the table at once from it, then refreshes and says
// what changed behind the console's back; Disconnect and "Forget cached data" remove it; the
// token is never in it.
import { test, expect, APIRequestContext, Page } from './fixtures';
import { apiUsers, connect, connectAndLoad, fault, reset, SEEDED, USERS } from './helpers';

test.beforeEach(async ({ request }) => reset(request));

const auth = { Authorization: 'Bearer e2e-token' };

/** Everything the console keeps in IndexedDB, key → the stored bytes as text. */
async function stored(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    // Opening a database that does not exist would create it: look first.
    if (!(await indexedDB.databases()).some(d => d.name === 'scim-admin')) return {};
    return new Promise((resolve, reject) => {
      const open = indexedDB.open('scim-admin');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const out: Record<string, string> = {};
        if (!db.objectStoreNames.contains('saved')) { db.close(); resolve(out); return; }
        const cursor = db.transaction('saved').objectStore('saved').openCursor();
        cursor.onerror = () => reject(cursor.error);
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) { db.close(); resolve(out); return; }
          out[String(c.key)] = new TextDecoder().decode(c.value);
          c.continue();
        };
      };
    });
  });
}

async function keepACopy(page: Page) {
  await connectAndLoad(page);
  await page.getByLabel('Keep a copy for fast reopening').check();
  await expect.poll(async () => Object.keys(await stored(page)).length).toBe(1);
}

/** Changes the organization behind the console's back: one added, one removed, one modified. */
async function changeBehindItsBack(request: APIRequestContext) {
  const [gone, edited] = (await apiUsers(request, 'startIndex=5&count=2')).Resources;
  const added = await request.post(USERS, { headers: auth, data: {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'new.person@acme-corp.example',
    name: { givenName: 'New', familyName: 'Person' }, emails: [{ value: 'new.person@acme-corp.example', primary: true }],
  } });
  expect(added.ok()).toBeTruthy();
  expect((await request.delete(`${USERS}/${gone.id}`, { headers: auth })).status()).toBe(204);
  const patch = await request.patch(`${USERS}/${edited.id}`, { headers: auth, data: {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', path: 'displayName', value: 'Renamed Behind Its Back' }],
  } });
  expect(patch.ok()).toBeTruthy();
  return { gone: gone.userName, edited: edited.userName };
}

test('reopening shows the table at once from the copy, then what changed behind its back', async ({ page, request }) => {
  await keepACopy(page);
  const copy = Object.values(await stored(page))[0];
  expect(copy).toContain('"rows"');
  expect(copy).not.toContain('e2e-token');
  const { gone, edited } = await changeBehindItsBack(request);
  // The refresh is slow: the probe (the first GET of identities) answers at once, the next
  // page 5 s later, so what the table shows until then is the copy. (A fault matches the
  // path only, never the query: a pass-through fault takes the probe.)
  await fault(request, { method: 'GET', path: '/Users', count: 1 });
  await fault(request, { delayMs: 5_000, method: 'GET', path: '/Users', count: 1 });
  await connect(page); // a reopened tab: the token is pasted again
  await expect(page.getByRole('status').filter({ hasText: 'Showing the copy saved' })).toBeVisible();
  await expect(page.locator('table.members')).toHaveAttribute('aria-rowcount', String(SEEDED + 1));
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible(); // still refreshing
  await page.getByRole('searchbox', { name: 'Filter' }).fill(gone);
  await expect(page.getByText(/· 1 shown/)).toBeVisible(); // the copy still has it

  const news = page.getByRole('status').filter({ hasText: 'Refreshed from GitHub' });
  await expect(news).toContainText(`1 added (new.person@acme-corp.example), 1 removed (${gone}), 1 modified (${edited}) since the saved copy.`);
  await expect(page.getByText(/· 0 shown/)).toBeVisible(); // gone from the table too
  await page.getByRole('searchbox', { name: 'Filter' }).fill('');
  await expect(page.getByText(`${SEEDED} identities · ${SEEDED} shown`)).toBeVisible();
  // The refreshed table is the new copy.
  await expect.poll(async () => Object.values(await stored(page))[0]).toContain('Renamed Behind Its Back');
});

test('opt-in only; Disconnect and "Forget cached data" remove the copy; the token is never in it', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Token', { exact: true }).fill('e2e-token');
  await page.getByLabel(/Keep the token for this tab/).check();
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.locator('table.members')).toHaveAttribute('aria-rowcount', String(SEEDED + 1));
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  // Opt-in: a full load keeps nothing until the owner asks, and a reload starts from GitHub.
  await expect(page.getByLabel('Keep a copy for fast reopening')).not.toBeChecked();
  await page.waitForTimeout(1_000);
  expect(await stored(page)).toEqual({});
  await page.reload();
  await expect(page.locator('table.members')).toHaveAttribute('aria-rowcount', String(SEEDED + 1));
  await expect(page.getByText('Showing the copy saved')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  expect(await stored(page)).toEqual({});
  await page.getByLabel('Keep a copy for fast reopening').check();
  await expect.poll(async () => Object.keys(await stored(page)).length).toBe(1);
  for (const bytes of Object.values(await stored(page))) expect(bytes).not.toContain('e2e-token');
  expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage })))).not.toContain('e2e-token');

  await page.getByRole('button', { name: 'Forget cached data' }).click();
  await expect.poll(async () => Object.keys(await stored(page)).length).toBe(0);
  await expect(page.getByLabel('Keep a copy for fast reopening')).not.toBeChecked();

  // A reload (the kept token reconnects) with nothing saved starts from GitHub, as usual.
  await page.reload();
  await expect(page.locator('table.members')).toHaveAttribute('aria-rowcount', String(SEEDED + 1));
  await expect(page.getByText('Showing the copy saved')).toHaveCount(0);
  await page.getByLabel('Keep a copy for fast reopening').check();
  await expect.poll(async () => Object.keys(await stored(page)).length).toBe(1);
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await expect.poll(async () => Object.keys(await stored(page)).length).toBe(0);
});

const DAY = 24 * 3600 * 1000;

/** Backdates every saved copy by `days`, as if it had been saved that long ago. */
async function age(page: Page, days: number) {
  await page.evaluate(async ms => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('scim-admin');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('saved', 'readwrite').objectStore('saved');
    await new Promise<void>((resolve, reject) => {
      const cursor = store.openCursor();
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) { resolve(); return; }
        const copy = JSON.parse(new TextDecoder().decode(c.value));
        copy.saved_at -= ms;
        c.update(new TextEncoder().encode(JSON.stringify(copy)));
        c.continue();
      };
    });
    db.close();
  }, days * DAY);
}

/** The site's config.json, with `extra` keys added. */
async function siteConfig(page: Page, extra: object) {
  await page.route('**/config.json', async route => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), ...extra } });
  });
}

/** Reopens the console and waits for its load: was the copy shown, is one kept now? */
async function reopen(page: Page) {
  await connect(page);
  await expect(page.locator('table.members')).toHaveAttribute('aria-rowcount', String(SEEDED + 1));
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  return page.evaluate(() => performance.getEntriesByName('scim-copy-shown').length > 0);
}

test('a copy older than 7 days is not shown, and is deleted', async ({ page }) => {
  await keepACopy(page);
  await age(page, 6.9);
  expect(await reopen(page), 'a copy within the age is shown').toBe(true);
  await age(page, 7.2);
  expect(await reopen(page), 'an expired copy is not shown').toBe(false);
  await expect.poll(async () => Object.keys(await stored(page)).length).toBe(0);
  await expect(page.getByLabel('Keep a copy for fast reopening')).not.toBeChecked();
});

test('config.json sets the maximum age of the copy', async ({ page }) => {
  await siteConfig(page, { savedCopyMaxAgeDays: 1 });
  await keepACopy(page);
  await age(page, 2);
  expect(await reopen(page)).toBe(false);
  await expect.poll(async () => Object.keys(await stored(page)).length).toBe(0);
});

test('config.json can forbid the copy: none is offered, and one kept before is deleted unseen', async ({ page }) => {
  await keepACopy(page);
  await siteConfig(page, { allowSavedCopy: false });
  expect(await reopen(page)).toBe(false);
  await expect.poll(async () => Object.keys(await stored(page)).length).toBe(0);
  await expect(page.getByLabel('Keep a copy for fast reopening')).toHaveCount(0);
  await expect(page.getByText('This site does not keep a copy of the identities')).toBeVisible();
});
