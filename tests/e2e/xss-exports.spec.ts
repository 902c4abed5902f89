// Hostile identities (tests/e2e/xss-corpus.ts) through the deprovision dialog (typed
// confirmation, the bulk run, the header indicator), the activity log, its CSV and JSON
// exports (downloaded and read back) and the disconnect dialog's: nothing runs, every value is
// text, every CSV cell quoted and neutralised, the JSON exact.
import { test, expect, Page } from './fixtures';
import { connect, reset, SEEDED } from './helpers';
import { Seeded, expectCsvSafe, readDownload, seedCorpus, textOf, unneutralised, watchForExecution } from './xss-corpus';

test.beforeEach(async ({ request }) => reset(request));

async function go(page: Page, path: string) {
  await page.evaluate(to => { history.pushState({}, '', to); dispatchEvent(new PopStateEvent('popstate')); }, path);
}

/** The file behind an export button, as text. */
async function exported(page: Page, scope: ReturnType<Page['locator']>, button: string) {
  const download = page.waitForEvent('download');
  await scope.getByRole('button', { name: button }).click();
  return readDownload(await download);
}

/** The CSV is safe, and its identity column holds exactly these names (each `'` aside). */
function expectCsvNames(csv: string, names: string[]) {
  const [header, ...entries] = expectCsvSafe(csv);
  expect(header).toEqual(['time', 'action', 'identity', 'scim_user_id', 'outcome', 'request_id']);
  expect(entries.map(e => unneutralised(e[2])).sort()).toEqual(names.map(unneutralised).sort());
}

function expectJsonNames(json: string, names: string[]) {
  expect(JSON.parse(json).map((e: { identity: string }) => e.identity).sort()).toEqual([...names].sort());
}

/** Deprovisions one identity from its page, typing its userName as the dialog shows it. */
async function deprovisionOne(page: Page, p: Seeded) {
  await go(page, `/identities/${p.id}`);
  await expect.poll(() => textOf(page, 'h1'), p.kind).toBe(p.value);
  await page.getByRole('button', { name: 'Deprovision' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deprovision 1 identity' });
  expect(await dialog.locator('label').evaluate(l => l.firstChild?.textContent), p.kind)
    .toBe(`Type the userName ${p.value} to confirm`);
  expect(await dialog.locator('ol.targets li > span:first-child').allTextContents(), p.kind).toEqual([p.value]);
  await dialog.locator('label input').fill(p.value); // pasted: its line breaks become spaces
  await dialog.getByRole('button', { name: 'Deprovision' }).click();
  await expect(dialog.getByRole('status'), p.kind).toHaveText('1 removed, 0 failed, 0 not sent.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { name: 'Provisioned identities' })).toBeVisible();
}

test('dialogs, the bulk run, the activity log and its exports keep every payload as text', async ({ page, request, baseURL }) => {
  test.setTimeout(180_000);
  const corpus = await seedCorpus(request);
  const names = corpus.map(p => p.value);
  const nothingRan = watchForExecution(page, baseURL!);
  await connect(page, 'e2e-token', '/?sort=created&dir=desc');
  await expect(page.locator('table.members')).toHaveAttribute('aria-rowcount', String(SEEDED + corpus.length + 1));

  // One at a time, confirmed by typing the name: also one with line breaks, one with spaces around.
  const one = ['script tag', 'CR/LF and a header', 'leading and trailing spaces'];
  for (const p of corpus.filter(p => one.includes(p.kind))) await deprovisionOne(page, p);

  // The rest in one run: the newest identities are the corpus, selected with the keyboard
  // (a click would scroll the virtualized table under the pointer).
  const rest = corpus.filter(p => !one.includes(p.kind));
  await go(page, '/?sort=created&dir=desc');
  await page.locator('.table-viewport').focus();
  for (let i = 0; i < rest.length; i++) {
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
  }
  await page.getByRole('button', { name: `Deprovision selected (${rest.length})` }).click();
  const dialog = page.getByRole('dialog', { name: `Deprovision ${rest.length} identities` });
  const listed = () => dialog.locator('ol.targets li > span:first-child').allTextContents();
  expect((await listed()).sort()).toEqual(rest.map(p => p.value).sort());
  await dialog.getByLabel(`Type the number ${rest.length} to confirm`).fill(String(rest.length));
  await dialog.getByRole('button', { name: 'Deprovision' }).click();
  await dialog.getByRole('button', { name: 'Hide (the run goes on)' }).click();
  const indicator = page.getByRole('status').filter({ hasText: 'Deprovisioning' });
  await expect(indicator).toContainText(`Deprovisioning finished: ${rest.length} of ${rest.length}`, { timeout: 90_000 });
  await indicator.getByRole('button', { name: 'Show results' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`${rest.length} removed, 0 failed, 0 not sent.`);
  expect((await listed()).sort()).toEqual(rest.map(p => p.value).sort());
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The activity log: one entry per identity, its name as text.
  await page.getByRole('link', { name: 'Activity' }).click();
  const log = page.locator('table.activity tbody tr');
  await expect(log).toHaveCount(corpus.length);
  expect((await log.locator('td:nth-child(3)').allTextContents()).sort()).toEqual([...names].sort());
  const activity = page.locator('section', { has: page.getByRole('heading', { name: 'Activity in this tab' }) });
  expectCsvNames(await exported(page, activity, 'Export CSV'), names);
  expectJsonNames(await exported(page, activity, 'Export JSON'), names);

  // The disconnect dialog offers the same files.
  await page.getByRole('button', { name: 'Disconnect' }).click();
  const ask = page.getByRole('dialog', { name: 'Disconnect' });
  expectCsvNames(await exported(page, ask, 'Export CSV'), names);
  expectJsonNames(await exported(page, ask, 'Export JSON'), names);
  await nothingRan();
  await ask.getByRole('button', { name: 'Disconnect and clear the log' }).click();
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
});
