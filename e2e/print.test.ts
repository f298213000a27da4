// Print jobs in Debian's Chromium against a real `verdict serve`: a team prints pasted text from the
// portal's Print tab, a judge finds it in the console's Print jobs view (team, location), opens its
// printable page (on screen, and as the print media shows it: the header and numbered text only) and
// marks it printed, which the team's list then says; with a print_command that fails, the console
// shows its exit status and stderr, on the job and when sent again. Screenshots at 1440×900 and 390×844; axe-core
// finds no serious accessibility violation.
import { appendFileSync, chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoSeriousViolations } from './axe.ts';
import { browserSkipReason, expect, logInToPortal, openConsoleAsJudge, SCREENSHOTS, test } from './support.ts';

const skip = browserSkipReason('console') || browserSkipReason('portal');
test.skip(skip !== false, skip || '');
test.use({ serveOptions: { contestCopy: true, workers: 1 } });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const SOURCE = 'n = int(input())\nfor i in range(n):\n    print(i * i)\n';

test('a team prints from the portal; a judge opens the printable page and marks it printed', async ({ page, browser, served }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await logInToPortal(page, served.url, 'team1');
  await page.getByRole('link', { name: 'Print' }).click();
  await expect(page.getByRole('heading', { name: 'Print', exact: true })).toBeVisible();
  await expect(page.getByText('Nothing sent to print yet.')).toBeVisible();
  await page.getByLabel('File name (printed at the top; optional)').fill('squares.py');
  await page.getByLabel('Text to print').fill(SOURCE);
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sent squares.py to the printer.' })).toBeVisible();
  const teamRow = page.locator('.print-jobs tbody tr').first();
  await expect(teamRow).toContainText('squares.py');
  await expect(teamRow).toContainText('Python');
  await expect(teamRow).toContainText('Waiting for the printer');
  await expect(page.getByLabel('Text to print')).toHaveValue('');
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-print.png'), fullPage: true });
  await expectNoSeriousViolations(page, "the portal's Print tab");
  await page.setViewportSize(PHONE);
  await expect(page.getByRole('button', { name: 'Print', exact: true })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-print-phone.png'), fullPage: true });
  await expectNoSeriousViolations(page, "the portal's Print tab at phone width");

  // The judge, in a browser of their own.
  const judgeBrowser = await browser.newContext({ viewport: DESKTOP });
  const desk = await judgeBrowser.newPage();
  await openConsoleAsJudge(desk, served.url);
  await desk.getByRole('link', { name: 'Print jobs' }).click();
  await expect(desk.getByRole('heading', { name: 'Print jobs' })).toBeVisible();
  const jobRow = desk.locator('.print-jobs-table tbody tr').first();
  await expect(jobRow).toContainText('Segfault Society');
  await expect(jobRow).toContainText('Hall A, desk 1');
  await expect(jobRow).toContainText('Waiting');
  await expect(desk.getByText('1 waiting · 1 in all')).toBeVisible();
  await desk.screenshot({ path: join(SCREENSHOTS, 'console-print-jobs.png'), fullPage: true });
  await expectNoSeriousViolations(desk, "the console's Print jobs");

  await jobRow.getByRole('link', { name: /squares\.py/ }).click();
  await expect(desk.getByRole('heading', { name: 'Print job 1: squares.py' })).toBeVisible();
  const printout = desk.getByRole('article', { name: 'Printout of squares.py for Segfault Society' });
  await expect(printout.locator('.printout-team')).toHaveText('Segfault Society');
  await expect(printout.locator('.printout-location')).toHaveText('Hall A, desk 1');
  await expect(printout.locator('.printout-line')).toHaveText(['1n = int(input())', '2for i in range(n):', '3    print(i * i)']);
  await desk.screenshot({ path: join(SCREENSHOTS, 'console-print-job.png'), fullPage: true });
  await expectNoSeriousViolations(desk, "a print job's printable page");

  // On paper: the printout alone, no console around it.
  await desk.emulateMedia({ media: 'print' });
  await expect(desk.getByRole('button', { name: 'Print this page' })).toBeHidden();
  await expect(desk.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(printout.locator('.printout-team')).toBeVisible();
  await desk.screenshot({ path: join(SCREENSHOTS, 'console-print-job-paper.png'), fullPage: true });
  await desk.emulateMedia({ media: 'screen' });

  await desk.getByRole('button', { name: 'Mark squares.py from Segfault Society printed' }).click();
  await expect(desk.locator('.print-job-state')).toContainText('Printed by judge');
  await desk.setViewportSize(PHONE);
  await expect(printout.locator('.printout-team')).toBeVisible();
  await desk.screenshot({ path: join(SCREENSHOTS, 'console-print-job-phone.png'), fullPage: true });
  await expectNoSeriousViolations(desk, 'a printable page at phone width');
  await desk.getByRole('link', { name: '← All print jobs' }).click();
  await expect(desk.getByText('Nothing waits to be printed. · 1 in all')).toBeVisible();
  await desk.screenshot({ path: join(SCREENSHOTS, 'console-print-jobs-phone.png'), fullPage: true });
  await expectNoSeriousViolations(desk, "the console's Print jobs at phone width");
  await judgeBrowser.close();

  // The team's list says so once it looks again (it asks every 15 s while open).
  await expect(teamRow).toContainText('Printed', { timeout: 30_000 });
});

test("a print_command that fails: the console shows its exit status and stderr, on the job and when it is sent again", async ({ page, served }) => {
  test.setTimeout(120_000);
  const scratch = mkdtempSync(join(tmpdir(), 'verdict-e2e-printer-'));
  try {
    const printer = join(scratch, 'printer');
    writeFileSync(printer, "#!/bin/sh\necho 'lpr: printer hall-a is offline' >&2\nexit 1\n");
    chmodSync(printer, 0o755);
    await served.stopServer();
    appendFileSync(join(served.contestDir, 'contest.yaml'), `print_command: [${JSON.stringify(printer)}]\n`);
    await served.startServer();

    await page.setViewportSize(DESKTOP);
    await logInToPortal(page, served.url, 'team2');
    await page.getByRole('link', { name: 'Print' }).click();
    await page.getByLabel('Text to print').fill('print("hi")\n');
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Sent pasted.txt to the printer.' })).toBeVisible();

    await page.context().clearCookies();
    await openConsoleAsJudge(page, served.url);
    await page.getByRole('link', { name: 'Print jobs' }).click();
    await expect(page.getByText(`Jobs go to the print command (${printer}).`)).toBeVisible();
    const jobRow = page.locator('.print-jobs-table tbody tr').first();
    await expect(jobRow).toContainText('Off By One');
    await expect(jobRow.getByRole('note')).toHaveText(`Print command failed: ${printer}: exit code 1: lpr: printer hall-a is offline`);
    await jobRow.getByRole('button', { name: 'Send pasted.txt from Off By One to the printer' }).click();
    await expect(page.getByText(`Print command failed for pasted.txt from Off By One: ${printer}: exit code 1: lpr: printer hall-a is offline`)).toBeVisible();
    await expect(jobRow).toContainText('Waiting');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-print-command-failed.png'), fullPage: true });
    await expectNoSeriousViolations(page, "the console's Print jobs with a failed print command");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
