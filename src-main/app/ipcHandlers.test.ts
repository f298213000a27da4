// The Electron console's requests, as app/ipc.ts answers them (the Electron binary cannot run here:
// the handlers' functions run under Node against a real core).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { ConsoleError } from '../console/consoleError.ts';
import type { ConsolePrintJobWithText, PrintJobsView } from '../shared/judgeApi.ts';
import { buildZip, zipEntries } from '../package/testUtil.ts';
import { eventually, testServer } from '../test-support/http.ts';
import { answerJudgeRequest, finishedExportFolder, importChosenPackage, saveProblemFile } from './ipcHandlers.ts';

let server: Awaited<ReturnType<typeof testServer>>;
// Imports write into the contest folder: the tests work on a copy of the sample contest.
const scratch = mkdtempSync(join(tmpdir(), 'verdict-ipc-test-'));
const contestCopy = join(scratch, 'contest');
cpSync(resourcePath('sample-contest'), contestCopy, { recursive: true });

before(async () => {
  server = await testServer({ contestDir: contestCopy });
});
after(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('a request is answered by the console service', async () => {
  const snapshot = (await answerJudgeRequest(server.console, 'getSnapshot', [])) as { contest: { id: string } };
  assert.equal(snapshot.contest.id, server.context.contest.id);
});

test("a refused request rejects with the judge's message only, not the console's error", async () => {
  const refusal = await answerJudgeRequest(server.console, 'setWorkers', [0]).then(
    () => assert.fail('setWorkers(0) was accepted'),
    (error: unknown) => error,
  );
  assert.ok(refusal instanceof Error);
  assert.ok(!(refusal instanceof ConsoleError));
  assert.equal(refusal.message, 'workers must be a whole number from 1 to 64');
  await assert.rejects(answerJudgeRequest(server.console, 'getSubmission', ['no-such-id']), { message: 'no submission no-such-id' });
  // Arguments of the wrong type never reach the service.
  await assert.rejects(answerJudgeRequest(server.console, 'setThawed', ['yes']), { message: /^setThawed: thawed/ });
});

test('a problem package chosen in the main process’s dialog is read from where it is and joins the contest', async () => {
  const hello = join(resourcePath('sample-contest'), 'hello');
  const files: Record<string, string> = { 'problem.yaml': readFileSync(join(hello, 'problem.yaml'), 'utf8') };
  for (const group of ['sample', 'secret']) {
    for (const name of readdirSync(join(hello, 'data', group))) files[`data/${group}/${name}`] = readFileSync(join(hello, 'data', group, name), 'utf8');
  }
  const chosen = join(scratch, 'greeting.zip');
  writeFileSync(chosen, buildZip(zipEntries(files)));

  assert.equal(await importChosenPackage(server.console, async () => null), null, 'a cancelled dialog imports nothing');
  const added = await importChosenPackage(server.console, async () => chosen);
  assert.deepEqual(added, { id: 'greeting', label: 'D', name: 'Hello, World!' });
  assert.ok(existsSync(join(contestCopy, 'greeting.zip')));
  assert.ok(existsSync(chosen), "the judge's file is left where it was");
  // The catalogue has the package the import read: ready at once, not read again.
  assert.equal(server.context.problems.status('greeting')?.state, 'ready');
  const zipped = await server.context.problems.get('greeting');
  assert.ok(zipped.testCases.every((t) => existsSync(t.inputPath) && existsSync(t.answerPath)));

  // A folder is read where the import copied it: the package the contest keeps, not the judge's.
  const folder = join(scratch, 'salute');
  cpSync(hello, folder, { recursive: true });
  assert.deepEqual(await importChosenPackage(server.console, async () => folder), { id: 'salute', label: 'E', name: 'Hello, World!' });
  const copied = await server.context.problems.get('salute');
  assert.ok(copied.testCases.length > 0);
  assert.ok(copied.testCases.every((t) => t.inputPath.startsWith(join(contestCopy, 'salute'))));
});

test("a package that cannot be imported rejects with the judge's message, and leaves the contest folder as it was", async () => {
  const before = readdirSync(contestCopy).sort();
  const broken = join(scratch, 'broken.zip');
  writeFileSync(broken, 'not a zip');
  await assert.rejects(importChosenPackage(server.console, async () => broken), (error: Error) => !(error instanceof ConsoleError) && /not a zip/.test(error.message));
  await assert.rejects(importChosenPackage(server.console, async () => join(resourcePath('sample-contest'), 'hello')), { message: /already has a problem "hello"/ });
  assert.deepEqual(readdirSync(contestCopy).sort(), before);
});

test("a problem's file is written where the main process's save dialog says, with the bytes the browser downloads", async () => {
  const asked: string[] = [];
  const target = join(scratch, 'saved-statement.md');
  const choose = async (fileName: string) => {
    asked.push(fileName);
    return target;
  };
  const write = (path: string, data: Buffer) => writeFile(path, data);
  assert.equal(await saveProblemFile(server.console, { problemId: 'hello', kind: 'statement' }, choose, write), target);
  assert.deepEqual(asked, ['hello-problem.en.md'], 'the dialog proposes the file name');
  assert.equal(readFileSync(target, 'utf8'), readFileSync(join(contestCopy, 'hello', 'statement', 'problem.en.md'), 'utf8'));
  const data = await server.console.problemFile('hello', 'data');
  assert.equal(await saveProblemFile(server.console, { problemId: 'hello', kind: 'data' }, async () => join(scratch, 'data.zip'), write), join(scratch, 'data.zip'));
  assert.deepEqual(readFileSync(join(scratch, 'data.zip')), data.data);

  // A cancelled dialog writes nothing; a refusal rejects with the judge's message before any dialog.
  assert.equal(await saveProblemFile(server.console, { problemId: 'hello', kind: 'data' }, async () => null, () => assert.fail('nothing to write')), null);
  const noDialog = async () => assert.fail('no dialog for a refused request');
  await assert.rejects(saveProblemFile(server.console, { problemId: 'nope', kind: 'data' }, noDialog, write), (error: Error) => !(error instanceof ConsoleError) && error.message === "no problem 'nope'");
  // The renderer is untrusted: anything but a problem id and a known kind is refused.
  await assert.rejects(saveProblemFile(server.console, { problemId: 'hello', kind: '../../etc/passwd' }, noDialog, write), /expected a problem id/);
  await assert.rejects(saveProblemFile(server.console, { problemId: 7, kind: 'data' }, noDialog, write), /expected a problem id/);
});

test("the export folder the desktop opens is a finished export's, found by its job's id; the renderer names no path", async () => {
  const started = await server.console.startExport();
  await assert.rejects(finishedExportFolder(server.console, started.id), /still running: no folder to open/);
  const done = await eventually(async () => (await server.console.listExports()).find((j) => j.id === started.id && j.state !== 'running'), 60_000, 'the export');
  assert.equal(done.state, 'done', done.message);
  assert.equal(await finishedExportFolder(server.console, started.id), done.path);
  assert.ok(existsSync(join(done.path, 'results.tsv')));
  await assert.rejects(finishedExportFolder(server.console, 'nope'), { message: 'no export "nope"' });
  await assert.rejects(finishedExportFolder(server.console, '/etc'), { message: 'no export "/etc"' });
  await assert.rejects(finishedExportFolder(server.console, 7), /expected an export job id/);
});

test("print jobs through the desktop's transport: listed, read, marked printed as the desktop's judge; wrong arguments refused", async () => {
  const job = server.console.printDesk.submit('team3', { fileName: 'notes.txt', text: 'line one\nline two\n' });
  const view = (await answerJudgeRequest(server.console, 'listPrintJobs', [])) as PrintJobsView;
  assert.deepEqual(view.printing, { enabled: true, command: null });
  assert.deepEqual(
    view.jobs.map((j) => [j.id, j.teamName, j.location, j.printed]),
    [[job.id, 'The Recursive Rabbits', 'Hall A, desk 3', null]],
  );
  assert.equal(((await answerJudgeRequest(server.console, 'getPrintJob', [job.id])) as ConsolePrintJobWithText).text, 'line one\nline two\n');
  await answerJudgeRequest(server.console, 'setPrintJobPrinted', [job.id, true]);
  assert.equal(((await answerJudgeRequest(server.console, 'listPrintJobs', [])) as PrintJobsView).jobs[0].printed?.by, 'judge');
  await assert.rejects(answerJudgeRequest(server.console, 'getPrintJob', [7]), { message: /^getPrintJob: id/ });
  await assert.rejects(answerJudgeRequest(server.console, 'setPrintJobPrinted', [job.id, 'yes']), { message: /^setPrintJobPrinted: printed/ });
  // No print_command in this contest: nothing to send to.
  await assert.rejects(answerJudgeRequest(server.console, 'sendPrintJob', [job.id]), { message: 'contest.yaml names no print_command' });
});
