// A rejudging in Debian's Chromium against a real `verdict serve`: the test data of problem A changes
// (the server restarted to read it), a judge rejudges problem A from the console, sees the rejudging's
// progress, each old → new verdict and the matrix of changes while the teams still see their old verdicts,
// then applies it (the teams see the new ones); a second rejudging is cancelled and changes nothing.
// axe-core finds no serious violation; screenshots at desktop and phone width.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoSeriousViolations } from './axe.ts';
import { browserSkipReason, consoleCall, expect, openConsoleAsJudge, SCREENSHOTS, teamSession, test } from './support.ts';

const skip = browserSkipReason('console');
test.skip(skip !== false, skip || '');

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The verdict everyone but the judges' rejudgings sees (the judges' own view of the current judgement). */
async function verdictOf(url: string, id: string): Promise<string | null> {
  const detail = await consoleCall<{ submission: { status: string; verdict: string | null } }>(url, 'getSubmission', id);
  return detail.submission.status === 'judged' ? detail.submission.verdict : null;
}

test.use({ serveOptions: { contestCopy: true, workers: 2 }, viewport: DESKTOP });

test('rejudging problem A after its test data changed: progress, the diff and its matrix, then apply; a cancelled one changes nothing', async ({ page, served }) => {
  test.setTimeout(240_000);
  const asTeam2 = await teamSession(served.url, 'team2');
  const asTeam3 = await teamSession(served.url, 'team3');
  const comma = await asTeam2('hello', 'comma.py', 'print("Hello, World!")\n');
  const bare = await asTeam3('hello', 'bare.py', 'print("Hello World")\n');
  for (const [id, verdict] of [[comma, 'AC'], [bare, 'WA']]) await expect.poll(() => verdictOf(served.url, id), { timeout: 60_000 }).toBe(verdict);

  // The judges find the expected answer wrong: no comma. The server reads packages once: restart it.
  const data = join(served.contestDir, 'hello', 'data');
  for (const group of ['sample', 'secret']) {
    for (const file of readdirSync(join(data, group)).filter((f) => f.endsWith('.ans'))) writeFileSync(join(data, group, file), 'Hello World\n');
  }
  await served.stopServer();
  await served.startServer();

  await openConsoleAsJudge(page, served.url);
  await page.getByRole('link', { name: 'Rejudgings' }).click();
  await expect(page.getByRole('heading', { name: 'Rejudgings', level: 1 })).toBeVisible();
  await page.getByLabel('Problem').selectOption('hello');
  await page.getByLabel('Language').selectOption('python');
  await page.getByLabel('Reason').fill('the expected answer has no comma');
  await page.getByRole('button', { name: 'Start rejudging' }).click();
  await expect(page.getByRole('heading', { name: /^Rejudging #\d+$/ })).toBeVisible();
  await expect(page.getByText('Judged 2 of 2')).toBeVisible({ timeout: 120_000 });

  // The diff: both verdicts flip; the matrix counts one AC → WA and one WA → AC.
  await expect(page.locator(`.rejudged-table tr[data-submission-id="${comma}"] td[data-after]`)).toHaveAttribute('data-after', 'WA');
  await expect(page.locator(`.rejudged-table tr[data-submission-id="${bare}"] td[data-after]`)).toHaveAttribute('data-after', 'AC');
  await expect(page.locator('.change-matrix td[data-from="AC"][data-to="WA"]')).toHaveText('1');
  await expect(page.locator('.change-matrix td[data-from="WA"][data-to="AC"]')).toHaveText('1');
  await expect(page.getByText('2 verdicts would change')).toBeVisible();
  // Nobody else sees them yet.
  expect(await verdictOf(served.url, comma)).toBe('AC');
  expect(await verdictOf(served.url, bare)).toBe('WA');
  await page.screenshot({ path: join(SCREENSHOTS, 'console-rejudging.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'a finished rejudging');
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-rejudging-phone.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'a finished rejudging at phone width');
  await page.setViewportSize(DESKTOP);

  // The submissions list marks both as in this rejudging, with a link back to it.
  const rejudgingTitle = (await page.getByRole('heading', { name: /^Rejudging #\d+$/ }).textContent())!;
  await page.getByRole('link', { name: 'Submissions', exact: true }).click();
  for (const id of [comma, bare]) await expect(page.locator(`tr[data-submission-id="${id}"] .rejudging-mark`)).toHaveText(`R${rejudgingTitle.replace(/\D/g, '')}`);
  await page.locator(`tr[data-submission-id="${comma}"] .rejudging-mark`).click();
  await expect(page.getByRole('heading', { name: rejudgingTitle })).toBeVisible();

  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('dialog')).toContainText('2 verdicts change');
  await expectNoSeriousViolations(page, 'the confirmation');
  await page.getByRole('button', { name: 'Apply the new verdicts' }).click();
  await expect(page.locator('.chip-rejudging-applied').first()).toBeVisible();
  await expect.poll(() => verdictOf(served.url, comma)).toBe('WA');
  expect(await verdictOf(served.url, bare)).toBe('AC');

  // A rejudging cancelled from its page: the verdicts stay.
  await page.getByRole('link', { name: '← All rejudgings' }).click();
  await expect(page.locator('.rejudgings-table tbody tr')).toHaveCount(1);
  // Every rejected submission (all but AC): now only the one with the comma.
  await page.getByLabel('Verdict now').selectOption('rejected');
  await page.getByLabel('Reason').fill('one more look');
  // Submitted within a contest time range: what is not a time is refused with the form's own words.
  await page.getByLabel('Submitted from (contest time)').fill('noon');
  await page.getByRole('button', { name: 'Start rejudging' }).click();
  await expect(page.getByText('Give contest times as h:mm')).toBeVisible();
  // Both submissions came in the contest's first minutes: from 4:00 on, none.
  await page.getByLabel('Submitted from (contest time)').fill('4:00');
  await page.getByRole('button', { name: 'Start rejudging' }).click();
  await expect(page.getByText('no judged submission to rejudge matches')).toBeVisible();
  await page.getByLabel('Submitted from (contest time)').fill('0:00');
  await page.getByLabel('Until before').fill('5:00');
  await page.getByRole('button', { name: 'Start rejudging' }).click();
  await expect(page.getByText('Judged 1 of 1')).toBeVisible({ timeout: 120_000 });
  await expect(page.locator(`.rejudged-table tr[data-submission-id="${comma}"]`)).toHaveCount(1);
  await page.getByRole('button', { name: 'Cancel rejudging' }).click();
  await page.getByRole('button', { name: 'Cancel the rejudging' }).click();
  await expect(page.locator('.chip-rejudging-cancelled').first()).toBeVisible();
  await page.getByRole('link', { name: '← All rejudgings' }).click();
  await expect(page.locator('.rejudgings-table tbody tr')).toHaveCount(2);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-rejudgings.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'the rejudgings');
  expect(await verdictOf(served.url, comma)).toBe('WA');
});
