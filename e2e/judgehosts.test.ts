// The dashboard's Judgehosts table in Debian's Chromium against a real `verdict serve` (no Redis: the
// local judgehost only): listed live with its workers and sandbox level; a judge pauses it, a new
// submission waits in the queue, and resumed it is judged; drain is not offered for it. Screenshots
// at desktop and phone widths; axe-core finds no serious accessibility violation.
import { join } from 'node:path';
import { expectNoSeriousViolations } from './axe.ts';
import { browserSkipReason, expect, judged, openConsoleAsJudge, SCREENSHOTS, teamSession, test } from './support.ts';

const skip = browserSkipReason('console');
test.skip(skip !== false, skip || '');
test.use({ serveOptions: { contestCopy: false, workers: 1 } });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

test('a judge pauses and resumes the local judgehost from the Judgehosts table', async ({ page, served }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(DESKTOP);
  await openConsoleAsJudge(page, served.url);
  const table = page.getByRole('table', { name: 'Judgehosts' });
  const local = table.locator('tr[data-judgehost="local"]');
  await expect(local).toContainText('local (this server)');
  await expect(local).toContainText('live');
  // The languages it judges: those available on this machine, the sample's Python and C among them.
  await expect(local.getByRole('cell', { name: /^c, .*\bpython\b/ })).toBeVisible();
  await expect(local.getByRole('button', { name: 'Drain' })).toHaveCount(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'console-judgehosts.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'the dashboard with its judgehosts');

  await local.getByRole('button', { name: 'Pause' }).click();
  await expect(local).toContainText('paused');
  const pausedNotice = page.getByRole('alert').filter({ hasText: 'the local one is paused by a judge' });
  await expect(pausedNotice).toBeVisible();
  const submit = await teamSession(served.url, 'team1');
  const waiting = await submit('hello', 'hello.py', 'print("Hello, World!")\n');
  await expect(page.locator('table.queue tr[data-submission-id="' + waiting + '"]')).toBeVisible();
  await expect(local).toContainText('nothing');

  await page.setViewportSize(PHONE);
  await expect(local).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'console-judgehosts-phone.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'the dashboard with its judgehosts at phone width');

  await page.setViewportSize(DESKTOP);
  await local.getByRole('button', { name: 'Resume' }).click();
  await expect(local).toContainText('live');
  await expect(pausedNotice).toHaveCount(0);
  await judged(served.url, waiting);
});
