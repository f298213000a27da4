// `verdict import` of a package another system wrote: one written here in the shape of DOMjudge's contest
// package export (ids of its own, some of which Verdict's id syntax refuses; no verdict.json; judgement
// types Verdict does not have; a rejudge; clarifications to several teams and to a group; a judges' override,
// which only its event feed shows; things Verdict cannot hold), against the sample contest folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { loadContest } from '../contest/loadContest.ts';
import type { ContestDefinition } from '../contest/model.ts';
import { Store } from '../store/store.ts';
import { assertFeed, integrityProblems } from '../test-support/clicsCheck.ts';
import { IMPORTED_IDS_FILE } from './foreignImport.ts';
import { importContestPackage, type PackageImportResult } from './packageImport.ts';
import { storedZip } from './zip.ts';

/** 2030-03-01 10:00 in UTC+1, written as DOMjudge writes times. */
const START_TEXT = '2030-03-01T10:00:00.000+01:00';
const START_MS = Date.parse('2030-03-01T09:00:00Z');
const at = (minutes: number) => new Date(START_MS + minutes * 60_000).toISOString().replace('Z', '+00:00');

const scratch = mkdtempSync(join(tmpdir(), 'verdict-foreign-import-'));
let def: ContestDefinition;

/** The package: its JSON files and each submission's source, as an export of another system lays them out. */
function writePackage(dir: string, change: (files: Record<string, unknown>) => void = () => {}): string {
  const files: Record<string, unknown> = {
    'api.json': { version: '2023-06', version_url: 'https://ccs-specs.icpc.io/2023-06/contest_api', provider: { name: 'Another judge' } },
    'contest.json': { id: 'spring-open', name: 'Spring Open', formal_name: 'Spring Open 2030', start_time: START_TEXT, duration: '5:00:00.000', scoreboard_freeze_duration: '1:00:00.000', penalty_time: 20, externalid: 'spring' },
    'state.json': { started: START_TEXT, frozen: at(240), ended: at(300), finalized: at(310), thawed: at(320), end_of_updates: at(320) },
    'judgement-types.json': [
      { id: 'AC', name: 'correct', penalty: false, solved: true },
      { id: 'WA', name: 'wrong answer', penalty: true, solved: false },
      { id: 'PE', name: 'presentation error', penalty: true, solved: false },
      { id: 'SV', name: 'security violation', penalty: true, solved: false },
    ],
    'languages.json': [
      { id: 'py3', name: 'Python 3', extensions: ['py'] },
      { id: 'cpp', name: 'C++', extensions: ['cpp', 'cc'] },
      { id: 'pas', name: 'Pascal', extensions: ['pas'] },
    ],
    'problems.json': [
      { id: 'greeting', label: 'A', name: 'Hello, World!', ordinal: 0 },
      { id: 'sum', label: 'B', name: 'Sum', ordinal: 1 },
      { id: 'bonus', label: 'X', name: 'Not in the folder', ordinal: 2 },
    ],
    'groups.json': [
      { id: 'participants', name: 'Participants', hidden: false },
      { id: 'observers', name: 'Observers', hidden: true },
    ],
    'organizations.json': [
      { id: 'north', name: 'North', formal_name: 'North University' },
      { id: 'Uni Nord', name: 'Uni Nord', formal_name: 'Universität Nord', country: 'DEU' },
    ],
    'teams.json': [
      { id: 'team1', name: 'Segfault Society', organization_id: 'north', group_ids: ['participants'] },
      { id: 'guest 7', name: 'Guests', display_name: 'The Guests', organization_id: 'Uni Nord', group_ids: ['participants'] },
      { id: 'obs', name: 'Observers', group_ids: ['observers'] },
    ],
    'submissions.json': [
      submission('s-b2', 'team1', 'sum', 'cpp', 40),
      submission('s-a1', 'team1', 'greeting', 'py3', 12),
      submission('s-c3', 'guest 7', 'greeting', 'py3', 55),
      submission('s-d4', 'team1', 'bonus', 'py3', 60),
      submission('s-e5', 'team1', 'greeting', 'pas', 70),
      submission('s-f6', 'obs', 'greeting', 'py3', 80),
      submission('s-g7', 'team1', 'sum', 'py3', 90),
      submission('s-h8', 'guest 7', 'sum', 'py3', 100),
    ],
    'judgements.json': [
      judgement('j-1', 's-a1', 'AC', 12.1, 12.2),
      judgement('j-2', 's-b2', 'WA', 40.1, 40.3),
      // Rejudged: the second is the current one.
      judgement('j-9', 's-b2', 'AC', 200, 200.2),
      judgement('j-3', 's-c3', 'PE', 55.1, 55.2),
      judgement('j-4', 's-f6', 'SV', 80.1, 80.2),
      // Never finished.
      { id: 'j-5', submission_id: 's-h8', judgement_type_id: null, start_time: at(100.1) },
    ],
    'runs.json': [
      { id: 'r-1', judgement_id: 'j-1', ordinal: 1, judgement_type_id: 'AC', time: at(12.15), run_time: 0.021 },
      { id: 'r-2', judgement_id: 'j-1', ordinal: 2, judgement_type_id: 'AC', time: at(12.18), run_time: 0.034 },
      { id: 'r-3', judgement_id: 'j-2', ordinal: 1, judgement_type_id: 'WA', time: at(40.2), run_time: 0.5 },
      { id: 'r-4', judgement_id: 'j-9', ordinal: 1, judgement_type_id: 'AC', time: at(200.1), run_time: 0.4 },
    ],
    'clarifications.json': [
      { id: 'c-2', from_team_id: null, to_team_ids: ['team1'], reply_to_id: 'c-1', problem_id: 'greeting', text: 'Yes.', time: at(21) },
      { id: 'c-1', from_team_id: 'team1', to_team_ids: null, reply_to_id: null, problem_id: 'greeting', text: 'Is the comma needed?', time: at(20) },
      { id: 'c-3', from_team_id: null, to_team_ids: null, reply_to_id: null, problem_id: null, text: 'One hour left.', time: at(240) },
      { id: 'c-4', from_team_id: null, to_team_ids: null, to_group_ids: ['participants'], reply_to_id: null, problem_id: null, text: 'To the participants.', time: at(241) },
      { id: 'c-5', from_team_id: null, to_team_ids: ['team1', 'guest 7'], reply_to_id: null, problem_id: null, text: 'To two teams.', time: at(242) },
      { id: 'c-6', from_team_id: 'guest 7', to_team_ids: null, reply_to_id: 'c-5', problem_id: null, text: 'Why us?', time: at(243) },
    ],
    'awards.json': [{ id: 'winner', citation: 'Contest winner', team_ids: ['team1'] }],
  };
  change(files);
  mkdirSync(dir, { recursive: true });
  for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(value, null, 1));
  // The feed: j-1 judged WA and overridden to AC (judgements.json has the last type); j-3 given PE and then WA,
  // which Verdict reads alike (no override); a line that is not an event.
  const judgements = Array.isArray(files['judgements.json']) ? (files['judgements.json'] as Record<string, unknown>[]) : [];
  const judgementEvent = (id: string, type: string | null, token: string) => {
    const j = judgements.find((x) => x.id === id) ?? { id };
    return { type: 'judgements', id, data: { ...j, judgement_type_id: type, end_time: type === null ? null : j.end_time }, token };
  };
  const feed = [
    { type: 'contest', id: 'spring-open', data: files['contest.json'], token: 'x1' },
    judgementEvent('j-1', null, 'x2'),
    judgementEvent('j-1', 'WA', 'x3'),
    judgementEvent('j-3', 'PE', 'x4'),
    judgementEvent('j-3', 'WA', 'x5'),
    judgementEvent('j-1', 'AC', 'x6'),
  ];
  writeFileSync(join(dir, 'event-feed.ndjson'), `${feed.map((e) => JSON.stringify(e)).join('\n')}\n{"type":"judgements", cut short\n`);
  const sources: Record<string, [string, string]> = {
    's-a1': ['hello.py', 'print("Hello, World!")\n'],
    's-b2': ['sum.cpp', '#include <cstdio>\nint main(){long a,b;scanf("%ld %ld",&a,&b);printf("%ld\\n",a+b);}\n'],
    's-c3': ['guest.py', 'print("Hello World!")\n'],
    's-d4': ['bonus.py', 'print(1)\n'],
    's-e5': ['hello.pas', "begin writeln('Hello, World!') end.\n"],
    's-f6': ['obs.py', 'print("Hello, World!")\n'],
    's-h8': ['late.py', 'print(2)\n'],
  };
  for (const [id, [name, text]] of Object.entries(sources)) {
    mkdirSync(join(dir, 'submissions', id), { recursive: true });
    writeFileSync(join(dir, 'submissions', id, 'files.zip'), storedZip([{ name, data: Buffer.from(text), mtime: START_MS }]));
  }
  // s-b2 is a program of two files: its header travels with it.
  const [sumName, sumText] = sources['s-b2'];
  writeFileSync(join(dir, 'submissions', 's-b2', 'files.zip'), storedZip([{ name: sumName, data: Buffer.from(sumText), mtime: START_MS }, { name: 'sum.h', data: Buffer.from('long sum(long, long);\n'), mtime: START_MS }]));
  return dir;
}

function submission(id: string, team: string, problem: string, language: string, minute: number) {
  return { id, team_id: team, problem_id: problem, language_id: language, time: at(minute), contest_time: '0:00:00.000', files: [{ href: `contests/spring-open/submissions/${id}/files`, filename: 'files.zip', mime: 'application/zip' }] };
}

function judgement(id: string, submissionId: string, type: string, startMinute: number, endMinute: number) {
  return { id, submission_id: submissionId, judgement_type_id: type, start_time: at(startMinute), end_time: at(endMinute), max_run_time: 0.5, valid: true };
}

before(async () => {
  def = await loadContest(resourcePath('sample-contest'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('verdict import of a package another system wrote', () => {
  let result: PackageImportResult;
  let store: Store;

  before(async () => {
    result = await importContestPackage(writePackage(join(scratch, 'package')), def, join(scratch, 'data'), { now: START_MS + 400 * 60_000 });
    store = Store.open(result.dbFile);
  });
  after(() => store.close());

  test('what Verdict can hold is imported, in the order it happened, under Verdict\'s numbers; the report says how ids were mapped', () => {
    // s-a1, s-b2, s-c3, s-f6, s-h8: the others are left out (see the next test).
    assert.deepEqual(result.counts, { teams: 7, problems: 3, submissions: 5, judgements: 5, runs: 4, clarifications: 12, events: result.counts.events });
    const ids = JSON.parse(readFileSync(join(result.dataDir, IMPORTED_IDS_FILE), 'utf8')) as Record<string, Record<string, string>>;
    assert.deepEqual(ids.submissions, { 's-a1': '1', 's-b2': '2', 's-c3': '3', 's-f6': '4', 's-h8': '5' });
    assert.deepEqual(ids.teams, { team1: 'team1', 'guest 7': 'team-1', obs: 'obs' });
    assert.deepEqual(ids.organizations, { north: 'north', 'Uni Nord': 'organization-1' });
    assert.deepEqual(ids.problems, { greeting: 'hello', sum: 'sum' });
    assert.deepEqual(ids.clarifications, { 'c-1': '1', 'c-2': '2', 'c-3': '3', 'c-4': '4', 'c-5': '10', 'c-6': '12' });
    assert.ok(result.report.some((line) => line === 'teams: 1 ids are not valid Verdict ids and were given new ones: "guest 7" → team-1'));
    assert.ok(result.report.some((line) => line === 'problem "greeting" is the contest folder\'s "hello" (label A)'));
    assert.ok(result.report.some((line) => line.startsWith('contest: the package\'s "spring-open" is imported as the contest folder\'s "sample"')));

    const submissions = store.submissions.list();
    assert.deepEqual(
      submissions.map((s) => [s.id, s.teamId, s.problemId, s.languageId, s.fileName, s.verdict]),
      [
        ['1', 'team1', 'hello', 'python', 'hello.py', 'AC'],
        ['2', 'team1', 'sum', 'cpp', 'sum.cpp', 'AC'],
        ['3', 'team-1', 'hello', 'python', 'guest.py', 'WA'],
        ['4', 'obs', 'hello', 'python', 'obs.py', 'WA'],
        // Its judgement never finished: it waits to be judged here.
        ['5', 'team-1', 'sum', 'python', 'late.py', null],
      ],
    );
    assert.equal(submissions[0].contestTimeMs, 12 * 60_000);
    assert.equal(store.submissions.source('1')?.source.toString(), 'print("Hello, World!")\n');
    assert.deepEqual(store.submissions.files('2')?.map((f) => [f.fileName, f.source.toString().split('\n')[0]]), [['sum.cpp', '#include <cstdio>'], ['sum.h', 'long sum(long, long);']]);
    // The rejudge: the first judgement replaced by the second.
    assert.deepEqual(store.judgements.list({ submissionId: '2' }).map((j) => [j.verdict, j.valid]), [['WA', false], ['AC', true]]);
    assert.deepEqual(store.judgements.runs(store.judgements.list({ submissionId: '1' })[0].id).map((r) => [r.ordinal, r.verdict, r.timeMs]), [[1, 'AC', 21], [2, 'AC', 34]]);
    // The answer follows its question, whichever came first in the file.
    // One to several teams or to a group: a copy to each of its teams (the group's are the folder's and the package's);
    // a team's reply follows the copy it was sent.
    assert.deepEqual(store.clarifications.list().map((c) => [c.id, c.fromTeamId, c.toTeamId, c.replyToId, c.problemId, c.text]), [
      ['1', 'team1', null, null, 'hello', 'Is the comma needed?'],
      ['2', null, 'team1', '1', 'hello', 'Yes.'],
      ['3', null, null, null, null, 'One hour left.'],
      ...['team1', 'team2', 'team3', 'team4', 'team5', 'team-1'].map((team, k) => [String(4 + k), null, team, null, null, 'To the participants.']),
      ['10', null, 'team1', null, null, 'To two teams.'],
      ['11', null, 'team-1', null, null, 'To two teams.'],
      ['12', 'team-1', null, '11', null, 'Why us?'],
    ]);
    assert.equal(store.clarifications.list({ teamId: 'obs' }).filter((c) => c.text === 'To the participants.').length, 0, 'not to a team outside the group');
    // The override the feed shows: judged WA, AC by the judges, audited; PE then WA is no override (both WA here).
    assert.deepEqual(store.judgements.overrides().map((o) => [o.submissionId, o.oldVerdict, o.newVerdict, o.by]), [['1', 'WA', 'AC', 'import']]);
    assert.deepEqual(store.judgements.list({ submissionId: '1' }).map((j) => [j.verdict, j.judgedVerdict, j.overridden]), [['AC', 'WA', true]]);
    assert.deepEqual(store.judgements.list({ submissionId: '3' }).map((j) => [j.verdict, j.overridden]), [['WA', false]]);
    // The teams the folder lacks, from the package: the observers hidden as their group is.
    const teams = new Map(store.contest.teams().map((t) => [t.id, t]));
    assert.deepEqual([teams.get('team-1')?.displayName, teams.get('team-1')?.organizationId, teams.get('obs')?.hidden, teams.get('team1')?.name], ['The Guests', 'organization-1', true, 'Segfault Society']);
    // The schedule and the final state are the package's.
    const contest = store.contest.get()!;
    assert.deepEqual([contest.id, contest.startTime, contest.durationMs, contest.freezeMs], ['sample', START_MS, 5 * 3_600_000, 3_600_000]);
    // Released, but not final: one submission has no verdict here yet.
    const state = store.contest.state(START_MS + 400 * 60_000);
    assert.deepEqual([state.thawed !== null, state.finalized, state.end_of_updates], [true, null, null]);
    assert.ok(result.report.includes("the package's results are final, but 1 submissions have no verdict here: they are judged when the contest is served, and the judges finalize the results then"));
  });

  test('what Verdict cannot hold is left out, each kind said once with its reason', () => {
    const expected = [
      /^problems not in the contest folder \(no package to judge with\): bonus \(X\); their 1 submissions are left out$/,
      /^1 submissions in languages Verdict does not know are left out$/,
      /^1 submissions without a source Verdict can read are left out: s-g7 \(no submissions\/s-g7\/files\.zip\)$/,
      /^judgement type SV is read as WA$/,
      /^1 judgements that had not finished are left out/,
      /^2 clarifications to several teams or to groups are imported as one to each of their teams/,
      /^1 verdicts the judges overrode \(a finished judgement given another type in event-feed\.ndjson\) are imported as overrides/,
      /^awards\.json is not read/,
    ];
    for (const line of expected) assert.ok(result.report.some((l) => line.test(l)), `${line}: in ${result.report.join('\n')}`);
  });

  test('Verdict\'s own event feed of what was imported: every object created before it is referred to', () => {
    const text = store.events.since(null, 100_000).map((e) => JSON.stringify({ type: e.type, id: e.id, data: e.data, token: e.token })).join('\n');
    const feed = assertFeed(text, 'the imported feed');
    assert.deepEqual(integrityProblems(feed), []);
    assert.deepEqual(feed.filter((e) => e.type === 'submissions').map((e) => e.id), ['1', '2', '3', '4', '5']);
    assert.equal(feed.filter((e) => e.type === 'runs').length, 4);
  });

  test('a wrong value names the file, the item and the field; a folder with no contest is not a package', async () => {
    const cases: [string, (files: Record<string, unknown>) => void, RegExp][] = [
      ['team-name', (f) => ((f['teams.json'] as Record<string, unknown>[])[1].name = 7), /teams\.json: item 2 \(id "guest 7"\): name: expected a string, got 7$/],
      ['run-ordinal', (f) => ((f['runs.json'] as Record<string, unknown>[])[0].ordinal = 0), /runs\.json: item 1 \(id "r-1"\): ordinal: expected a whole number from 1, got 0$/],
      ['time', (f) => ((f['submissions.json'] as Record<string, unknown>[])[0].time = 'noon'), /submissions\.json: item 1 \(id "s-b2"\): time: expected a CLICS TIME/],
      ['duration', (f) => ((f['contest.json'] as Record<string, unknown>).duration = 'five hours'), /contest\.json: the contest: duration: expected a CLICS RELTIME/],
      ['list', (f) => (f['judgements.json'] = { id: 'j-1' }), /judgements\.json: expected a JSON list, got a map$/],
      ['contest', (f) => delete f['contest.json'], /not a contest package: no verdict\.json .* and no contest\.json or contest\.yaml/],
    ];
    for (const [name, change, message] of cases) {
      const dir = writePackage(join(scratch, `bad-${name}`), change);
      await assert.rejects(importContestPackage(dir, def, join(scratch, `bad-data-${name}`)), message, name);
    }
  });
});
