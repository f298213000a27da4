// Accessibility of the portal's and the console's main views, checked by axe-core in Chromium
// against a real `verdict serve`: no serious or critical violation on any of them (WCAG 2.x A and
// AA rules, colour contrast included), and the skip link that takes the keyboard past the top bar.
import { expectNoSeriousViolations as expectAccessible } from './axe.ts';
import { browserSkipReason, expect, openConsoleAsJudge, teamSession, test } from './support.ts';

const skip = browserSkipReason('portal') || browserSkipReason('console');
test.skip(skip !== false, skip || '');

test('the portal: every main view has no serious accessibility violation, and the skip link reaches the content', async ({ page, served }) => {
  test.setTimeout(120_000);
  // One judged submission of each kind, so the lists and the scoreboard have cells to check (first to solve too).
  const submit = await teamSession(served.url, 'team1');
  await submit('hello', 'hello.py', 'print("Hello, World!")\n');
  await submit('hello', 'bye.py', 'print("Goodbye")\n');

  await page.goto(served.url);
  await expect(page.getByLabel('Username')).toBeVisible();
  await expectAccessible(page, 'the login');
  await page.getByLabel('Username').fill('team1');
  await page.getByLabel('Password').fill('team1-pass');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('link', { name: 'Problems' })).toBeVisible();
  await expectAccessible(page, 'the problem list');

  // The skip link: the first Tab stop, shown when focused; it moves the focus to the content.
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Skip to content' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  await page.goto(`${served.url}/#/problems/hello`);
  await expect(page.locator('.statement')).toBeVisible();
  await expectAccessible(page, 'a problem');
  await page.getByRole('link', { name: 'Submit' }).click();
  await expect(page.getByRole('textbox', { name: 'Source code' })).toBeVisible();
  await expectAccessible(page, 'submit');
  await page.getByRole('link', { name: 'My submissions' }).click();
  await expect(page.locator('[data-verdict="AC"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-verdict="WA"]')).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'my submissions');
  await page.getByRole('link', { name: 'Scoreboard' }).click();
  await expect(page.locator('tr[data-team-id="team1"] [data-cell="first"]')).toBeVisible();
  await expectAccessible(page, 'the scoreboard');
  await page.getByRole('link', { name: 'Clarifications' }).click();
  await expect(page.getByRole('heading', { name: 'Ask the judges' })).toBeVisible();
  await expectAccessible(page, 'clarifications');
});

test('the console: every main view has no serious accessibility violation, and the skip link reaches the content', async ({ page, served }) => {
  test.setTimeout(120_000);
  const submit = await teamSession(served.url, 'team2');
  const wrong = await submit('hello', 'bye.py', 'print("Goodbye")\n');

  await page.goto(`${served.url}/console`);
  await expect(page.getByLabel('Username')).toBeVisible();
  await expectAccessible(page, 'the console login');
  await openConsoleAsJudge(page, served.url);
  await expectAccessible(page, 'the dashboard');

  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Skip to content' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  await page.goto(`${served.url}/console#/submissions/${wrong}`);
  await expect(page.getByRole('heading', { name: /First failing test/ })).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'a submission');
  for (const [view, ready] of [
    ['Submissions', page.locator('[data-submission-id]').first()],
    ['Scoreboard', page.locator('tr[data-team-id]').first()],
    ['Problems', page.getByRole('heading', { name: 'Problems' })],
    ['Teams', page.getByRole('heading', { name: 'Teams' })],
    ['Clarifications', page.getByRole('heading', { name: 'Clarifications' })],
    ['Contest', page.getByRole('heading', { name: 'Times and penalty' })],
  ] as const) {
    await page.getByRole('link', { name: view, exact: true }).click();
    await expect(ready).toBeVisible();
    await expectAccessible(page, `the console's ${view}`);
  }
});
