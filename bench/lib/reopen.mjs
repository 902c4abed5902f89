// Reopening the console from its saved copy (issue 13, item 4), on an app that has loaded every
// identity: opt in, wait until the copy is saved, reload (the tab's token reconnects, the
// network profile stays), then time the table shown from the copy and the refresh finished.
// Both marks are checked against what the page shows, as the cold load's are.

/** { shown, refreshed } in ms after the reload's navigation started. */
export async function reopen(page, total, timeoutMs) {
  // The review metric, when it ran, left the tab on the Review page: the option is on the
  // identities page, reached through the header as an owner would.
  await page.click('a[href="/"]:text-is("Identities")');
  await page.getByLabel('Keep a copy for fast reopening').check();
  await page.waitForFunction(() => performance.getEntriesByName('scim-copy-saved').length > 0, null,
    { timeout: timeoutMs, polling: 250 });
  await page.reload();
  try {
    await page.waitForFunction(() => window.__bench?.marks['scim-all-rows'], null, { timeout: timeoutMs, polling: 250 });
  } catch {
    const state = await page.evaluate(() => window.__bench?.state()).catch(() => null);
    throw new Error(`reopen: no "all rows" mark within ${timeoutMs} ms; the page shows ${JSON.stringify(state)}`);
  }
  const found = await page.evaluate(() => ({
    marks: window.__bench.marks,
    shown: performance.getEntriesByName('scim-copy-shown')[0]?.startTime,
    refreshed: performance.getEntriesByName('scim-all-rows')[0]?.startTime,
  }));
  const copy = found.marks['scim-copy-shown'], all = found.marks['scim-all-rows'];
  if (!copy || copy.counts?.shown !== total || !/@/.test(copy.first ?? '')) {
    throw new Error(`reopen: "copy shown" marked while showing ${JSON.stringify(copy)}, expected ${total} rows`);
  }
  if (all.counts?.total !== total || all.counts?.shown !== total) {
    throw new Error(`reopen: "all rows" marked while showing ${JSON.stringify(all.counts)}, expected ${total}`);
  }
  return { shown: found.shown, refreshed: found.refreshed };
}
