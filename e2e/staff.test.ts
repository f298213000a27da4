// What contest staff rely on, in Debian's Chromium against a real `verdict serve`: the balloon list
// (locations, colours, first to solve, deliveries, printed slips), per-problem statistics, judging
// verification, and the public scoreboard for a projector (no login, live, frozen in the freeze);
// axe-core finds no serious accessibility violation on any of them.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { browserSkipReason, consoleCall, expect, judged, openConsoleAsJudge, SCREENSHOTS, teamSession, test } from './support.ts';

const skip = browserSkipReason('console');
test.skip(skip !== false, skip || '');

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const HELLO = 'print("Hello, World!")\n';

/** team2 solves A after a wrong try, team3 solves A: two balloons, team2's the first. */
async function twoSolves(url: string): Promise<{ wrong: string; first: string; second: string }> {
  const asTeam2 = await teamSession(url, 'team2');
  const asTeam3 = await teamSession(url, 'team3');
  const wrong = await asTeam2('hello', 'wrong.py', 'print("Hello World")\n');
  await judged(url, wrong);
  const first = await asTeam2('hello', 'a.py', HELLO);
  await judged(url, first);
  const second = await asTeam3('hello', 'a.py', HELLO);
  await judged(url, second);
  return { wrong, first, second };
}

const balloonRow = (page: Page, submissionId: string) => page.locator(`.balloons-table tr[data-submission-id="${submissionId}"]`);

test.describe('the console', () => {
  test.use({ viewport: DESKTOP });

  test('balloons: the team, its location and the colour, first to solve, delivered by whom, and a slip per balloon to print', async ({ page, served }) => {
    test.setTimeout(120_000);
    const { first, second } = await twoSolves(served.url);
    await openConsoleAsJudge(page, served.url);
    await page.getByRole('link', { name: 'Balloons' }).click();
    await expect(page.getByRole('heading', { name: 'Balloons' })).toBeVisible();

    const firstRow = balloonRow(page, first);
    await expect(firstRow).toContainText('Off By One');
    await expect(firstRow).toContainText('Hall A, desk 2');
    await expect(firstRow).toContainText('green');
    await expect(firstRow).toContainText('first to solve');
    await expect(balloonRow(page, second)).toContainText('Hall A, desk 3');
    await expect(balloonRow(page, second)).not.toContainText('first to solve');
    await expect(page.getByRole('status').filter({ hasText: 'to deliver' })).toHaveText(/2 to deliver · 2 in all/);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-balloons.png'), fullPage: true });
    await expectNoSeriousViolations(page, 'the balloons');

    // Delivered: gone from the undelivered list, and shown with who delivered it in the whole list.
    await page.getByRole('button', { name: 'Mark balloon A for Off By One delivered' }).click();
    await expect(firstRow).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'to deliver' })).toHaveText(/1 to deliver · 2 in all/);
    await page.getByLabel('Undelivered only').uncheck();
    await expect(firstRow).toContainText('by judge at');
    const balloons = await consoleCall<{ submissionId: string; delivered: { by: string } | null }[]>(served.url, 'listBalloons');
    expect(balloons.find((b) => b.submissionId === first)?.delivered?.by).toBe('judge');

    // Printing gives one slip per balloon shown, and nothing of the console around them.
    await page.getByLabel('Undelivered only').check();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.balloon-slip')).toHaveCount(1);
    await expect(page.locator('.balloon-slip')).toContainText('The Recursive Rabbits');
    await expect(page.locator('.balloon-slip')).toContainText('Hall A, desk 3');
    await expect(page.locator('.sidebar')).toBeHidden();
    await expect(page.locator('.balloons-table')).toBeHidden();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-balloon-slip-print.png') });
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.balloon-slip')).toBeHidden();
  });

  test('statistics: attempts, teams solved, the first solve, the verdicts and the histogram per problem', async ({ page, served }) => {
    test.setTimeout(120_000);
    await twoSolves(served.url);
    await openConsoleAsJudge(page, served.url);
    await page.getByRole('link', { name: 'Statistics' }).click();
    const hello = page.getByRole('article', { name: /A\s+Hello, World!/ });
    await expect(hello.getByRole('definition').first()).toHaveText('3');
    await expect(hello).toContainText('2 of 2 that tried');
    await expect(hello).toContainText('Off By One at 0:');
    await expect(hello.getByRole('list', { name: 'Verdicts' })).toContainText('AC 2');
    await expect(hello.getByRole('list', { name: 'Verdicts' })).toContainText('WA 1');
    await expect(hello.getByRole('img', { name: /Submissions over time for A.*at most 3 in one slice/ })).toBeVisible();
    await expect(hello.locator('rect.hist-accepted')).toHaveCount(1);
    await expect(page.getByRole('article', { name: /B\s+Sum/ })).toContainText('No submissions yet.');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-statistics.png'), fullPage: true });
    await expectNoSeriousViolations(page, 'the statistics');
  });

  test('verification: a judge marks a verdict verified; the detail and the list say so, and the list can show only the unverified', async ({ page, served }) => {
    test.setTimeout(120_000);
    const { wrong, first } = await twoSolves(served.url);
    await openConsoleAsJudge(page, served.url);
    await page.goto(`${served.url}/console#/submissions/${wrong}`);
    await expect(page.getByText('Not verified: a second judge checks the verdict')).toBeVisible();
    await page.getByRole('button', { name: 'Mark verified' }).click();
    await expect(page.getByText(/Verified by judge at \d\d:\d\d:\d\d/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Mark not verified' })).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-verified-submission.png'), fullPage: true });
    await expectNoSeriousViolations(page, 'a verified submission');

    await page.getByRole('link', { name: '← Back to the list' }).click();
    await expect(page.locator(`tr[data-submission-id="${wrong}"]`).getByLabel('verified by judge')).toBeVisible();
    await page.getByLabel('Verdict').selectOption('unverified');
    await expect(page.locator(`tr[data-submission-id="${first}"]`)).toBeVisible();
    await expect(page.locator(`tr[data-submission-id="${wrong}"]`)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'submissions' })).toHaveText('2 of 3 submissions');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-unverified-filter.png') });
  });
});

test.describe('the public scoreboard', () => {
  const cell = (page: Page, teamId: string) => page.locator(`tr[data-team-id="${teamId}"] td.cell`).first();

  test('without a login, live, in large type; frozen in the freeze, hiding what it must (desktop and phone)', async ({ page, served }) => {
    test.setTimeout(150_000);
    await page.setViewportSize(DESKTOP);
    await page.goto(`${served.url}/scoreboard`);
    await expect(page.getByRole('table', { name: 'Scoreboard' })).toBeVisible();
    await expect(page.getByRole('timer', { name: 'Contest time' })).toHaveText(/left|Starts in|over|Not scheduled/);
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('link')).toHaveCount(0);

    // A solve shows up without a reload.
    const asTeam2 = await teamSession(served.url, 'team2');
    const solved = await asTeam2('hello', 'a.py', HELLO);
    await judged(served.url, solved);
    await expect(cell(page, 'team2')).toHaveAttribute('data-cell', 'first');
    await page.screenshot({ path: join(SCREENSHOTS, 'public-scoreboard.png'), fullPage: true });

    // Into the freeze (its last hour is now); team3's solve stays pending on the projector.
    const snapshot = await consoleCall<{ clock: { durationMs: number; freezeMs: number } }>(served.url, 'getSnapshot');
    const { durationMs, freezeMs } = snapshot.clock;
    await consoleCall(served.url, 'setContestTimes', { startTime: Date.now() - (durationMs - freezeMs) - 60_000, durationMs, freezeMs: Math.max(freezeMs, 3_600_000) });
    await expect(page.getByRole('status').filter({ hasText: 'The scoreboard is frozen' })).toBeVisible();
    // The clock follows the new schedule: the last hour, less the minute already past.
    await expect(page.getByRole('timer', { name: 'Contest time' })).toHaveText(/^0:5\d:\d\d left$/);
    const asTeam3 = await teamSession(served.url, 'team3');
    const hidden = await asTeam3('hello', 'a.py', HELLO);
    await expect(cell(page, 'team3')).toHaveAttribute('data-cell', 'pending');
    await judged(served.url, hidden);
    // The page's next look at the board after the verdict: still pending.
    await page.waitForResponse((r) => r.url().endsWith('/api/public/scoreboard'));
    await expect(cell(page, 'team3')).toHaveAttribute('data-cell', 'pending');
    await page.screenshot({ path: join(SCREENSHOTS, 'public-scoreboard-frozen.png'), fullPage: true });
    await expectNoSeriousViolations(page, 'the public scoreboard');

    await page.setViewportSize(PHONE);
    await expect(page.getByRole('table', { name: 'Scoreboard' })).toBeVisible();
    const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow, 'the page itself does not scroll sideways on a phone (the board does, in its box)').toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'public-scoreboard-phone.png'), fullPage: true });
  });
});
