// Debian's Chromium, which the e2e tests drive (Playwright cannot download its own browser here).
// Kept apart from support.ts so that playwright.config.ts can read it without loading the fixtures.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Root, no GPU, and no background traffic to a network this machine does not have. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
