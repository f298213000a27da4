// The staff's desk in Debian's Chromium against a real `verdict serve`: teams' organizations,
// categories and locations (the console's team list; every in-app scoreboard with the organization
// under the team's name and a category filter; the projector page for one category), and a problem's
// test data and statement downloaded from the console's problem view; screenshots at desktop and phone
// widths, axe-core finds no serious accessibility violation.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { browserSkipReason, expect, logInToPortal, openConsoleAsJudge, SCREENSHOTS, type Served, test } from './support.ts';

const skip = browserSkipReason('console') || browserSkipReason('portal');
test.skip(skip !== false, skip || '');
test.use({ serveOptions: { contestCopy: true, workers: 1 } });

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The served contest with two categories: team5 a guest, the rest participants (restarted to read it). */
async function withCategories(served: Served): Promise<void> {
  await served.stopServer();
  const teamsFile = join(served.contestDir, 'teams.json');
  const teams = (JSON.parse(readFileSync(teamsFile, 'utf8')) as { id: string; group_ids: string[] }[]).map((t) => (t.id === 'team5' ? { ...t, group_ids: ['guests'] } : t));
  writeFileSync(teamsFile, JSON.stringify(teams));
  writeFileSync(join(served.contestDir, 'groups.yaml'), '- {id: participants, name: Participants}\n- {id: guests, name: Guests}\n');
  await served.startServer();
}

const row = (page: Page, teamId: string) => page.locator(`.scoreboard tr[data-team-id="${teamId}"]`);

test('the console: the team list with organization, categories and location; the scoreboard filtered by category', async ({ page, served }) => {
  test.setTimeout(90_000);
  await withCategories(served);
  await page.setViewportSize(DESKTOP);
  await openConsoleAsJudge(page, served.url);
  await page.getByRole('link', { name: 'Teams' }).click();
  const team1 = page.locator('tr[data-team-id="team1"]');
  await expect(team1).toContainText('North Tech');
  await expect(team1).toContainText('Participants');
  await expect(team1).toContainText('Hall A, desk 1');
  await expect(page.locator('tr[data-team-id="team5"]')).toContainText('Guests');
  await page.screenshot({ path: join(SCREENSHOTS, 'console-teams-affiliations.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'the team list');

  await page.getByRole('link', { name: 'Scoreboard' }).click();
  await expect(row(page, 'team3')).toContainText('South U');
  await expect(page.locator('.scoreboard tbody tr')).toHaveCount(5);
  await page.getByLabel('Category').selectOption({ label: 'Guests' });
  await expect(page.locator('.scoreboard tbody tr')).toHaveCount(1);
  await expect(row(page, 'team5')).toContainText('Big O Notation');
  await expect(row(page, 'team5')).toContainText('East College');
  await page.screenshot({ path: join(SCREENSHOTS, 'console-scoreboard-category.png'), fullPage: true });
  await expectNoSeriousViolations(page, "the console's scoreboard of one category");
  await page.getByLabel('Category').selectOption({ label: 'All teams' });
  await expect(page.locator('.scoreboard tbody tr')).toHaveCount(5);
});

test("a team's portal scoreboard: organizations under the names, a category filter that keeps ranks (desktop and phone)", async ({ page, served }) => {
  test.setTimeout(90_000);
  await withCategories(served);
  await page.setViewportSize(DESKTOP);
  await logInToPortal(page, served.url, 'team1');
  await page.getByRole('link', { name: 'Scoreboard' }).click();
  await expect(row(page, 'team1').locator('.team-affiliation')).toHaveText('North Tech');
  await page.getByLabel('Category').selectOption({ label: 'Participants' });
  await expect(page.locator('.scoreboard tbody tr')).toHaveCount(4);
  await expect(row(page, 'team5')).toHaveCount(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-scoreboard-category.png'), fullPage: true });
  await expectNoSeriousViolations(page, "the portal's scoreboard of one category");

  await page.setViewportSize(PHONE);
  await expect(page.getByLabel('Category')).toBeVisible();
  await expect(row(page, 'team1').locator('.team-affiliation')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'portal-scoreboard-category-phone.png'), fullPage: true });
  await expectNoSeriousViolations(page, "the portal's scoreboard at phone width");
});

test('the projector page shows one category with ?category=, and the organizations', async ({ page, served }) => {
  test.setTimeout(90_000);
  await withCategories(served);
  await page.setViewportSize(DESKTOP);
  await page.goto(`${served.url}/scoreboard?category=guests`);
  await expect(page.getByRole('table', { name: 'Scoreboard: Guests' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Guests');
  await expect(page.locator('.scoreboard tbody tr')).toHaveCount(1);
  await expect(row(page, 'team5')).toContainText('East College');
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'public-scoreboard-category.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'the projector page of one category');
  await page.setViewportSize(PHONE);
  await expect(page.getByRole('table', { name: 'Scoreboard: Guests' })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'public-scoreboard-category-phone.png'), fullPage: true });
});

test("the console's problem view downloads a problem's test data (a zip) and its statement", async ({ page, served }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(DESKTOP);
  await openConsoleAsJudge(page, served.url);
  await page.getByRole('link', { name: 'Problems' }).click();
  const hello = page.locator('li[data-problem-id="hello"]');
  await expect(hello.getByText('ready')).toBeVisible();

  const [data] = await Promise.all([page.waitForEvent('download'), hello.getByRole('link', { name: 'Download test data of problem A' }).click()]);
  expect(data.suggestedFilename()).toBe('hello-data.zip');
  const zip = readFileSync(await data.path());
  expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  expect(zip.includes(Buffer.from('data/secret/01.in'))).toBe(true);

  const [statement] = await Promise.all([page.waitForEvent('download'), hello.getByRole('link', { name: 'Download statement (Markdown) of problem A' }).click()]);
  expect(statement.suggestedFilename()).toBe('hello-problem.en.md');
  expect(readFileSync(await statement.path(), 'utf8')).toBe(readFileSync(join(served.contestDir, 'hello', 'statement', 'problem.en.md'), 'utf8'));
  await page.screenshot({ path: join(SCREENSHOTS, 'console-problem-downloads.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'the problems with their downloads');

  await page.setViewportSize(PHONE);
  await expect(hello.getByRole('link', { name: 'Download test data of problem A' })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'console-problem-downloads-phone.png'), fullPage: true });
});
