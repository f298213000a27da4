// The awards ceremony in Debian's Chromium against a real `verdict serve`: a small contest with a frozen
// hour, the Awards view (medal counts changed before the ceremony), and the resolver run to its end by
// keyboard, its final order the final scoreboard's; screenshots at desktop and phone widths, axe-core on
// each (no serious or critical violation).
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { browserSkipReason, consoleCall, expect, judged, openConsoleAsJudge, SCREENSHOTS, teamSession, test } from './support.ts';

const skip = browserSkipReason('console');
test.skip(skip !== false, skip || '');

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const HELLO = 'print("Hello, World!")\n';
const WRONG = 'print("Hello World")\n';
const MINUTE_MS = 60_000;

/**
 * Before the freeze team3 solves hello and team2 fails it; in the last hour team1 and team2 solve it and
 * team4 fails it; then the contest ends, the results not released.
 */
async function frozenContest(url: string): Promise<void> {
  const submit = async (team: string, source: string) => judged(url, await (await teamSession(url, team))('hello', 'a.py', source));
  await submit('team3', HELLO);
  await submit('team2', WRONG);
  const { clock } = await consoleCall<{ clock: { durationMs: number; freezeMs: number } }>(url, 'getSnapshot');
  await consoleCall(url, 'setContestTimes', { startTime: Date.now() - (clock.durationMs - clock.freezeMs) - MINUTE_MS, durationMs: clock.durationMs, freezeMs: clock.freezeMs });
  await submit('team1', HELLO);
  await submit('team2', HELLO);
  await submit('team4', WRONG);
  await consoleCall(url, 'endContestNow');
}

const boardOrder = (page: Page) => page.locator('.resolver-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-team-id')));

test('the awards, medal counts set before the ceremony, and the resolver from the frozen board to the final one', async ({ page, served }) => {
  test.setTimeout(180_000);
  await frozenContest(served.url);
  await page.setViewportSize(DESKTOP);
  await openConsoleAsJudge(page, served.url);

  await page.getByRole('link', { name: 'Awards' }).click();
  await expect(page.getByRole('heading', { name: 'Awards' })).toBeVisible();
  const awards = page.getByRole('table', { name: 'Awards' });
  await expect(awards.locator('tr[data-award-id="winner"]')).toContainText('The Recursive Rabbits');
  await page.getByLabel('Gold').fill('1');
  await page.getByLabel('Silver').fill('1');
  await page.getByLabel('Bronze').fill('1');
  await page.getByRole('button', { name: 'Save medal counts' }).click();
  await expect(page.getByText('As you set them.')).toBeVisible();
  await expect(awards.locator('tr[data-award-id="gold-medal"] td')).toHaveText('The Recursive Rabbits');
  await expect(awards.locator('tr[data-award-id="bronze-medal"] td')).not.toHaveText('nobody yet');
  await page.screenshot({ path: join(SCREENSHOTS, 'awards-desktop.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'the Awards view');

  await page.getByRole('link', { name: 'Start the resolver' }).click();
  const progress = page.getByTestId('resolver-progress');
  await expect(progress).toHaveText(/^Step 0 of \d+$/);
  const steps = Number((await progress.textContent())!.replace(/^Step 0 of /, ''));
  // The frozen board: what the public sees; the freeze's solves pending.
  await expect(page.locator('tr[data-team-id="team1"] td[data-cell="pending"]')).toHaveCount(1);
  await page.screenshot({ path: join(SCREENSHOTS, 'resolver-frozen-desktop.png') });
  await expectNoSeriousViolations(page, 'the resolver');

  // The first step reveals the lowest team's pending problem: team4's wrong answer turns red.
  await page.keyboard.press('Space');
  await expect(progress).toHaveText(`Step 1 of ${steps}`);
  await expect(page.locator('tr[data-team-id="team4"]')).toHaveClass('focus');
  await expect(page.locator('tr[data-team-id="team4"] td[data-cell="failed"]')).toHaveCount(1);
  // ← goes back one step, → forward again.
  await page.keyboard.press('ArrowLeft');
  await expect(progress).toHaveText(`Step 0 of ${steps}`);
  await expect(page.locator('tr[data-team-id="team4"] td[data-cell="pending"]')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(progress).toHaveText(`Step 1 of ${steps}`);

  let bronzeShown = false;
  for (let step = 2; step <= steps; step++) {
    await page.keyboard.press('Space');
    await expect(progress).toHaveText(step === steps ? 'Final results' : `Step ${step} of ${steps}`);
    const award = page.locator('.resolver-award');
    if (!bronzeShown && (await award.count()) > 0 && (await award.textContent())?.includes('Bronze medal winner')) {
      bronzeShown = true;
      await page.screenshot({ path: join(SCREENSHOTS, 'resolver-award-desktop.png') });
    }
  }
  expect(bronzeShown, 'a bronze medal was shown on the way').toBe(true);
  // The last step: the winner's awards, at the top of the final board.
  await expect(page.locator('.resolver-award')).toHaveAttribute('data-team-id', 'team3');
  await expect(page.locator('.resolver-award')).toContainText('Contest winner');
  await expect(page.locator('.resolver-award')).toContainText('Gold medal winner');
  const teams = await consoleCall<{ id: string; hidden: boolean }[]>(served.url, 'listTeams');
  const hidden = new Set(teams.filter((t) => t.hidden).map((t) => t.id));
  const final = await consoleCall<{ rows: { teamId: string }[] }>(served.url, 'getScoreboard', 'judges');
  expect(await boardOrder(page)).toEqual(final.rows.map((r) => r.teamId).filter((id) => !hidden.has(id)));
  await page.screenshot({ path: join(SCREENSHOTS, 'resolver-final-desktop.png') });
  await expectNoSeriousViolations(page, 'the resolver at its end');

  // Teams still see the frozen board: team1's solve of the freeze is pending for them.
  const board = (await (await fetch(`${served.url}/api/public/scoreboard`)).json()) as { rows: { teamId: string; problems: { problemId: string; pending: number }[] }[] };
  expect(board.rows.find((r) => r.teamId === 'team1')!.problems.find((c) => c.problemId === 'hello')!.pending).toBe(1);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Awards' })).toBeVisible();

  // At phone width: the board fits the screen's width, readable, without a sideways page scroll.
  await page.setViewportSize(PHONE);
  await page.getByRole('link', { name: 'Start the resolver' }).click();
  await expect(progress).toHaveText(/^Step 0 of /);
  await page.keyboard.press('Space');
  await expect(progress).toHaveText(`Step 1 of ${steps}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'resolver-phone.png') });
  await expectNoSeriousViolations(page, 'the resolver at phone width');
  expect(await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth)).toBe(0);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: join(SCREENSHOTS, 'awards-phone.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'the Awards view at phone width');
});
