// Hostile identities (tests/e2e/xss-corpus.ts) in the drift review. Each payload provisioned
// through the SCIM API is an unlinked SCIM identity with a SCIM invitation, so it is a row of
// "SCIM identities never linked": nothing runs, every value is text, exactly, in the table and
// the row's accessible names, and the category's exports keep it exactly (JSON) or
// formula-safe (CSV).
import { test, expect } from './fixtures';
import { reset } from './helpers';
import { category, openReview, rows } from './review-helpers';
import { expectCsvSafe, readDownload, seedCorpus, unneutralised, watchForExecution } from './xss-corpus';

test.beforeEach(async ({ request }) => reset(request));

test('the review shows every payload as text and exports it exactly, formula-safe', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const corpus = await seedCorpus(request);
  const nothingRan = watchForExecution(page, baseURL!);
  await openReview(page);
  const section = await category(page, 'SCIM identities never linked');
  // Newest invitations first, so the corpus is in the rendered window.
  const invited = section.getByRole('button', { name: 'Invited', exact: true });
  await invited.click();
  await invited.click();
  await expect(section.locator('th[aria-sort="descending"]')).toHaveCount(1);
  const shown = await rows(page).evaluateAll(trs => trs.map(tr => ({
    cells: [...(tr as HTMLTableRowElement).cells].map(td => td.textContent),
    label: tr.querySelector('input')?.getAttribute('aria-label') ?? null,
    markup: tr.querySelectorAll('td:not(.check):not(.row-actions) *').length,
  })));
  for (const p of corpus) {
    const row = shown.find(r => r.cells[1] === p.value);
    expect(row, p.kind).toBeDefined();
    expect(row!.label, p.kind).toBe(`Select ${p.value}`);
    expect(row!.markup, `${p.kind}: no element inside a text cell`).toBe(0);
  }

  const [json] = await Promise.all([page.waitForEvent('download'),
    section.getByRole('button', { name: 'Export shown rows (JSON)' }).click()]);
  const exported: Record<string, unknown>[] = JSON.parse(await readDownload(json));
  for (const p of corpus) {
    expect(exported.some(r => r.user_name === p.value || Object.values(r).includes(p.value)), p.kind).toBe(true);
  }
  const [csv] = await Promise.all([page.waitForEvent('download'),
    section.getByRole('button', { name: 'Export shown rows (CSV)' }).click()]);
  const cells = expectCsvSafe(await readDownload(csv)).flat().map(unneutralised);
  for (const p of corpus) expect(cells.includes(unneutralised(p.value)), p.kind).toBe(true);
  await nothingRan();
});
