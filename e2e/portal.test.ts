// The contestants' portal end to end: a real `verdict serve`, Debian's Chromium driven by
// Playwright, two teams in two browser contexts. Skipped, with the reason, where Chromium or the
// built pages are missing.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, serve, type Served } from './support.ts';

const skip = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM} (apt-get install chromium)` : !existsSync(join(import.meta.dirname, '..', 'out', 'renderer', 'portal', 'index.html')) ? 'the portal is not built (npm run build)' : false;

let served: Served;
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'verdict-e2e-'));

before(async () => {
  if (skip) return;
  served = await serve(dataDir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await served?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(served.url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(`${username}-pass`);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: 'Problems' }).waitFor();
}

async function submit(page: Page, fileName: string, source: string): Promise<void> {
  await page.getByRole('link', { name: 'Submit' }).click();
  await page.getByLabel('Problem', { exact: true }).selectOption('hello');
  await page.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(source) });
  await page.getByLabel('File name').waitFor();
  assert.equal(await page.getByLabel('File name').inputValue(), fileName);
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('link', { name: 'My submissions' }).waitFor();
}

test('two teams submit and each sees only its own verdict arrive live, then the scoreboard change', { skip, timeout: 120_000 }, async () => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const pageA = await alice.newPage();
  const pageB = await bob.newPage();
  await logIn(pageA, 'team1');
  await logIn(pageB, 'team2');

  await submit(pageA, 'hello.py', 'print("Hello, World!")\n');
  await submit(pageB, 'bye.py', 'print("Goodbye")\n');

  // The verdicts arrive without a reload (the stream, or the polling fallback).
  await pageA.getByRole('link', { name: 'My submissions' }).click();
  await pageB.getByRole('link', { name: 'My submissions' }).click();
  await pageA.locator('[data-verdict="AC"]').first().waitFor({ timeout: 60_000 });
  await pageB.locator('[data-verdict="WA"]').first().waitFor({ timeout: 60_000 });
  await pageA.screenshot({ path: join(SCREENSHOTS, 'portal-submissions.png'), fullPage: true });

  // Each team sees exactly its own submission.
  assert.equal(await pageA.locator('[data-submission-id]').count(), 1);
  assert.equal(await pageB.locator('[data-submission-id]').count(), 1);
  assert.equal(await pageA.locator('[data-verdict="WA"]').count(), 0, 'team1 sees team2\'s verdict');
  assert.equal(await pageB.locator('[data-verdict="AC"]').count(), 0, 'team2 sees team1\'s verdict');

  // The scoreboard: team1 solved A and leads.
  await pageB.getByRole('link', { name: 'Scoreboard' }).click();
  const leader = pageB.locator('tr[data-team-id]').first();
  await leader.waitFor();
  assert.equal(await leader.getAttribute('data-team-id'), 'team1');
  await pageB.locator('tr[data-team-id="team1"] [data-cell="first"]').waitFor({ timeout: 10_000 });
  await pageB.locator('tr[data-team-id="team2"] [data-cell="failed"]').waitFor({ timeout: 10_000 });
  await pageB.screenshot({ path: join(SCREENSHOTS, 'portal-scoreboard.png'), fullPage: true });

  // A reload keeps the session.
  await pageA.reload();
  await pageA.getByRole('link', { name: 'My submissions' }).click();
  await pageA.locator('[data-verdict="AC"]').first().waitFor();

  await alice.close();
  await bob.close();
});

/** The statement's text outside typeset formulas (KaTeX keeps each formula's TeX in hidden MathML). */
function textOutsideMath(statement: ReturnType<Page['locator']>): Promise<string> {
  return statement.evaluate((el) => {
    const copy = el.cloneNode(true) as typeof el;
    for (const math of copy.querySelectorAll('.katex')) math.remove();
    return copy.textContent ?? '';
  });
}

test('statements: Markdown with $...$ math and a problemtools LaTeX statement are typeset with KaTeX', { skip, timeout: 60_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await logIn(page, 'team3');

  await page.goto(`${served.url}/#/problems/sum`);
  const sum = page.locator('.statement');
  await sum.locator('.katex').first().waitFor();
  assert.ok((await sum.locator('.katex').count()) >= 3, 'the inline formulas of the Markdown statement');
  assert.doesNotMatch(await textOutsideMath(sum), /[$\\]/, 'no TeX source left in the text');

  await page.goto(`${served.url}/#/problems/mean`);
  const mean = page.locator('.statement');
  await mean.locator('h2', { hasText: 'Input' }).waitFor();
  assert.equal(await mean.locator('h2').allInnerTexts().then((h) => h.join('|')), 'Input|Output');
  await mean.locator('.tex-display .katex-display').waitFor();
  assert.ok((await mean.locator('.katex').count()) >= 6);
  const text = await textOutsideMath(mean);
  assert.doesNotMatch(text, /[\\$%]/, 'no LaTeX commands, math source or comments shown');
  assert.match(text, /The judges measured something/);
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-latex-statement.png'), fullPage: true });
  assert.deepEqual(errors.filter((e) => /font|Content Security Policy/i.test(e)), [], 'KaTeX fonts load under the page\'s policy');
  await context.close();
});
