// A score contest (contest.yaml `scoreboard_type: score`) in Chromium against a real `verdict serve`:
// the portal's and the console's scoreboards rank by total score and show each problem's score; a
// scoring problem's submission shows its score and test groups to its team and to the judges.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcePath } from '../src-main/common/paths.ts';
import { browserSkipReason, expect, logInToPortal, openConsoleAsJudge, teamSession, test } from './support.ts';

const skip = browserSkipReason('portal') || browserSkipReason('console');
test.skip(skip !== false, skip || '');

// The contest folder is changed before the server reads it again: the test serves a copy.
test.use({ serveOptions: { contestCopy: true, workers: 1 }, viewport: { width: 1440, height: 960 } });

/** Makes the served sample contest a score contest (it has no penalty time then), with `alsoChange` done to its
 *  folder too, and restarts the server on it. */
async function becomeScoreContest(
  served: { contestDir: string; stopServer(): Promise<void>; startServer(): Promise<void> },
  alsoChange: (contestDir: string) => void = () => {},
): Promise<void> {
  await served.stopServer();
  const file = join(served.contestDir, 'contest.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^penalty_time:.*$/m, 'scoreboard_type: score'));
  alsoChange(served.contestDir);
  await served.startServer();
}

test('a score contest: the portal and the console rank by score; a pass-fail problem scores 1 for its AC', async ({ page, served }) => {
  test.setTimeout(120_000);
  await becomeScoreContest(served);
  const team1 = await teamSession(served.url, 'team1');
  const team2 = await teamSession(served.url, 'team2');
  await team2('hello', 'wrong.py', 'print("Hello World")\n');
  await team1('hello', 'right.py', 'print("Hello, World!")\n');

  await logInToPortal(page, served.url, 'team2');
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

test('a scoring problem: its score and test groups in the portal and the console, a partial score on the scoreboard', async ({ page, served }) => {
  test.setTimeout(180_000);
  // The example scoring problem (three subtasks worth 20, 30 and 50) as problem D of the sample contest.
  await becomeScoreContest(served, (contestDir) => {
    cpSync(resourcePath('example-problems', 'loading'), join(contestDir, 'loading'), { recursive: true });
    const problems = join(contestDir, 'problems.yaml');
    writeFileSync(problems, `${readFileSync(problems, 'utf8')}- id: loading\n  label: D\n  name: Loading the Truck\n  rgb: '#8e44ad'\n`);
  });
  const example = (path: string) => readFileSync(resourcePath('example-problems', 'loading', 'submissions', path), 'utf8');
  const id = await (await teamSession(served.url, 'team1'))('loading', 'exact_then_greedy.py', example('partially_accepted/exact_then_greedy.py'));
  await (await teamSession(served.url, 'team2'))('loading', 'greedy.py', example('wrong_answer/greedy.py'));

  // The team's own submission: 70 of 100 points, and the groups it scored them in.
  await logInToPortal(page, served.url, 'team1');
  await page.getByRole('link', { name: 'My submissions' }).click();
  const row = page.locator(`[data-submission-id="${id}"]`);
  await expect(row.locator('.score')).toHaveText('70 / 100 points', { timeout: 120_000 });
  await row.getByText('Test groups').click();
  const groups = row.getByRole('table', { name: `Test groups of submission ${id}` });
  await expect(groups.locator('tr[data-group="secret/1-small"] td[data-score]')).toHaveText('20 / 20');
  await expect(groups.locator('tr[data-group="secret/2-medium"] td[data-score]')).toHaveText('30 / 30');
  await expect(groups.locator('tr[data-group="secret/3-large"] td[data-score]')).toHaveText('20 / 50');

  // The scoreboard: team1's partial 70 ahead of team2's 20.
  await page.getByRole('link', { name: 'Scoreboard' }).click();
  const board = page.locator('table.scoreboard');
  await expect(board.locator('tr[data-team-id="team1"] [data-cell="partial"]')).toHaveAttribute('data-score', '70', { timeout: 60_000 });
  await expect(board.locator('tr[data-team-id="team2"] [data-cell="partial"]')).toHaveAttribute('data-score', '20', { timeout: 60_000 });
  await expect(board.locator('tr[data-team-id]').first()).toHaveAttribute('data-team-id', 'team1');

  // The judges' detail: the score and the group table.
  const judge = await page.context().browser()!.newContext({ viewport: { width: 1440, height: 960 } });
  const consolePage = await judge.newPage();
  await openConsoleAsJudge(consolePage, served.url);
  await consolePage.goto(`${served.url}/console#/submissions/${id}`);
  await expect(consolePage.locator('dd[data-score]')).toHaveText('70');
  const table = consolePage.getByRole('table', { name: 'Test groups' });
  await expect(table.locator('tr[data-group="secret/3-large"] td[data-score]')).toHaveText('20 / 50');
  await expect(table.locator('tr[data-group="secret/1-small"]')).toHaveAttribute('data-verdict', 'AC');
  await judge.close();
});
