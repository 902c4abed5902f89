// End-to-end tests in Debian's headless Chromium against the release build in dist/, served by
// the emulator itself (--static), which also answers the SCIM API. Start-up is Playwright's job.
import { defineConfig } from '@playwright/test';

// Below Linux's ephemeral range (32768-60999): an outgoing connection cannot hold it.
const port = Number(process.env.E2E_PORT ?? 28787);
export const emulatorUrl = `http://127.0.0.1:${port}`;
// The review's other worlds: SAML set at the enterprise (its identities read from there), and
// the demo's 1,500 identities (the README's screenshot).
const enterprisePort = Number(process.env.E2E_ENTERPRISE_PORT ?? port + 11);
export const enterpriseUrl = `http://127.0.0.1:${enterprisePort}`;
const demoPort = Number(process.env.E2E_DEMO_PORT ?? port + 12);
export const demoUrl = `http://127.0.0.1:${demoPort}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/output',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One emulator is shared and every spec resets it: run one test at a time.
  workers: 1,
  // A stray test.only would silently skip every other test on CI.
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  use: {
    baseURL: emulatorUrl,
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      // Without these, Chromium's background connections are refused in bulk on these machines.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [{
    command: [
      'target/debug/scim-emulator', `--listen 127.0.0.1:${port}`, '--org acme-corp',
      '--seed-users 2500', '--static dist', '--test-control',
      '--token e2e-token=authorized', '--token e2e-sso=sso-required', '--token e2e-reader=read-only',
    ].join(' '),
    url: `${emulatorUrl}/config.json`,
    reuseExistingServer: false,
    timeout: 30_000,
  }, {
    command: [
      'target/debug/scim-emulator', `--listen 127.0.0.1:${enterprisePort}`, '--org acme-corp',
      '--seed-users 400', '--static dist', '--enterprise-saml acme-ent', '--token e2e-token=authorized',
    ].join(' '),
    url: `${enterpriseUrl}/config.json`,
    reuseExistingServer: false,
    timeout: 30_000,
  }, {
    command: [
      'target/debug/scim-emulator', `--listen 127.0.0.1:${demoPort}`, '--org acme-corp',
      '--seed-users 1500', '--static dist', '--token demo-token=authorized',
    ].join(' '),
    url: `${demoUrl}/config.json`,
    reuseExistingServer: false,
    timeout: 30_000,
  }],
});
