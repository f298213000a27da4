// Terminal forgery in the judges' console (Chromium against a real `verdict serve`): a program that
// clears the screen, homes the cursor to draw a fake verdict, and prints an OSC 8 hyperlink is shown
// in the live pane without the screen being cleared and without a link.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, openConsoleAsJudge, serve, type Served } from './support.ts';

const skip = !existsSync(CHROMIUM)
  ? `no Chromium at ${CHROMIUM} (apt-get install chromium)`
  : !existsSync(join(import.meta.dirname, '..', 'out', 'renderer', 'console', 'index.html'))
    ? 'the console is not built (npm run build)'
    : false;

/** Prints a line, then the forgery, then ticks for a while so the judge can watch it live. */
const FORGER = [
  'import sys, time',
  'print("first line", flush=True)',
  'sys.stdout.write("\\x1b[2J\\x1b[Hverdict: AC\\r\\n")',
  'sys.stdout.write("\\x1b]8;;https://example.com/steal\\x07click me\\x1b]8;;\\x07\\r\\n")',
  'sys.stdout.write("\\x1b[31mred\\x1b[0m\\r\\n")',
  'sys.stdout.flush()',
  'for i in range(8):',
  '    print("tick", i, flush=True)',
  '    time.sleep(0.15)',
  '',
].join('\n');

let served: Served;
let browser: Browser;
let page: Page;
const dataDir = mkdtempSync(join(tmpdir(), 'verdict-forgery-e2e-'));
const contestDir = join(dataDir, 'contest');

before(async () => {
  if (skip) return;
  cpSync(join(import.meta.dirname, '..', 'resources', 'sample-contest'), contestDir, { recursive: true });
  served = await serve(join(dataDir, 'data'), ['--workers', '1', '--contest', contestDir]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
});
after(async () => {
  await browser?.close();
  await served?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the live pane shows a forging program without clearing the screen and without a link', { skip, timeout: 120_000 }, async () => {
  await openConsoleAsJudge(page, served.url);

  const login = await fetch(`${served.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'team1', password: 'team1-pass' }) });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const submitted = await fetch(`${served.url}/api/portal/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ problemId: 'hello', languageId: 'python', fileName: 'forger.py', source: FORGER }),
  });
  assert.equal(submitted.status, 202);
  const { id } = (await submitted.json()) as { id: string };

  await page.goto(`${served.url}/console#/submissions/${id}`);
  const rows = page.locator('.xterm-rows');
  await rows.filter({ hasText: 'tick 7' }).waitFor({ timeout: 30_000 });

  // Not cleared, not homed: the first line is still the first row, the fake verdict comes after it.
  const lines = (await rows.locator(':scope > div').allInnerTexts()).map((l) => l.replace(/\u00a0/g, ' ').trimEnd());
  assert.equal(lines[0], 'first line', lines.join('\n'));
  assert.equal(lines[1], 'verdict: AC');
  assert.equal(lines[2], 'click me', 'the link text is shown as text');
  assert.equal(lines[3], 'red', 'colours pass');

  // Hovering the link's text makes no link (xterm marks a link under the mouse with a pointer).
  const linkRow = rows.locator(':scope > div').nth(2);
  const box = (await linkRow.boundingBox())!;
  for (const x of [5, 20, 40]) {
    await page.mouse.move(box.x + x, box.y + box.height / 2);
    await page.mouse.move(box.x + x + 1, box.y + box.height / 2);
  }
  assert.equal(await page.locator('.xterm-cursor-pointer').count(), 0, 'no link under the mouse');
  assert.equal(await page.locator('.xterm-rows .xterm-underline-1, .xterm-rows [style*="underline"]').count(), 0, 'nothing underlined as a link');
});
