// The judges' console in Chromium against a real `verdict serve` (/console): a judge logs in, sees a
// submission go from the queue to a worker to a verdict, watches its live output, reads the diff of
// a wrong answer, pauses the queue and sees new submissions wait, resizes the pool, rejudges and
// overrides. Screenshots of the main views go to e2e-results/ for review.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleSnapshot } from '../src-main/shared/judgeApi.ts';
import { buildZip, zipEntries } from '../src-main/package/testUtil.ts';
import { browserSkipReason, expect, openConsoleAsJudge, SCREENSHOTS, teamSession, test } from './support.ts';

const skip = browserSkipReason('console');
test.skip(skip !== false, skip || '');

// Team and package imports write into the contest folder: the test serves a copy.
test.use({ serveOptions: { contestCopy: true, workers: 1 }, viewport: { width: 1440, height: 960 } });

/** The console's snapshot as a judges' tool reads it (Basic auth), straight from the core. */
async function judgeSnapshot(url: string): Promise<ConsoleSnapshot> {
  const response = await fetch(`${url}/api/console/getSnapshot`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('judge:judge-pass').toString('base64')}`, 'content-type': 'application/json' },
    body: '[]',
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ConsoleSnapshot;
}

test('a judge follows, inspects and steers judging from the browser console', async ({ page, served }) => {
  test.setTimeout(180_000);
  // Test-only: the print dialog of "Print passwords" is not opened in a headless browser.
  await page.addInitScript('window.print = () => {};');
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`) });
  await openConsoleAsJudge(page, served.url);

  // From the queue to a worker to a verdict, with live output on the way.
  const submit = await teamSession(served.url, 'team1');
  const chatty = await submit('hello', 'chatty.py', 'import time\nfor i in range(30):\n    print("tick", i, flush=True)\n    time.sleep(0.05)\n');
  await expect(page.locator('.worker', { hasText: `#${chatty}` })).toBeVisible();
  await shot('dashboard');
  await page.goto(`${served.url}/console#/submissions/${chatty}`);
  await expect(page.getByRole('heading', { name: `Submission #${chatty}` })).toBeVisible();
  await expect(page.locator('.xterm-rows', { hasText: 'tick' })).toBeVisible();
  await shot('live-output');
  await expect(page.locator('.runs [data-verdict="WA"]').first()).toBeVisible();

  // The diff of a wrong answer: expected and output side by side, first difference marked.
  const wrong = await submit('hello', 'comma.py', 'print("Hello World!")\n');
  await page.goto(`${served.url}/console#/submissions/${wrong}`);
  await expect(page.getByRole('heading', { name: /First failing test/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Expected answer' })).toContainText('Hello, World!');
  await expect(page.getByRole('figure', { name: 'Program output' })).toContainText('Hello World!');
  await expect(page.locator('.line-diff'), 'the differing line is marked in both panes').toHaveCount(2);
  await shot('wrong-answer-diff');

  // Override (audited) and rejudge.
  await page.getByRole('button', { name: 'Override verdict' }).click();
  await page.getByLabel('Verdict').selectOption('AC');
  await page.getByLabel('Reason').fill('the comma is optional per clarification 1');
  await page.getByRole('button', { name: 'Save override' }).click();
  await expect(page.getByText('the comma is optional per clarification 1')).toBeVisible();
  await page.getByRole('button', { name: 'Rejudge now' }).click();
  await expect(page.locator('.runs [data-verdict="WA"]').first()).toBeVisible();

  // Pause: a new submission waits in the queue; resume: it is judged.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('button', { name: 'Pause judging' }).click();
  await expect(page.getByRole('button', { name: 'Resume judging' })).toBeVisible();
  // The core starts judging a submission (if it may) before its 202 is sent (the intake runs the
  // judging pump right after the write): once answered, a submission still queued stays queued.
  const waiting = await submit('hello', 'hello.py', 'print("Hello, World!")\n');
  const queued = page.getByRole('table', { name: 'Queue' }).locator(`tr[data-submission-id="${waiting}"]`);
  await expect(queued, 'still waiting while paused').toHaveCount(1);
  const paused = await judgeSnapshot(served.url);
  expect(paused.pool.paused, 'the pool is paused').toBe(true);
  expect(paused.queue.map((q) => q.submissionId), 'still waiting while paused').toContain(waiting);
  await shot('paused');

  // Resize the pool live, then resume.
  await page.getByLabel('Workers').fill('2');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('[data-worker="1"]')).toBeVisible();
  await page.getByRole('button', { name: 'Resume judging' }).click();
  await expect(queued).toHaveCount(0);

  await page.getByRole('link', { name: 'Submissions' }).click();
  await expect(page.locator(`[data-submission-id="${waiting}"] [data-verdict="AC"]`)).toBeVisible();
  await shot('submissions');
  await page.getByRole('link', { name: 'Scoreboard' }).click();
  await expect(page.getByRole('table', { name: /scoreboard/i })).toBeVisible();
  await shot('scoreboard');

  // Teams: import a list, then print the passwords; the new team logs in with its password.
  await page.getByRole('link', { name: 'Teams' }).click();
  await page.locator('summary', { hasText: 'Import teams' }).click();
  await page.getByLabel('Team list').fill('id,name\nteam6,Six Pack\n');
  await page.getByRole('button', { name: 'Import teams' }).click();
  await expect(page.locator('tr[data-team-id="team6"]')).toBeVisible();
  await page.getByRole('button', { name: 'Print passwords' }).click();
  const slip = page.getByRole('region', { name: 'Password sheet' }).locator('.password-slip', { hasText: 'Six Pack' });
  await expect(slip.locator('code').nth(1)).toHaveText(/^\s*\w{10}\s*$/);
  const password = (await slip.locator('code').nth(1).innerText()).trim();
  await shot('teams-passwords');
  await teamSession(served.url, 'team6', password);

  // Problems: a package dropped into the contest (here chosen with the file input).
  await page.getByRole('link', { name: 'Problems' }).click();
  const hello = join(served.contestDir, 'hello');
  const files: Record<string, string> = { 'problem.yaml': readFileSync(join(hello, 'problem.yaml'), 'utf8') };
  for (const group of ['sample', 'secret']) {
    for (const name of readdirSync(join(hello, 'data', group))) files[`data/${group}/${name}`] = readFileSync(join(hello, 'data', group, name), 'utf8');
  }
  await page.getByLabel('Problem package (zip)').setInputFiles({ name: 'greeting.zip', mimeType: 'application/zip', buffer: buildZip(zipEntries(files)) });
  await expect(page.getByText('Problem D (Hello, World!) added to the contest.')).toBeVisible();
  await shot('problems');

  // The penalty per rejected submission is a contest setting.
  await page.getByRole('link', { name: 'Contest' }).click();
  await page.getByLabel('Penalty (minutes)').fill('15');
  await page.getByRole('button', { name: 'Save times' }).click();
  await expect(page.getByText('Contest times saved.')).toBeVisible();
  const contest = (await (await fetch(`${served.url}/api/contests/sample`)).json()) as { penalty_time: string };
  expect(contest.penalty_time).toMatch(/^0:15:00/);

  // Export the results in the background; the finished export's files open in the browser.
  await page.getByRole('button', { name: 'Export results' }).click();
  const done = page.locator('[data-export-state="done"]');
  await expect(done).toBeVisible({ timeout: 60_000 });
  const href = await done.getByRole('link', { name: 'standings.html' }).getAttribute('href');
  // page.request carries the judge's session cookies.
  const html = await page.request.get(`${served.url}${href}`);
  expect(html.status()).toBe(200);
  expect(await html.text()).toMatch(/Six Pack/);
  await shot('contest-export');
});
