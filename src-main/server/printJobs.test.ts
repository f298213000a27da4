// Print jobs over real HTTP: a team prints from the portal and sees only its own jobs; the judges see
// every job through the console's API, mark it printed, and send it to the contest's print_command,
// here a small script this test writes that records its arguments and the file it was given (and
// fails when told to). Refusals: too large, too many, logged out, printing closed.
import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { MAX_PRINT_BYTES, PRINTED_BY_COMMAND } from '../console/printDesk.ts';
import type { ConsolePrintJob, ConsolePrintJobWithText, PrintJobsView } from '../shared/judgeApi.ts';
import type { PortalPrintJob, PortalPrintJobs, PortalPrintJobWithText } from '../shared/portalApi.ts';
import { PortalClient, eventually, testServer } from '../test-support/http.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-print-jobs-'));
const contestDir = join(scratch, 'contest');
const printer = join(scratch, 'printer');
/** What the fake printer saw: one JSON line per run, its argv and the content of the file it was given. */
const printed = join(scratch, 'printed.jsonl');
/** While this file exists, the fake printer fails (exit 1, a message on stderr). */
const jammed = join(scratch, 'jammed');

let server: Awaited<ReturnType<typeof testServer>>;
let team1: PortalClient;
let team2: PortalClient;
let judge: PortalClient;

const SOURCE = '#include <cstdio>\nint main() {\n  puts("hello");\n}\n';

before(async () => {
  cpSync(resourcePath('sample-contest'), contestDir, { recursive: true });
  writeFileSync(
    printer,
    `#!/usr/bin/env node
const { appendFileSync, existsSync, readFileSync } = require('node:fs');
if (existsSync(${JSON.stringify(jammed)})) {
  process.stderr.write('printer hall-a: paper jam\\n');
  process.exit(1);
}
const file = process.argv[process.argv.length - 1];
appendFileSync(${JSON.stringify(printed)}, JSON.stringify({ argv: process.argv.slice(2), content: readFileSync(file, 'utf8') }) + '\\n');
`,
  );
  chmodSync(printer, 0o755);
  writeFileSync(join(contestDir, 'contest.yaml'), `${readFileSync(join(contestDir, 'contest.yaml'), 'utf8')}print_command: [${JSON.stringify(printer)}, "-P", "hall a"]\n`);
  server = await testServer({ contestDir });
  [team1, team2, judge] = [new PortalClient(server.url), new PortalClient(server.url), new PortalClient(server.url)];
  assert.equal((await team1.login('team1', 'team1-pass')).status, 200);
  assert.equal((await team2.login('team2', 'team2-pass')).status, 200);
  assert.equal((await judge.login('judge', 'judge-pass')).status, 200);
});
after(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const call = <T>(client: PortalClient, method: string, ...args: unknown[]) => client.post<T>(`/api/console/${method}`, args);
const printerRuns = (): { argv: string[]; content: string }[] =>
  existsSync(printed) ? readFileSync(printed, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { argv: string[]; content: string }) : [];

test("a team prints a file; the print command gets Verdict's file, with the team's name and location, as its last argument", async () => {
  const sent = await team1.post<PortalPrintJob>('/api/portal/print', { fileName: 'a b;$(rm -rf x).cpp', text: SOURCE });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  assert.equal(sent.body.languageId, 'cpp');
  assert.equal(sent.body.fileName, 'a b;$(rm -rf x).cpp');

  const run = await eventually(async () => printerRuns()[0]);
  // The contest's argv as written, then one path Verdict made: no word of the team's, no shell.
  assert.deepEqual(run.argv.slice(0, 2), ['-P', 'hall a']);
  assert.equal(run.argv.length, 3);
  assert.match(run.argv[2], new RegExp(`^${join(server.dataDir, 'print')}/job-${sent.body.id}-a_b___rm_-rf_x_\\.cpp\\.txt$`));
  assert.match(run.content, /^Team: +Segfault Society \(team1\)\nLocation: +Hall A, desk 1\n/);
  assert.equal(run.content.slice(run.content.indexOf('\n1 ')), '\n1  #include <cstdio>\n2  int main() {\n3    puts("hello");\n4  }\n');
  // Printed by the command, as the console and the team see it.
  const job = await eventually(async () => (await call<PrintJobsView>(judge, 'listPrintJobs')).body.jobs.find((j) => j.id === sent.body.id && j.printed !== null));
  // The rendered file is gone once the command has run.
  assert.deepEqual(readdirSync(join(server.dataDir, 'print')), []);
  assert.deepEqual(job.printed?.by, PRINTED_BY_COMMAND);
  assert.equal(job.location, 'Hall A, desk 1');
  assert.equal(job.teamName, 'Segfault Society');
  assert.equal(job.commandError, null);
  const own = await team1.get<PortalPrintJobs>('/api/portal/print');
  assert.equal(own.body.closed, null);
  assert.deepEqual(own.body.jobs.map((j) => [j.id, j.printed]), [[sent.body.id, true]]);
});

test('a team sees only its own jobs; another team reading one by id gets 404 as for a missing id; logged out gets 401', async () => {
  const mine = await team2.post<PortalPrintJob>('/api/portal/print', { fileName: '', text: 'my notes\n' });
  assert.equal(mine.status, 201);
  assert.equal(mine.body.fileName, 'pasted.txt');
  assert.equal(mine.body.languageId, null);
  const own = await team2.get<PortalPrintJobWithText>(`/api/portal/print/${mine.body.id}`);
  assert.equal(own.status, 200);
  assert.equal(own.body.text, 'my notes\n');

  const team1Jobs = (await team1.get<PortalPrintJobs>('/api/portal/print')).body.jobs;
  assert.ok(!team1Jobs.some((j) => j.id === mine.body.id));
  const other = await team1.get<{ error: string }>(`/api/portal/print/${mine.body.id}`);
  const missing = await team1.get<{ error: string }>('/api/portal/print/999999');
  assert.equal(other.status, 404);
  assert.deepEqual(other.body, missing.body);

  const anonymous = new PortalClient(server.url);
  assert.equal((await anonymous.get('/api/portal/print')).status, 401);
  assert.equal((await anonymous.get(`/api/portal/print/${mine.body.id}`)).status, 401);
  assert.equal((await anonymous.post('/api/portal/print', { fileName: 'x.txt', text: 'x' })).status, 401);
  // A judge prints nothing from the portal, and reads every job in the console.
  assert.equal((await judge.get('/api/portal/print')).status, 403);
  const all = (await call<PrintJobsView>(judge, 'listPrintJobs')).body;
  assert.ok(all.jobs.some((j) => j.id === mine.body.id && j.teamId === 'team2'));
  const withText = await call<ConsolePrintJobWithText>(judge, 'getPrintJob', mine.body.id);
  assert.equal(withText.body.text, 'my notes\n');
  assert.deepEqual(all.printing, { enabled: true, command: [printer, '-P', 'hall a'] });
  // A team cannot call the console's requests.
  assert.equal((await call(team2, 'getPrintJob', mine.body.id)).status, 403);
  // Its print command has run (the next test marks the job by hand).
  await server.console.printDesk.idle();
});

test('a judge marks a job pending again (listed first) and printed, signed with the judge\'s name', async () => {
  const id = (await call<PrintJobsView>(judge, 'listPrintJobs')).body.jobs.find((j) => j.teamId === 'team2')?.id;
  assert.ok(id);
  assert.equal((await call(judge, 'setPrintJobPrinted', id, false)).status, 200);
  let jobs = (await call<PrintJobsView>(judge, 'listPrintJobs')).body.jobs;
  assert.deepEqual([jobs[0].id, jobs[0].printed], [id, null]);
  assert.equal((await team2.get<PortalPrintJobs>('/api/portal/print')).body.jobs.find((j) => j.id === id)?.printed, false);
  assert.equal((await call(judge, 'setPrintJobPrinted', id, true)).status, 200);
  jobs = (await call<PrintJobsView>(judge, 'listPrintJobs')).body.jobs;
  assert.equal(jobs.find((j) => j.id === id)?.printed?.by, 'judge');
  assert.equal((await call<{ error: string }>(judge, 'setPrintJobPrinted', '424242', true)).status, 404);
});

test('the print command failing is reported with its exit status and stderr; sent again once fixed, it prints', async () => {
  const sent = await team2.post<PortalPrintJob>('/api/portal/print', { fileName: 'Main.java', text: 'class Main {}\n' });
  assert.equal(sent.status, 201);
  await eventually(async () => printerRuns().find((r) => r.content.includes('class Main {}')));
  await server.console.printDesk.idle();
  writeFileSync(jammed, '');
  const failed = await call<ConsolePrintJob>(judge, 'sendPrintJob', sent.body.id);
  assert.equal(failed.status, 200);
  assert.equal(failed.body.commandError, `${printer}: exit code 1: printer hall-a: paper jam`);
  rmSync(jammed);
  const again = await call<ConsolePrintJob>(judge, 'sendPrintJob', sent.body.id);
  assert.equal(again.body.commandError, null);
  assert.equal(printerRuns().filter((r) => r.content.includes('class Main {}')).length, 2);
});

test('a text above 256 KiB is refused with its size; an empty one too; neither costs the team a job', async () => {
  const tooLarge = await team1.post<{ error: string }>('/api/portal/print', { fileName: 'big.txt', text: 'x'.repeat(MAX_PRINT_BYTES + 1) });
  assert.equal(tooLarge.status, 413);
  assert.equal(tooLarge.body.error, 'too large to print: 257 KiB (at most 256 KiB)');
  // Control characters take 6 bytes each in JSON: still the job's own refusal, not the server's.
  const escaped = await team1.post<{ error: string }>('/api/portal/print', { fileName: 'big.txt', text: '\u0001'.repeat(MAX_PRINT_BYTES + 1) });
  assert.equal(escaped.status, 413);
  assert.match(escaped.body.error, /^too large to print/);
  const empty = await team1.post<{ error: string }>('/api/portal/print', { fileName: 'a.txt', text: ' \n' });
  assert.equal(empty.status, 400);
  assert.equal(empty.body.error, 'nothing to print: the text is empty');
  const malformed = await team1.post<{ error: string }>('/api/portal/print', { fileName: 'a.txt' });
  assert.equal(malformed.status, 400);
  assert.equal(malformed.body.error, 'text: missing');
});

test('a team sending job after job is told to wait (429), and the refusal is not stored', async () => {
  const before = (await call<PrintJobsView>(judge, 'listPrintJobs')).body.jobs.length;
  const answers = [];
  for (let i = 0; i < 6; i++) answers.push(await team1.post<{ error: string }>('/api/portal/print', { fileName: `p${i}.py`, text: `print(${i})\n` }));
  // team1 sent one job before: four more fit the burst of five.
  assert.deepEqual(answers.map((a) => a.status), [201, 201, 201, 201, 429, 429]);
  assert.match(answers[4].body.error, /^too many print jobs: wait \d+ s$/);
  assert.equal((await call<PrintJobsView>(judge, 'listPrintJobs')).body.jobs.length, before + 4);
  // Another team is not held back by team1.
  assert.equal((await team2.post('/api/portal/print', { fileName: 'x.py', text: 'pass\n' })).status, 201);
  await server.console.printDesk.idle();
});

test('once the contest is over, printing is closed (409) and the portal is told why', async () => {
  assert.equal((await call(judge, 'endContestNow')).status, 200);
  const refused = await team2.post<{ error: string }>('/api/portal/print', { fileName: 'late.py', text: 'pass\n' });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.error, 'the contest is over: printing is closed');
  assert.equal((await team2.get<PortalPrintJobs>('/api/portal/print')).body.closed, 'the contest is over: printing is closed');
});

test('with printing: false in contest.yaml the portal is told printing is not offered, and a job is refused (409)', async () => {
  const offDir = join(scratch, 'printing-off');
  cpSync(resourcePath('sample-contest'), offDir, { recursive: true });
  writeFileSync(join(offDir, 'contest.yaml'), `${readFileSync(join(offDir, 'contest.yaml'), 'utf8')}printing: false\n`);
  const off = await testServer({ contestDir: offDir });
  try {
    const team = new PortalClient(off.url);
    assert.equal((await team.login('team1', 'team1-pass')).status, 200);
    assert.equal((await team.get<PortalPrintJobs>('/api/portal/print')).body.closed, 'printing is not offered in this contest');
    const refused = await team.post<{ error: string }>('/api/portal/print', { fileName: 'a.py', text: 'pass\n' });
    assert.deepEqual([refused.status, refused.body.error], [409, 'printing is not offered in this contest']);
    assert.deepEqual((await off.console.listPrintJobs()).jobs, []);
  } finally {
    await off.close();
  }
});
