// The deployment test: the console behind nginx in proxy mode (scripts/deploy-test starts
// nginx and the emulator and sets SITE_URL and API_URL).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/deploy',
  outputDir: 'test-results/deploy-output',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  // A stray test.only would silently skip every other test on CI.
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/deploy-results.json' }]],
  use: {
    baseURL: process.env.SITE_URL,
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
