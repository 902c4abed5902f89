// Shared by the deployment specs: raw HTTP to a rendered site (paths and headers exactly as
// written), what reached the emulator (GitHub's stand-in), and the proxy's audit log.
import * as http from 'node:http';
import * as fs from 'node:fs';
import { expect, Page } from '../e2e/fixtures';
import { summary } from '../e2e/review-helpers';

export const site = new URL(process.env.SITE_URL ?? 'http://127.0.0.1'); // set by scripts/deploy-test
export const api = process.env.API_URL!;
export const USERS = '/github/scim/v2/organizations/acme-corp/Users';
/** What the console sends on a write (and a same-origin browser adds). */
export const WRITE = { 'X-Requested-With': 'scim-admin', 'Content-Type': 'application/scim+json' };

export type Raw = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** One request with the path and headers exactly as given. */
export function raw(method: string, path: string, headers: Record<string, string> = {}, body = '', target = site): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: target.hostname, port: target.port, method, path,
      headers: { Host: target.host, ...headers, ...(body ? { 'Content-Length': Buffer.byteLength(body) } : {}) },
    }, response => {
      let text = '';
      response.on('data', chunk => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: text, headers: response.headers }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** What reached the emulator since the last reset. */
export async function upstreamSaw(): Promise<{ method: string; uri: string; authorization: string }[]> {
  return (await fetch(`${api}/_emulator/requests`)).json();
}

export async function resetUpstream() {
  expect((await fetch(`${api}/_emulator/reset`, { method: 'POST' })).ok).toBeTruthy();
}

export type AuditLine = {
  time: string; person: string; method: string; path: string; status: number;
  upstream_time: string; github_request_id: string;
};

/** The audit log's lines written from now on: call before, read after. */
export function auditFrom(): () => AuditLine[] {
  const file = process.env.AUDIT_LOG!;
  const start = fs.statSync(file).size;
  return () => {
    const text = fs.readFileSync(file, 'utf8').slice(start);
    return text.split('\n').filter(Boolean).map(line => JSON.parse(line));
  };
}

/** Every GraphQL query the console sends (scim::org::graphql::QUERIES, via the allowlist's source). */
export function consoleQueries(): Record<string, string> {
  return JSON.parse(fs.readFileSync(process.env.GRAPHQL_QUERIES!, 'utf8'));
}

/** Opens the console on the test's site (proxy mode: no token) and connects. */
export async function connectProxied(page: Page) {
  await page.goto('/');
  await expect(page.getByText("This site's proxy holds the credential")).toBeVisible();
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByText('300 identities ·')).toBeVisible();
}

/** Connects and opens the Review, waiting for its summary. */
export async function openProxiedReview(page: Page) {
  await connectProxied(page);
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(summary(page)).toBeVisible({ timeout: 30_000 });
}

const mtlsSite = process.env.MTLS_SITE_URL ?? 'https://127.0.0.1';

/** The proxy's auth modes the console's flows run through: the gateway signs the stand-in's
 * one owner in on the first page load; mTLS presents the owner's certificate. */
export const AUTH_MODES = [
  { name: 'AUTH=none', use: {} },
  { name: 'AUTH=gateway', use: { baseURL: process.env.GATEWAY_SITE_URL } },
  {
    name: 'AUTH=mtls',
    use: {
      baseURL: mtlsSite,
      ignoreHTTPSErrors: true,
      clientCertificates: [{ origin: mtlsSite, certPath: `${process.env.PKI}/owner.crt`, keyPath: `${process.env.PKI}/owner.key` }],
    },
  },
];
