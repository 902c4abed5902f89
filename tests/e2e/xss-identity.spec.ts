// Hostile identities (tests/e2e/xss-corpus.ts) on the identity page (every attribute, the raw
// JSON), in the quick-change and edit forms, in toasts, and in the provision form's errors,
// which quote what GitHub was sent: nothing runs, every value is text, exactly.
import { test, expect, Page } from './fixtures';
import { connect, reset, seen, USERS } from './helpers';
import { HUGE, PAYLOADS, inInput, inTextarea, pasted, seedCorpus, textOf, watchForExecution } from './xss-corpus';

test.beforeEach(async ({ request }) => reset(request));

/** Client-side navigation, as a link would do it (a reload would need the token again). */
async function go(page: Page, path: string) {
  await page.evaluate(to => { history.pushState({}, '', to); dispatchEvent(new PopStateEvent('popstate')); }, path);
}

const lastToast = (page: Page) => textOf(page, '.toasts .toast:last-child span');

test('the identity page, its raw JSON, the edit form and a quick change keep every payload as text', async ({ page, request, baseURL }) => {
  test.setTimeout(240_000);
  const corpus = await seedCorpus(request);
  const nothingRan = watchForExecution(page, baseURL!);
  await connect(page);
  await expect(page.getByRole('heading', { name: 'Provisioned identities' })).toBeVisible();
  for (const p of corpus) {
    const v = p.value;
    await go(page, `/identities/${p.id}`);
    await expect.poll(() => textOf(page, 'h1'), p.kind).toBe(v);
    const attributes = await page.locator('dl.attributes dd').allTextContents();
    expect(attributes.slice(0, 8), p.kind).toEqual([v, v, v, v, v, 'yes (pending)', `${v} (${v}), primary`, v]);
    expect(attributes.at(-1), p.kind).toBe('pending: not linked to a GitHub account yet');
    // The raw JSON is GitHub's answer, character for character.
    const answer = await page.request.get(`${USERS}/${p.id}`, { headers: { Authorization: 'Bearer e2e-token' } });
    expect(await textOf(page, 'pre.raw'), p.kind).toBe(await answer.text());
    const quick = page.locator('section.quick');
    expect(await quick.locator('input').inputValue(), p.kind).toBe(inInput(v));
    expect(await quick.locator('textarea').inputValue(), p.kind).toBe(inTextarea(v));

    await page.getByRole('link', { name: 'Edit all attributes' }).click();
    await expect(page.getByText('a value you empty is removed')).toBeVisible();
    for (const field of ['userName', 'name-givenName', 'name-familyName', 'displayName', 'externalId']) {
      await expect.poll(() => page.locator(`#field-${field}`).inputValue(), `${p.kind}: ${field}`).toBe(inInput(v));
    }
    await expect.poll(() => page.locator('#field-emails').inputValue(), p.kind).toBe(inTextarea(v));

    // A quick change says whose it was in a toast.
    await go(page, `/identities/${p.id}`);
    await expect.poll(() => textOf(page, 'h1'), p.kind).toBe(v);
    await page.locator('section.quick input').fill('Changed by the test');
    await page.getByRole('button', { name: 'Save display name' }).click();
    await expect.poll(() => lastToast(page), p.kind).toBe(`Updated ${v}.`);
  }
  await nothingRan();
});

test("the provision form: a new identity's toast, GitHub's refusals on the fields, a megabyte refused before sending", async ({ page, request, baseURL }) => {
  test.setTimeout(240_000);
  const nothingRan = watchForExecution(page, baseURL!);
  await connect(page);
  await expect(page.getByRole('heading', { name: 'Provisioned identities' })).toBeVisible();
  const fill = async (values: Record<string, string>) => {
    for (const [field, value] of Object.entries(values)) await page.locator(`#field-${field}`).fill(value);
  };
  const errors = () => page.locator('form.identity .error').evaluateAll(es => es.map(e => e.textContent ?? ''));
  // What a form can send as it is typed (it trims; a line break pastes as a space), up to 1,024 characters.
  const sendable = PAYLOADS.filter(p => pasted(p.value).trim() === p.value && p.value.length <= 1024);
  for (const [i, p] of sendable.entries()) {
    const v = p.value;
    const person = { userName: v, 'name-givenName': v, 'name-familyName': v, displayName: v, externalId: v };
    await go(page, '/provision');
    await fill({ ...person, emails: `hostile${i}@acme-corp.example` });
    await page.getByRole('button', { name: 'Provision' }).click();
    await expect.poll(() => textOf(page, 'h1'), p.kind).toBe(v);
    await expect.poll(() => lastToast(page), p.kind).toBe(
      `Provisioned ${v}. GitHub sent an invitation; the identity stays pending until the person signs in through SAML.`);

    // The same again: found by its userName before anything is sent, said on the field.
    await go(page, '/provision');
    await fill({ ...person, emails: `hostile${i}@acme-corp.example` });
    await page.getByRole('button', { name: 'Provision' }).click();
    await expect.poll(() => textOf(page, '#field-userName-error'), p.kind).toContain(`userName “${v}” is already provisioned`);
    // Another userName with the same externalId: GitHub's 409 quotes the value back.
    await page.locator('#field-userName').fill(`other${i}@acme-corp.example`);
    await page.getByRole('button', { name: 'Provision' }).click();
    await expect.poll(async () => (await errors()).some(e => e.includes(`externalId \`${v}\` already exists`)), p.kind).toBe(true);
  }

  // A megabyte in every field is refused on each, and nothing is sent.
  await go(page, '/provision');
  const posts = (await seen(request)).filter(r => r.method === 'POST').length;
  await fill({ userName: HUGE, 'name-givenName': HUGE, 'name-familyName': HUGE, displayName: HUGE, externalId: HUGE });
  await page.getByRole('button', { name: 'Provision' }).click();
  for (const field of ['userName', 'name-givenName', 'name-familyName', 'displayName', 'externalId']) {
    await expect(page.locator(`#field-${field}-error`)).toHaveText('At most 1024 characters.');
  }
  expect((await seen(request)).filter(r => r.method === 'POST').length).toBe(posts);
  await nothingRan();
});
