// The portal on a contest day: what a team meets when the judge's server goes away and comes back,
// and after each submission. A real `verdict serve` and Debian's Chromium, as in portal.test.ts.
import { browserSkipReason, expect, logInToPortal, test } from './support.ts';

const skip = browserSkipReason('portal');
test.skip(skip !== false, skip || '');

test('the editor that could not load while the server was away says so, and appears once it is back', async ({ page, served }) => {
  await logInToPortal(page, served.url, 'team1');
  // The editor's code (its chunk and CodeMirror's) cannot be fetched: as if the server were down.
  const editorChunks = /\/assets\/(Editor|codemirror)-[\w-]+\.js$/;
  let blocked = true;
  await page.route(editorChunks, (route) => (blocked ? route.abort('connectionrefused') : route.continue()));

  await page.getByRole('link', { name: 'Submit' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not load the editor' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry now' })).toBeVisible();
  // The rest of the page is still there.
  await expect(page.getByLabel('Problem', { exact: true })).toBeVisible();

  blocked = false;
  // No reload and no click: the page tries again by itself.
  await expect(page.getByRole('textbox', { name: 'Source code' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Could not load the editor' })).toHaveCount(0);
});

test('after a submission the form starts empty again (the language stays)', async ({ page, served }) => {
  await logInToPortal(page, served.url, 'team2');
  await page.getByRole('link', { name: 'Submit' }).click();
  await page.getByLabel('Problem', { exact: true }).selectOption('hello');
  await page.locator('input[type=file]').setInputFiles({ name: 'hello.py', mimeType: 'text/plain', buffer: Buffer.from('print("Hello, World!")\n') });
  await expect(page.getByLabel('File name')).toHaveValue('hello.py');
  await expect(page.getByLabel('Language')).toHaveValue('python');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Submitted hello.py for problem')).toBeVisible();
  await expect(page.locator('[data-submission-id]')).toHaveCount(1);

  await page.getByRole('link', { name: 'Submit' }).click();
  await expect(page.getByLabel('Problem', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('File name')).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'Source code' })).toHaveText('');
  await expect(page.getByLabel('Language')).toHaveValue('python');

  // And so after a reload (the draft kept in the browser is the empty one).
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Source code' })).toHaveText('');
  await expect(page.getByLabel('File name')).toHaveValue('');
});

test('a server restart on the same port: "Connection lost" in plain words, back to live within seconds, stale errors gone', async ({ page, served }) => {
  test.setTimeout(120_000);
  await logInToPortal(page, served.url, 'team3');
  const connection = page.locator('[data-connection]');
  await expect(connection).toHaveText('Live');
  await page.getByRole('link', { name: 'Submit' }).click();
  await expect(page.getByRole('textbox', { name: 'Source code' })).toBeVisible();
  // The server has stored every password's hash (it does so in the background after its first
  // start): a stop before that would end the sessions on the restart, which is not what this tests.
  await expect
    .poll(async () => ((await (await fetch(`${served.url}/api/portal/overview`)).json()) as { preparing: string[] }).preparing)
    .toEqual([]);

  await served.stopServer();
  await expect(connection).toHaveText('Connection lost — retrying…');

  // A submission tried while the server is away fails with a message (after its own retries).
  await page.getByLabel('Problem', { exact: true }).selectOption('hello');
  await page.locator('input[type=file]').setInputFiles({ name: 'hello.py', mimeType: 'text/plain', buffer: Buffer.from('print("Hello, World!")\n') });
  await page.getByRole('button', { name: 'Submit' }).click();
  const sendError = page.getByRole('alert').filter({ hasText: 'could not be sent' });
  await expect(sendError).toBeVisible();

  await served.startServer();
  const answeringAt = Date.now();
  await expect(connection).toHaveText('Live', { timeout: 15_000 });
  const reconnectMs = Date.now() - answeringAt;
  test.info().annotations.push({ type: 'back to live', description: `${reconnectMs} ms after the server answered` });
  // The reconnect waits at most 4 s between attempts (live.ts); allow for a busy machine.
  expect(reconnectMs, 'back to live soon after the server answers').toBeLessThan(10_000);
  await expect(sendError, 'the error from before the restart is gone').toHaveCount(0);
  await expect(page.getByRole('alert'), 'no error left on screen').toHaveCount(0);
  // The draft is kept: the team submits again at once.
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Submitted hello.py for problem')).toBeVisible();
});

test('verdict serve prints where the judges go and who can log in; the console address it prints opens the console', async ({ page, served }) => {
  await expect.poll(() => served.output()).toMatch(/data folder/);
  const output = served.output();
  const consoleUrl = /judges' console\s+(http:\/\/\S+)/.exec(output)?.[1];
  expect(consoleUrl, output).toBe(`${served.url}/console`);
  expect(output).toMatch(/logins\s+\S+accounts\.json \(5 team, 1 judge, 1 admin and 1 judgehost accounts/);
  await page.goto(consoleUrl!);
  await page.getByLabel('Username').fill('judge');
  await page.getByLabel('Password').fill('judge-pass');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
});
