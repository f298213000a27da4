import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JUDGE_REQUESTS, type ConsoleEvent } from '../../../src-main/shared/judgeApi.ts';
import { createIpcJudgeApi, ipcErrorMessage, type JudgeBridge } from './ipc.ts';
import { requestMethods } from './requests.ts';

test('requestMethods makes one method per JUDGE_REQUESTS name, forwarding name and arguments', async () => {
  const calls: [string, unknown[]][] = [];
  const methods = requestMethods(async (method, args) => {
    calls.push([method, args]);
    return `${method}!`;
  });
  for (const name of JUDGE_REQUESTS) assert.equal(typeof methods[name], 'function', name);
  assert.equal(await methods.setWorkers(4), 'setWorkers!');
  await methods.overrideVerdict('12', 'AC', 'validator bug');
  await methods.listSubmissions();
  await methods.listSubmissions('40', 100);
  await methods.listSubmissions(undefined, 100);
  assert.deepEqual(calls, [
    ['setWorkers', [4]],
    ['overrideVerdict', ['12', 'AC', 'validator bug']],
    ['listSubmissions', []],
    ['listSubmissions', ['40', 100]],
    ['listSubmissions', [undefined, 100]],
  ]);
});

function fakeBridge() {
  const invoked: unknown[][] = [];
  const listeners = new Set<(events: ConsoleEvent[]) => void>();
  const watchers = new Map<string, (data: string, ack: () => void) => void>();
  const bridge: JudgeBridge = {
    async invoke(method, ...args) {
      invoked.push([method, ...args]);
      if (method === 'killRun') throw new Error("Error invoking remote method 'killRun': Error: submission 9 is not being judged");
      return method === 'createRejudging' ? { skipped: 7 } : undefined;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watchOutput(id, onData) {
      watchers.set(id, onData);
      return () => watchers.delete(id);
    },
    async chooseProblemPackage(kind) {
      invoked.push(['chooseProblemPackage', kind]);
      if (kind === 'folder') throw new Error("Error invoking remote method 'judge:choose-problem-package': Error: problem.yaml: no such file");
      return { id: 'greeting', label: 'D', name: 'Hello' };
    },
    async saveProblemFile(problemId, kind) {
      invoked.push(['saveProblemFile', problemId, kind]);
      if (problemId === 'nothing') throw new Error("Error invoking remote method 'judge:save-problem-file': Error: no problem 'nothing'");
      return kind === 'data' ? `/home/judge/Downloads/${problemId}-data.zip` : null;
    },
    async openExportFolder(jobId) {
      invoked.push(['openExportFolder', jobId]);
      if (jobId === 'x') throw new Error(`Error invoking remote method 'judge:open-export-folder': Error: no export "x"`);
    },
  };
  return { bridge, invoked, listeners, watchers };
}

test('the IPC adapter invokes the preload by method name and passes subscriptions through', async () => {
  const { bridge, invoked, listeners, watchers } = fakeBridge();
  const api = createIpcJudgeApi(bridge);
  assert.equal((await api.createRejudging({ problemIds: ['hello'] }, 'new data')).skipped, 7);
  await api.setContestTimes({ startTime: null, durationMs: 1, freezeMs: 0 });
  assert.deepEqual(invoked, [
    ['createRejudging', { problemIds: ['hello'] }, 'new data'],
    ['setContestTimes', { startTime: null, durationMs: 1, freezeMs: 0 }],
  ]);

  const got: ConsoleEvent[][] = [];
  const stop = api.subscribe((events) => got.push(events));
  for (const l of listeners) l([{ type: 'scoreboard' }]);
  stop();
  assert.equal(listeners.size, 0);
  assert.deepEqual(got, [[{ type: 'scoreboard' }]]);

  const chunks: string[] = [];
  let acks = 0;
  const unwatch = api.watchOutput('5', (data, ack) => {
    chunks.push(data);
    ack();
  });
  watchers.get('5')!('hello\r\n', () => acks++);
  assert.deepEqual(chunks, ['hello\r\n']);
  assert.equal(acks, 1);
  unwatch();
  assert.equal(watchers.size, 0);
});

test('a problem is imported through the main process’s dialog: only the kind of dialog crosses', async () => {
  const { bridge, invoked } = fakeBridge();
  const api = createIpcJudgeApi(bridge);
  assert.equal(api.importProblem.via, 'dialog');
  if (api.importProblem.via !== 'dialog') return;
  assert.deepEqual(await api.importProblem.choose('zip'), { id: 'greeting', label: 'D', name: 'Hello' });
  await assert.rejects(api.importProblem.choose('folder'), { message: 'problem.yaml: no such file' });
  assert.deepEqual(invoked, [
    ['chooseProblemPackage', 'zip'],
    ['chooseProblemPackage', 'folder'],
  ]);
});

test('a problem’s file is saved through the main process’s save dialog: only the problem and the kind cross', async () => {
  const { bridge, invoked } = fakeBridge();
  const api = createIpcJudgeApi(bridge);
  assert.equal(api.problemFiles.via, 'dialog');
  if (api.problemFiles.via !== 'dialog') return;
  assert.equal(await api.problemFiles.save('hello', 'data'), '/home/judge/Downloads/hello-data.zip');
  assert.equal(await api.problemFiles.save('hello', 'statement'), null);
  await assert.rejects(api.problemFiles.save('nothing', 'data'), { message: "no problem 'nothing'" });
  assert.deepEqual(invoked, [
    ['saveProblemFile', 'hello', 'data'],
    ['saveProblemFile', 'hello', 'statement'],
    ['saveProblemFile', 'nothing', 'data'],
  ]);
});

test('IPC errors reach the judge without Electron’s wrapping', async () => {
  const { bridge } = fakeBridge();
  await assert.rejects(createIpcJudgeApi(bridge).killRun('9'), { message: 'submission 9 is not being judged' });
  assert.equal(ipcErrorMessage(new Error("Error invoking remote method 'x': TypeError: bad")), 'bad');
  assert.equal(ipcErrorMessage(new Error('plain')), 'plain');
  assert.equal(ipcErrorMessage('text'), 'text');
});

test("a finished export's folder is opened by the main process: only the job's id crosses", async () => {
  const { bridge, invoked } = fakeBridge();
  const api = createIpcJudgeApi(bridge);
  assert.equal(api.exportFiles.via, 'folder');
  if (api.exportFiles.via !== 'folder') return;
  await api.exportFiles.open('2');
  await assert.rejects(api.exportFiles.open('x'), { message: 'no export "x"' });
  assert.deepEqual(invoked, [
    ['openExportFolder', '2'],
    ['openExportFolder', 'x'],
  ]);
});
