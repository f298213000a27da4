// The judges' console on a contest day: the contest controls (Start now, End now) and the
// confirmations before anything that ends the contest or shows the final results. A real
// `verdict serve` and Debian's Chromium, as in console.test.ts; the core's own snapshot says what
// each action did.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ConsoleSnapshot } from '../src-main/shared/judgeApi.ts';
import { browserSkipReason, expect, openConsoleAsJudge, SCREENSHOTS, teamSession, test } from './support.ts';

const skip = browserSkipReason('console');
test.skip(skip !== false, skip || '');

test.use({ viewport: { width: 1440, height: 960 } });

async function clock(url: string): Promise<ConsoleSnapshot['clock']> {
  const response = await fetch(`${url}/api/console/getSnapshot`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('judge:judge-pass').toString('base64')}`, 'content-type': 'application/json' },
    body: '[]',
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as ConsoleSnapshot).clock;
}

/** A datetime-local field's value for `epochMs` in this machine's time zone (the browser's too). */
function localField(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const dialog = (page: Page) => page.getByRole('dialog');

test('Start now and End now, each confirmed; a shorter duration that ends the contest and the release of the final scoreboard ask first', async ({ page, served }) => {
  test.setTimeout(90_000);
  await openConsoleAsJudge(page, served.url);
  await page.getByRole('link', { name: 'Contest' }).click();

  // A start two hours away: the contest has not begun, so Start now is offered and End now is not.
  await page.getByLabel('Start time').fill(localField(Date.now() + 2 * 3_600_000));
  await page.getByRole('button', { name: 'Save times' }).click();
  await expect(page.getByText('Contest times saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'End now' })).toBeDisabled();

  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(dialog(page)).toContainText('The contest starts now instead of');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog(page)).toBeHidden();
  expect((await clock(served.url)).started, 'nothing happens on Cancel').toBe(false);

  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('button', { name: 'Start the contest now' }).click();
  await expect(page.getByText('The contest has started.')).toBeVisible();
  const started = await clock(served.url);
  expect(started.started).toBe(true);
  expect(Math.abs(started.startTime! - Date.now()), 'started a moment ago').toBeLessThan(30_000);
  await expect(page.getByRole('button', { name: 'Start now' })).toBeDisabled();

  // A start two hours back with one hour to run: over at once, so the console asks first. Cancelled.
  await page.getByLabel('Start time').fill(localField(Date.now() - 2 * 3_600_000));
  await page.getByLabel('Duration').fill('1:00');
  await page.getByRole('button', { name: 'Save times' }).click();
  await expect(dialog(page)).toContainText('the contest is over at once');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect((await clock(served.url)).ended, 'the contest still runs after Cancel').toBe(false);
  await page.getByRole('button', { name: 'Discard changes' }).click();

  // End now: the contest is over at once, after the judge confirms.
  await page.getByRole('button', { name: 'End now' }).click();
  await expect(dialog(page)).toContainText('Teams can no longer submit');
  await page.screenshot({ path: join(SCREENSHOTS, 'console-end-now.png') });
  await page.getByRole('button', { name: 'End the contest now' }).click();
  await expect(page.getByText('The contest is over.')).toBeVisible();
  expect((await clock(served.url)).ended).toBe(true);
  await expect(page.getByRole('button', { name: 'End now' })).toBeDisabled();

  // Releasing the final scoreboard is confirmed too, and says it is for good now that the contest is over.
  const release = page.getByLabel('Release final scoreboard');
  await release.click();
  await expect(dialog(page)).toContainText('cannot be taken back');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(release).not.toBeChecked();
  expect((await clock(served.url)).thawed).toBe(false);
  await release.click();
  await page.getByRole('button', { name: 'Release the final scoreboard' }).click();
  await expect(release).toBeChecked();
  expect((await clock(served.url)).thawed).toBe(true);
});

test('the console says what is true in plain words: idle or judging N, the sandbox, one date format, a judging in progress, languages not installed', async ({ page, served }) => {
  test.setTimeout(90_000);
  await openConsoleAsJudge(page, served.url);
  const pool = page.locator('.pool-state');
  await expect(pool.locator('.chip'), 'nothing runs: idle, not a green "judging"').toHaveText('idle');
  const facts = page.locator('.facts');
  await expect(facts.getByText(/^Fully isolated|^Isolated \(not as root\)|^NOT isolated/)).toBeVisible();
  // The start as people read it (not 12/4/2026 nor an ISO string).
  await expect(facts.locator('dd').filter({ hasText: /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/ })).toHaveCount(1);

  // A program that takes a while on each test: the pool says judging 1, the detail does not say "No test has run yet".
  const submit = await teamSession(served.url, 'team1');
  const slow = await submit('hello', 'slow.py', 'import time\ntime.sleep(0.9)\nprint("Hello, World!")\n');
  await expect(pool.locator('.chip')).toHaveText('judging 1');
  await page.goto(`${served.url}/console#/submissions/${slow}`);
  await expect(page.getByText('Being judged: the tests’ results appear here when the judging ends.')).toBeVisible();
  await expect(page.getByText('No test has run yet')).toHaveCount(0);
  await expect(page.locator('.runs [data-verdict="AC"]').first()).toBeVisible({ timeout: 60_000 });

  // A language whose compiler is missing is shown off and cannot be ticked.
  await page.getByRole('link', { name: 'Contest' }).click();
  const languages = page.locator('li.language');
  await expect(languages.first()).toBeVisible();
  const unavailable = page.locator('li.language.unavailable');
  const count = await unavailable.count();
  test.info().annotations.push({ type: 'languages not installed here', description: String(count) });
  for (let i = 0; i < count; i++) {
    const box = unavailable.nth(i).getByRole('checkbox');
    await expect(box).toBeDisabled();
    await expect(box).not.toBeChecked();
  }
  for (const available of await page.locator('li.language:not(.unavailable)').getByRole('checkbox').all()) await expect(available).toBeEnabled();
});
