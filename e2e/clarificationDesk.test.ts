// The judges' clarification desk and per-language time factors, in Debian's Chromium against a real
// `verdict serve` whose contest folder has its own stock answers and time factors: one judge claims a
// team's question and another judge's console shows it claimed, live; the other judge answers with a
// stock answer (one click, then edited), which releases the claim; the Contest view and the team's
// problem page show the languages' factors. Screenshots at desktop and phone widths; axe-core finds no
// serious violation.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { browserSkipReason, expect, openConsoleAsJudge, SCREENSHOTS, test } from './support.ts';

const skip = browserSkipReason('console');
test.skip(skip !== false, skip || '');
test.use({ serveOptions: { contestCopy: true, workers: 1 } });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const STOCK = 'Read the input section again.';

/** team1 asks about problem A over HTTP, as its portal would. */
async function ask(url: string, text: string): Promise<void> {
  const login = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'team1', password: 'team1-pass' }) });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const asked = await fetch(`${url}/api/portal/clarifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ problemId: 'hello', text }),
  });
  expect(asked.status).toBe(201);
}

async function openConsoleAs(browser: Browser, url: string, username: 'judge' | 'admin'): Promise<Page> {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  if (username === 'judge') {
    await openConsoleAsJudge(page, url);
  } else {
    await page.goto(`${url}/console`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('admin-pass');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Clarifications' }).click();
  await expect(page.getByRole('heading', { name: 'Clarifications', level: 1 })).toBeVisible();
  return page;
}

test.beforeEach(async ({ served }) => {
  // The contest folder's own stock answers and factors, read when the server starts.
  writeFileSync(join(served.contestDir, 'clarification-answers.yaml'), `- No comment.\n- ${STOCK}\n`);
  appendFileSync(join(served.contestDir, 'contest.yaml'), 'language_time_factors:\n  python: 2\n  java: 1.5\n');
  await served.stopServer();
  await served.startServer();
});

test('a claimed question shows as claimed on the other judge\'s console; a stock answer, edited, answers it and releases the claim', async ({ browser, served }) => {
  test.setTimeout(120_000);
  await ask(served.url, 'Can the greeting have trailing spaces?');
  const first = await openConsoleAs(browser, served.url, 'judge');
  const second = await openConsoleAs(browser, served.url, 'admin');
  const question = (page: Page) => page.getByRole('group', { name: 'Question from Segfault Society' });

  await first.getByRole('button', { name: 'Claim the question of Segfault Society' }).click();
  await expect(question(first)).toContainText('claimed by judge');
  // The other console hears of it without a reload.
  await expect(question(second)).toContainText('claimed by judge');
  await expect(second.getByRole('button', { name: 'Claim the question of Segfault Society' })).toHaveCount(0);
  await expect(second.getByRole('button', { name: 'Release the question of Segfault Society (claimed by judge)' })).toBeVisible();
  await second.screenshot({ path: join(SCREENSHOTS, 'console-clarification-claimed.png'), fullPage: true });
  await expectNoSeriousViolations(second, 'a claimed question');

  // One click fills the answer with a stock text, which stays editable.
  await question(second).getByRole('button', { name: 'Answer' }).click();
  const stock = question(second).getByRole('group', { name: 'Stock answers' });
  await expect(stock.getByRole('button')).toHaveText(['No comment.', STOCK]);
  await stock.getByRole('button', { name: STOCK }).click();
  const text = question(second).getByLabel('Answer text');
  await expect(text).toHaveValue(STOCK);
  await expect(stock.getByRole('button', { name: STOCK })).toHaveAttribute('aria-pressed', 'true');
  await text.fill(`${STOCK} Trailing spaces are fine.`);
  await expectNoSeriousViolations(second, 'the answer form with stock answers');
  await second.setViewportSize(PHONE);
  await question(second).scrollIntoViewIfNeeded();
  await second.screenshot({ path: join(SCREENSHOTS, 'console-clarification-answer-phone.png'), fullPage: true });
  // The question with its stock answers fits the phone's width (the buttons wrap).
  const box = await question(second).boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, `the question's box ${JSON.stringify(box)} within ${PHONE.width} px`).toBe(true);
  await second.setViewportSize(DESKTOP);
  await question(second).getByRole('button', { name: 'Send answer' }).click();

  // Answered: the claim is gone on both consoles, and nobody can claim it any more.
  for (const page of [first, second]) {
    await expect(question(page)).toContainText(`${STOCK} Trailing spaces are fine.`);
    await expect(question(page)).not.toContainText('claimed by');
    await expect(question(page).getByRole('button', { name: /^(Claim|Release) the question/ })).toHaveCount(0);
  }
  await first.screenshot({ path: join(SCREENSHOTS, 'console-clarification-answered.png'), fullPage: true });
});

test("the languages' time factors: in the console's Contest view and on the team's problem page", async ({ browser, page, served }) => {
  test.setTimeout(90_000);
  const judge = await openConsoleAs(browser, served.url, 'judge');
  await judge.getByRole('link', { name: 'Contest' }).click();
  await expect(judge.locator('[data-language-id="python"]')).toContainText('time limits × 2');
  await expect(judge.locator('[data-language-id="java"]')).toContainText('time limits × 1.5');
  await expect(judge.locator('[data-language-id="c"]')).not.toContainText('time limits ×');
  await judge.screenshot({ path: join(SCREENSHOTS, 'console-language-time-factors.png'), fullPage: true });
  await expectNoSeriousViolations(judge, 'the Contest view with time factors');
  await judge.setViewportSize(PHONE);
  await judge.screenshot({ path: join(SCREENSHOTS, 'console-language-time-factors-phone.png'), fullPage: true });

  // The team's problem page: hello's limit is 1 s.
  await page.setViewportSize(PHONE);
  await page.goto(served.url);
  await page.getByLabel('Username').fill('team1');
  await page.getByLabel('Password').fill('team1-pass');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.goto(`${served.url}/#/problems/hello`);
  await expect(page.locator('[data-limit="time"]')).toHaveText('1 s');
  const limits = page.locator('.language-limits');
  await expect(limits).toContainText('Python 3: 2 s (× 2)');
  await expect(limits).toContainText('Java: 1.5 s (× 1.5)');
  await expect(limits).not.toContainText('C (gcc)');
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-language-time-limits-phone.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'a problem page with time factors');
});
