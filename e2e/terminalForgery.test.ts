// Terminal forgery in the judges' console (Chromium against a real `verdict serve`): a program that
// clears the screen, homes the cursor to draw a fake verdict, and prints an OSC 8 hyperlink is shown
// in the live pane without the screen being cleared and without a link.
import { browserSkipReason, expect, openConsoleAsJudge, teamSession, test } from './support.ts';

const skip = browserSkipReason('console');
test.skip(skip !== false, skip || '');

test.use({ serveOptions: { contestCopy: true, workers: 1 }, viewport: { width: 1440, height: 960 } });

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

test('the live pane shows a forging program without clearing the screen and without a link', async ({ page, served }) => {
  test.setTimeout(120_000);
  await openConsoleAsJudge(page, served.url);

  const submit = await teamSession(served.url, 'team1');
  const id = await submit('hello', 'forger.py', FORGER);

  await page.goto(`${served.url}/console#/submissions/${id}`);
  const rows = page.locator('.xterm-rows');
  await expect(rows.filter({ hasText: 'tick 7' })).toBeVisible();

  // Not cleared, not homed: the first line is still the first row, the fake verdict comes after it.
  const row = (n: number) => rows.locator(':scope > div').nth(n);
  await expect(row(0), 'not cleared, not homed: the first line is still the first row').toHaveText('first line');
  await expect(row(1)).toHaveText('verdict: AC');
  await expect(row(2), 'the link text is shown as text').toHaveText('click me');
  await expect(row(3), 'colours pass').toHaveText('red');

  // Hovering the link's text makes no link (xterm marks a link under the mouse with a pointer).
  const box = (await row(2).boundingBox())!;
  for (const x of [5, 20, 40]) {
    await page.mouse.move(box.x + x, box.y + box.height / 2);
    await page.mouse.move(box.x + x + 1, box.y + box.height / 2);
  }
  await expect(page.locator('.xterm-cursor-pointer'), 'no link under the mouse').toHaveCount(0);
  await expect(page.locator('.xterm-rows .xterm-underline-1, .xterm-rows [style*="underline"]'), 'nothing underlined as a link').toHaveCount(0);
});
