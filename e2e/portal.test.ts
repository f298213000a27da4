// The contestants' portal end to end: a real `verdict serve`, Debian's Chromium driven by
// Playwright, two teams in two browser contexts. Skipped, with the reason, where Chromium or the
// built pages are missing.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { browserSkipReason, expect, logInToPortal, SCREENSHOTS, test } from './support.ts';

const skip = browserSkipReason('portal');
test.skip(skip !== false, skip || '');

async function submit(page: Page, fileName: string, source: string): Promise<void> {
  await page.getByRole('link', { name: 'Submit' }).click();
  await page.getByLabel('Problem', { exact: true }).selectOption('hello');
  await page.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(source) });
  await expect(page.getByLabel('File name')).toHaveValue(fileName);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('link', { name: 'My submissions' })).toBeVisible();
}

test('two teams submit and each sees only its own verdict arrive live, then the scoreboard change', async ({ browser, served }) => {
  test.setTimeout(120_000);
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const pageA = await alice.newPage();
  const pageB = await bob.newPage();
  await logInToPortal(pageA, served.url, 'team1');
  await logInToPortal(pageB, served.url, 'team2');

  await submit(pageA, 'hello.py', 'print("Hello, World!")\n');
  await submit(pageB, 'bye.py', 'print("Goodbye")\n');

  // The verdicts arrive without a reload (the stream, or the polling fallback).
  await pageA.getByRole('link', { name: 'My submissions' }).click();
  await pageB.getByRole('link', { name: 'My submissions' }).click();
  await expect(pageA.locator('[data-verdict="AC"]').first()).toBeVisible({ timeout: 60_000 });
  await expect(pageB.locator('[data-verdict="WA"]').first()).toBeVisible({ timeout: 60_000 });
  await pageA.screenshot({ path: join(SCREENSHOTS, 'portal-submissions.png'), fullPage: true });

  // Each team sees exactly its own submission.
  await expect(pageA.locator('[data-submission-id]')).toHaveCount(1);
  await expect(pageB.locator('[data-submission-id]')).toHaveCount(1);
  await expect(pageA.locator('[data-verdict="WA"]'), "team1 sees team2's verdict").toHaveCount(0);
  await expect(pageB.locator('[data-verdict="AC"]'), "team2 sees team1's verdict").toHaveCount(0);

  // The scoreboard: team1 solved A and leads.
  await pageB.getByRole('link', { name: 'Scoreboard' }).click();
  await expect(pageB.locator('tr[data-team-id]').first()).toHaveAttribute('data-team-id', 'team1');
  await expect(pageB.locator('tr[data-team-id="team1"] [data-cell="first"]')).toBeVisible({ timeout: 10_000 });
  await expect(pageB.locator('tr[data-team-id="team2"] [data-cell="failed"]')).toBeVisible({ timeout: 10_000 });
  await pageB.screenshot({ path: join(SCREENSHOTS, 'portal-scoreboard.png'), fullPage: true });

  // A reload keeps the session.
  await pageA.reload();
  await pageA.getByRole('link', { name: 'My submissions' }).click();
  await expect(pageA.locator('[data-verdict="AC"]').first()).toBeVisible();

  await alice.close();
  await bob.close();
});

/** The statement's text outside typeset formulas (KaTeX keeps each formula's TeX in hidden MathML). */
function textOutsideMath(statement: Locator): Promise<string> {
  return statement.evaluate((el) => {
    const copy = el.cloneNode(true);
    for (const math of copy.querySelectorAll('.katex')) math.remove();
    return copy.textContent ?? '';
  });
}

test('statements: Markdown with $...$ math and a problemtools LaTeX statement are typeset with KaTeX', async ({ page, served }) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await logInToPortal(page, served.url, 'team3');

  await page.goto(`${served.url}/#/problems/sum`);
  const sum = page.locator('.statement');
  await expect(sum.locator('.katex').nth(2), 'the inline formulas of the Markdown statement (at least 3)').toBeVisible();
  expect(await textOutsideMath(sum), 'no TeX source left in the text').not.toMatch(/[$\\]/);

  await page.goto(`${served.url}/#/problems/mean`);
  const mean = page.locator('.statement');
  await expect(mean.locator('h2')).toHaveText(['Input', 'Output']);
  await expect(mean.locator('.tex-display .katex-display')).toBeVisible();
  await expect(mean.locator('.katex').nth(5), 'at least 6 formulas').toBeVisible();
  const text = await textOutsideMath(mean);
  expect(text, 'no LaTeX commands, math source or comments shown').not.toMatch(/[\\$%]/);
  expect(text).toMatch(/The judges measured something/);
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-latex-statement.png'), fullPage: true });
  expect(
    errors.filter((e) => /font|Content Security Policy/i.test(e)),
    "KaTeX fonts load under the page's policy",
  ).toEqual([]);
});
