// A score contest (contest.yaml `scoreboard_type: score`) in Chromium against a real `verdict serve`:
// the portal's and the console's scoreboards rank by total score and show each problem's score.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { browserSkipReason, expect, openConsoleAsJudge, teamSession, test } from './support.ts';

const skip = browserSkipReason('portal') || browserSkipReason('console');
test.skip(skip !== false, skip || '');

// The contest folder is changed before the server reads it again: the test serves a copy.
test.use({ serveOptions: { contestCopy: true, workers: 1 }, viewport: { width: 1440, height: 960 } });

/** Makes the served sample contest a score contest (it has no penalty time then) and restarts the server on it. */
async function becomeScoreContest(served: { contestDir: string; stopServer(): Promise<void>; startServer(): Promise<void> }): Promise<void> {
  await served.stopServer();
  const file = join(served.contestDir, 'contest.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^penalty_time:.*$/m, 'scoreboard_type: score'));
  await served.startServer();
}

async function logIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(`${username}-pass`);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('link', { name: 'Problems' })).toBeVisible();
}

test('a score contest: the portal and the console rank by score; a pass-fail problem scores 1 for its AC', async ({ page, served }) => {
  test.setTimeout(120_000);
  await becomeScoreContest(served);
  const team1 = await teamSession(served.url, 'team1');
  const team2 = await teamSession(served.url, 'team2');
  await team2('hello', 'wrong.py', 'print("Hello World")\n');
  await team1('hello', 'right.py', 'print("Hello, World!")\n');

  await logIn(page, served.url, 'team2');
  await page.getByRole('link', { name: 'Scoreboard' }).click();
  const board = page.locator('table.scoreboard');
  await expect(board.getByRole('columnheader', { name: 'Score' })).toBeVisible();
  await expect(board.getByRole('columnheader', { name: 'Solved' })).toHaveCount(0);
  // team1's AC scores 1 and ranks it first; team2's wrong answer scores 0.
  await expect(board.locator('tr[data-team-id]').first()).toHaveAttribute('data-team-id', 'team1', { timeout: 60_000 });
  await expect(board.locator('tr[data-team-id="team1"] td[data-score]').first()).toHaveText('1');
  await expect(board.locator('tr[data-team-id="team1"] [data-cell="solved"]')).toHaveAttribute('data-score', '1');
  await expect(board.locator('tr[data-team-id="team2"] [data-cell="failed"]')).toHaveAttribute('data-score', '0');
  await expect(board.locator('tr[data-team-id="team2"] td[data-score]').first()).toHaveText('0');

  const judge = await page.context().browser()!.newContext({ viewport: { width: 1440, height: 960 } });
  const consolePage = await judge.newPage();
  await openConsoleAsJudge(consolePage, served.url);
  await consolePage.getByRole('link', { name: 'Scoreboard' }).click();
  const judgesBoard = consolePage.locator('table.scoreboard');
  await expect(judgesBoard.getByRole('columnheader', { name: 'Score' })).toBeVisible();
  await expect(judgesBoard.locator('tr[data-team-id="team1"] [data-cell="solved"]')).toHaveAttribute('data-score', '1');
  await expect(judgesBoard.locator('tr[data-team-id]').first()).toHaveAttribute('data-team-id', 'team1');
  await judge.close();
});
