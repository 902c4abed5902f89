// The proxy's audit log (one JSON line per call: time, person, method, path without the query
// string, status, upstream time, GitHub's request id; never the credential, cookies or query
// values) and its per-person limits (429 with Retry-After, which the console waits out).
import { test, expect } from '../e2e/fixtures';
import { category, confirmDialog, rows } from '../e2e/review-helpers';
import { auditFrom, openProxiedReview, raw, resetUpstream, upstreamSaw, USERS, WRITE } from './helpers';

test.beforeEach(resetUpstream);

test('each call is logged with the person and without query values, cookies or the credential', async () => {
  const audit = auditFrom();
  const secret = 'secret.person@acme-corp.example';
  const filter = encodeURIComponent(`userName eq "${secret}"`);
  const cookie = { Cookie: 'session=cookie-value-never-logged', Authorization: 'Bearer browser-token-never-logged' };
  expect((await raw('GET', `${USERS}?filter=${filter}`, cookie)).status).toBe(200);
  expect((await raw('GET', `/github/orgs/other-org/members?q=${filter}`, cookie)).status).toBe(403);
  const lines = audit();
  expect(lines.map(l => [l.person, l.method, l.path, l.status])).toEqual([
    ['anyone (AUTH=none)', 'GET', USERS, 200],
    ['anyone (AUTH=none)', 'GET', '/github/orgs/other-org/members', 403],
  ]);
  expect(lines[0].github_request_id).toBeTruthy();
  expect(Number(lines[0].upstream_time)).toBeGreaterThanOrEqual(0);
  expect(Date.parse(lines[0].time)).toBeGreaterThan(Date.now() - 60_000);
  const text = JSON.stringify(lines);
  for (const leak of ['secret.person', 'cookie-value', 'browser-token', 'proxy-credential', 'filter']) {
    expect(text).not.toContain(leak);
  }
});

const limits = new URL(process.env.LIMITS_SITE_URL ?? 'http://127.0.0.1');

test('writes beyond the per-person limit get 429 with Retry-After; reads go on', async () => {
  // A full bucket (one write per 2 s, a burst of 1): whatever an earlier test spent is back.
  await new Promise(resolve => setTimeout(resolve, 4_000));
  const statuses: number[] = [];
  let limited;
  for (let i = 0; i < 3; i++) {
    const answer = await raw('DELETE', '/github/orgs/acme-corp/members/nobody-here', WRITE, '', limits);
    statuses.push(answer.status);
    if (answer.status === 429) limited = answer;
  }
  expect(statuses).toEqual([404, 404, 429]);
  expect(limited!.headers['retry-after']).toBe('2');
  expect(JSON.parse(limited!.body).message).toContain('wait 2 s');
  for (let i = 0; i < 5; i++) expect((await raw('GET', `${USERS}?count=1`, {}, '', limits)).status).toBe(200);
  expect((await upstreamSaw()).filter(r => r.method === 'DELETE').length).toBe(2);
});

test.describe('through the limited site', () => {
  test.use({ baseURL: limits.origin });

  test('a bulk removal over the write limit: the console waits out the 429s and removes each once', async ({ page }) => {
    await openProxiedReview(page);
    await category(page, 'Members without any external identity');
    for (let i = 0; i < 3; i++) await rows(page).nth(i).locator('input[type=checkbox]').check();
    await resetUpstream();
    const audit = auditFrom();
    await page.getByRole('button', { name: 'Remove selected (3)' }).click();
    // Spend the write budget (AUTH=none: everyone is one person), so the console's first
    // removal is refused with 429 and has to wait.
    while ((await raw('DELETE', '/github/orgs/acme-corp/members/nobody-here', WRITE, '', limits)).status !== 429);
    const dialog = await confirmDialog(page, 'Remove 3 members', 'Remove from the organization');
    await expect(dialog.getByRole('status')).toHaveText('3 done, 0 failed, 0 not sent.', { timeout: 30_000 });
    const removed = (await upstreamSaw()).filter(r => r.method === 'DELETE' && !r.uri.endsWith('/nobody-here'));
    expect(removed.length).toBe(3); // each once
    const refused = audit().filter(l => l.status === 429 && l.method === 'DELETE' && !l.path.endsWith('/nobody-here'));
    expect(refused.length).toBeGreaterThan(0);
  });
});
