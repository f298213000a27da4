// The judges' console in Chromium against a real `verdict serve` (/console): a judge logs in, sees a
// submission go from the queue to a worker to a verdict, watches its live output, reads the diff of
// a wrong answer, pauses the queue and sees new submissions wait, resizes the pool, rejudges and
// overrides. Screenshots of the main views go to e2e-results/ for review.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildZip, zipEntries } from '../src-main/judge/package/testUtil.ts';
import { CHROMIUM, CHROMIUM_ARGS, openConsoleAsJudge, SCREENSHOTS, serve, type Served } from './support.ts';

const skip = !existsSync(CHROMIUM)
  ? `no Chromium at ${CHROMIUM} (apt-get install chromium)`
  : !existsSync(join(import.meta.dirname, '..', 'out', 'renderer', 'console', 'index.html'))
    ? 'the console is not built (npm run build)'
    : false;

let served: Served;
let browser: Browser;
let page: Page;
const dataDir = mkdtempSync(join(tmpdir(), 'verdict-console-e2e-'));
// Team and package imports write into the contest folder: the test works on a copy.
const contestDir = join(dataDir, 'contest');

/** A team submitting through the portal API, as its browser would. */
async function teamSession(username: string) {
  const login = await fetch(`${served.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: `${username}-pass` }) });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  return async (problemId: string, fileName: string, source: string): Promise<string> => {
    const response = await fetch(`${served.url}/api/portal/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ problemId, languageId: 'python', fileName, source }),
    });
    assert.equal(response.status, 202);
    return ((await response.json()) as { id: string }).id;
  };
}

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `console-${name}.png`) });

before(async () => {
  if (skip) return;
  cpSync(join(import.meta.dirname, '..', 'resources', 'sample-contest'), contestDir, { recursive: true });
  served = await serve(join(dataDir, 'data'), ['--workers', '1', '--contest', contestDir]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  // Test-only: the print dialog of "Print passwords" is not opened in a headless browser.
  await page.addInitScript('window.print = () => {};');
  mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await served?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a judge follows, inspects and steers judging from the browser console', { skip, timeout: 180_000 }, async () => {
  await openConsoleAsJudge(page, served.url);

  // From the queue to a worker to a verdict, with live output on the way.
  const submit = await teamSession('team1');
  const chatty = await submit('hello', 'chatty.py', 'import time\nfor i in range(30):\n    print("tick", i, flush=True)\n    time.sleep(0.05)\n');
  await page.locator('.worker', { hasText: `#${chatty}` }).waitFor({ timeout: 30_000 });
  await shot('dashboard');
  await page.goto(`${served.url}/console#/submissions/${chatty}`);
  await page.getByRole('heading', { name: `Submission #${chatty}` }).waitFor();
  await page.locator('.xterm-rows', { hasText: 'tick' }).waitFor({ timeout: 30_000 });
  await shot('live-output');
  await page.locator('.runs [data-verdict="WA"]').first().waitFor({ timeout: 30_000 });

  // The diff of a wrong answer: expected and output side by side, first difference marked.
  const wrong = await submit('hello', 'comma.py', 'print("Hello World!")\n');
  await page.goto(`${served.url}/console#/submissions/${wrong}`);
  await page.getByRole('heading', { name: /First failing test/ }).waitFor({ timeout: 30_000 });
  assert.match(await page.getByRole('figure', { name: 'Expected answer' }).innerText(), /Hello, World!/);
  assert.match(await page.getByRole('figure', { name: 'Program output' }).innerText(), /Hello World!/);
  assert.equal(await page.locator('.line-diff').count(), 2, 'the differing line is marked in both panes');
  await shot('wrong-answer-diff');

  // Override (audited) and rejudge.
  await page.getByRole('button', { name: 'Override verdict' }).click();
  await page.getByLabel('Verdict').selectOption('AC');
  await page.getByLabel('Reason').fill('the comma is optional per clarification 1');
  await page.getByRole('button', { name: 'Save override' }).click();
  await page.getByText('the comma is optional per clarification 1').waitFor();
  await page.getByRole('button', { name: 'Rejudge' }).click();
  await page.locator('.runs [data-verdict="WA"]').first().waitFor({ timeout: 30_000 });

  // Pause: a new submission waits in the queue; resume: it is judged.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('button', { name: 'Pause judging' }).click();
  await page.getByRole('button', { name: 'Resume judging' }).waitFor();
  const waiting = await submit('hello', 'hello.py', 'print("Hello, World!")\n');
  const queued = page.getByRole('table', { name: 'Queue' }).locator(`tr[data-submission-id="${waiting}"]`);
  await queued.waitFor();
  await page.waitForTimeout(500);
  assert.equal(await queued.count(), 1, 'still waiting while paused');
  await shot('paused');

  // Resize the pool live, then resume.
  await page.getByLabel('Workers').fill('2');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('[data-worker="1"]').waitFor();
  await page.getByRole('button', { name: 'Resume judging' }).click();
  await queued.waitFor({ state: 'detached', timeout: 30_000 });

  await page.getByRole('link', { name: 'Submissions' }).click();
  await page.locator(`[data-submission-id="${waiting}"] [data-verdict="AC"]`).waitFor({ timeout: 30_000 });
  await shot('submissions');
  await page.getByRole('link', { name: 'Scoreboard' }).click();
  await page.getByRole('table', { name: /scoreboard/i }).waitFor();
  await shot('scoreboard');

  // Teams: import a list, then print the passwords; the new team logs in with its password.
  await page.getByRole('link', { name: 'Teams' }).click();
  await page.locator('summary', { hasText: 'Import teams' }).click();
  await page.getByLabel('Team list').fill('id,name\nteam6,Six Pack\n');
  await page.getByRole('button', { name: 'Import teams' }).click();
  await page.locator('tr[data-team-id="team6"]').waitFor();
  await page.getByRole('button', { name: 'Print passwords' }).click();
  const slip = page.getByRole('region', { name: 'Password sheet' }).locator('.password-slip', { hasText: 'Six Pack' });
  const password = (await slip.locator('code').nth(1).innerText()).trim();
  assert.match(password, /^\w{10}$/);
  await shot('teams-passwords');
  const login = await fetch(`${served.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'team6', password }) });
  assert.equal(login.status, 200);

  // Problems: a package dropped into the contest (here chosen with the file input).
  await page.getByRole('link', { name: 'Problems' }).click();
  const files: Record<string, string> = { 'problem.yaml': readFileSync(join(contestDir, 'hello', 'problem.yaml'), 'utf8') };
  for (const group of ['sample', 'secret']) {
    for (const name of readdirSync(join(contestDir, 'hello', 'data', group))) files[`data/${group}/${name}`] = readFileSync(join(contestDir, 'hello', 'data', group, name), 'utf8');
  }
  await page.getByLabel('Problem package (zip)').setInputFiles({ name: 'greeting.zip', mimeType: 'application/zip', buffer: buildZip(zipEntries(files)) });
  await page.getByText('Problem D (Hello, World!) added to the contest.').waitFor({ timeout: 30_000 });
  await shot('problems');

  // The penalty per rejected submission is a contest setting.
  await page.getByRole('link', { name: 'Contest' }).click();
  await page.getByLabel('Penalty (minutes)').fill('15');
  await page.getByRole('button', { name: 'Save times' }).click();
  await page.getByText('Contest times saved.').waitFor();
  const contest = (await (await fetch(`${served.url}/api/contests/sample`)).json()) as { penalty_time: string };
  assert.match(contest.penalty_time, /^0:15:00/);

  // Export the results in the background; the finished export's files open in the browser.
  await page.getByRole('button', { name: 'Export results' }).click();
  await page.locator('[data-export-state="done"]').waitFor({ timeout: 60_000 });
  const standings = page.locator('[data-export-state="done"]').getByRole('link', { name: 'standings.html' });
  const href = await standings.getAttribute('href');
  const cookies = await page.context().cookies();
  const html = await fetch(`${served.url}${href}`, { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
  assert.equal(html.status, 200);
  assert.match(await html.text(), /Six Pack/);
  await shot('contest-export');
});
