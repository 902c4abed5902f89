// Hostile identities (tests/e2e/xss-corpus.ts) in the member table, its quick filter (and the
// URL that keeps it) and the exact lookup: nothing runs, every value is text, exactly.
import { test, expect, Page } from './fixtures';
import { connect, reset, seen, SEEDED } from './helpers';
import { HUGE, PAYLOADS, REFUSED, post, seedCorpus, textOf, pasted, watchForExecution } from './xss-corpus';

test.beforeEach(async ({ request }) => reset(request));

type ShownRow = { cells: (string | null)[]; label: string | null };

function shownRows(page: Page): Promise<ShownRow[]> {
  return page.locator('table.members tbody tr:not(.spacer)').evaluateAll(trs => trs.map(tr => ({
    cells: [...(tr as HTMLTableRowElement).cells].map(td => td.textContent),
    label: tr.querySelector('input')?.getAttribute('aria-label') ?? null,
  })));
}

/** Every row from the top down to row `count`, scrolled through as a person would: the table
 * renders only the rows that fit its viewport (and two more each side). */
async function rowsFromTheTop(page: Page, count: number): Promise<ShownRow[]> {
  const viewport = page.locator('.table-viewport');
  const collected: ShownRow[] = [];
  for (let top = 0; ; top += 200) {
    await viewport.evaluate((el, to) => { el.scrollTop = to; }, top);
    await page.evaluate(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))));
    collected.push(...await shownRows(page));
    if (top >= count * 33) break;
  }
  await viewport.evaluate(el => { el.scrollTop = 0; });
  return collected;
}

/** Connects on the newest identities first, so the corpus is at the top of the table. */
async function openNewestFirst(page: Page, count: number) {
  await connect(page, 'e2e-token', '/?sort=created&dir=desc');
  await expect(page.locator('table.members')).toHaveAttribute('aria-rowcount', String(SEEDED + count + 1));
}

test('the API takes every payload as a value, and refuses what cannot be one', async ({ request }) => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(20);
  await seedCorpus(request); // each one 201, stored and answered exactly as sent
  for (const refused of REFUSED) expect(await post(request, refused.value), refused.kind).toBe(refused.status);
});

test('the member table shows every payload as text, and the filter finds each one', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const corpus = await seedCorpus(request);
  const nothingRan = watchForExecution(page, baseURL!);
  await openNewestFirst(page, corpus.length);
  const shown = await rowsFromTheTop(page, corpus.length);
  for (const p of corpus) {
    const row = shown.find(r => r.cells[1] === p.value);
    expect(row, p.kind).toBeDefined();
    // userName, display name, primary email, externalId
    expect(row!.cells.slice(1, 5), p.kind).toEqual([p.value, p.value, p.value, p.value]);
    expect(row!.label, p.kind).toBe(`Select ${p.value}`);
  }

  const filter = page.getByRole('searchbox', { name: 'Filter' });
  for (const p of corpus) {
    await filter.fill(p.value);
    expect(await filter.inputValue(), p.kind).toBe(pasted(p.value)); // a line break pastes as a space
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), p.kind).toBe(pasted(p.value));
    // What the field holds is found, unless the line breaks it lost were inside the value.
    if (p.value.toLowerCase().includes(pasted(p.value).trim().toLowerCase())) {
      await expect.poll(async () => (await shownRows(page)).some(r => r.cells[1] === p.value), p.kind).toBe(true);
    }
  }
  // The URL keeps a filter of escapes and separators as typed: it is decoded once, not twice.
  const escapes = corpus.find(p => p.kind === 'percent escapes')!;
  await filter.fill(escapes.value);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(escapes.value);
  await nothingRan();
  await page.reload();
  await page.getByLabel('Token', { exact: true }).fill('e2e-token');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(filter).toHaveValue(escapes.value);
  await expect.poll(async () => (await shownRows(page)).map(r => r.cells[1])).toContain(escapes.value);

  // A megabyte of markup is a filter that matches nothing, and nothing else.
  await filter.fill(HUGE);
  expect(await filter.inputValue()).toBe(HUGE);
  await expect(page.locator('p.counts')).toContainText(' · 0 shown');
  await nothingRan();
});

test('the exact lookup finds each payload and lists it as text', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const corpus = await seedCorpus(request);
  const nothingRan = watchForExecution(page, baseURL!);
  await openNewestFirst(page, corpus.length);
  const by = page.getByLabel('Look up on GitHub by');
  const value = page.getByRole('searchbox', { name: 'Value to look up' });
  const found = page.getByRole('list', { name: 'Lookup results' });
  // What can be typed (the lookup trims, a line break pastes as a space), up to 1,024
  // characters (longer is refused below), by each attribute.
  for (const p of corpus.filter(p => pasted(p.value).trim() === p.value && p.value.length <= 1024)) {
    for (const attribute of ['userName', 'emails', 'externalId']) {
      await by.selectOption(attribute);
      await value.fill(p.value);
      // The previous result stays on screen until this one is answered.
      const answered = page.waitForResponse(r => r.url().includes(`filter=${attribute}%20eq%20`));
      await page.getByRole('button', { name: 'Look up' }).click();
      await answered;
      await expect.poll(() => textOf(page, 'ul.found a'), `${p.kind} by ${attribute}`).toBe(p.value);
      await expect(found.getByRole('link'), `${p.kind} by ${attribute}`).toHaveCount(1);
    }
  }
  const script = corpus[0];
  await by.selectOption('userName');
  await value.fill(`not ${script.value}`);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByText('No identity matches exactly.')).toBeVisible();
  await value.fill(script.value);
  await page.getByRole('button', { name: 'Look up' }).click();
  await found.getByRole('link').click();
  await expect.poll(() => textOf(page, 'h1')).toBe(script.value);

  // A megabyte is refused before anything is sent (GitHub would refuse the URL).
  await page.getByRole('link', { name: 'Identities', exact: true }).click();
  const before = (await seen(request)).length;
  await value.fill(HUGE);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.locator('form.lookup [role=alert]')).toContainText('Not sent: a value to look up has at most 1024 characters.');
  expect((await seen(request)).length).toBe(before);
  await nothingRan();
});
