// The e2e tests (e2e/*.test.ts): the console and the portal in Debian's Chromium against a real
// `verdict serve`, and the Electron app where an Electron binary exists. `npm test` runs them after
// the unit tests; `npx playwright test` runs them alone (after `npm run build`).
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './e2e/chromium.ts';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.test.ts',
  // One test at a time, as before: each starts a server that judges with real compilers, and two
  // at once on a small machine make judging times (and so the tests' waits) depend on each other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['./e2e/skipReasons.ts']],
  // Each test sets its own budget (test.setTimeout); this is for the ones that do not.
  timeout: 60_000,
  // A web-first assertion retries this long unless it says otherwise (what locator.waitFor() allowed before).
  expect: { timeout: 30_000 },
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    // Playwright cannot download its own browser here: Debian's Chromium, run as root, no GPU.
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    // On a failure: the trace (npx playwright show-trace test-results/…/trace.zip) and a screenshot.
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
