// Every spec imports `test` and `expect` from here. Its automatic fixture watches every page of
// the test's browser context and fails the test, after it ran, on:
// - a `securitypolicyviolation` event: the site's CSP (deploy/security-headers, sent by the
//   emulator's --static and by nginx) blocked something the page tried, so a view does
//   something the deployed site forbids (an inline script or style, eval, a foreign request);
// - an uncaught exception or unhandled rejection (`pageerror`): a wasm panic ends in one
//   (panic = "abort" traps), as does any error the app does not handle;
// - a `console.error` from the page, except the browser's own line for a request that failed
//   ("Failed to load resource: the server responded with a status of 4xx/5xx", or "…: net::ERR_…"
//   for a connection that broke), which the tests provoke on purpose and the app reports in its
//   own words. Anything else the page logs as an error (the panic hook's message, wasm-bindgen's,
//   Leptos', the CSP's "Refused to …", a CORS refusal) is a defect.
// Warnings are not counted. A test that means to provoke one of these says so with
// `test.use({ expectedPageProblems: [/pattern/] })`.
import { test as base, expect, BrowserContext, Page } from '@playwright/test';

export { expect };
export type { APIRequestContext, Page } from '@playwright/test';

/** The browser's log line for a request that failed: the app handles (and shows) these. */
const FAILED_REQUEST = /^Failed to load resource: (the server responded with a status of [45]\d\d\b|net::ERR_)/;

/** Problems are reported whole up to here (a hostile 1 MB value need not fill the log). */
const SHOWN = 400;
const short = (text: string) => (text.length > SHOWN ? `${text.slice(0, SHOWN)}… (${text.length} chars)` : text);

/** Each page's CSP violations reach the test through this binding, whatever the page does. */
const REPORT = '__scimAdminReportViolation';

type Options = { expectedPageProblems: RegExp[] };

export const test = base.extend<Options & { pageProblems: void }>({
  expectedPageProblems: [[], { option: true }],
  pageProblems: [
    async ({ context, expectedPageProblems }, use) => {
      const problems: string[] = [];
      await watch(context, problems);
      await use();
      // Let a violation or error raised by the test's last step arrive.
      for (const page of context.pages()) {
        await page.evaluate(() => new Promise(r => setTimeout(r, 50))).catch(() => {});
      }
      const unexpected = problems.filter(p => !expectedPageProblems.some(re => re.test(p)));
      expect(unexpected, 'CSP violations, uncaught errors or console errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

async function watch(context: BrowserContext, problems: string[]) {
  await context.exposeBinding(REPORT, ({ page }, text: string) => {
    problems.push(short(`CSP violation on ${page.url()}: ${text}`));
  });
  await context.addInitScript(name => {
    document.addEventListener('securitypolicyviolation', e => {
      const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '';
      const sample = e.sample ? ` (${e.sample})` : '';
      (window as unknown as Record<string, (t: string) => void>)[name](
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}${where}${sample}`);
    });
  }, REPORT);
  const attach = (page: Page) => {
    page.on('pageerror', e => problems.push(short(`uncaught on ${page.url()}: ${e.message}`)));
    page.on('console', m => {
      if (m.type() === 'error' && !FAILED_REQUEST.test(m.text())) {
        problems.push(short(`console.error on ${page.url()}: ${m.text()}`));
      }
    });
  };
  context.pages().forEach(attach);
  context.on('page', attach);
}
