// The portal's pages about the team's own work, in Chromium against a real `verdict serve`: a
// submission's own page (live while it is judged, its source, a compile error's output, a wrong
// answer on a sample beside the expected one; nothing for another team), the problem list's
// solved/tried states, the limits above every kind of statement, and the phone width (390×844).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { LOCAL_JUDGEHOST_ID } from '../src-main/shared/judgeApi.ts';
import { browserSkipReason, consoleCall, expect, logInToPortal, SCREENSHOTS, teamSession, test } from './support.ts';

const skip = browserSkipReason('portal');
test.skip(skip !== false, skip || '');

// Problems are added to the contest folder before the server reads it again: the test serves a copy.
test.use({ serveOptions: { contestCopy: true, workers: 1 }, viewport: { width: 1440, height: 900 } });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Whether the page itself scrolls sideways (a table may scroll inside its own frame). */
const pageScrollsSideways = async (page: Page): Promise<boolean> =>
  page.locator('html').evaluate((root) => root.scrollWidth > root.clientWidth);

/** Adds two problems of the test's own to the served contest and restarts the server on it: one with
 *  an HTML statement and a 512 MiB limit, one with no statement at all and a 1 GiB limit. */
async function addProblems(served: { contestDir: string; stopServer(): Promise<void>; startServer(): Promise<void> }): Promise<void> {
  await served.stopServer();
  const problem = (id: string, yaml: string, statement: [string, string] | null): void => {
    const dir = join(served.contestDir, id);
    mkdirSync(join(dir, 'data', 'sample'), { recursive: true });
    mkdirSync(join(dir, 'data', 'secret'), { recursive: true });
    writeFileSync(join(dir, 'problem.yaml'), yaml);
    writeFileSync(join(dir, 'data', 'sample', '1.in'), '2\n');
    writeFileSync(join(dir, 'data', 'sample', '1.ans'), '4\n');
    writeFileSync(join(dir, 'data', 'secret', '1.in'), '5\n');
    writeFileSync(join(dir, 'data', 'secret', '1.ans'), '25\n');
    if (statement) {
      mkdirSync(join(dir, 'statement'), { recursive: true });
      writeFileSync(join(dir, 'statement', statement[0]), statement[1]);
    }
  };
  problem('square', 'problem_format_version: 2023-07-draft\nname: Square\nlimits:\n  time_limit: 1.5\n  memory: 512\n', [
    'problem.en.html',
    '<h2>Square</h2><p>Read a whole number <var>n</var> and print its square.</p>',
  ]);
  problem('bare', 'problem_format_version: 2023-07-draft\nname: Bare\nlimits:\n  memory: 1024\n', null);
  const problems = join(served.contestDir, 'problems.yaml');
  writeFileSync(problems, `${readFileSync(problems, 'utf8')}- id: square\n  label: D\n  name: Square\n- id: bare\n  label: E\n  name: Bare\n`);
  await served.startServer();
}

test("a team's own submission: live while judged, its source highlighted, a wrong sample beside the expected answer, a compile error's output; another team sees nothing", async ({ browser, served }) => {
  test.setTimeout(180_000);
  // A judge pauses the judgehost, so ours is seen waiting before its verdict however fast the page opens.
  await consoleCall(served.url, 'setJudgehostMode', LOCAL_JUDGEHOST_ID, 'paused');
  const team1 = await teamSession(served.url, 'team1');
  const wrong = await team1('hello', 'wrong.py', '# no comma\nprint("Hello World")\n');
  const broken = await team1('hello', 'broken.py', 'print("unclosed"\n');

  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await logInToPortal(page, served.url, 'team1');
  await page.getByRole('link', { name: 'My submissions' }).click();
  await page.locator(`tr[data-submission-id="${wrong}"] a`).click();
  await expect(page).toHaveURL(new RegExp(`#/submissions/${wrong}$`));
  await expect(page.getByRole('heading', { name: `Submission ${wrong}` })).toBeVisible();

  // Live: waiting first, then the verdict arrives on the open page without a reload.
  const result = page.locator('.submission-facts [data-verdict]');
  await expect(result).toHaveAttribute('data-verdict', /queued|judging/);
  await expect(page.locator('tr[data-sample]')).toHaveAttribute('data-verdict', 'waiting');
  await consoleCall(served.url, 'setJudgehostMode', LOCAL_JUDGEHOST_ID, 'active');
  await expect(result).toHaveAttribute('data-verdict', 'WA', { timeout: 90_000 });

  // The sample's verdict and time, and the team's own output beside the expected one, the differing line marked.
  const sample = page.locator('tr[data-sample="sample/1"]');
  await expect(sample).toHaveAttribute('data-verdict', 'WA');
  await expect(sample.locator('td').last()).toHaveText(/\d s$/);
  await expect(page.getByRole('figure', { name: 'Expected output' })).toContainText('Hello, World!');
  await expect(page.getByRole('figure', { name: 'Your output' })).toContainText('Hello World');
  await expect(page.getByRole('figure', { name: 'Your output' }).locator('[aria-current="true"]')).toHaveText(/Hello World/);
  await expect(page.getByText('They first differ on line 1, column 6.')).toBeVisible();

  // The source, read-only and highlighted by CodeMirror.
  const source = page.getByRole('textbox', { name: `Source of submission ${wrong}` });
  await expect(source).toHaveAttribute('aria-readonly', 'true');
  await expect(source).toContainText('print("Hello World")');
  await expect(source.locator('.cm-line span').first()).toBeVisible();
  // Nothing of the secret test cases.
  await expect(page.locator('main')).not.toContainText('secret');
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-own-submission.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'a submission of its own');

  // A compile error: the compiler's output, and the sample not run.
  await page.goto(`${served.url}/#/submissions/${broken}`);
  await expect(page.locator('.submission-facts [data-verdict]')).toHaveAttribute('data-verdict', 'CE', { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Compiler output' })).toBeVisible();
  await expect(page.locator('.compile-output')).toContainText('SyntaxError');
  await expect(page.locator('tr[data-sample="sample/1"]')).toContainText('Not run (it did not compile)');

  // The same page at phone width: nothing cut, no sideways scrolling of the page.
  await page.goto(`${served.url}/#/submissions/${wrong}`);
  await page.setViewportSize(PHONE);
  await expect(page.getByRole('figure', { name: 'Your output' })).toBeVisible();
  expect(await pageScrollsSideways(page), 'the submission page scrolls sideways at phone width').toBe(false);
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-own-submission-phone.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'a submission of its own at phone width');

  // Another team, with the id in its address bar: the same page as for an id that does not exist.
  const other = await browser.newContext({ viewport: DESKTOP });
  const otherPage = await other.newPage();
  await logInToPortal(otherPage, served.url, 'team2');
  await otherPage.goto(`${served.url}/#/submissions/${wrong}`);
  await expect(otherPage.getByText(`Your team has no submission ${wrong}.`)).toBeVisible();
  await expect(otherPage.locator('main')).not.toContainText('Hello World');
  await expect(otherPage.locator('.submission-facts')).toHaveCount(0);
});

test('the problem list says where the team stands on each problem in words; every statement has its time and memory limits above it', async ({ page, served }) => {
  test.setTimeout(120_000);
  await addProblems(served);
  const team1 = await teamSession(served.url, 'team1');
  await team1('hello', 'right.py', 'print("Hello, World!")\n');
  await team1('sum', 'wrong.py', 'print(0)\n');

  await logInToPortal(page, served.url, 'team1');
  const row = (id: string) => page.locator(`tr[data-problem-id="${id}"]`);
  await expect(row('hello')).toHaveAttribute('data-state', 'solved', { timeout: 60_000 });
  await expect(row('sum')).toHaveAttribute('data-state', 'tried', { timeout: 60_000 });
  await expect(row('hello')).toContainText('Solved');
  await expect(row('sum')).toContainText('Tried once');
  await expect(row('mean')).toContainText('Not tried');
  // The columns say what they hold; the time limit carries its unit.
  await expect(page.getByRole('columnheader', { name: 'Time limit' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Memory limit' })).toBeVisible();
  await expect(row('mean').locator('td').first()).toHaveText('2 s');
  await expect(row('square').locator('td').nth(1)).toHaveText('512 MiB');
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-problems.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'the problem list');

  // Markdown, LaTeX, HTML and no statement at all: the limits sit at the top of each.
  const limits: [string, string, string][] = [
    ['hello', '1 s', '256 MiB'],
    ['mean', '2 s', '256 MiB'],
    ['square', '1.5 s', '512 MiB'],
    ['bare', '1 s', '1 GiB'],
  ];
  for (const [id, time, memory] of limits) {
    await page.goto(`${served.url}/#/problems/${id}`);
    await expect(page.locator('[data-limit="time"]')).toHaveText(time);
    await expect(page.locator('[data-limit="memory"]')).toHaveText(memory);
    await expect(page.locator('.problem-limits')).toBeInViewport();
  }
  await page.goto(`${served.url}/#/problems/square`);
  await expect(page.locator('.statement')).toContainText('print its square');
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-html-statement.png') });
  await expectNoSeriousViolations(page, 'an HTML statement');

  await page.setViewportSize(PHONE);
  await page.goto(`${served.url}/#/problems`);
  await expect(row('hello')).toContainText('Solved');
  expect(await pageScrollsSideways(page), 'the problem list scrolls sideways at phone width').toBe(false);
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-problem-states-phone.png'), fullPage: true });
});

test('phone width: every tab in sight, the scoreboard scrolls inside its frame with the team names held, and no view scrolls the page sideways', async ({ page, served }) => {
  test.setTimeout(120_000);
  await addProblems(served);
  const team1 = await teamSession(served.url, 'team1');
  await team1('hello', 'right.py', 'print("Hello, World!")\n');
  await page.setViewportSize(PHONE);
  await logInToPortal(page, served.url, 'team1');

  const tabs = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
  // Problems, Submit, My submissions, Scoreboard, Clarifications, Print.
  await expect(tabs).toHaveCount(6);
  for (const tab of await tabs.all()) await expect(tab).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-tabs-phone.png') });

  const views: [string, string][] = [
    ['Problems', 'problems'],
    ['Submit', 'submit'],
    ['My submissions', 'submissions'],
    ['Scoreboard', 'scoreboard'],
    ['Clarifications', 'clarifications'],
  ];
  for (const [name, file] of views) {
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The result is not cut by the screen's edge.
    if (name === 'My submissions') await expect(page.locator('[data-verdict="AC"]')).toBeInViewport({ ratio: 1, timeout: 60_000 });
    if (name === 'Scoreboard') await expect(page.locator('tr[data-team-id="team1"] [data-cell="first"]')).toBeVisible({ timeout: 30_000 });
    expect(await pageScrollsSideways(page), `${name} scrolls the page sideways at phone width`).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, `portal-${file}-phone.png`), fullPage: true });
    await expectNoSeriousViolations(page, `${name} at phone width`);
  }

  // The scoreboard is wider than the phone: scrolled to its far end, every row still names its team.
  await page.getByRole('link', { name: 'Scoreboard', exact: true }).click();
  const frame = page.getByRole('region', { name: 'Scoreboard table' });
  await expect(frame).toBeVisible();
  expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth), 'the scoreboard is wider than the phone').toBe(true);
  await frame.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(page.locator('tr[data-team-id="team1"] .team-col')).toBeInViewport({ ratio: 1 });
  await expect(page.locator('tr[data-team-id="team1"] td').first()).toBeInViewport({ ratio: 1 });
  await expect(page.locator('tr[data-team-id="team1"] td').first()).toHaveText('1');
  // The held rank and team do not cover each other.
  const rank = await page.locator('tr[data-team-id="team1"] td').first().boundingBox();
  const team = await page.locator('tr[data-team-id="team1"] .team-col').boundingBox();
  expect(rank!.x + rank!.width, 'the rank ends where the team begins').toBeLessThanOrEqual(team!.x + 1);
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-scoreboard-phone-scrolled.png') });
});
